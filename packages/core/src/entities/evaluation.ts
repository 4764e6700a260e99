/** Periodic evaluations: of models and of units under QĐ 510 (exemplars recognised from them: recognition.ts). */
import { z } from 'zod';
import { GRADED_UNIT_KINDS, GRADING_LEVELS, MODEL_EFFECTIVENESS } from './enums.js';
import { decisionSchema, idSchema, isoDateSchema, periodSchema, textSchema } from './common.js';

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
