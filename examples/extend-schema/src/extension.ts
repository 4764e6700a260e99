/**
 * A district health-and-safety team's extension of antq: fire-prevention inspections
 * (kiểm tra an toàn phòng cháy, chữa cháy) of residential areas. It adds
 *  - a `FireInspection` type (a Relay node, visible where its area is);
 *  - `ResidentialArea.fireInspections` and `ResidentialArea.fireSafety`, and
 *    `Model.fireInspectionsAccompanied` (the civil-defence team that took part), all read
 *    through the extension's DataLoaders;
 *  - a `recordFireInspection` mutation, with antq's typed errors, policy and audit log.
 * Its data lives in its own tables (tables.ts).
 */
import { defineExtension } from '@antq/graphql';
import { z } from 'zod';
import { createInspectionLoaders, MAX_PER_AREA, OUTCOMES, toInspection, type Inspection } from './loaders.js';
import { migrateFireSafety } from './tables.js';

/** The team's rhythm: each residential area is inspected at least once in this many days. */
export const INSPECTION_INTERVAL_DAYS = 365;

const AREA = { vi: 'khu dân cư', en: 'residential area' };

/** What the input must satisfy besides its GraphQL types. */
const inspectionInput = z
  .object({
    outcome: z.enum(OUTCOMES),
    hazards: z.number().int().min(0, 'must not be negative').max(500, 'at most 500'),
    note: z.string().trim().max(2000, 'at most 2000 characters').optional(),
  })
  .superRefine((v, issues) => {
    if (v.outcome === 'PASSED' && v.hazards > 0)
      issues.addIssue({ code: 'custom', path: ['hazards'], message: 'a passed inspection finds no hazards' });
    if (v.outcome !== 'PASSED' && v.hazards === 0)
      issues.addIssue({ code: 'custom', path: ['hazards'], message: 'give the number of hazards found (at least 1)' });
  });

