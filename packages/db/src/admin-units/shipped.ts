/**
 * The administrative units as they ship with @antq/db: the plan of the three eras and the
 * 2025 lineage, generated from the published files (`pnpm --filter @antq/db generate-data`)
 * into `data/admin-units/`, compressed with Brotli (1.9 MiB of JSON in 176 KiB; gzip -9 gave 270 KiB). Importing it needs no source folder and no
 * planning; `ANTQ_ADMIN_UNITS_DIR` or an explicit folder still imports the sources instead.
 *
 * The file is JSON, one unit or link per line (so that a diff of the decompressed text shows what changed):
 * units in plan order, links naming their units by index. The digests of the source files
 * travel with it, so that the import log records the same sources either way.
 */
import { existsSync, readFileSync } from 'node:fs';
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { brotliCompressSync, brotliDecompressSync, constants } from 'node:zlib';
import type { IsoDate, LineageKind } from '@antq/core';
import { ADMIN_UNIT_ERAS } from './eras.js';
import { planAdminUnits, searchTextOf, type EraInput, type Plan, type PlannedUnit } from './plan.js';
import { readMerges, readSplits, readThreeLevelSnapshot, readTwoLevelSnapshot, type SourceUnit } from './sources.js';

/** A source file that went into a plan, by name and SHA-256 of its bytes. */
export interface SourceDigest {
  file: string;
  sha256: string;
}

/** A plan with the files it was made from. */
export interface SourcedPlan {
  plan: Plan;
  sources: SourceDigest[];
}

/** The file name of the shipped plan, and the licences that travel with it. */
export const SHIPPED_PLAN_FILE = 'admin-units.json.br';
export const SHIPPED_LICENCES = ['LICENSE-vietnamese-provinces-database.txt', 'LICENSE-dvhcvn-20250701.txt'] as const;
const FORMAT = 'antq-admin-units/1';

/** Reads and checks every source file in `dir`, then plans the units through time. */
export async function planFromSources(dir: string): Promise<SourcedPlan> {
  const sources: SourceDigest[] = [];
  const eras: EraInput[] = [];
  for (const era of ADMIN_UNIT_ERAS) {
    const snapshot = era.shape === 'three-level' ? await readThreeLevelSnapshot(dir, era.file) : await readTwoLevelSnapshot(dir, era.file);
    sources.push({ file: snapshot.file, sha256: snapshot.sha256 });
    const input: EraInput = { from: era.from, file: era.file, units: snapshot.content };
    if (era.lineage) {
      const merges = await readMerges(dir, era.lineage.merges);
      const splits = await readSplits(dir, era.lineage.splits);
      sources.push({ file: merges.file, sha256: merges.sha256 }, { file: splits.file, sha256: splits.sha256 });
      input.lineage = { file: merges.file, links: merges.content, splits: { file: splits.file, pairs: splits.content } };
    }
    eras.push(input);
  }
  return { plan: planAdminUnits(eras), sources };
}

type UnitRow = [
  code: string,
  level: SourceUnit['level'],
  kind: string,
  name: string,
  fullName: string,
  nameEn: string | null,
  fullNameEn: string | null,
  parentCode: string | null,
  validFrom: IsoDate | null,
  validTo: IsoDate | null,
];
type LinkRow = [predecessor: number, successor: number, kind: LineageKind, date: IsoDate];

/** The shipped file's text for a plan: deterministic (same plan, same text). */
export function serializePlan({ plan, sources }: SourcedPlan): string {
  const index = new Map(plan.units.map((u, i) => [u, i]));
  const unitRows = plan.units.map((u): UnitRow => [
    u.code,
    u.level,
    u.kind,
    u.name,
    u.fullName,
    u.nameEn,
    u.fullNameEn,
    u.parentCode,
    u.validFrom,
    u.validTo,
  ]);
  const linkRows = plan.links.map((l): LinkRow => [index.get(l.predecessor)!, index.get(l.successor)!, l.kind, l.date]);
  const lines = (rows: unknown[]) => rows.map((r) => JSON.stringify(r)).join(',\n');
  return (
    `{"format":${JSON.stringify(FORMAT)},\n` +
    `"sources":[\n${lines(sources)}\n],\n` +
    `"units":[\n${lines(unitRows)}\n],\n` +
    `"links":[\n${lines(linkRows)}\n],\n` +
    `"warnings":[\n${lines(plan.warnings)}\n]}\n`
  );
}

