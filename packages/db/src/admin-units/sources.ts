/**
 * Reading the published administrative-unit files (see shared/data/admin-units/README.md):
 * three snapshots and the 2025 lineage. Every file is checked in full before anything is
 * written, and a malformed one is rejected with the file, the record and the problem.
 */
import { createHash } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { z } from 'zod';

/** A file that cannot be imported, with where and why. */
export class AdminUnitsFileError extends Error {
  constructor(
    readonly file: string,
    readonly record: string,
    readonly problem: string,
  ) {
    super(`${file}: ${record}: ${problem}`);
    this.name = 'AdminUnitsFileError';
  }
}

const name = z.string().trim().min(1, 'is empty');
const code = (digits: number) => z.string().regex(new RegExp(`^\\d{${digits}}$`), `must be ${digits} digits`);
const unitFields = (digits: number) => ({
  Code: code(digits),
  Name: name,
  NameEn: z.string().nullish(),
  FullName: name,
  FullNameEn: z.string().nullish(),
});

const threeLevelSnapshot = z.array(
  z.object({
    ...unitFields(2),
    District: z.array(
      z.object({
        ...unitFields(3),
        ProvinceCode: code(2),
        // Five island districts have no communes: `Ward: null`.
        Ward: z.array(z.object({ ...unitFields(5), DistrictCode: code(3) })).nullable(),
      }),
    ),
  }),
);

const twoLevelSnapshot = z.array(
  z.object({
    ...unitFields(2),
    Wards: z.array(z.object({ ...unitFields(5), ProvinceCode: code(2) })),
  }),
);

const oldCode = z.string().regex(/^(\d{2}|\d{3}|\d{5})$/, 'must be a 2-, 3- or 5-digit code');
const mergesFile = z.object({
  data: z.array(
    z.object({
      level1_id: code(2),
      name,
      merges: z.array(z.object({ old_id: oldCode, name, type: z.enum(['full', 'partial']) })),
      level2s: z.array(
        z.object({
          level2_id: code(5),
          name,
          merges: z.array(z.object({ old_id: oldCode, name, type: z.enum(['full', 'partial']) })),
        }),
      ),
    }),
  ),
});

const splitsFile = z.object({
  data: z.array(
    z.object({
      level1_id: code(2),
      splits: z.array(z.object({ new_id: code(2) })),
      level2s: z.array(z.object({ level2_id: code(3), splits: z.array(z.object({ new_id: code(5) })) })).optional(),
      level3s: z.array(z.object({ level3_id: code(5), splits: z.array(z.object({ new_id: code(5) })) })),
    }),
  ),
});

/** One unit as a snapshot states it. */
export interface SourceUnit {
  code: string;
  level: 'PROVINCE' | 'DISTRICT' | 'COMMUNE';
  name: string;
  fullName: string;
  nameEn: string | null;
  fullNameEn: string | null;
  parentCode: string | null;
}

/** A link as the lineage states it, old code → new code. */
export interface SourceLink {
  oldCode: string;
  newCode: string;
  kind: 'FULL' | 'PARTIAL';
}

/** A file read and checked, with its digest for the import log. */
export interface SourceFile<T> {
  file: string;
  sha256: string;
  content: T;
}

async function readJson<S extends z.ZodType>(dir: string, file: string, schema: S): Promise<SourceFile<z.infer<S>>> {
  let text: string;
  try {
    text = await readFile(join(dir, file), 'utf8');
  } catch (error) {
    throw new AdminUnitsFileError(file, '(file)', `cannot be read: ${(error as NodeJS.ErrnoException).code ?? String(error)}`);
  }
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (error) {
    throw new AdminUnitsFileError(file, '(file)', `is not valid JSON: ${(error as Error).message}`);
  }
  const parsed = schema.safeParse(json);
  if (!parsed.success) {
    const issue = parsed.error.issues[0]!;
    const field = issue.path.at(-1);
    throw new AdminUnitsFileError(
      file,
      describeRecord(json, issue.path),
      typeof field === 'string' ? `${field}: ${issue.message}` : issue.message,
    );
  }
  return { file, sha256: createHash('sha256').update(text).digest('hex'), content: parsed.data };
}

/** `record [12].District[3] (code 123, Huyện X)`: the record a clerk can find in the file. */
function describeRecord(json: unknown, path: PropertyKey[]): string {
  let node: unknown = json;
  let label = '';
  let last = '';
  for (const key of path) {
    if (node === null || typeof node !== 'object') break;
    const child = (node as Record<PropertyKey, unknown>)[key];
    const step = typeof key === 'number' ? `[${String(key)}]` : `${label ? '.' : ''}${String(key)}`;
    // A field of the record (its name is in the problem); an array element is a record.
    if (child === null || typeof child !== 'object') {
      if (typeof key === 'number') label += step;
      break;
    }
    node = child;
    label += step;
    if (!Array.isArray(child)) {
      const r = child as Record<string, unknown>;
      const id = r.Code ?? r.level1_id ?? r.level2_id ?? r.level3_id ?? r.old_id ?? r.new_id;
      const n = r.FullName ?? r.name;
      const parts = [id !== undefined ? `code ${String(id)}` : '', n !== undefined ? String(n) : ''].filter(Boolean);
      if (parts.length) last = ` (${parts.join(', ')})`;
    }
  }
  return `record ${label || '(root)'}${last}`;
}

