/** Residential areas (khu dân cư): self-governing communities inside a commune. */
import { z } from 'zod';
import { KEY_AREA_CATEGORIES, RESIDENTIAL_AREA_KINDS } from './enums.js';
import { communeCodeSchema, countSchema, dateIntervalSchema, idSchema, nameSchema, unitCodeSchema } from './common.js';

/**
 * Input for a residential area. It has no national code; `communeCode` names the commune
 * valid during `validity` (codes are reused across eras, so a move to another commune
 * is a new placement with its own validity).
 */
export const residentialAreaInput = z.object({
  name: nameSchema,
  kind: z.enum(RESIDENTIAL_AREA_KINDS),
  communeCode: communeCodeSchema,
  validity: dateIntervalSchema,
  households: countSchema.optional(),
  residents: countSchema.optional(),
});
/** Input for a residential area. */
export type ResidentialAreaInput = z.infer<typeof residentialAreaInput>;
/** A stored residential area. */
export interface ResidentialArea extends ResidentialAreaInput {
  readonly id: string;
}

/** Input for a key area (địa bàn trọng điểm): a unit flagged for priority, with reason and period. */
export const keyAreaInput = z.object({
  subject: z.discriminatedUnion('kind', [
    z.object({ kind: z.literal('UNIT'), unitCode: unitCodeSchema }),
    z.object({ kind: z.literal('RESIDENTIAL_AREA'), residentialAreaId: idSchema }),
  ]),
  category: z.enum(KEY_AREA_CATEGORIES),
  reason: nameSchema,
  period: dateIntervalSchema,
});
/** Input for a key area. */
export type KeyAreaInput = z.infer<typeof keyAreaInput>;
/** A stored key area. */
export interface KeyArea extends KeyAreaInput {
  readonly id: string;
}
