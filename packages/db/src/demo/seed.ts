/**
 * `seedDemo(db)`: loads the demo data (Bình Phước before the 2025 reform, see
 * generate.ts) into a database that holds the real administrative units. Deterministic,
 * idempotent, one transaction, bulk inserts; checked with core's coverage before writing.
 */
import { coverage, type IsoDate } from '@antq/core';
import { coverageDataOf } from '../generator/coverage.js';
import type { Database } from '../database.js';
import { deferCoverageSteps, refreshCoverageSteps } from '../coverage-steps.js';
import { removeDatasets } from '../datasets.js';
import type { Prisma } from '../generated/prisma/client.js';
import { DEMO_AS_OF, DEMO_MODEL_TYPES, DEMO_PROVINCE_CODE, DEMO_RESIDENTIAL_AREAS, DEMO_SEED } from './catalogue.js';
import { TABLES, insertRows } from '../generator/bulk.js';
import { vacuumAnalyzeAfterLoad } from '../maintenance.js';
import { ACTIVITY_TABLES, ASSESSMENT_TABLES, RECOGNITION_TABLES, type GeneratedTable } from '../generator/rows.js';
import { generateActivities, writeActivities } from './activities.js';
import type { Seal } from '../sealed.js';
import { seedAssessments } from './assessments.js';
import { seedRecognition } from './recognition.js';
import { countsOf, generateDemo, type DemoInput, type DemoLink, type DemoTable, type DemoUnit } from './generate.js';
import { DEMO_UNIT_SELECT, demoUnitOf } from '../generator/units.js';

export interface SeedDemoOptions {
  /** The generator's seed (an integer, 0 – 2^31−1); default DEMO_SEED. */
  seed?: number;
  /** Called with a line of progress at each step. */
  progress?: (message: string) => void;
  /** Seals personal data (re-integration cases) with the server's key; without it those are left out. */
  seal?: Seal;
}

export interface SeedDemoResult {
  /** The demo dataset's id (Dataset.id; rows carry it as datasetId). */
  datasetId: string;
  seed: number;
  /** False when the dataset of this seed was already there: nothing was written. */
  created: boolean;
  /** Rows per table of the dataset. */
  counts: Record<DemoTable, number>;
  ms: number;
}

/** The SQL table of each part of the demo, in the order they are written. */
export const DEMO_TABLES: Readonly<Record<DemoTable, string>> = Object.fromEntries(
  (Object.keys(TABLES) as GeneratedTable[])
    .filter(
      (k): k is DemoTable =>
        !k.startsWith('tip') && ![...ACTIVITY_TABLES, ...RECOGNITION_TABLES, ...ASSESSMENT_TABLES].includes(k as never),
    )
    .map((k) => [k, TABLES[k].table]),
) as Record<DemoTable, string>;

const day = (iso: IsoDate) => new Date(`${iso}T00:00:00Z`);
const validOn = (iso: IsoDate) => ({
  AND: [{ OR: [{ validFrom: null }, { validFrom: { lte: day(iso) } }] }, { OR: [{ validTo: null }, { validTo: { gte: day(iso) } }] }],
});

/**
 * Reads what the demo is built on: Bình Phước, its districts and communes on DEMO_AS_OF,
 * and every unit its communes passed into afterwards, through the lineage.
 */
