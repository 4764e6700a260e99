/**
 * Mutations on re-integration cases: open one (the person, offence and mentors), assign a
 * mentor, add a progress note, close it with an outcome. REINTEGRATION_CASE WRITE at the case's place
 * (the responsible commune's officers and the province's); the person, the offence and the
 * notes are sealed before they are written, bound to their record and column. Errors and
 * audit entries never carry them: a failure names the field and the rule, never the value.
 */
import {
  canMoveCase,
  closeReintegrationCaseInput,
  mentorInput,
  progressNoteInput,
  reintegrationCaseInput,
  type IsoDate,
  type Label,
} from '@antq/core';
import { sealedContext } from '@antq/db';
import { randomUUID } from 'node:crypto';
import { builder } from '../builder.js';
import type { Context } from '../context.js';
import { userErrors, refuseInvalid } from '../errors.js';
import { parseInput, stripNulls, zodError, notInFuture } from '../mutations.js';
import { actsOn, defineMutation, recordTarget } from '../mutation/define.js';
import { DateScalar } from '../scalars.js';
import { seal } from '../security/crypto.js';
import { MentorKindEnum, ReintegrationCaseRef, ReintegrationStatusEnum } from './reintegration.js';
import { newRecordTarget } from './write.js';

const CASE: Label = { vi: 'hồ sơ giúp đỡ người lầm lỗi', en: 're-integration case' };

const invalid = (path: string, message: string) => userErrors.invalid([{ path: [path], message }]);

// ─── openReintegrationCase ──────────────────────────────────────────────────────────

const MentorInput = builder.inputType('MentorInput', {
  fields: (t) => ({ kind: t.field({ type: MentorKindEnum, required: true }), name: t.string({ required: true }) }),
});

const OpenInput = builder.inputType('OpenReintegrationCaseInput', {
  fields: (t) => ({
    communeCode: t.string({ required: true, description: 'The responsible commune on returnedOn.' }),
    residentialAreaId: t.id({ description: 'The residential area the person lives in (placed in that commune on returnedOn).' }),
    fullName: t.string({ required: true }),
    birthDate: t.field({ type: DateScalar }),
    citizenId: t.string({ description: '12-digit citizen identity number.' }),
    address: t.string(),
    offenceSummary: t.string({ required: true, description: 'What they were convicted of or sanctioned for, briefly.' }),
    returnedOn: t.field({ type: DateScalar, required: true, description: 'The day they returned to the community; not in the future.' }),
    mentors: t.field({ type: [MentorInput], required: true, description: 'At least one: family, organisation, security team, police.' }),
  }),
});

defineMutation('openReintegrationCase', {
  description:
    'Open a re-integration case for a person returning to a commune of your jurisdiction, with their mentors. The personal data is sealed at rest.',
  input: OpenInput,
  result: ReintegrationCaseRef,
  permission: ['REINTEGRATION_CASE', 'WRITE'],
  entity: 'ReintegrationCase',
  ids: { residentialAreaId: 'ResidentialArea' },
  notFound: CASE,
  load: async (ctx, input, { residentialAreaId }) => {
    const { fullName, birthDate, citizenId, address, offenceSummary, returnedOn, mentors, communeCode } = input;
    const person = stripNulls({ fullName, birthDate, citizenId, address });
    // Core nests the person's fields under `person`; the input has them flat.
    const c = parseInput(
      reintegrationCaseInput,
      stripNulls({ communeCode, residentialAreaId: residentialAreaId ?? undefined, person, offenceSummary, returnedOn, mentors }),
      { person: '' },
    );
    refuseInvalid(notInFuture(ctx.today, { returnedOn }));
    return newRecordTarget(ctx, c.communeCode, residentialAreaId, returnedOn, { c, returnedOn });
  },
  write: (tx, _input, { c, returnedOn, filing, areaId }, ctx) => {
    // The id is made here so the sealed values can be bound to it before the row exists.
    const id = randomUUID();
    const key = ctx.secrets.dataKey;
    const day = new Date(`${returnedOn}T00:00:00Z`);
    return tx.reintegrationCase.create({
      data: {
        id,
        ...filing,
        residentialAreaId: areaId,
        returnedOn: day,
        personCiphertext: seal(key, JSON.stringify(c.person), sealedContext.reintegrationPerson(id)),
        offenceCiphertext: seal(key, c.offenceSummary, sealedContext.reintegrationOffence(id)),
        mentors: { create: c.mentors.map((m) => ({ kind: m.kind, name: m.name, assignedOn: day })) },
      },
    });
  },
});

/** The case of `id` as the pipeline's target. */
const caseTarget = async (ctx: Context, id: string) => recordTarget(await ctx.db.prisma.reintegrationCase.findUnique({ where: { id } }));
const dayOf = (date: Date) => date.toISOString().slice(0, 10);

// ─── addProgressNote ────────────────────────────────────────────────────────────────

const NoteInput = builder.inputType('AddProgressNoteInput', {
  fields: (t) => ({
    caseId: t.id({ required: true }),
    notedOn: t.field({
      type: DateScalar,
      required: true,
      description: 'Not before the return, after the case was closed, nor in the future.',
    }),
    text: t.string({ required: true }),
  }),
});

