/**
 * Importing a spreadsheet: read the file, read its rows against the kind's columns (core),
 * judge every row as the matching mutation judges its input, with the database looked up
 * in bulk (a constant number of statements for 10 rows or 5,000), and then:
 *  - a dry run answers the report (every bad row: row, column, problem) and writes nothing,
 *    not even an audit entry, so that checking a file leaves no trace;
 *  - a real run with any problem writes nothing but its refusal's audit entry;
 *  - a real run without problems writes every row in one transaction, audited as one entry
 *    whose reason holds the kind and the counts (never a cell's content).
 */
import { readSheet, type FileProblem, type ImportKind, type Label, type Resource, type RowProblem } from '@antq/core';
import { mayAccess } from '../access.js';
import { audit } from '../audit/record.js';
import type { Context } from '../context.js';
import { userErrors, type UserError } from '../errors.js';
import { checkAreas } from './areas.js';
import { checkAssessments, checkGradings } from './assessments.js';
import { checkMembers, StaleTeams } from './members.js';
import { checkModels } from './models.js';
import { IMPORT_LIMITS, readSpreadsheet, tooLarge, type ImportLimits } from './read.js';
import { commonCodes } from './row-problems.js';

export interface ImportReport {
  readonly kind: ImportKind;
  readonly format: 'XLSX' | 'CSV';
  readonly dryRun: boolean;
  /** Whether the rows were written (a real run without problems). */
  readonly written: boolean;
  readonly rowCount: number;
  readonly validRowCount: number;
  readonly createdCount: number;
  /** Every problem, by row then column. */
  readonly problems: RowProblem[];
  /** Headers of the file that are not columns of the kind: not read. */
  readonly ignoredColumns: string[];
}

/** The file cannot be imported at all (encoding, format, size, a missing column…). */
export interface ImportFileRejection {
  readonly code: 'FILE_REJECTED';
  readonly message: Label;
  readonly problems: FileProblem[];
}

export type ImportResult = ImportReport | ImportFileRejection | UserError;

/** The resource a kind writes, for the policy. */
export const IMPORT_RESOURCE: Record<ImportKind, Resource> = {
  RESIDENTIAL_AREAS: 'RESIDENTIAL_AREA',
  MODELS: 'MODEL',
  TEAM_MEMBERS: 'TEAM_MEMBER',
  ASSESSMENTS: 'ASSESSMENT',
  GRADINGS: 'ASSESSMENT',
};

const ACTION = 'importSpreadsheet';
const REJECTED: Label = { vi: 'Không nhập được tệp: xem từng lỗi.', en: 'The file cannot be imported: see each problem.' };

export interface ImportRequest {
  readonly kind: ImportKind;
  /** The file: its size (checked before it is read) and its bytes. */
  readonly source: { readonly size: number; readonly read: () => Promise<Uint8Array> };
  readonly dryRun: boolean;
  readonly limits?: ImportLimits;
}

export async function importSpreadsheet(
  ctx: Context,
  { kind, source, dryRun, limits = IMPORT_LIMITS }: ImportRequest,
): Promise<ImportResult> {
  const refuse = async <E extends UserError | ImportFileRejection>(
    error: E,
    reason: string | null,
    placeCodes: readonly string[] = [],
  ): Promise<E> => {
    if (!dryRun) await audit(ctx.db.prisma, ctx, { action: ACTION, entity: 'Import', placeCodes, reason, outcome: error.code });
    return error;
  };
  if (!mayAccess(ctx, IMPORT_RESOURCE[kind], 'WRITE')) return refuse(userErrors.forbidden(), null);

  const file = source.size > limits.maxBytes ? tooLarge(limits) : await readSpreadsheet(kind, await source.read(), limits);
  if (!file.ok)
    return refuse(
      { code: 'FILE_REJECTED', message: REJECTED, problems: file.problems },
      `${kind}: file rejected (${file.problems.map((p) => p.code).join(', ')})`,
    );
  const read = readSheet(kind, file.sheet);
  if (!read.ok)
    return refuse(
      { code: 'FILE_REJECTED', message: REJECTED, problems: read.problems },
      `${kind}: file rejected (${read.problems.map((p) => p.code).join(', ')})`,
    );

  const headers = read.headers as Record<string, string>;
  const checked =
    kind === 'RESIDENTIAL_AREAS'
      ? await checkAreas(ctx, read.rows as never, headers)
      : kind === 'MODELS'
        ? await checkModels(ctx, read.rows as never, headers)
        : kind === 'TEAM_MEMBERS'
          ? await checkMembers(ctx, read.rows as never, headers)
          : kind === 'ASSESSMENTS'
            ? await checkAssessments(ctx, read.rows as never, headers)
            : await checkGradings(ctx, read.rows as never, headers);
  const problems = [...checked.problems].sort((a, b) => a.row - b.row || columnOrder(headers, a.column) - columnOrder(headers, b.column));
  const badRows = new Set(problems.map((p) => p.row)).size;
  const report = (written: boolean, created: number): ImportReport => ({
    kind,
    format: file.format,
    dryRun,
    written,
    rowCount: read.rows.length,
    validRowCount: read.rows.length - badRows,
    createdCount: created,
    problems,
    ignoredColumns: read.ignored,
  });
  const placeCodes = commonCodes(checked.placeCodes);
  const counts = `${kind}: ${read.rows.length} rows`;
  if (dryRun) return report(false, 0);
  if (problems.length) {
    await audit(ctx.db.prisma, ctx, {
      action: ACTION,
      entity: 'Import',
      placeCodes,
      reason: `${counts}, ${badRows} with problems, nothing written`,
      outcome: 'VALIDATION',
    });
    return report(false, 0);
  }
  try {
    const created = await ctx.db.prisma.$transaction(
      async (tx) => {
        const n = await checked.write(tx);
        await audit(tx, ctx, { action: ACTION, entity: 'Import', placeCodes, reason: `${counts}, ${n} created` });
        return n;
      },
      { timeout: 60_000, maxWait: 10_000 },
    );
    return report(true, created);
  } catch (error) {
    if (!(error instanceof StaleTeams)) throw error;
    return refuse(
      userErrors.invalid([{ path: ['file'], message: error.message }], {
        vi: 'Có tổ vừa bị người khác thay đổi: hãy nhập lại tệp.',
        en: 'A team was changed meanwhile: import the file again.',
      }),
      `${counts}, stale`,
      placeCodes,
    );
  }
}

const columnOrder = (headers: Record<string, string>, column: string) => Object.values(headers).indexOf(column);
