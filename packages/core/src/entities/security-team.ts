/** Security teams (Tổ bảo vệ an ninh, trật tự ở cơ sở, Law 30/2023/QH15) and their members. */
import { z } from 'zod';
import { EDUCATION_LEVELS, TEAM_EVALUATION_LEVELS, TEAM_ROLES } from './enums.js';
import { communeCodeSchema, countSchema, idSchema, isoDateSchema, nameSchema, personSchema } from './common.js';

/** Input for a security team: one per one or more thôn / tổ dân phố of one commune. */
export const securityTeamInput = z.object({
  name: nameSchema,
  communeCode: communeCodeSchema,
  residentialAreaIds: z
    .array(idSchema)
    .min(1, 'a team covers at least one residential area')
    .refine((ids) => new Set(ids).size === ids.length, { message: 'must not repeat a residential area' }),
  establishedOn: isoDateSchema.refine((d) => d >= '2024-07-01', {
    message: 'security teams exist from 2024-07-01 (Law 30/2023/QH15)',
  }),
  dissolvedOn: isoDateSchema.nullable().default(null),
});
/** Input for a security team. */
export type SecurityTeamInput = z.infer<typeof securityTeamInput>;
/** A stored security team. */
export type SecurityTeam = SecurityTeamInput & { readonly id: string };

/**
 * Input for a team member: the person, their role, and what eligibility is judged on
 * (see `rules/member-eligibility.ts`). The person's identifiers are personal data.
 */
export const teamMemberInput = z
  .object({
    teamId: idSchema,
    person: personSchema.extend({ birthDate: isoDateSchema }),
    role: z.enum(TEAM_ROLES),
    joinedOn: isoDateSchema,
    leftOn: isoDateSchema.nullable().default(null),
    education: z.enum(EDUCATION_LEVELS),
    residentSince: isoDateSchema.nullable(),
    cleanRecord: z.boolean(),
    hasHealthCertificate: z.boolean(),
    over70ApprovedByCommuneChairman: z.boolean().default(false),
  })
  .refine((m) => m.leftOn === null || m.joinedOn <= m.leftOn, {
    message: 'must not leave before joining',
    path: ['leftOn'],
  });
/** Input for a team member. */
export type TeamMemberInput = z.infer<typeof teamMemberInput>;
/** A stored team member. */
export type TeamMember = TeamMemberInput & { readonly id: string };

/** Input for one yearly evaluation of a team or a member (see `rules/team-evaluation.ts`). */
export const teamEvaluationInput = z
  .object({
    subject: z.discriminatedUnion('kind', [
      z.object({ kind: z.literal('TEAM'), teamId: idSchema }),
      z.object({ kind: z.literal('MEMBER'), memberId: idSchema }),
    ]),
    /** The evaluation year: the period 15 Nov of the year before to 14 Nov of this year. */
    year: z.number().int().min(2025).max(2200),
    tasksAssigned: countSchema,
    tasksCompleted: countSchema,
    level: z.enum(TEAM_EVALUATION_LEVELS),
  })
  .refine((e) => e.tasksCompleted <= e.tasksAssigned, {
    message: 'must not complete more tasks than were assigned',
    path: ['tasksCompleted'],
  });
/** Input for a team evaluation. */
export type TeamEvaluationInput = z.infer<typeof teamEvaluationInput>;
/** A stored team evaluation. */
export type TeamEvaluation = TeamEvaluationInput & { readonly id: string };
