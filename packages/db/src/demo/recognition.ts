/**
 * The recognition part of the demo data: key areas, exemplars and commendations, people of
 * influence and model partners in Bình Phước in 2024 (the generators' `generateRecognition`
 * on the demo's own rows), written in seedDemo's transaction.
 */
import type { Prisma } from '../generated/prisma/client.js';
import { TABLES, type insertRows } from '../generator/bulk.js';
import { generateRecognition as generateYear } from '../generator/recognition.js';
import type { RecognitionRows } from '../generator/rows.js';
import type { DemoInput, DemoRows } from './generate.js';
import { demoUuid, Random } from './random.js';

export type {
  CommendationRow,
  ExemplarRow,
  InfluentialPersonRow,
  KeyAreaRow,
  ModelPartnerRow,
  RecognitionRows,
} from '../generator/rows.js';

/** The year the demo's recognition is about. */
const DEMO_RECOGNITION_YEAR = 2024;

/** Computes the recognition rows of the demo from its input and rows. Throws if a generated award is one the law does not provide for (core's rules). */
export function generateRecognition(input: DemoInput, rows: DemoRows, seed: number): RecognitionRows {
  return generateYear(
    { province: input.province, districts: input.districts, communes: input.communes, rows },
    {
      year: DEMO_RECOGNITION_YEAR,
      datasetId: rows.dataset.id,
      uuid: (kind, key) => demoUuid(seed, kind, key),
      keyPrefix: '',
      random: (stream) => new Random(seed, `recognition/${stream}`),
      peopleAndPartners: true,
      teamsFormedByDecision: false,
    },
  );
}

/** Generates and writes the recognition rows in the demo's transaction; returns how many rows per table. */
export async function seedRecognition(
  tx: Prisma.TransactionClient,
  input: DemoInput,
  rows: DemoRows,
  seed: number,
  insert: typeof insertRows,
): Promise<Record<keyof RecognitionRows, number>> {
  const made = generateRecognition(input, rows, seed);
  const counts = {} as Record<keyof RecognitionRows, number>;
  for (const key of ['keyAreas', 'exemplars', 'commendations', 'influentialPeople', 'modelPartners'] as const) {
    await insert(tx, TABLES[key].table, TABLES[key].columns, made[key]);
    counts[key] = made[key].length;
  }
  return counts;
}
