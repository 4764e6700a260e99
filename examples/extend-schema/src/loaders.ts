/**
 * Reading inspections per request, batched: a page of residential areas (or models) costs
 * one statement for all their inspections, never one per area.
 */
import type { Prisma } from '@antq/db';
import type { Context, SharedKit } from '@antq/graphql';
import DataLoader from 'dataloader';

export const OUTCOMES = ['PASSED', 'HAZARDS_FOUND', 'FAILED'] as const;
export type Outcome = (typeof OUTCOMES)[number];

export interface Inspection {
  readonly id: string;
  readonly areaId: string;
  readonly modelId: string | null;
  /** yyyy-mm-dd */
  readonly inspectedOn: string;
  readonly outcome: Outcome;
  readonly hazards: number;
  readonly note: string | null;
}

/** The most an area's list returns (newest first). */
export const MAX_PER_AREA = 20;

export interface InspectionLoaders {
  /** An area's newest inspections, at most MAX_PER_AREA. */
  newestByArea: DataLoader<string, Inspection[]>;
  /** How many inspections a model took part in. */
  countByModel: DataLoader<string, number>;
  /** Inspections by ID, only where their area is visible to the viewer (as node(id:) answers). */
  visibleById: DataLoader<string, Inspection | null>;
  /** Models by ID, only those visible to the viewer. */
  visibleModel: DataLoader<string, ModelRow | null>;
}

type ModelRow = Prisma.ModelGetPayload<object>;
type Row = {
  id: string;
  areaId: string;
  modelId: string | null;
  inspectedOn: Date | string;
  outcome: Outcome;
  hazards: number;
  note: string | null;
};

const COLUMNS =
  'id, residential_area_id AS "areaId", accompanying_model_id AS "modelId", inspected_on AS "inspectedOn", outcome, hazards, note';

export function toInspection(row: Row): Inspection {
  const day = typeof row.inspectedOn === 'string' ? row.inspectedOn.slice(0, 10) : row.inspectedOn.toISOString().slice(0, 10);
  return { ...row, inspectedOn: day };
}

export function createInspectionLoaders(ctx: Context, kit: SharedKit): InspectionLoaders {
  const { prisma } = ctx.db;
  const uuids = (ids: readonly string[]) => ids.map(kit.mutations.uuidOrNone);
  return {
    newestByArea: new DataLoader(async (areaIds) => {
      const rows = await prisma.$queryRawUnsafe<Row[]>(
        `SELECT ${COLUMNS} FROM (
           SELECT *, row_number() OVER (PARTITION BY residential_area_id ORDER BY inspected_on DESC, recorded_at DESC) AS n
           FROM fire_safety.inspection WHERE residential_area_id = ANY($1::uuid[])
         ) i WHERE n <= ${MAX_PER_AREA} ORDER BY n`,
        uuids(areaIds),
      );
      const byArea = new Map<string, Inspection[]>();
      for (const row of rows) byArea.set(row.areaId, [...(byArea.get(row.areaId) ?? []), toInspection(row)]);
      return areaIds.map((id) => byArea.get(id) ?? []);
    }),

    countByModel: new DataLoader(async (modelIds) => {
      const rows = await prisma.$queryRawUnsafe<Array<{ modelId: string; count: number }>>(
        `SELECT accompanying_model_id AS "modelId", count(*)::int AS count FROM fire_safety.inspection WHERE accompanying_model_id = ANY($1::uuid[]) GROUP BY 1`,
        uuids(modelIds),
      );
      const byModel = new Map(rows.map((r) => [r.modelId, r.count]));
      return modelIds.map((id) => byModel.get(id) ?? 0);
    }),

    visibleById: new DataLoader(async (ids) => {
      const rows = (
        await prisma.$queryRawUnsafe<Row[]>(`SELECT ${COLUMNS} FROM fire_safety.inspection WHERE id = ANY($1::uuid[])`, uuids(ids))
      ).map(toInspection);
      // Visible where the area is: antq's own rule for areas, in one more statement.
      const areaIds = [...new Set(rows.map((r) => r.areaId))];
      const visible = new Set(
        areaIds.length
          ? (
              await prisma.residentialArea.findMany({
                where: { id: { in: areaIds }, AND: [kit.access.areaWhere(ctx)] },
                select: { id: true },
              })
            ).map((a) => a.id)
          : [],
      );
      const byId = new Map(rows.filter((r) => visible.has(r.areaId)).map((r) => [r.id, r]));
      return ids.map((id) => byId.get(id) ?? null);
    }),

    visibleModel: new DataLoader(async (ids) => {
      const rows = await prisma.model.findMany({ where: { id: { in: uuids(ids) }, AND: [kit.access.modelWhere(ctx)] } });
      const byId = new Map(rows.map((r) => [r.id, r]));
      return ids.map((id) => byId.get(id) ?? null);
    }),
  };
}
