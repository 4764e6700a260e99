/** Periodic evaluations: of models, of units under QĐ 510, and exemplars recognised from them. */
import { z } from 'zod';
import { AWARD_LEVELS, GRADED_UNIT_KINDS, GRADING_LEVELS, MODEL_EFFECTIVENESS } from './enums.js';
import { decisionSchema, idSchema, isoDateSchema, nameSchema, periodSchema, textSchema, unitCodeSchema } from './common.js';

/** Input for an evaluation of a model over a period: effective or not. */
export const modelEvaluationInput = z
  .object({
    modelId: idSchema,
    period: periodSchema,
    evaluatedOn: isoDateSchema,
    outcome: z.enum(MODEL_EFFECTIVENESS),
    note: textSchema.optional(),
  })
  .refine((e) => e.evaluatedOn >= e.period.from, {
    message: 'must not be evaluated before the period starts',
    path: ['evaluatedOn'],
  });
/** Input for a model evaluation. */
export type ModelEvaluationInput = z.infer<typeof modelEvaluationInput>;
/** A stored model evaluation. */
export type ModelEvaluation = ModelEvaluationInput & { readonly id: string };

/**
 * Input for a unit's yearly result under the movement (QĐ 510 grading and Circular 124
 * recognition), as decided: the subject is a residential area, an organization or an
 * administrative unit, named by `subjectId`.
 */
export const unitEvaluationInput = z.object({
  subjectKind: z.enum(GRADED_UNIT_KINDS),
  subjectId: idSchema,
  year: z.number().int().min(2000).max(2200),
  /** Points per criterion code, as scored (see `rules/grading.ts`). */
  points: z.record(z.string().min(1), z.number().min(0)),
  level: z.enum(GRADING_LEVELS),
  /** Whether it was recognised "An toàn về ANTT" that year. */
  recognizedSafe: z.boolean(),
  reportedOn: isoDateSchema,
  decision: decisionSchema.optional(),
});
/** Input for a unit evaluation. */
export type UnitEvaluationInput = z.infer<typeof unitEvaluationInput>;
/** A stored unit evaluation. */
export type UnitEvaluation = UnitEvaluationInput & { readonly id: string };

/** Input for an exemplar (điển hình tiên tiến): a model, collective or individual recognised for a period and level. */
export const exemplarInput = z.object({
  subject: z.discriminatedUnion('kind', [
    z.object({ kind: z.literal('MODEL'), modelId: idSchema }),
    z.object({ kind: z.literal('COLLECTIVE'), name: nameSchema }),
    z.object({ kind: z.literal('INDIVIDUAL'), personId: idSchema }),
  ]),
  level: z.enum(AWARD_LEVELS),
  period: periodSchema,
  decision: decisionSchema,
  /** The unit where the exemplar was recognised. */
  unitCode: unitCodeSchema,
});
/** Input for an exemplar. */
export type ExemplarInput = z.infer<typeof exemplarInput>;
/** A stored exemplar. */
export type Exemplar = ExemplarInput & { readonly id: string };
