import { copyFile, mkdtemp, readFile, readdir, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../src/database.js';
import { findAdminUnitsDir, importAdminUnits, type ImportSummary } from '../src/admin-units/import.js';
import { ADMIN_UNIT_ERAS } from '../src/admin-units/eras.js';
import { describeEachDatabase } from './support/databases.js';
import { rowEstimates } from './support/statistics.js';

// The units shipped with @antq/db, imported once per database; the published source files
// (shared/data/admin-units), where present, for the import from a folder.
const DIR = findAdminUnitsDir();
if (!DIR) {
  console.warn(
    '\n⚠⚠⚠ shared/data/admin-units not found (set ANTQ_ADMIN_UNITS_DIR): the tests of the import from the source files are SKIPPED (the shipped data is tested)\n',
  );
}

const day = (iso: string) => new Date(`${iso}T00:00:00Z`);
const validOn = (iso: string) => ({
  AND: [{ OR: [{ validFrom: null }, { validFrom: { lte: day(iso) } }] }, { OR: [{ validTo: null }, { validTo: { gte: day(iso) } }] }],
});

/** Row counts and a digest of every row of every table: equal means nothing changed. */
async function fingerprint(db: Database) {
  const [row] = await db.prisma.$queryRawUnsafe<Array<Record<string, unknown>>>(`
    select (select count(*) from "AdminUnit")::int as units,
           (select count(*) from "LineageLink")::int as links,
           (select count(*) from "ImportRun")::int as runs,
           (select md5(coalesce(string_agg(t::text, E'\\n' order by t.id), '')) from "AdminUnit" t) as units_md5,
           (select md5(coalesce(string_agg(t::text, E'\\n' order by t."predecessorId", t."successorId"), '')) from "LineageLink" t) as links_md5,
           (select md5(coalesce(string_agg(t::text, E'\\n' order by t.id), '')) from "ImportRun" t) as runs_md5`);
  return row!;
}

/** The real files copied into a fresh directory, with one of them rewritten by `damage`. */
async function damagedCopy(file: string, damage: (json: any) => unknown): Promise<string> {
  const dir = await mkdtemp(join(tmpdir(), 'antq-admin-units-'));
  for (const name of await readdir(DIR!)) if (name.endsWith('.json')) await copyFile(join(DIR!, name), join(dir, name));
  const text = await readFile(join(dir, file), 'utf8');
  const damaged = damage(JSON.parse(text));
  await writeFile(join(dir, file), typeof damaged === 'string' ? damaged : JSON.stringify(damaged));
  return dir;
}

describe('import of the real administrative units', () => {
  describeEachDatabase('import', (getDb) => {
    let first: ImportSummary;
    const progress: string[] = [];
    beforeAll(async () => {
      first = await importAdminUnits(getDb(), null, (message) => progress.push(message));
    });

    const units = (where: object) => getDb().prisma.adminUnit.count({ where });
    const unitOn = (code: string, iso: string) => getDb().prisma.adminUnit.findFirst({ where: { code, ...validOn(iso) } });

    it('writes every era in turn, showing progress, and reports the source defects it skipped', () => {
      expect(first.eras.map((e) => [e.file, e.inserted, e.updated])).toEqual([
        ['units-2025-01-01.json', 10_794, 0],
        ['units-2025-07-01.json', 3_344, 0],
        ['units-2026-04-30.json', 12, 0],
      ]);
      for (const [i] of ADMIN_UNIT_ERAS.entries())
        expect(progress.some((m) => m.startsWith(`era ${i + 1}/3 `) && m.includes('inserted'))).toBe(true);
      expect(first.warnings).toHaveLength(21);
      expect(first.warnings).toContain('units-2026-04-30.json: unit 06325: "xã Bắc Sơn" read as "Xã Bắc Sơn"');
      expect(first.warnings).toContain('units-2026-04-30.json: unit 16561: "Phư\uFFFD\uFFFDng Tĩnh Gia" read as "Phường Tĩnh Gia"');
      expect(first.warnings).toContain(
        'lineage-2025-07-01-merges.json: 06886 → 06970: no unit 06970 in units-2025-07-01.json; link skipped',
      );
    });

    it('vacuums and analyses the units and links it wrote: the planner has statistics at once (PGlite has no autovacuum)', async () => {
      expect(progress.some((m) => /^units and lineage links vacuumed and analysed \(\d+ ms\)$/.test(m))).toBe(true);
      const estimates = await rowEstimates(getDb(), ['AdminUnit', 'LineageLink']);
      expect(estimates.AdminUnit).toBeGreaterThan(10_000);
      expect(estimates.LineageLink).toBeGreaterThan(10_000);
    });

    it('holds 14,150 units and 10,650 lineage links', async () => {
      expect(await getDb().prisma.adminUnit.count()).toBe(14_150);
      expect(await getDb().prisma.lineageLink.count()).toBe(10_650);
    });

    it.each([
      ['2024-06-01', 63, 696, 10_035],
      ['2025-01-01', 63, 696, 10_035],
      ['2025-06-30', 63, 696, 10_035],
      ['2025-07-01', 34, 0, 3_321],
      ['2026-04-29', 34, 0, 3_321],
      ['2026-04-30', 34, 0, 3_321],
      ['2026-06-01', 34, 0, 3_321],
    ])('on %s: %i provinces, %i districts, %i communes', async (date, provinces, districts, communes) => {
      expect(await units({ level: 'PROVINCE', ...validOn(date) })).toBe(provinces);
      expect(await units({ level: 'DISTRICT', ...validOn(date) })).toBe(districts);
      expect(await units({ level: 'COMMUNE', ...validOn(date) })).toBe(communes);
    });

    it('has Tỉnh Bình Phước (70) with 11 districts and 111 communes on 2024-06-01, searchable without diacritics', async () => {
      const province = await unitOn('70', '2024-06-01');
      expect(province).toMatchObject({
        fullName: 'Tỉnh Bình Phước',
        level: 'PROVINCE',
        kind: 'TINH',
        validFrom: null,
        validTo: day('2025-06-30'),
      });
      expect(province!.searchText).toContain('binh phuoc');
      const districts = await getDb().prisma.adminUnit.findMany({
        where: { parentCode: '70', ...validOn('2024-06-01') },
        select: { code: true, level: true },
      });
      expect(districts).toHaveLength(11);
      expect(new Set(districts.map((d) => d.level))).toEqual(new Set(['DISTRICT']));
      expect(await units({ parentCode: { in: districts.map((d) => d.code) }, level: 'COMMUNE', ...validOn('2024-06-01') })).toBe(111);
    });

    it('has no unit 70 on 2025-08-01, and Tỉnh Đồng Nai (75) with 95 communes', async () => {
      expect(await unitOn('70', '2025-08-01')).toBeNull();
      expect(await unitOn('75', '2025-08-01')).toMatchObject({
        fullName: 'Tỉnh Đồng Nai',
        kind: 'TINH',
        validFrom: day('2025-07-01'),
        validTo: day('2026-04-29'),
      });
      expect(await units({ parentCode: '75', level: 'COMMUNE', ...validOn('2025-08-01') })).toBe(95);
    });

    it('has Thành phố Đồng Nai (75), a centrally-run city, on 2026-06-01, still with 95 communes', async () => {
      expect(await unitOn('75', '2026-06-01')).toMatchObject({
        fullName: 'Thành phố Đồng Nai',
        kind: 'THANH_PHO_TRUC_THUOC_TRUNG_UONG',
        validFrom: day('2026-04-30'),
        validTo: null,
      });
      expect(await units({ parentCode: '75', level: 'COMMUNE', ...validOn('2026-06-01') })).toBe(95);
    });

    it('links Bình Phước to its one successor, the 2025-07-01 Đồng Nai, FULL; and that to Thành phố Đồng Nai', async () => {
      const binhPhuoc = await unitOn('70', '2024-06-01');
      const successors = await getDb().prisma.lineageLink.findMany({
        where: { predecessorId: binhPhuoc!.id },
        include: { successor: true },
      });
      expect(successors.map((l) => [l.kind, l.date, l.successor.code, l.successor.fullName, l.successor.validFrom])).toEqual([
        ['FULL', day('2025-07-01'), '75', 'Tỉnh Đồng Nai', day('2025-07-01')],
      ]);
      const dongNai2025 = successors[0]!.successor;
      const into = await getDb().prisma.lineageLink.findMany({
        where: { successorId: dongNai2025.id },
        include: { predecessor: true },
        orderBy: { predecessor: { code: 'asc' } },
      });
      expect(into.map((l) => [l.predecessor.code, l.predecessor.validFrom, l.kind])).toEqual([
        ['70', null, 'FULL'],
        ['75', null, 'FULL'],
      ]);
      const onward = await getDb().prisma.lineageLink.findMany({ where: { predecessorId: dongNai2025.id }, include: { successor: true } });
      expect(onward.map((l) => [l.kind, l.date, l.successor.fullName])).toEqual([['FULL', day('2026-04-30'), 'Thành phố Đồng Nai']]);
    });

    it('links Thị trấn Lộc Ninh → Xã Lộc Ninh (2025-07-01) → Phường Lộc Ninh (2026-04-30) under code 25270', async () => {
      const versions = await getDb().prisma.adminUnit.findMany({
        where: { code: '25270' },
        orderBy: { validFrom: { sort: 'asc', nulls: 'first' } },
        include: { successors: { include: { successor: true } } },
      });
      expect(versions.map((u) => [u.fullName, u.kind, u.parentCode, u.validFrom, u.validTo])).toEqual([
        ['Thị trấn Lộc Ninh', 'THI_TRAN', '692', null, day('2025-06-30')],
        ['Xã Lộc Ninh', 'XA', '75', day('2025-07-01'), day('2026-04-29')],
        ['Phường Lộc Ninh', 'PHUONG', '75', day('2026-04-30'), null],
      ]);
      expect(versions[0]!.successors.map((l) => [l.kind, l.successor.id])).toEqual([['FULL', versions[1]!.id]]);
      expect(versions[1]!.successors.map((l) => [l.kind, l.successor.id])).toEqual([['FULL', versions[2]!.id]]);
    });

    it('tells apart the two units that share code 00004 (Phường Trúc Bạch, then Phường Ba Đình)', async () => {
      expect((await unitOn('00004', '2025-06-30'))?.fullName).toBe('Phường Trúc Bạch');
      expect((await unitOn('00004', '2025-07-01'))?.fullName).toBe('Phường Ba Đình');
    });

    it('keeps a unit whose name only moved a tone mark in 2026 as one unit, in the newer spelling', async () => {
      // 207 names differ between the two 2025-07-01 and 2026-04-30 snapshots, but only 12 units changed.
      const tone = await getDb().prisma.adminUnit.findMany({
        where: { validFrom: day('2025-07-01'), validTo: null, fullName: { contains: 'oà' } },
        take: 1,
      });
      expect(tone).toHaveLength(1);
      expect(await units({ code: tone[0]!.code, validFrom: { gte: day('2025-07-01') } })).toBe(1);
    });

    it('changes nothing when run again', async () => {
      const before = await fingerprint(getDb());
      const again = await importAdminUnits(getDb());
      expect(again.eras.map((e) => [e.inserted, e.updated, e.closed, e.linksInserted])).toEqual([
        [0, 0, 0, 0],
        [0, 0, 0, 0],
        [0, 0, 0, 0],
      ]);
      expect(await fingerprint(getDb())).toEqual(before);
    });

    it.skipIf(!DIR)('changes nothing when the source files are imported after the shipped data: both are the same units', async () => {
      const before = await fingerprint(getDb());
      const progress: string[] = [];
      const again = await importAdminUnits(getDb(), DIR!, (m) => progress.push(m));
      expect(progress[0]).toBe(`reading the source files in ${DIR!}`);
      expect(again.eras.every((e) => e.inserted + e.updated + e.closed + e.linksInserted === 0)).toBe(true);
      expect(again.warnings).toEqual(first.warnings);
      expect(await fingerprint(getDb())).toEqual(before);
    });

    describe.skipIf(!DIR)(
      'rejects a malformed file, naming the file, the record and the problem, and leaves the database as it was',
      () => {
        let before: Awaited<ReturnType<typeof fingerprint>>;
        const dirs: string[] = [];
        beforeAll(async () => {
          before = await fingerprint(getDb());
        });
        afterAll(async () => {
          await Promise.all(dirs.map((d) => rm(d, { recursive: true, force: true })));
        });

        it.each<[string, string, (json: any) => unknown, RegExp]>([
          [
            'invalid JSON',
            'units-2025-07-01.json',
            (j) => JSON.stringify(j).slice(0, 100_000),
            /^units-2025-07-01\.json: \(file\): is not valid JSON/,
          ],
          [
            'a missing Code',
            'units-2025-01-01.json',
            (j) => {
              delete j[3].District[1].Ward[2].Code;
              return j;
            },
            /^units-2025-01-01\.json: record \[3\]\.District\[1\]\.Ward\[2\] \(Xã [^)]+\): Code: Invalid input: expected string, received undefined$/,
          ],
          [
            'a commune whose DistrictCode disagrees',
            'units-2025-01-01.json',
            (j) => {
              const ward = j[5].District[2].Ward[3];
              ward.DistrictCode = j[5].District[0].Code;
              return j;
            },
            /^units-2025-01-01\.json: unit \d{5}: DistrictCode is \d{3} but the unit is listed under \d{3}$/,
          ],
          [
            'a duplicate code',
            'units-2026-04-30.json',
            (j) => {
              j[1].Wards.push({ ...j[0].Wards[0], ProvinceCode: j[1].Code });
              return j;
            },
            /^units-2026-04-30\.json: unit \d{5} \([^)]+\): code appears twice$/,
          ],
          [
            'a lineage link of an unknown kind',
            'lineage-2025-07-01-merges.json',
            (j) => {
              j.data[2].level2s[4].merges[0].type = 'whole';
              return j;
            },
            /^lineage-2025-07-01-merges\.json: record data\[2\]\.level2s\[4\]\.merges\[0\] \(code \d{5}, [^)]+\): type: Invalid option/,
          ],
        ])('%s', async (_what, file, damage, message) => {
          const dir = await damagedCopy(file, damage);
          dirs.push(dir);
          const error = await importAdminUnits(getDb(), dir).then(
            () => null,
            (e: unknown) => e,
          );
          expect(error).toMatchObject({ name: 'AdminUnitsFileError', file });
          expect((error as Error).message).toMatch(message);
          expect(await fingerprint(getDb())).toEqual(before);
        });
      },
    );
  });
});
