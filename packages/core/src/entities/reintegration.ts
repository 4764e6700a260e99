/**
 * Re-integration cases (cảm hóa, giáo dục người lầm lỗi; tái hòa nhập cộng đồng, Decree
 * 49/2020/NĐ-CP): a person returning to the community in a commune, the mentors assigned
 * (family, an organisation, the security team, the police), dated progress notes, and an
 * outcome. The person, the offence and the notes are personal data: sealed at rest, seen
 * only by the responsible commune's officers and above, never in aggregates or logs.
 */
import { z } from 'zod';
import { MENTOR_KINDS, REINTEGRATION_STATUSES } from './enums.js';
import { communeCodeSchema, idSchema, isoDateSchema, nameSchema, personSchema, textSchema } from './common.js';

/** A mentor (người giúp đỡ): who, of which kind. */
export const mentorInput = z.object({ kind: z.enum(MENTOR_KINDS), name: nameSchema });
/** A mentor. */
export type MentorInput = z.infer<typeof mentorInput>;

/** The person: a {@link personSchema} without a phone: name and, when known, date of birth, identity number and address. */
export const reintegrationPersonSchema = personSchema.omit({ phone: true });
/** The person of a case (personal data). */
export type ReintegrationPerson = z.infer<typeof reintegrationPersonSchema>;

/** Input to open a case. */
export const reintegrationCaseInput = z
  .object({
    communeCode: communeCodeSchema,
    residentialAreaId: idSchema.optional(),
    person: reintegrationPersonSchema,
    /** What they were convicted of or sanctioned for, briefly (personal data). */
    offenceSummary: textSchema.pipe(z.string().max(2000, 'must be at most 2000 characters')),
    returnedOn: isoDateSchema,
    mentors: z.array(mentorInput).min(1, 'a case has at least one mentor').max(10),
  })
  .refine((c) => !c.person.birthDate || c.person.birthDate < c.returnedOn, {
    message: 'must be before the return to the community',
    path: ['person', 'birthDate'],
  });
/** Input to open a case. */
export type ReintegrationCaseInput = z.infer<typeof reintegrationCaseInput>;

/** Input for a progress note. */
export const progressNoteInput = z.object({
  notedOn: isoDateSchema,
  text: textSchema.pipe(z.string().max(5000, 'must be at most 5000 characters')),
});
/** Input for a progress note. */
export type ProgressNoteInput = z.infer<typeof progressNoteInput>;

/** Input to close a case with its outcome. */
export const closeReintegrationCaseInput = z.object({
  outcome: z.enum(REINTEGRATION_STATUSES).exclude(['ONGOING']),
  closedOn: isoDateSchema,
});
/** Input to close a case. */
export type CloseReintegrationCaseInput = z.infer<typeof closeReintegrationCaseInput>;
