/** Organizations (cơ quan, doanh nghiệp, cơ sở giáo dục): they too build models and are evaluated. */
import { z } from 'zod';
import { ENTERPRISE_SIZES, SCHOOL_LEVELS } from './enums.js';
import { communeCodeSchema, dateIntervalSchema, nameSchema } from './common.js';

const organizationBase = {
  name: nameSchema,
  /** The commune the organization sits in, valid during `validity`. */
  communeCode: communeCodeSchema,
  validity: dateIntervalSchema,
};

/**
 * Input for an organization, by kind: an agency says whether it belongs to the armed
 * forces, an enterprise gives its size class, a school its (highest) level. These are
 * what decide whether Circular 124 applies (see `rules/recognition.ts`).
 */
export const organizationInput = z.discriminatedUnion('kind', [
  z.object({ ...organizationBase, kind: z.literal('AGENCY'), armedForces: z.boolean().default(false) }),
  z.object({ ...organizationBase, kind: z.literal('ENTERPRISE'), size: z.enum(ENTERPRISE_SIZES) }),
  z.object({ ...organizationBase, kind: z.literal('SCHOOL'), level: z.enum(SCHOOL_LEVELS) }),
]);
/** Input for an organization. */
export type OrganizationInput = z.infer<typeof organizationInput>;
/** A stored organization. */
export type Organization = OrganizationInput & { readonly id: string };