/** The plan back from the shipped file's text. */
export function parsePlan(text: string): SourcedPlan {
  const json = JSON.parse(text) as { format: string; sources: SourceDigest[]; units: UnitRow[]; links: LinkRow[]; warnings: string[] };
  if (json.format !== FORMAT) throw new Error(`the shipped administrative units are in format ${json.format}, not ${FORMAT}`);
  const units = json.units.map(([code, level, kind, name, fullName, nameEn, fullNameEn, parentCode, validFrom, validTo]): PlannedUnit => {
    const unit = { code, level, kind, name, fullName, nameEn, fullNameEn, parentCode, validFrom, validTo };
    return { ...unit, searchText: searchTextOf(unit) };
  });
  const links = json.links.map(([p, s, kind, date]) => ({ predecessor: units[p]!, successor: units[s]!, kind, date }));
  return { plan: { units, links, warnings: json.warnings }, sources: json.sources };
}

/** The folder of the shipped data: `data/admin-units` of the @antq/db package this module is part of. */
export function shippedDataDir(): string {
  // From src/admin-units/ in the workspace, from dist/ once built: the package root is the
  // nearest folder above with a package.json.
  for (let dir = dirname(fileURLToPath(import.meta.url)); ; dir = dirname(dir)) {
    if (existsSync(join(dir, 'package.json'))) return join(dir, 'data', 'admin-units');
    if (dirname(dir) === dir) throw new Error('@antq/db: the package folder (with package.json) was not found');
  }
}

/** The shipped plan, decompressed and read (about 0.1 s; reading and planning the sources takes about 3 s). */
export function readShippedPlan(dir = shippedDataDir()): SourcedPlan {
  return parsePlan(readShippedText(dir));
}

/** The shipped file's text, decompressed. */
export function readShippedText(dir = shippedDataDir()): string {
  return brotliDecompressSync(readFileSync(join(dir, SHIPPED_PLAN_FILE))).toString('utf8');
}

/** Writes the shipped data from the sources in `sourceDir`: the plan, compressed, and the licences. */
export async function writeShippedData(sourceDir: string, dir = shippedDataDir()): Promise<{ text: string; bytes: number }> {
  const text = serializePlan(await planFromSources(sourceDir));
  await mkdir(dir, { recursive: true });
  const compressed = brotliCompressSync(text, {
    params: { [constants.BROTLI_PARAM_QUALITY]: constants.BROTLI_MAX_QUALITY, [constants.BROTLI_PARAM_SIZE_HINT]: Buffer.byteLength(text) },
  });
  await writeFile(join(dir, SHIPPED_PLAN_FILE), compressed);
  // Copied as text, not with copyFile, so that a read-only source leaves a writable copy.
  for (const licence of SHIPPED_LICENCES) await writeFile(join(dir, licence), await readFile(join(sourceDir, licence)));
  return { text, bytes: compressed.length };
}

/**
 * Whether the shipped data is what the sources in `sourceDir` produce: the plan's text
 * (compared decompressed, since zlib versions may compress the same text differently)
 * and the licences. Returns the differences, none when equal.
 */
export async function compareShippedData(sourceDir: string, dir = shippedDataDir()): Promise<string[]> {
  const problems: string[] = [];
  const expected = serializePlan(await planFromSources(sourceDir));
  const shipped = existsSync(join(dir, SHIPPED_PLAN_FILE)) ? readShippedText(dir) : null;
  if (shipped === null) problems.push(`${SHIPPED_PLAN_FILE} is missing`);
  else if (shipped !== expected) {
    const [a, b] = [shipped.split('\n'), expected.split('\n')];
    let line = 0;
    while (a[line] === b[line]) line++;
    problems.push(
      `${SHIPPED_PLAN_FILE} differs from what the sources give at line ${line + 1}: shipped ${a[line] ?? '(end)'}, generated ${b[line] ?? '(end)'}`,
    );
  }
  for (const licence of SHIPPED_LICENCES) {
    const shippedLicence = existsSync(join(dir, licence)) ? await readFile(join(dir, licence), 'utf8') : null;
    if (shippedLicence !== (await readFile(join(sourceDir, licence), 'utf8'))) problems.push(`${licence} is missing or differs`);
  }
  return problems;
}