export async function readDemoInput(db: Database): Promise<DemoInput> {
  const { prisma } = db;
  const province = await prisma.adminUnit.findFirst({
    where: { code: DEMO_PROVINCE_CODE, level: 'PROVINCE', ...validOn(DEMO_AS_OF) },
    select: DEMO_UNIT_SELECT,
  });
  if (!province) {
    throw new Error(
      `the demo data needs the administrative units: there is no province ${DEMO_PROVINCE_CODE} valid on ${DEMO_AS_OF}. ` +
        'Import them first (`pnpm antq import admin-units`, or importAdminUnits()).',
    );
  }
  const districts = await prisma.adminUnit.findMany({
    where: { parentCode: DEMO_PROVINCE_CODE, level: 'DISTRICT', ...validOn(DEMO_AS_OF) },
    select: DEMO_UNIT_SELECT,
    orderBy: { code: 'asc' },
  });
  const communes = await prisma.adminUnit.findMany({
    where: { parentCode: { in: districts.map((d) => d.code) }, level: 'COMMUNE', ...validOn(DEMO_AS_OF) },
    select: DEMO_UNIT_SELECT,
    orderBy: { code: 'asc' },
  });
  if (communes.length === 0) throw new Error(`the administrative units hold no commune of province ${DEMO_PROVINCE_CODE} on ${DEMO_AS_OF}`);
  const links: DemoLink[] = [];
  const successors: DemoUnit[] = [];
  const seen = new Set(communes.map((c) => c.id));
  for (let frontier = [...seen]; frontier.length > 0;) {
    const found = await prisma.lineageLink.findMany({
      where: { predecessorId: { in: frontier } },
      select: { predecessorId: true, successorId: true, kind: true, successor: { select: DEMO_UNIT_SELECT } },
    });
    frontier = [];
    for (const l of found) {
      links.push({ predecessorId: l.predecessorId, successorId: l.successorId, kind: l.kind });
      if (seen.has(l.successorId)) continue;
      seen.add(l.successorId);
      successors.push(demoUnitOf(l.successor));
      frontier.push(l.successorId);
    }
  }
  links.sort((a, b) => a.predecessorId.localeCompare(b.predecessorId) || a.successorId.localeCompare(b.successorId));
  successors.sort((a, b) => a.id.localeCompare(b.id));
  return { province: demoUnitOf(province), districts: districts.map(demoUnitOf), communes: communes.map(demoUnitOf), successors, links };
}

/**
 * Loads the demo data of `seed` (default DEMO_SEED): Bình Phước (70) before the 2025
 * reform, with its real districts and communes, 866 residential areas, 14 model types,
 * models covering every area on 2024-12-31, security teams from 2024-07-01 and
 * evaluations. Needs the administrative units imported. A no-op when the demo dataset of
 * this seed is already there; refuses when one of another seed is (see `removeDemo`).
 */
