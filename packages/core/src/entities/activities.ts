/** The rest of the movement's work: inspections, outreach, tips, re-integration (commendations: recognition.ts). */
import { z } from 'zod';
import {
  FOLLOW_UP_STATUSES,
  INSPECTION_KINDS,
  MENTOR_KINDS,
  OUTREACH_AUDIENCES,
  OUTREACH_FORMS,
  PARTNER_KINDS,
  REINTEGRATION_STATUSES,
  TIP_CATEGORIES,
  TIP_CHANNELS,
  type TipStatus,
} from './enums.js';
import {
  communeCodeSchema,
  countSchema,
  idSchema,
  isoDateSchema,
  nameSchema,
  personSchema,
  phoneSchema,
  textSchema,
  unitCodeSchema,
} from './common.js';

/** The subject of an inspection. */
export const inspectionSubjectSchema = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('UNIT'), unitCode: unitCodeSchema }),
  z.object({ kind: z.literal('RESIDENTIAL_AREA'), residentialAreaId: idSchema }),
  z.object({ kind: z.literal('ORGANIZATION'), organizationId: idSchema }),
  z.object({ kind: z.literal('MODEL'), modelId: idSchema }),
  z.object({ kind: z.literal('SECURITY_TEAM'), teamId: idSchema }),
]);

/** A follow-up action of an inspection: owner, due date, status (`doneOn` exactly when `DONE`). */
export const followUpInput = z
  .object({
    action: textSchema,
    owner: nameSchema,
    dueOn: isoDateSchema,
    status: z.enum(FOLLOW_UP_STATUSES).default('OPEN'),
    doneOn: isoDateSchema.nullable().default(null),
  })
  .refine((f) => (f.status === 'DONE') === (f.doneOn !== null), {
    message: 'a follow-up has a completion date exactly when it is done',
    path: ['doneOn'],
  });
/** Input for a follow-up action. */
export type FollowUpInput = z.infer<typeof followUpInput>;

/** Input for an inspection (kiểm tra, củng cố, kiện toàn). */
export const inspectionInput = z
  .object({
    subject: inspectionSubjectSchema,
    kind: z.enum(INSPECTION_KINDS),
    inspectedOn: isoDateSchema,
    inspectors: z.array(nameSchema).min(1, 'an inspection has at least one inspector'),
    findings: textSchema,
    followUps: z.array(followUpInput).default([]),
  })
  .refine((i) => i.followUps.every((f) => f.dueOn >= i.inspectedOn), {
    message: 'a follow-up is not due before the inspection',
    path: ['followUps'],
  });
/** Input for an inspection. */
export type InspectionInput = z.infer<typeof inspectionInput>;
/** A stored inspection. */
export type Inspection = InspectionInput & { readonly id: string };

/** Input for an outreach activity (tuyên truyền): form, audience, unit, reach, partners. */
export const outreachActivityInput = z.object({
  unitCode: unitCodeSchema,
  residentialAreaId: idSchema.optional(),
  heldOn: isoDateSchema,
  form: z.enum(OUTREACH_FORMS),
  audiences: z.array(z.enum(OUTREACH_AUDIENCES)).min(1),
  participants: countSchema,
  partners: z.array(z.enum(PARTNER_KINDS)).default([]),
  topic: nameSchema,
});
/** Input for an outreach activity. */
export type OutreachActivityInput = z.infer<typeof outreachActivityInput>;
/** A stored outreach activity. */
export type OutreachActivity = OutreachActivityInput & { readonly id: string };

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

/** Input for a re-integration case (cảm hóa, giáo dục người lầm lỗi). The person is personal data. */
export const reintegrationCaseInput = z.object({
  person: personSchema,
  communeCode: communeCodeSchema,
  returnedOn: isoDateSchema,
  mentors: z
    .array(z.object({ kind: z.enum(MENTOR_KINDS), name: nameSchema }))
    .min(1, 'a case has at least one mentor'),
  status: z.enum(REINTEGRATION_STATUSES).default('ONGOING'),
});
/** Input for a re-integration case. */
export type ReintegrationCaseInput = z.infer<typeof reintegrationCaseInput>;
/** A stored re-integration case. */
export type ReintegrationCase = ReintegrationCaseInput & { readonly id: string };
