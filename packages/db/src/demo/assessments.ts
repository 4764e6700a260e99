/**
 * The year's assessments of the demo: the 2024 recognition "An toàn về ANTT" and grading
 * of Bình Phước's residential areas and communes (the generators' `generateAssessments` on the
 * demo's own rows), written in seedDemo's transaction.
 */
import type { Prisma } from '../generated/prisma/client.js';
import { generateAssessments as generateYear, type AssessmentRows } from '../generator/assessments.js';
import { TABLES, type insertRows } from '../generator/bulk.js';
import { DEMO_AS_OF } from './catalogue.js';
import type { DemoInput, DemoRows } from './generate.js';
import { demoUuid, Random } from './random.js';

/** The year the demo's assessments are of. */
export const DEMO_ASSESSMENT_YEAR = 2024;

/** Computes the demo's assessments from its input and rows. Throws if a generated act is one core's workflow refuses. */
export function generateAssessments(input: DemoInput, rows: DemoRows, seed: number): AssessmentRows {
  const year = String(DEMO_ASSESSMENT_YEAR);
  const communeOfArea = new Map(
    rows.residentialAreaPlacements
      .filter((p) => (p.validFrom === null || p.validFrom <= DEMO_AS_OF) && (p.validTo === null || p.validTo >= DEMO_AS_OF))
      .map((p) => [p.residentialAreaId, p.communeCode]),
  );
  const areaOfModel = new Map(rows.models.map((m) => [m.id, m.residentialAreaId]));
  const effectiveModels = new Map<string, number>();
  const effectiveAreas = new Set<string>();
  for (const e of rows.modelEvaluations) {
    const area = areaOfModel.get(e.modelId);
    const commune = area ? communeOfArea.get(area) : undefined;
    if (area && commune && e.outcome === 'EFFECTIVE' && e.periodTo.startsWith(year)) {
      effectiveModels.set(commune, (effectiveModels.get(commune) ?? 0) + 1);
      effectiveAreas.add(area);
    }
  }
  return generateYear({
    year: DEMO_ASSESSMENT_YEAR,
    datasetId: rows.dataset.id,
    communes: input.communes,
    areas: rows.residentialAreas,
    placements: rows.residentialAreaPlacements,
    effectiveModels,
    effectiveAreas,
    provinceIssuer: `Ủy ban nhân dân ${input.province.fullName}`,
    until: DEMO_AS_OF,
    uuid: (kind, key) => demoUuid(seed, kind, key),
    random: (stream) => new Random(seed, `assessment/${stream}`),
  });
}

/** Generates and writes the demo's assessments in its transaction; returns how many rows per table. */
export async function seedAssessments(
  tx: Prisma.TransactionClient,
  input: DemoInput,
  rows: DemoRows,
  seed: number,
  insert: typeof insertRows,
) {
  const made = generateAssessments(input, rows, seed);
  for (const key of ['assessments', 'assessmentSteps'] as const) await insert(tx, TABLES[key].table, TABLES[key].columns, made[key]);
  return { assessments: made.assessments.length, assessmentSteps: made.assessmentSteps.length };
}
