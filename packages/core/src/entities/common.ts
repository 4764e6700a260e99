/**
 * Building blocks of the input schemas: the one place that says what a valid name, date,
 * unit code or personal identifier is. The GraphQL layer validates its inputs with the
 * schemas built from these, so each rule about valid input is written once.
 */
import { z } from 'zod';
import { isIsoDate, type IsoDate } from '../dates.js';

/** Text trimmed, NFC-normalised and of 1 to `max` characters. */
const trimmedText = (max: number) =>
  z
    .string()
    .trim()
    .min(1, 'must not be empty')
    .max(max)
    .transform((s) => s.normalize('NFC'));

/** A name: trimmed, NFC-normalised, 1–200 characters. */
export const nameSchema = trimmedText(200);

/** Free text (findings, notes, summaries): trimmed, NFC, 1–5,000 characters. */
export const textSchema = trimmedText(5000);

/** An identifier of a stored record (opaque, non-empty). */
export const idSchema = z.string().trim().min(1, 'must not be empty').max(100);

/** A calendar date written `yyyy-mm-dd` that exists (2025-02-30 does not). */
export const isoDateSchema = z
  .string()
  .refine((s): s is IsoDate => isIsoDate(s), { message: 'must be a calendar date written yyyy-mm-dd' });

/** A province's statistical code: 2 digits. */
export const provinceCodeSchema = z.string().regex(/^\d{2}$/, 'must be a 2-digit province code');
/** A district's statistical code: 3 digits (districts existed until 2025-06-30). */
export const districtCodeSchema = z.string().regex(/^\d{3}$/, 'must be a 3-digit district code');
/** A commune's statistical code: 5 digits. */
export const communeCodeSchema = z.string().regex(/^\d{5}$/, 'must be a 5-digit commune code');
/** Any administrative unit's statistical code: 2, 3 or 5 digits. */
export const unitCodeSchema = z.string().regex(/^(\d{2}|\d{3}|\d{5})$/, 'must be a 2-, 3- or 5-digit unit code');

/** A count: a whole number, zero or more. */
export const countSchema = z.number().int().min(0);

/** A closed interval of days, `from` ≤ `to`; `null` ends are open (see `DateInterval`). */
export const dateIntervalSchema = z
  .object({ from: isoDateSchema.nullable(), to: isoDateSchema.nullable() })
  .refine((i) => i.from === null || i.to === null || i.from <= i.to, {
    message: 'must not end before it starts',
    path: ['to'],
  });

/** A bounded period of days, `from` ≤ `to`. */
export const periodSchema = z
  .object({ from: isoDateSchema, to: isoDateSchema })
  .refine((p) => p.from <= p.to, { message: 'must not end before it starts', path: ['to'] });

/** A Vietnamese citizen identity number (căn cước): 12 digits. Personal data. */
export const citizenIdSchema = z.string().regex(/^\d{12}$/, 'must be a 12-digit citizen identity number');

/** A Vietnamese phone number: `0` or `+84` then 9 digits (spaces and dots ignored). Personal data. */
export const phoneSchema = z
  .string()
  .transform((s) => s.replace(/[\s.]/g, ''))
  .pipe(z.string().regex(/^(0|\+84)\d{9}$/, 'must be a Vietnamese phone number'));

/** A decision (quyết định) by an authority: number, date, issuer. */
export const decisionSchema = z.object({
  number: z.string().trim().min(1).max(100),
  date: isoDateSchema,
  issuer: nameSchema,
});
/** A decision by an authority. */
export type Decision = z.infer<typeof decisionSchema>;

/**
 * A person as the movement records one (team member, mentor, person in re-integration,
 * informant). Everything but the name is personal data: shown only within the viewer's
 * jurisdiction and role, never in aggregates, exports or logs.
 */
export const personSchema = z.object({
  fullName: nameSchema,
  birthDate: isoDateSchema.optional(),
  citizenId: citizenIdSchema.optional(),
  phone: phoneSchema.optional(),
  address: textSchema.optional(),
});
/** A person (see {@link personSchema}). */
export type Person = z.infer<typeof personSchema>;
