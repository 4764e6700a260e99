/**
 * Inspections (kiểm tra, củng cố, kiện toàn): an inspection of a unit, residential area,
 * organization, model or security team is planned with its team, then done (findings, a
 * rating, follow-up actions with owners and due dates) or cancelled. The workflow is in
 * `activities/inspections.ts`.
 */
import { z } from 'zod';
import { FOLLOW_UP_STATUSES, INSPECTION_KINDS, INSPECTION_RATINGS, type FollowUpStatus, type InspectionStatus } from './enums.js';
import { idSchema, isoDateSchema, nameSchema, textSchema, unitCodeSchema } from './common.js';

/** What an inspection looks at. A UNIT may be a commune, district or province. */
export const inspectionSubjectSchema = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('UNIT'), unitCode: unitCodeSchema }),
  z.object({ kind: z.literal('RESIDENTIAL_AREA'), residentialAreaId: idSchema }),
  z.object({ kind: z.literal('ORGANIZATION'), organizationId: idSchema }),
  z.object({ kind: z.literal('MODEL'), modelId: idSchema }),
  z.object({ kind: z.literal('SECURITY_TEAM'), teamId: idSchema }),
]);
/** The subject of an inspection. */
export type InspectionSubject = z.infer<typeof inspectionSubjectSchema>;

/** The members of an inspection team (đoàn kiểm tra): 1–20 names, no repeats. */
export const inspectionTeamSchema = z
  .array(nameSchema)
  .min(1, 'an inspection has at least one inspector')
  .max(20)
  .refine((names) => new Set(names).size === names.length, { message: 'names an inspector twice' });

/** Input to plan an inspection. */
export const planInspectionInput = z.object({
  subject: inspectionSubjectSchema,
  kind: z.enum(INSPECTION_KINDS),
  plannedOn: isoDateSchema,
  team: inspectionTeamSchema,
  purpose: textSchema.optional(),
});
/** Input to plan an inspection. */
export type PlanInspectionInput = z.infer<typeof planInspectionInput>;

/** A follow-up action (củng cố, kiện toàn) an inspection sets: what, who owns it, by when. */
export const followUpInput = z.object({
  action: textSchema,
  owner: nameSchema,
  dueOn: isoDateSchema,
});
/** Input for a follow-up action. */
export type FollowUpInput = z.infer<typeof followUpInput>;

/** Input to record a planned inspection as done: when, what was found, the rating, the follow-ups. */
export const recordInspectionInput = z
  .object({
    inspectedOn: isoDateSchema,
    findings: textSchema,
    rating: z.enum(INSPECTION_RATINGS),
    /** The team that did it, when it differs from the plan's. */
    team: inspectionTeamSchema.optional(),
    followUps: z.array(followUpInput).max(50).default([]),
  })
  .superRefine((i, ctx) => {
    i.followUps.forEach((f, n) => {
      if (f.dueOn < i.inspectedOn)
        ctx.addIssue({ code: 'custom', path: ['followUps', n, 'dueOn'], message: 'a follow-up is not due before the inspection' });
    });
  });
/** Input to record an inspection as done. */
export type RecordInspectionInput = z.infer<typeof recordInspectionInput>;

/** Input to cancel a planned inspection. */
export const cancelInspectionInput = z.object({ cancelledOn: isoDateSchema, reason: textSchema });

/** Input to close a follow-up: done or cancelled, on a day, with a note. */
export const closeFollowUpInput = z.object({
  status: z.enum(FOLLOW_UP_STATUSES).exclude(['OPEN']),
  closedOn: isoDateSchema,
  note: textSchema.optional(),
});
/** Input to close a follow-up. */
export type CloseFollowUpInput = z.infer<typeof closeFollowUpInput>;

/** A follow-up as stored: OPEN until closed (DONE or CANCELLED) on `closedOn`. OVERDUE is never stored. */
export interface FollowUp {
  readonly dueOn: string;
  readonly status: FollowUpStatus;
  readonly closedOn: string | null;
}

/** An inspection as stored, in the shape the rules read. */
export interface InspectionRecord {
  readonly status: InspectionStatus;
  readonly plannedOn: string;
  readonly inspectedOn: string | null;
}
