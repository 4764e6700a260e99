/** Tips (tố giác tội phạm, tin báo). The rest of the movement's work has its own modules. */
import { z } from 'zod';
import { TIP_CATEGORIES, TIP_CHANNELS, type TipStatus } from './enums.js';
import { isoDateSchema, personSchema, phoneSchema, textSchema, unitCodeSchema } from './common.js';

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
