/**
 * `seedNational(db, options)`: loads national-scale generated data (see generate.ts) into
 * a database that holds the real administrative units and nothing else of the movement.
 * One transaction; province by province, each province's rows made, checked with core's
 * coverage, written with multi-row INSERTs and dropped; progress per province and a
 * summary per table with counts and rates.
 */
import { coverage, DAK_LAK_TEAM_SIZE, HAU_GIANG_TEAM_SIZE, HO_CHI_MINH_CITY_TEAM_SIZE, type CoverageFigures } from '@antq/core';
import type { Database } from '../database.js';
import { deferCoverageSteps, refreshCoverageSteps } from '../coverage-steps.js';
import { removeDatasets } from '../datasets.js';
import type { Prisma } from '../generated/prisma/client.js';
import { insertRows, TABLES } from '../generator/bulk.js';
import { vacuumAnalyzeAfterLoad } from '../maintenance.js';
import type { GeneratedTable, SealText } from '../generator/rows.js';
import type { Seal } from '../sealed.js';
import { emptyTables, generateProvince, planNational, provinceCoverageData, RunState, type NationalInput } from './generate.js';
import { DEMO_UNIT_SELECT, demoUnitOf } from '../generator/units.js';
import {
  ACTIVITY_YEARS,
  MODEL_EVALUATION_YEARS,
  NATIONAL_AREAS_AT_SCALE_1,
  NATIONAL_AS_OF,
  NATIONAL_LIFECYCLE_WINDOW,
  NATIONAL_MODEL_RATING_MINIMUM_DAYS,
  NATIONAL_SEED,
  OLD_ERA_LAST_DAY,
  RECOGNITION_YEARS,
  TEAM_EVALUATION_YEARS,
  teamSizePackOf,
} from './parameters.js';

export interface SeedNationalOptions {
  /** Every count is NATIONAL_AREAS_AT_SCALE_1 (100,000 areas) times this; default 1. */
  scale?: number;
  /** Only this province of today (2-digit code). */
  province?: string;
  /** The generator's seed (an integer, 0 – 2^31−1); default NATIONAL_SEED. */
  seed?: number;
  /**
   * Seals tip texts and contacts with the server's data key (the `antq` command passes the
   * server's `seal`). Without it no tips are generated: a tip this package sealed could not
   * be opened by the server.
   */
  seal?: SealText;
  /**
   * Seals re-integration cases (personal data) with the server's data key, as the demo's
   * (the `antq` command passes the server's). Without it no cases are generated.
   */
  sealPersonal?: Seal;
  /** Called with a line of progress at each step. */
  progress?: (message: string) => void;
}

/** One province's figures on NATIONAL_AS_OF, by core's coverage over the rows generated. */
export interface ProvinceSummary extends CoverageFigures {
  readonly name: string;
}

export interface SeedNationalResult {
  datasetId: string;
  seed: number;
  scale: number;
  province: string | null;
  /** Rows per table. */
  counts: Record<GeneratedTable, number>;
  /** Milliseconds spent writing each table (all provinces). */
  writeMs: Record<GeneratedTable, number>;
  /** Coverage of each province of today on NATIONAL_AS_OF, as generated. */
  coverage: Record<string, ProvinceSummary>;
  /** Milliseconds: reading the units, generating (JS), writing (SQL), in all. */
  ms: { read: number; generate: number; write: number; total: number };
}

/** Thrown when the database is not one the national data may be loaded into; nothing was written. */
export class NationalSeedRefused extends Error {
  override readonly name = 'NationalSeedRefused';
}

const fmt = (n: number) => n.toLocaleString('en-US');
const seconds = (ms: number) => `${(ms / 1000).toFixed(1)} s`;