export const fireInspections = defineExtension({
  name: 'fire-inspections',
  migrate: async (db) => {
    await migrateFireSafety(db);
  },
  perRequest: createInspectionLoaders,
  schema(builder, kit) {
    const { errors, mutations } = kit;

    const OutcomeEnum = builder.enumType('FireInspectionOutcome', {
      description: 'What a fire-prevention inspection found.',
      values: {
        PASSED: { description: 'No hazard found.' },
        HAZARDS_FOUND: { description: 'Hazards found, to be fixed by a set date.' },
        FAILED: { description: 'Serious breaches: the area is re-inspected.' },
      } as const,
    });

    const InspectionRef = builder.objectRef<Inspection>('FireInspection');
    builder.node(InspectionRef, {
      description:
        'A fire-prevention inspection (kiểm tra an toàn phòng cháy, chữa cháy) of a residential area. Visible where its area is.',
      id: { resolve: (i) => i.id },
      loadMany: (ids, ctx) => ids.map((id) => kit.state(ctx).visibleById.load(id)),
      fields: (t) => ({
        inspectedOn: t.field({ type: kit.types.Date, resolve: (i) => i.inspectedOn }),
        outcome: t.field({ type: OutcomeEnum, resolve: (i) => i.outcome }),
        hazards: t.exposeInt('hazards', { description: 'Hazards found (0 when passed).' }),
        note: t.exposeString('note', { nullable: true }),
        accompaniedBy: t.field({
          type: kit.types.Model,
          nullable: true,
          description: 'The civil-defence team (a model of the area) that took part, if visible to you.',
          resolve: (i, _args, ctx) => (i.modelId ? kit.state(ctx).visibleModel.load(i.modelId) : null),
        }),
      }),
    });

    const FireSafetyRef = builder.objectRef<{ last: Inspection | null; today: string }>('FireSafety').implement({
      description: 'Where an area stands with fire prevention, from its inspections.',
      fields: (t) => ({
        lastInspectedOn: t.field({ type: kit.types.Date, nullable: true, resolve: (s) => s.last?.inspectedOn ?? null }),
        lastOutcome: t.field({ type: OutcomeEnum, nullable: true, resolve: (s) => s.last?.outcome ?? null }),
        inspectionDue: t.boolean({
          description: `Never inspected, or not within the last ${INSPECTION_INTERVAL_DAYS} days, or the last inspection did not pass.`,
          resolve: (s) => !s.last || s.last.outcome !== 'PASSED' || daysBetween(s.last.inspectedOn, s.today) > INSPECTION_INTERVAL_DAYS,
        }),
      }),
    });

    // Fields on antq's own types, read through the extension's loaders.
    builder.prismaObjectFields('ResidentialArea', (t) => ({
      fireInspections: t.field({
        type: [InspectionRef],
        description: `Its fire-prevention inspections, newest first (at most ${MAX_PER_AREA}).`,
        args: { last: t.arg.int({ description: `How many (1 to ${MAX_PER_AREA}); 5 if not given.` }) },
        complexity: (args) => ({ field: 1, multiplier: args.last ?? 5 }),
        resolve: async (area, args, ctx) => {
          const last = args.last ?? 5;
          if (last < 1 || last > MAX_PER_AREA)
            throw errors.badInput(`last must be between 1 and ${MAX_PER_AREA}; got ${last}.`, { argument: 'last' });
          return (await kit.state(ctx).newestByArea.load(area.id)).slice(0, last);
        },
      }),
      fireSafety: t.field({
        type: FireSafetyRef,
        resolve: async (area, _args, ctx) => ({ last: (await kit.state(ctx).newestByArea.load(area.id))[0] ?? null, today: ctx.today }),
      }),
    }));
    builder.prismaObjectFields('Model', (t) => ({
      fireInspectionsAccompanied: t.int({
        description: 'Fire-prevention inspections this model (as a civil-defence team) took part in.',
        resolve: (m, _args, ctx) => kit.state(ctx).countByModel.load(m.id),
      }),
    }));

    const RecordInput = builder.inputType('RecordFireInspectionInput', {
      fields: (t) => ({
        residentialAreaId: t.id({ required: true }),
        inspectedOn: t.field({ type: kit.types.Date, required: true, description: 'Not in the future, and while the area existed.' }),
        outcome: t.field({ type: OutcomeEnum, required: true }),
        hazards: t.int({ required: true, description: '0 when PASSED; at least 1 otherwise.' }),
        note: t.string({ description: 'At most 2000 characters. No personal data.' }),
        accompanyingModelId: t.id({ description: 'A model of this area (its civil-defence team) that took part.' }),
      }),
    });

    /** A ValidationError on one input field. */
    const invalid = (field: string, message: string) => errors.values.invalid([{ path: [field], message }]);

    mutations.define('recordFireInspection', {
      description: 'Record a fire-prevention inspection of a residential area you may update.',
      input: RecordInput,
      result: InspectionRef,
      permission: ['RESIDENTIAL_AREA', 'WRITE'],
      entity: 'FireInspection',
      ids: { residentialAreaId: 'ResidentialArea' },
      notFound: AREA,
      // Outside the jurisdiction NOT_FOUND (as node(id:) answers null); visible but not writable FORBIDDEN: the pipeline judges it.
      load: async (ctx, _input, { residentialAreaId }) => {
        const area = await ctx.db.prisma.residentialArea.findUnique({ where: { id: residentialAreaId }, include: { placements: true } });
        return area && mutations.placedTarget(area, area.placements, area.id);
      },
      judge: async (ctx, input, area) => {
        const parsed = mutations.parseInput(
          inspectionInput,
          mutations.stripNulls({ outcome: input.outcome, hazards: input.hazards, note: input.note }),
        );
        const from = kit.dates.isoOf(area.validFrom);
        const to = kit.dates.isoOf(area.validTo);
        if (input.inspectedOn > ctx.today) throw invalid('inspectedOn', 'must not be in the future');
        if ((from && input.inspectedOn < from) || (to && input.inspectedOn > to))
          throw invalid('inspectedOn', `the area existed from ${from ?? 'before our records'} to ${to ?? 'today'}`);
        const modelId = input.accompanyingModelId == null ? null : mutations.decodeId(input.accompanyingModelId, 'Model');
        const model = modelId ? await kit.state(ctx).visibleModel.load(modelId) : null;
        if (input.accompanyingModelId != null && model?.residentialAreaId !== area.id)
          throw invalid('accompanyingModelId', 'must be a model of this residential area');
        return { ...parsed, inspectedOn: input.inspectedOn, modelId };
      },
      write: async (tx, v, area) => {
        const [row] = await tx.$queryRaw<Parameters<typeof toInspection>[0][]>`
          INSERT INTO fire_safety.inspection (residential_area_id, accompanying_model_id, inspected_on, outcome, hazards, note)
          VALUES (${area.id}::uuid, ${v.modelId}::uuid, ${v.inspectedOn}::date, ${v.outcome}, ${v.hazards}, ${v.note ?? null})
          RETURNING id, residential_area_id AS "areaId", accompanying_model_id AS "modelId", inspected_on AS "inspectedOn", outcome, hazards, note`;
        return toInspection(row!);
      },
    });
  },
});

function daysBetween(from: string, to: string): number {
  return Math.round((Date.parse(to) - Date.parse(from)) / 86_400_000);
}