/** Reads a snapshot of units: its records flattened by `unitsOf`, parents before their children, each code once. */
async function readUnitSnapshot<S extends z.ZodType>(
  dir: string,
  file: string,
  schema: S,
  unitsOf: (content: z.infer<S>) => SourceUnit[],
): Promise<SourceFile<SourceUnit[]>> {
  const source = await readJson(dir, file, schema);
  return { ...source, content: unique(file, unitsOf(source.content)) };
}

/** Reads a snapshot of the three-level era. */
export async function readThreeLevelSnapshot(dir: string, file: string): Promise<SourceFile<SourceUnit[]>> {
  return readUnitSnapshot(dir, file, threeLevelSnapshot, (provinces) =>
    provinces.flatMap((p) => [
      unit(p, 'PROVINCE', null),
      ...p.District.flatMap((d) => [
        listedUnder(file, d, 'DISTRICT', 'ProvinceCode', p.Code),
        ...(d.Ward ?? []).map((w) => listedUnder(file, w, 'COMMUNE', 'DistrictCode', d.Code)),
      ]),
    ]),
  );
}

/** Reads a snapshot of the two-level era (from 2025-07-01). */
export async function readTwoLevelSnapshot(dir: string, file: string): Promise<SourceFile<SourceUnit[]>> {
  return readUnitSnapshot(dir, file, twoLevelSnapshot, (provinces) =>
    provinces.flatMap((p) => [unit(p, 'PROVINCE', null), ...p.Wards.map((w) => listedUnder(file, w, 'COMMUNE', 'ProvinceCode', p.Code))]),
  );
}

/** Reads the new → old lineage of a reform (`lineage-*-merges.json`). */
export async function readMerges(dir: string, file: string): Promise<SourceFile<SourceLink[]>> {
  const source = await readJson(dir, file, mergesFile);
  const links: SourceLink[] = [];
  for (const p of source.content.data) {
    for (const m of p.merges) links.push({ oldCode: m.old_id, newCode: p.level1_id, kind: kindOf(m.type) });
    for (const c of p.level2s) for (const m of c.merges) links.push({ oldCode: m.old_id, newCode: c.level2_id, kind: kindOf(m.type) });
  }
  return { ...source, content: links };
}

/** Reads the old → new lineage of a reform (`lineage-*-splits.json`): pairs only, no kinds. */
export async function readSplits(dir: string, file: string): Promise<SourceFile<Array<[string, string]>>> {
  const source = await readJson(dir, file, splitsFile);
  const pairs: Array<[string, string]> = [];
  for (const p of source.content.data) {
    for (const s of p.splits) pairs.push([p.level1_id, s.new_id]);
    for (const d of p.level2s ?? []) for (const s of d.splits) pairs.push([d.level2_id, s.new_id]);
    for (const c of p.level3s) for (const s of c.splits) pairs.push([c.level3_id, s.new_id]);
  }
  return { ...source, content: pairs };
}

function kindOf(type: 'full' | 'partial'): 'FULL' | 'PARTIAL' {
  return type === 'full' ? 'FULL' : 'PARTIAL';
}

function unit(
  r: { Code: string; Name: string; FullName: string; NameEn?: string | null | undefined; FullNameEn?: string | null | undefined },
  level: SourceUnit['level'],
  parentCode: string | null,
): SourceUnit {
  return {
    code: r.Code,
    level,
    name: r.Name.normalize('NFC'),
    fullName: r.FullName.normalize('NFC'),
    nameEn: r.NameEn?.trim() || null,
    fullNameEn: r.FullNameEn?.trim() || null,
    parentCode,
  };
}

/** The unit of a record listed under the unit `parentCode`, once the record's own `field` names that parent too. */
function listedUnder<F extends 'ProvinceCode' | 'DistrictCode'>(
  file: string,
  r: Parameters<typeof unit>[0] & Readonly<Record<F, string>>,
  level: SourceUnit['level'],
  field: F,
  parentCode: string,
): SourceUnit {
  if (r[field] !== parentCode) mismatch(file, r.Code, field, r[field], parentCode);
  return unit(r, level, parentCode);
}

function mismatch(file: string, code: string, field: string, found: string, expected: string): never {
  throw new AdminUnitsFileError(file, `unit ${code}`, `${field} is ${found} but the unit is listed under ${expected}`);
}

function unique(file: string, units: SourceUnit[]): SourceUnit[] {
  const seen = new Set<string>();
  for (const u of units) {
    if (seen.has(u.code)) throw new AdminUnitsFileError(file, `unit ${u.code} (${u.fullName})`, 'code appears twice');
    seen.add(u.code);
  }
  return units;
}
