/**
 * `antq import <residential-areas|models|team-members> <file>` and `antq import template`.
 *
 * Who acts: whoever runs the command on the server already holds the database's
 * credentials, so a token would prove nothing more. The command acts as an officer of the
 * unit given (`--unit 75`: a province officer; `--unit 25195`: a commune officer;
 * `--national`), so that the same jurisdiction checks as the API keep a province's file
 * from touching another's data by mistake, and the audit log records the actor as
 * `cli:<OS user>` with that role and unit. One of the two must be given: no default scope.
 */
import { readFile, writeFile } from 'node:fs/promises';
import { randomUUID } from 'node:crypto';
import { userInfo } from 'node:os';
import { vietnamDateOf, type ImportKind, type Viewer } from '@antq/core';
import type { Database } from '@antq/db';
import type { Secrets } from '../auth/secrets.js';
import { createContext } from '../context.js';
import { importSpreadsheet, type ImportResult } from './run.js';
import { templateCsv, templateXlsx } from './templates.js';

/** The command-line names of the kinds. */
export const KIND_OF_ARG: Record<string, ImportKind> = {
  'residential-areas': 'RESIDENTIAL_AREAS',
  models: 'MODELS',
  'team-members': 'TEAM_MEMBERS',
  assessments: 'ASSESSMENTS',
  gradings: 'GRADINGS',
};
export const KIND_ARGS = Object.keys(KIND_OF_ARG);

export class ImportUsageError extends Error {}

/** The officer the command acts as. */
export function cliViewer(options: { unit?: string; national?: boolean }): Viewer {
  const subject = `cli:${safeUser()}`;
  const unit = options.unit?.trim();
  if (options.national && unit) throw new ImportUsageError('give either --unit <code> or --national, not both');
  if (options.national) return { kind: 'OFFICER', role: 'NATIONAL', unitCode: null, subject };
  if (unit && /^\d{2}$/.test(unit)) return { kind: 'OFFICER', role: 'PROVINCE_OFFICER', unitCode: unit, subject };
  if (unit && /^\d{5}$/.test(unit)) return { kind: 'OFFICER', role: 'COMMUNE_OFFICER', unitCode: unit, subject };
  throw new ImportUsageError('say whose data this is: --unit <2-digit province or 5-digit commune code>, or --national');
}

function safeUser(): string {
  try {
    return userInfo().username;
  } catch {
    return 'unknown';
  }
}

/** Writes the template of `kind` in `format` to `out` (or stdout). */
export async function writeTemplate(kindArg: string | undefined, format: string | undefined, out: string | undefined): Promise<void> {
  const kind = kindArg ? KIND_OF_ARG[kindArg] : undefined;
  if (!kind) throw new ImportUsageError(`antq import template <${KIND_ARGS.join('|')}> [--format csv|xlsx] [--out <file>]`);
  const fmt = format ?? (out?.toLowerCase().endsWith('.xlsx') ? 'xlsx' : 'csv');
  if (fmt !== 'csv' && fmt !== 'xlsx') throw new ImportUsageError('--format is csv or xlsx');
  const bytes = fmt === 'csv' ? templateCsv(kind) : await templateXlsx(kind);
  if (out) await writeFile(out, bytes);
  else process.stdout.write(bytes);
}

/** Runs an import of `file` as `viewer`; prints the report (no cell contents) and answers the exit code: 0 done or clean, 1 problems. */
export async function runImport(
  db: Database,
  secrets: Secrets,
  kindArg: string,
  file: string | undefined,
  viewer: Viewer,
  dryRun: boolean,
  log: (m: string) => void,
): Promise<number> {
  const kind = KIND_OF_ARG[kindArg];
  if (!kind || !file) throw new ImportUsageError(`antq import <${KIND_ARGS.join('|')}> <file> [--dry-run] (--unit <code> | --national)`);
  const bytes = new Uint8Array(await readFile(file));
  const ctx = await createContext({ db, secrets }, { viewer, today: vietnamDateOf(new Date()), requestId: `cli-${randomUUID()}` });
  const result = await importSpreadsheet(ctx, { kind, source: { size: bytes.byteLength, read: async () => bytes }, dryRun });
  for (const line of describe(result)) log(line);
  return 'rowCount' in result && result.problems.length === 0 ? 0 : 1;
}

/** The result as lines for a terminal: counts, then each problem (row, column, code, message). */
export function describe(result: ImportResult): string[] {
  if ('rowCount' in result) {
    const head = `${result.kind} (${result.format}): ${result.rowCount} rows, ${result.validRowCount} valid, ${result.problems.length} problems; ${result.written ? `${result.createdCount} written` : result.dryRun ? 'dry run: nothing written' : 'nothing written'}`;
    const ignored = result.ignoredColumns.length ? [`columns not read: ${result.ignoredColumns.join(', ')}`] : [];
    return [
      head,
      ...ignored,
      ...result.problems.map(
        (p) => `  row ${p.row}, ${p.column}: ${p.code}: ${p.message.vi} / ${p.message.en}${p.detail ? ` (${p.detail})` : ''}`,
      ),
    ];
  }
  if (result.code === 'FILE_REJECTED')
    return [
      `file rejected: ${result.message.en}`,
      ...result.problems.map((p) => `  ${p.code}${p.column ? ` (${p.column})` : ''}: ${p.message.vi} / ${p.message.en}`),
    ];
  return [`${result.code}: ${result.message}`];
}
