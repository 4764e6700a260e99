/**
 * Recognition and engagement: exemplars (điển hình tiên tiến) and commendations (khen
 * thưởng), key areas (địa bàn trọng điểm), people of influence (chức sắc tôn giáo, người có
 * uy tín) and the partner organisations taking part in models. Which award an authority of
 * which level may give is a rule: see `rules/awards.ts`.
 */
import { z } from 'zod';
import {
  AWARD_LEVELS,
  COLLECTIVE_KINDS,
  COMMENDATION_FORMS,
  INFLUENCE_KINDS,
  KEY_AREA_CATEGORIES,
  PARTNER_KINDS,
  RELIGIONS,
} from './enums.js';
import { decisionSchema, idSchema, isoDateSchema, nameSchema, periodSchema, textSchema, unitCodeSchema } from './common.js';

/** A collective: an organization, a residential area or a security team, by its ID. */
export const collectiveSchema = z.object({ collectiveKind: z.enum(COLLECTIVE_KINDS), collectiveId: idSchema });

/**
 * An individual as recognition records one: a name and a role ("Tổ trưởng tổ bảo vệ an
 * ninh, trật tự", "Trưởng ấp"). The name is personal data: masked by role as team
 * members' are, never in aggregates, exports or logs.
 */
export const individualSchema = z.object({ fullName: nameSchema, role: nameSchema });
/** An individual (see {@link individualSchema}). */
export type Individual = z.infer<typeof individualSchema>;

/** Who or what an exemplar is: a model, a collective or an individual. */
export const exemplarSubjectSchema = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('MODEL'), modelId: idSchema }),
  collectiveSchema.extend({ kind: z.literal('COLLECTIVE') }),
  individualSchema.extend({ kind: z.literal('INDIVIDUAL') }),
]);
/** The subject of an exemplar. */
export type ExemplarSubject = z.infer<typeof exemplarSubjectSchema>;

/**
 * Input for an exemplar (điển hình tiên tiến): a model, collective or individual recognised
 * for a period and at a level by a decision, filed under `unitCode` (the commune, district
 * or province where it was recognised; the subject must lie there).
 */
export const exemplarInput = z
  .object({
    subject: exemplarSubjectSchema,
    level: z.enum(AWARD_LEVELS),
    period: periodSchema,
    decision: decisionSchema,
    unitCode: unitCodeSchema,
  })
  .refine((e) => e.decision.date <= e.period.to, {
    message: 'must not be decided after the period it recognises',
    path: ['decision', 'date'],
  });
/** Input for an exemplar. */
export type ExemplarInput = z.infer<typeof exemplarInput>;
/** A stored exemplar. */
export type Exemplar = ExemplarInput & { readonly id: string };

/** Who receives a commendation: a collective or an individual. */
export const commendationRecipientSchema = z.discriminatedUnion('kind', [
  collectiveSchema.extend({ kind: z.literal('COLLECTIVE') }),
  individualSchema.extend({ kind: z.literal('INDIVIDUAL') }),
]);
/** The recipient of a commendation. */
export type CommendationRecipient = z.infer<typeof commendationRecipientSchema>;

/** What a commendation was for, when it is recorded here: a model, a tip that helped, an exemplar. */
export const commendedSchema = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('MODEL'), modelId: idSchema }),
  z.object({ kind: z.literal('TIP'), tipId: idSchema }),
  z.object({ kind: z.literal('EXEMPLAR'), exemplarId: idSchema }),
]);
/** What a commendation was for. */
export type Commended = z.infer<typeof commendedSchema>;

/**
 * Input for a commendation (khen thưởng): its form (Giấy khen, Bằng khen…) and the level of
 * the authority giving it, by a decision, with a reason; filed under `unitCode`.
 */
export const commendationInput = z.object({
  recipient: commendationRecipientSchema,
  form: z.enum(COMMENDATION_FORMS),
  level: z.enum(AWARD_LEVELS),
  decision: decisionSchema,
  reason: textSchema,
  for: commendedSchema.optional(),
  unitCode: unitCodeSchema,
});
/** Input for a commendation. */
export type CommendationInput = z.infer<typeof commendationInput>;
/** A stored commendation. */
export type Commendation = CommendationInput & { readonly id: string };

/**
 * Input for a key area (địa bàn trọng điểm): an administrative unit (commune, district,
 * province) flagged for priority from `from` to `to` (open when null), with a category and
 * a reason, optionally by a decision. Every figure of the unit and the units below it can
 * then be filtered to key areas.
 */
export const keyAreaInput = z
  .object({
    unitCode: unitCodeSchema,
    category: z.enum(KEY_AREA_CATEGORIES),
    reason: textSchema,
    from: isoDateSchema,
    to: isoDateSchema.nullable().default(null),
    decision: decisionSchema.optional(),
  })
  .refine((k) => k.to === null || k.from <= k.to, { message: 'must not end before it starts', path: ['to'] });
/** Input for a key area. */
export type KeyAreaInput = z.infer<typeof keyAreaInput>;
/** A stored key area. */
export type KeyArea = KeyAreaInput & { readonly id: string };

/**
 * Input for a person of influence engaged in a residential area: a religious dignitary
 * (chức sắc, with a religion) or a reputable person (người có uy tín), from `from` to `to`.
 * The name is personal data.
 */
export const influentialPersonInput = z
  .object({
    kind: z.enum(INFLUENCE_KINDS),
    person: individualSchema,
    religion: z.enum(RELIGIONS).optional(),
    residentialAreaId: idSchema,
    from: isoDateSchema,
    to: isoDateSchema.nullable().default(null),
  })
  .refine((p) => p.to === null || p.from <= p.to, { message: 'must not end before it starts', path: ['to'] })
  .refine((p) => (p.kind === 'RELIGIOUS_DIGNITARY') === (p.religion !== undefined), {
    message: 'a religious dignitary has a religion, and only a dignitary has one',
    path: ['religion'],
  });
/** Input for a person of influence. */
export type InfluentialPersonInput = z.infer<typeof influentialPersonInput>;

/** Input for a partner organisation taking part in a model (MTTQ, Youth Union, an army unit…) from `from` to `to`. */
export const modelPartnerInput = z
  .object({
    modelId: idSchema,
    partnerKind: z.enum(PARTNER_KINDS),
    /** The organisation's own name ("Đoàn Thanh niên xã Minh Hưng", "Đồn Biên phòng Hoàng Diệu"). */
    name: nameSchema,
    from: isoDateSchema,
    to: isoDateSchema.nullable().default(null),
  })
  .refine((p) => p.to === null || p.from <= p.to, { message: 'must not end before it starts', path: ['to'] });
/** Input for a model partner. */
export type ModelPartnerInput = z.infer<typeof modelPartnerInput>;