export async function seedDemo(db: Database, options: SeedDemoOptions = {}): Promise<SeedDemoResult> {
  const started = performance.now();
  const seed = options.seed ?? DEMO_SEED;
  const progress = options.progress ?? (() => {});
  if (!Number.isInteger(seed) || seed < 0 || seed > 2 ** 31 - 1)
    throw new Error(`the demo seed must be an integer from 0 to 2^31−1, not ${seed}`);
  const elapsed = () => `${((performance.now() - started) / 1000).toFixed(1)} s`;

  if ((await db.prisma.dataset.count({ where: { kind: 'NATIONAL' } })) > 0) {
    // Coverage would count the demo's 866 areas together with the generated ones of Đồng Nai.
    throw new Error(
      'national-scale generated data is loaded: the demo is never mixed with it (remove it first: removeNational, `antq seed national --remove`)',
    );
  }
  const loaded = await db.prisma.dataset.findMany({ where: { kind: 'DEMO' }, select: { id: true, seed: true, summary: true } });
  const same = loaded.find((d) => d.seed === seed);
  if (same) {
    progress(`demo data of seed ${seed} already loaded (dataset ${same.id}): nothing to do`);
    return { datasetId: same.id, seed, created: false, counts: same.summary as Record<DemoTable, number>, ms: performance.now() - started };
  }
  if (loaded.length > 0) {
    throw new Error(
      `demo data of seed ${loaded.map((d) => d.seed).join(', ')} is already loaded; remove it first (removeDemo) to load seed ${seed}`,
    );
  }

  const input = await readDemoInput(db);
  progress(
    `demo: ${input.province.fullName} on ${DEMO_AS_OF}: ${input.districts.length} districts, ${input.communes.length} communes, ${input.successors.length} later units through the lineage (${elapsed()})`,
  );
  const rows = generateDemo(input, seed);
  const counts = countsOf(rows);
  progress(
    `demo: generated ${Object.values(counts).reduce((s, n) => s + n, 0)} rows with seed ${seed}: ${counts.residentialAreas} residential areas, ${counts.models} models, ${counts.lifecycleEvents} lifecycle events, ${counts.securityTeams} security teams, ${counts.teamMembers} team members (${elapsed()})`,
  );

  // What the demo promises, checked with core before anything is written.
  const check = coverage(
    coverageDataOf([input.province, ...input.districts, ...input.communes, ...input.successors], rows, DEMO_AS_OF),
    DEMO_PROVINCE_CODE,
    DEMO_AS_OF,
  );
  if (!check.ok) throw new Error(`demo check: ${check.error.code}`);
  const c = check.coverage;
  if (
    check.problems.length > 0 ||
    c.residentialAreas !== DEMO_RESIDENTIAL_AREAS ||
    c.residentialAreasWithActiveModel !== DEMO_RESIDENTIAL_AREAS ||
    c.modelTypes !== DEMO_MODEL_TYPES.length
  ) {
    throw new Error(
      `demo check failed for seed ${seed}: ${c.residentialAreasWithActiveModel}/${c.residentialAreas} residential areas covered, ${c.modelTypes} model types, ${check.problems.length} problems`,
    );
  }
  progress(
    `demo: checked with core: ${c.residentialAreasWithActiveModel}/${c.residentialAreas} residential areas with an active model, ${c.activeModels} active models of ${c.modelTypes} types on ${DEMO_AS_OF}`,
  );

  // Every table written, to vacuum and analyse once the load is committed.
  const written = new Set(['Dataset', 'CoverageStep']);
  const insert: typeof insertRows = (tx, table, columns, list) => (written.add(table), insertRows(tx, table, columns, list));
  await db.prisma.$transaction(
    async (tx) => {
      await deferCoverageSteps(tx);
      const { dataset } = rows;
      await tx.dataset.create({
        data: {
          id: dataset.id,
          kind: dataset.kind,
          name: dataset.name,
          seed: dataset.seed,
          parameters: dataset.parameters as Prisma.InputJsonValue,
          summary: dataset.summary as Prisma.InputJsonValue,
        },
      });
      for (const key of Object.keys(DEMO_TABLES) as DemoTable[]) {
        const spec = TABLES[key];
        const t = performance.now();
        await insert(tx, spec.table, spec.columns, rows[key]);
        progress(`demo: ${spec.table}: ${rows[key].length} rows (${Math.round(performance.now() - t)} ms)`);
      }
      const activities = await writeActivities(
        (table, columns, list) => insert(tx, table, columns, list),
        generateActivities(input, rows, seed),
        options.seal,
        progress,
      );
      progress(
        `demo: activities: ${Object.entries(activities)
          .map(([k, n]) => `${n} ${k}`)
          .join(', ')}`,
      );
      // Key areas, exemplars, commendations, people of influence, model partners (demo/recognition.ts).
      progress(`demo: recognition: ${JSON.stringify(await seedRecognition(tx, input, rows, seed, insert))}`);
      // The 2024 assessments of the areas and communes, through core's workflow (demo/assessments.ts).
      progress(`demo: assessments: ${JSON.stringify(await seedAssessments(tx, input, rows, seed, insert))}`);
      const t = performance.now();
      await refreshCoverageSteps(tx, 'all');
      progress(`demo: coverage steps computed (${Math.round(performance.now() - t)} ms)`);
    },
    { timeout: 600_000, maxWait: 60_000 },
  );
  const tv = performance.now();
  const unvacuumed = await vacuumAnalyzeAfterLoad(db, written);
  progress(
    unvacuumed === null
      ? `demo: ${written.size} tables vacuumed and analysed (${Math.round(performance.now() - tv)} ms)`
      : `demo: warning: the tables loaded could not be vacuumed (${unvacuumed}); the data is in, the vacuum is left to autovacuum or the embedded server's maintenance`,
  );
  progress(`demo: loaded seed ${seed} as dataset ${rows.dataset.id} in ${elapsed()}`);
  return { datasetId: rows.dataset.id, seed, created: true, counts, ms: performance.now() - started };
}

/** The demo datasets loaded (normally none or one). */
export function findDemoDatasets(db: Database) {
  return db.prisma.dataset.findMany({ where: { kind: 'DEMO' }, orderBy: { loadedAt: 'asc' } });
}

/** Removes every demo dataset and, through the foreign keys, every row that came with it. Returns how many datasets. */
export async function removeDemo(db: Database): Promise<number> {
  return removeDatasets(db, 'DEMO');
}
