/**
 * Outreach (tuyên truyền): a session held in a commune (and, when it was, one of its
 * residential areas) in a form, for one or more audiences, reaching a number of people,
 * with the partners that took part (the Fatherland Front, mass organisations, the army).
 */
import { z } from 'zod';
import { OUTREACH_AUDIENCES, OUTREACH_FORMS, PARTNER_KINDS } from './enums.js';
import { communeCodeSchema, idSchema, isoDateSchema, nameSchema } from './common.js';

const distinct = <T>(items: readonly T[]) => new Set(items).size === items.length;

/** Input for an outreach activity. */
export const outreachActivityInput = z.object({
  /** The commune it was held in, on `heldOn`. */
  communeCode: communeCodeSchema,
  /** The residential area, when it was held in one (placed in that commune on `heldOn`). */
  residentialAreaId: idSchema.optional(),
  heldOn: isoDateSchema,
  form: z.enum(OUTREACH_FORMS),
  audiences: z
    .array(z.enum(OUTREACH_AUDIENCES))
    .min(1, 'an activity has at least one audience')
    .refine(distinct, { message: 'names an audience twice' }),
  /** People reached (lượt người): a whole number, at most a million for one session. */
  participants: z.number().int().min(0).max(1_000_000),
  partners: z.array(z.enum(PARTNER_KINDS)).default([]).refine(distinct, { message: 'names a partner twice' }),
  topic: nameSchema,
});
/** Input for an outreach activity. */
export type OutreachActivityInput = z.infer<typeof outreachActivityInput>;
/** A stored outreach activity. */
export type OutreachActivity = OutreachActivityInput & { readonly id: string };