/** Reads every administrative unit and lineage link (about 14,000 and 10,650): two statements. */
export async function readNationalInput(db: Database): Promise<NationalInput> {
  const [units, links] = await Promise.all([
    db.prisma.adminUnit.findMany({
      select: DEMO_UNIT_SELECT,
      orderBy: [{ code: 'asc' }, { validFrom: { sort: 'asc', nulls: 'first' } }],
    }),
    db.prisma.lineageLink.findMany({
      select: { predecessorId: true, successorId: true, kind: true },
      orderBy: [{ predecessorId: 'asc' }, { successorId: 'asc' }],
    }),
  ]);
  return { units: units.map(demoUnitOf), links };
}

/**
 * Why the national data may not go into this database, or null. It goes only into a
 * database without movement data: a second national dataset, the demo's Bình Phước or real
 * records in the same communes would be counted together by coverage (866 demo areas
 * added to a generated Đồng Nai), and the figures would be neither's.
 */
export async function nationalSeedObstacle(db: Database): Promise<string | null> {
  const datasets = await db.prisma.dataset.findMany({ select: { id: true, kind: true, seed: true, parameters: true } });
  const national = datasets.find((d) => d.kind === 'NATIONAL');
  if (national) {
    const p = national.parameters as { scale?: number; province?: string | null };
    return `national data is already loaded (dataset ${national.id}, seed ${national.seed}, scale ${p.scale}${p.province ? `, province ${p.province}` : ''}); load it into a fresh database, or remove it first (removeNational, \`antq seed national --remove\`)`;
  }
  if (datasets.some((d) => d.kind === 'DEMO')) {
    return 'the demo data (Bình Phước) is loaded: coverage would count its areas together with the generated ones. Use a fresh database (on the embedded one, start with ANTQ_DEMO=off) or remove the demo first';
  }
  const real = await db.prisma.residentialArea.count({ where: { datasetId: null } });
  if (real > 0) return `the database holds ${fmt(real)} residential areas of real records: generated data is never mixed with them`;
  return null;
}

/**
 * Loads the national-scale data: about 100,000 residential areas at scale 1 (or
 * `province` alone), their models over the whole lifecycle, replication points, security
 * teams and members, five years of evaluations, tips, inspections, outreach and
 * re-integration cases, four of key areas, exemplars and commendations. Refuses (NationalSeedRefused,
 * nothing written) a database that holds a national dataset, the demo or real records.
 */
