import { existsSync } from 'node:fs';
import { cp, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { brotliCompressSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { ADMIN_UNIT_ERAS } from '../src/admin-units/eras.js';
import { findAdminUnitsDir } from '../src/admin-units/import.js';
import {
  compareShippedData,
  parsePlan,
  readShippedPlan,
  readShippedText,
  serializePlan,
  SHIPPED_LICENCES,
  SHIPPED_PLAN_FILE,
  shippedDataDir,
} from '../src/admin-units/shipped.js';

// The shipped data must be what `pnpm --filter @antq/db generate-data` makes of the sources.
const DIR = findAdminUnitsDir();
if (!DIR) {
  console.warn(
    '\n⚠⚠⚠ shared/data/admin-units not found (set ANTQ_ADMIN_UNITS_DIR): the check that the shipped administrative units equal what the source files give is SKIPPED\n',
  );
}

describe('the administrative units shipped with @antq/db', () => {
  it.skipIf(!DIR)('equal what the generator makes of the source files, licences included', async () => {
    expect(await compareShippedData(DIR!)).toEqual([]);
  });

  it.skipIf(!DIR)('fail the check when one name or one licence differs', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'antq-shipped-'));
    try {
      await cp(shippedDataDir(), dir, { recursive: true });
      const text = readShippedText().replace('"Tỉnh Bình Phước"', '"Tỉnh Bình Phuoc"');
      await writeFile(join(dir, SHIPPED_PLAN_FILE), brotliCompressSync(text));
      await writeFile(join(dir, SHIPPED_LICENCES[0]), 'not the licence');
      const problems = await compareShippedData(DIR!, dir);
      expect(problems).toHaveLength(2);
      expect(problems[0]).toMatch(
        /^admin-units\.json\.br differs from what the sources give at line \d+: shipped .*Tỉnh Bình Phuoc.*, generated .*Tỉnh Bình Phước/,
      );
      expect(problems[1]).toBe(`${SHIPPED_LICENCES[0]} is missing or differs`);
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });

  it('hold the three eras and the 2025 lineage, with the digests of the files they come from', () => {
    const { plan, sources } = readShippedPlan();
    expect([plan.units.length, plan.links.length, plan.warnings.length]).toEqual([14_150, 10_650, 21]);
    const files = ADMIN_UNIT_ERAS.flatMap((e) => [e.file, ...(e.lineage ? [e.lineage.merges, e.lineage.splits] : [])]);
    expect(sources.map((s) => s.file).sort()).toEqual(files.sort());
    for (const s of sources) expect(s.sha256).toMatch(/^[0-9a-f]{64}$/);
    const on = (iso: string, level: string) =>
      plan.units.filter((u) => u.level === level && (u.validFrom ?? '') <= iso && (u.validTo ?? '9999') >= iso).length;
    expect([on('2024-12-31', 'PROVINCE'), on('2024-12-31', 'DISTRICT'), on('2024-12-31', 'COMMUNE')]).toEqual([63, 696, 10_035]);
    expect([on('2025-07-01', 'PROVINCE'), on('2025-07-01', 'DISTRICT'), on('2025-07-01', 'COMMUNE')]).toEqual([34, 0, 3_321]);
    const dongNai = plan.units.filter((u) => u.code === '75').map((u) => [u.fullName, u.validFrom, u.validTo]);
    expect(dongNai).toEqual([
      ['Tỉnh Đồng Nai', null, '2025-06-30'],
      ['Tỉnh Đồng Nai', '2025-07-01', '2026-04-29'],
      ['Thành phố Đồng Nai', '2026-04-30', null],
    ]);
    // Links name units of the plan, predecessor before successor.
    for (const l of plan.links) expect((l.predecessor.validTo ?? '') < l.date && l.successor.validFrom === l.date).toBe(true);
  });

  it('read back to the same text (the format loses nothing), and carry their licences', () => {
    const text = readShippedText();
    expect(serializePlan(parsePlan(text))).toBe(text);
    for (const licence of SHIPPED_LICENCES) expect(existsSync(join(shippedDataDir(), licence))).toBe(true);
  });
});
