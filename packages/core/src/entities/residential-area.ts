/** Residential areas (khu dân cư): self-governing communities inside a commune. */
import { z } from 'zod';
import { RESIDENTIAL_AREA_KINDS } from './enums.js';
import { communeCodeSchema, countSchema, dateIntervalSchema, nameSchema } from './common.js';

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
export type ResidentialArea = ResidentialAreaInput & { readonly id: string };
