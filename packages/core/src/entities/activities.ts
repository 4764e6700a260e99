/**
 * The rest of the movement's work: tips and commendations (inspections, outreach and
 * re-integration have their own modules: inspection.ts, outreach.ts, reintegration.ts).
 */
import { z } from 'zod';
import {
  AWARD_LEVELS,
  COMMENDATION_FORMS,
  RECIPIENT_KINDS,
  TIP_CATEGORIES,
  TIP_CHANNELS,
  type TipStatus,
} from './enums.js';
import {
  decisionSchema,
  idSchema,
  isoDateSchema,
  nameSchema,
  personSchema,
  phoneSchema,
  textSchema,
  unitCodeSchema,
} from './common.js';

/**
 * Input for a tip (tố giác tội phạm, tin báo). The informant is protected by law: an
 * anonymous tip carries no informant; a named one carries a person and a contact that only
 * the handling officers may see.
 */
export const tipInput = z.discriminatedUnion('anonymous', [
  z.object({
    anonymous: z.literal(true),
    unitCode: unitCodeSchema,
    receivedOn: isoDateSchema,
    channel: z.enum(TIP_CHANNELS),
    category: z.enum(TIP_CATEGORIES),
    summary: textSchema,
  }),
  z.object({
    anonymous: z.literal(false),
    unitCode: unitCodeSchema,
    receivedOn: isoDateSchema,
    channel: z.enum(TIP_CHANNELS),
    category: z.enum(TIP_CATEGORIES),
    summary: textSchema,
    informant: personSchema,
    contact: phoneSchema.optional(),
  }),
]);
/** Input for a tip. */
export type TipInput = z.infer<typeof tipInput>;
/** A stored tip, with its number and handling status. */
export type Tip = TipInput & { readonly id: string; readonly tipNumber: string; readonly status: TipStatus };

/** Input for a commendation (khen thưởng) to a collective or an individual, and what it was for. */
export const commendationInput = z.object({
  recipientKind: z.enum(RECIPIENT_KINDS),
  recipientName: nameSchema,
  form: z.enum(COMMENDATION_FORMS),
  level: z.enum(AWARD_LEVELS),
  decision: decisionSchema,
  reason: textSchema,
  /** What was commended, when it is recorded here. */
  for: z
    .discriminatedUnion('kind', [
      z.object({ kind: z.literal('MODEL'), modelId: idSchema }),
      z.object({ kind: z.literal('TIP'), tipId: idSchema }),
      z.object({ kind: z.literal('EXEMPLAR'), exemplarId: idSchema }),
    ])
    .optional(),
});
/** Input for a commendation. */
export type CommendationInput = z.infer<typeof commendationInput>;
/** A stored commendation. */
export type Commendation = CommendationInput & { readonly id: string };