export async function seedNational(db: Database, options: SeedNationalOptions = {}): Promise<SeedNationalResult> {
  const started = performance.now();
  const seed = options.seed ?? NATIONAL_SEED;
  const scale = options.scale ?? 1;
  const progress = options.progress ?? (() => {});
  if (!Number.isInteger(seed) || seed < 0 || seed > 2 ** 31 - 1)
    throw new RangeError(`the seed must be an integer from 0 to 2^31−1, not ${seed}`);
  if (!(scale > 0) || !Number.isFinite(scale) || scale > 20)
    throw new RangeError(`the scale must be a number above 0 and at most 20, not ${scale}`);
  if (options.province !== undefined && !/^\d{2}$/.test(options.province))
    throw new RangeError(`the province must be a 2-digit code of today, not "${options.province}"`);

  const obstacle = await nationalSeedObstacle(db);
  if (obstacle) throw new NationalSeedRefused(`refused, nothing written: ${obstacle}`);
  const input = await readNationalInput(db);
  const plan = planNational(input, { seed, scale, ...(options.province === undefined ? {} : { province: options.province }) });
  const readMs = performance.now() - started;
  const areasPlanned = plan.provinces.reduce((s, p) => s + p.residentialAreas, 0);
  progress(
    `national: seed ${seed}, scale ${scale}${options.province ? `, province ${options.province}` : ''}: ${fmt(areasPlanned)} residential areas in ` +
      `${fmt(plan.provinces.reduce((s, p) => s + p.communes.length, 0))} communes of ${OLD_ERA_LAST_DAY} in ${plan.provinces.length} provinces of today` +
      `${options.seal ? '' : ' (no tips: no sealing key given)'}${options.sealPersonal ? '' : ' (no re-integration cases: no sealing key given)'} (${seconds(readMs)})`,
  );

  const tables = Object.keys(TABLES) as GeneratedTable[];
  const counts = Object.fromEntries(tables.map((t) => [t, 0])) as Record<GeneratedTable, number>;
  const writeMs = Object.fromEntries(tables.map((t) => [t, 0])) as Record<GeneratedTable, number>;
  const figures: Record<string, ProvinceSummary> = {};
  const state = new RunState();
  let generateMs = 0;
  let areasDone = 0;
  const write = async (tx: Prisma.TransactionClient, rows: ReturnType<typeof emptyTables>) => {
    for (const t of tables) {
      if (rows[t].length === 0) continue;
      const t0 = performance.now();
      await insertRows(tx, TABLES[t].table, TABLES[t].columns, rows[t]);
      writeMs[t] += performance.now() - t0;
      counts[t] += rows[t].length;
    }
  };

  let coverageMs = 0;
  await db.prisma.$transaction(
    async (tx) => {
      await deferCoverageSteps(tx);
      await tx.dataset.create({
        data: {
          id: plan.datasetId,
          kind: 'NATIONAL',
          name: options.province
            ? `Dữ liệu sinh quy mô ${scale}: ${plan.provinces[0]!.province.fullName}`
            : `Dữ liệu sinh toàn quốc, quy mô ${scale}`,
          seed,
          parameters: {
            scale,
            province: options.province ?? null,
            residentialAreasAtScale1: NATIONAL_AREAS_AT_SCALE_1,
            residentialAreas: areasPlanned,
            oldEraCommunesOn: OLD_ERA_LAST_DAY,
            asOf: NATIONAL_AS_OF,
            lifecycleWindow: { ...NATIONAL_LIFECYCLE_WINDOW },
            modelEvaluationYears: [...MODEL_EVALUATION_YEARS],
            teamEvaluationYears: [...TEAM_EVALUATION_YEARS],
            modelRatingMinimumActiveDays: NATIONAL_MODEL_RATING_MINIMUM_DAYS,
            teamSizePacks: {
              inForceOrDraft: [HO_CHI_MINH_CITY_TEAM_SIZE, HAU_GIANG_TEAM_SIZE, DAK_LAK_TEAM_SIZE],
              elsewhere: teamSizePackOf('00', 'any other province'),
            },
            tips: options.seal ? 'sealed with the server data key' : 'none (no sealing key given)',
            activityYears: [...ACTIVITY_YEARS],
            recognitionYears: [...RECOGNITION_YEARS],
            reintegrationCases: options.sealPersonal ? 'sealed with the server data key' : 'none (no sealing key given)',
            personalData: 'fake: citizen ids start with 000 (no such province), phones are 0X0000NNNN',
          },
          summary: {},
        },
      });
      const catalogue = { ...emptyTables(), ...plan.catalogue };
      await write(tx, catalogue);
      let index = 0;
      for (const province of plan.provinces) {
        index++;
        const t0 = performance.now();
        const rows = generateProvince(plan, province, state, options.seal, options.sealPersonal);
        const check = coverage(provinceCoverageData(plan.world, rows, NATIONAL_AS_OF), province.province.code, NATIONAL_AS_OF, {
          depth: 0,
        });
        if (!check.ok) throw new Error(`national check: ${check.error.code} ${province.province.code}`);
        if (check.problems.length > 0)
          throw new Error(`national check of ${province.province.code}: ${JSON.stringify(check.problems.slice(0, 3))}`);
        const c = check.coverage;
        figures[province.province.code] = {
          name: province.province.fullName,
          residentialAreas: c.residentialAreas,
          residentialAreasWithActiveModel: c.residentialAreasWithActiveModel,
          activeModels: c.activeModels,
          modelTypes: c.modelTypes,
        };
        const t1 = performance.now();
        generateMs += t1 - t0;
        await write(tx, rows);
        const written = Object.values(rows).reduce((s, r) => s + r.length, 0);
        const t2 = performance.now();
        areasDone += province.residentialAreas;
        progress(
          `national: [${index}/${plan.provinces.length}] ${province.province.code} ${province.province.fullName}: ${fmt(rows.residentialAreas.length)} areas, ` +
            `${fmt(rows.models.length)} models, ${fmt(rows.securityTeams.length)} teams, ${fmt(rows.teamMembers.length)} members, ${fmt(rows.tips.length)} tips, ` +
            `${fmt(rows.inspections.length)} inspections, ${fmt(rows.outreachActivities.length)} outreach sessions, ${fmt(rows.reintegrationCases.length)} re-integration cases; ` +
            `${fmt(written)} rows made in ${seconds(t1 - t0)}, written in ${seconds(t2 - t1)} (${fmt(Math.round(written / Math.max((t2 - t1) / 1000, 0.001)))} rows/s); ` +
            `${areasPlanned ? Math.round((100 * areasDone) / areasPlanned) : 100}% of areas, ${seconds(t2 - started)} elapsed`,
        );
      }
      await tx.dataset.update({
        where: { id: plan.datasetId },
        data: { summary: { tables: counts, coverageOn: NATIONAL_AS_OF, coverage: figures } as unknown as Prisma.InputJsonValue },
      });
      progress('national: computing the coverage steps of every commune (deferred during the load)');
      const t = performance.now();
      await refreshCoverageSteps(tx, 'all');
      coverageMs = performance.now() - t;
      progress(`national: coverage steps computed in ${seconds(coverageMs)}`);
    },
    { timeout: 6 * 60 * 60_000, maxWait: 60_000 },
  );
  progress('national: vacuuming and analysing the tables loaded (planner statistics, index pending lists)');
  const tv = performance.now();
  const unvacuumed = await vacuumAnalyzeAfterLoad(db, [
    ...tables.filter((t) => counts[t] > 0).map((t) => TABLES[t].table),
    'Dataset',
    'CoverageStep',
  ]);
  if (unvacuumed !== null)
    progress(
      `national: warning: the tables loaded could not be vacuumed (${unvacuumed}); the data is in, the vacuum is left to autovacuum or the embedded server's maintenance`,
    );
  const vacuumMs = performance.now() - tv;
  const total = performance.now() - started;
  const writing = Object.values(writeMs).reduce((s, x) => s + x, 0);
  for (const t of tables) {
    if (counts[t] === 0) continue;
    progress(
      `national: ${TABLES[t].table.padEnd(25)} ${fmt(counts[t]).padStart(10)} rows, written in ${seconds(writeMs[t]).padStart(7)} (${fmt(Math.round(counts[t] / Math.max(writeMs[t] / 1000, 0.001)))} rows/s)`,
    );
  }
  const rows = Object.values(counts).reduce((s, n) => s + n, 0);
  progress(
    `national: loaded ${fmt(rows)} rows as dataset ${plan.datasetId} in ${seconds(total)} ` +
      `(reading units ${seconds(readMs)}, generating ${seconds(generateMs)}, writing ${seconds(writing)}, coverage steps ${seconds(coverageMs)}, vacuum and analyse ${seconds(vacuumMs)}, commit and the rest ${seconds(total - readMs - generateMs - writing - coverageMs - vacuumMs)})`,
  );
  return {
    datasetId: plan.datasetId,
    seed,
    scale,
    province: options.province ?? null,
    counts,
    writeMs,
    coverage: figures,
    ms: { read: readMs, generate: generateMs, write: writing, total },
  };
}

/** The national datasets loaded (none or one). */
export function findNationalDatasets(db: Database) {
  return db.prisma.dataset.findMany({ where: { kind: 'NATIONAL' }, orderBy: { loadedAt: 'asc' } });
}

/** Removes the national dataset and, through the foreign keys, every row that came with it. Returns how many datasets. */
export async function removeNational(db: Database): Promise<number> {
  return removeDatasets(db, 'NATIONAL');
}