/** Acts on a ReintegrationCase, found by `caseId`. */
const ON_REINTEGRATION_CASE = actsOn({
  permission: ['REINTEGRATION_CASE', 'WRITE'],
  entity: 'ReintegrationCase',
  idField: 'caseId',
  notFound: CASE,
  load: caseTarget,
});

defineMutation('addProgressNote', {
  description: 'Add a dated progress note to a re-integration case (sealed at rest). Notes are appended, never changed.',
  input: NoteInput,
  result: ReintegrationCaseRef,
  ...ON_REINTEGRATION_CASE,
  judge: (ctx, input, row) => {
    const parsed = progressNoteInput.safeParse({ notedOn: input.notedOn, text: input.text });
    if (!parsed.success) throw zodError(parsed.error);
    const notedOn = parsed.data.notedOn as IsoDate;
    const returned = dayOf(row.returnedOn);
    const closed = row.closedOn ? dayOf(row.closedOn) : null;
    const problems = [
      ...(notedOn > ctx.today ? [{ path: ['notedOn'], message: 'must not be in the future' }] : []),
      ...(notedOn < returned ? [{ path: ['notedOn'], message: `must not be before the return (${returned})` }] : []),
      ...(closed && notedOn > closed ? [{ path: ['notedOn'], message: `must not be after the case was closed (${closed})` }] : []),
    ];
    refuseInvalid(problems);
    return parsed.data;
  },
  write: async (tx, { notedOn, text }, row, ctx) => {
    const id = randomUUID();
    const author = ctx.viewer.kind === 'OFFICER' ? ctx.viewer.subject : 'unknown';
    const bodyCiphertext = seal(ctx.secrets.dataKey, text, sealedContext.reintegrationNote(id));
    await tx.reintegrationNote.create({ data: { id, caseId: row.id, notedOn: new Date(`${notedOn}T00:00:00Z`), author, bodyCiphertext } });
    return row;
  },
});

// ─── assignMentor ───────────────────────────────────────────────────────────────────

const AssignMentorInput = builder.inputType('AssignMentorInput', {
  fields: (t) => ({
    caseId: t.id({ required: true }),
    version: t.int({ required: true }),
    kind: t.field({ type: MentorKindEnum, required: true }),
    name: t.string({ required: true }),
    assignedOn: t.field({
      type: DateScalar,
      required: true,
      description: 'Not before the return, after the case was closed, nor in the future.',
    }),
  }),
});

defineMutation('assignMentor', {
  description: 'Assign one more mentor (family, organisation, security team, police) to an ongoing re-integration case.',
  input: AssignMentorInput,
  result: ReintegrationCaseRef,
  ...ON_REINTEGRATION_CASE,
  versioned: { table: 'reintegrationCase', version: (input) => input.version },
  judge: (ctx, input, row) => {
    const parsed = mentorInput.safeParse({ kind: input.kind, name: input.name });
    if (!parsed.success) throw zodError(parsed.error);
    if (row.status !== 'ONGOING') throw invalid('caseId', `the case is closed (${row.status})`);
    const returned = dayOf(row.returnedOn);
    if (input.assignedOn > ctx.today || input.assignedOn < returned)
      throw invalid('assignedOn', `must be from the return (${returned}) to today`);
    return { ...parsed.data, assignedOn: new Date(`${input.assignedOn}T00:00:00Z`) };
  },
  write: async (tx, mentor, row) => {
    await tx.reintegrationMentor.create({ data: { caseId: row.id, ...mentor } });
    return tx.reintegrationCase.findUniqueOrThrow({ where: { id: row.id } });
  },
});

// ─── closeReintegrationCase ─────────────────────────────────────────────────────────

const CloseInput = builder.inputType('CloseReintegrationCaseInput', {
  fields: (t) => ({
    caseId: t.id({ required: true }),
    version: t.int({ required: true }),
    outcome: t.field({ type: ReintegrationStatusEnum, required: true, description: 'COMPLETED, REOFFENDED, MOVED_AWAY or CLOSED.' }),
    closedOn: t.field({ type: DateScalar, required: true, description: 'Not before the return, nor in the future.' }),
  }),
});

defineMutation('closeReintegrationCase', {
  description: 'Close an ongoing re-integration case with its outcome (final).',
  input: CloseInput,
  result: ReintegrationCaseRef,
  ...ON_REINTEGRATION_CASE,
  versioned: { table: 'reintegrationCase', version: (input) => input.version },
  judge: (ctx, input, row) => {
    const parsed = closeReintegrationCaseInput.safeParse({ outcome: input.outcome, closedOn: input.closedOn });
    if (!parsed.success) throw zodError(parsed.error);
    if (!canMoveCase(row.status, parsed.data.outcome))
      throw userErrors.invalid([{ path: ['caseId'], message: `a case that is ${row.status} cannot be closed again` }], {
        vi: `Hồ sơ đã kết thúc (${row.status}).`,
        en: `The case is already closed (${row.status}).`,
      });
    const closedOn = parsed.data.closedOn as IsoDate;
    const returned = dayOf(row.returnedOn);
    if (closedOn > ctx.today || closedOn < returned) throw invalid('closedOn', `must be from the return (${returned}) to today`);
    return { status: parsed.data.outcome, closedOn: new Date(`${closedOn}T00:00:00Z`) };
  },
  write: (tx, data, row) => tx.reintegrationCase.update({ where: { id: row.id }, data }),
});
