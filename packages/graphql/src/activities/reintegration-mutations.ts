/**
 * Mutations on re-integration cases: open one (the person, offence and mentors), assign a
 * mentor, add a progress note, close it with an outcome. REINTEGRATION_CASE WRITE at the case's place
 * (the responsible commune's officers and the province's); the person, the offence and the
 * notes are sealed before they are written, bound to their record and column. Errors and
 * audit entries never carry them: a failure names the field and the rule, never the value.
 */
import {
  authorize,
  canMoveCase,
  closeReintegrationCaseInput,
  mentorInput,
  progressNoteInput,
  reintegrationCaseInput,
  type IsoDate,
  type Label,
} from '@antq/core';
import { sealedContext, type Prisma } from '@antq/db';
import { randomUUID } from 'node:crypto';
import { audit } from '../audit/record.js';
import { builder } from '../builder.js';
import type { Context } from '../context.js';
import { ConflictErrorRef, ForbiddenErrorRef, NotFoundErrorRef, payloadType, ValidationErrorRef } from '../error-types.js';
import { userErrors, type Outcome } from '../errors.js';
import { decodeId, refused, stripNulls, zodError, type Subject } from '../mutations.js';
import { DateScalar } from '../scalars.js';
import { seal } from '../security/crypto.js';
import { MentorKindEnum, ReintegrationCaseRef, ReintegrationStatusEnum } from './reintegration.js';
import { areaFiling, communeFiling, judgeCreate, judgeWrite } from './write.js';
import { uuidOrNone } from '../access.js';
import { areaWhere } from '../movement/jurisdiction.js';

const CASE: Label = { vi: 'hồ sơ giúp đỡ người lầm lỗi', en: 're-integration case' };
const ERRORS = [ValidationErrorRef, NotFoundErrorRef, ForbiddenErrorRef] as const;
const VERSIONED = [...ERRORS, ConflictErrorRef] as const;
type CaseResult = Prisma.ReintegrationCaseGetPayload<object>;

const subjectOf = (row?: { id: string; placeCodes: string[] } | null): Subject => ({
  entity: 'ReintegrationCase',
  id: row?.id ?? null,
  placeCodes: row?.placeCodes ?? [],
});
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

builder.mutationField('openReintegrationCase', (t) =>
  t.field({
    type: payloadType<CaseResult>('OpenReintegrationCase', ReintegrationCaseRef, ERRORS),
    description:
      'Open a re-integration case for a person returning to a commune of your jurisdiction, with their mentors. The personal data is sealed at rest.',
    authScopes: { signedIn: true },
    args: { input: t.arg({ type: OpenInput, required: true }) },
    resolve: async (_root, { input }, ctx): Promise<{ result: Outcome<CaseResult> }> => {
      const action = 'openReintegrationCase';
      if (!authorize(ctx.viewer, 'REINTEGRATION_CASE', 'WRITE').allowed) return refused(ctx, action, userErrors.forbidden(), subjectOf());
      const parsed = reintegrationCaseInput.safeParse(
        stripNulls({
          communeCode: input.communeCode,
          residentialAreaId: input.residentialAreaId == null ? undefined : String(input.residentialAreaId),
          person: stripNulls({ fullName: input.fullName, birthDate: input.birthDate, citizenId: input.citizenId, address: input.address }),
          offenceSummary: input.offenceSummary,
          returnedOn: input.returnedOn,
          mentors: input.mentors,
        }),
      );
      // Core nests the person's fields under `person`; the input has them flat.
      if (!parsed.success)
        return refused(
          ctx,
          action,
          zodError({ issues: parsed.error.issues.map((i) => ({ ...i, path: i.path[0] === 'person' ? i.path.slice(1) : i.path })) }),
          subjectOf(),
        );
      const c = parsed.data;
      const returnedOn = c.returnedOn as IsoDate;
      if (returnedOn > ctx.today) return refused(ctx, action, invalid('returnedOn', 'must not be in the future'), subjectOf());
      let filing = await communeFiling(ctx, c.communeCode, returnedOn);
      if (!filing) return refused(ctx, action, invalid('communeCode', `no commune has this code on ${returnedOn}`), subjectOf());
      let areaId: string | null = null;
      if (c.residentialAreaId) {
        areaId = decodeId(c.residentialAreaId, 'ResidentialArea');
        // An area the viewer cannot read is not found: its placements must not be told.
        const area = areaId
          ? await ctx.db.prisma.residentialArea.findFirst({
              where: { id: uuidOrNone(areaId), AND: [areaWhere(ctx)] },
              select: { placements: true },
            })
          : null;
        if (!area) return refused(ctx, action, userErrors.notFound({ vi: 'khu dân cư', en: 'residential area' }), subjectOf());
        const placed = areaFiling(area.placements, returnedOn);
        if (!placed || placed.communeId !== filing.communeId)
          return refused(
            ctx,
            action,
            invalid('residentialAreaId', `the residential area was not in commune ${c.communeCode} on ${returnedOn}`),
            subjectOf(),
          );
        filing = placed;
      }
      const denied = judgeCreate(ctx, 'REINTEGRATION_CASE', { placeCodes: filing.placeCodes, residentialAreaId: areaId }, CASE);
      if (denied) return refused(ctx, action, denied, { entity: 'ReintegrationCase', placeCodes: filing.placeCodes });
      // The id is made here so the sealed values can be bound to it before the row exists.
      const id = randomUUID();
      const key = ctx.secrets.dataKey;
      const created = await ctx.db.prisma.$transaction(async (tx) => {
        const row = await tx.reintegrationCase.create({
          data: {
            id,
            communeId: filing.communeId,
            communeCode: filing.communeCode,
            placeCodes: filing.placeCodes,
            residentialAreaId: areaId,
            returnedOn: new Date(`${returnedOn}T00:00:00Z`),
            personCiphertext: seal(key, JSON.stringify(c.person), sealedContext.reintegrationPerson(id)),
            offenceCiphertext: seal(key, c.offenceSummary, sealedContext.reintegrationOffence(id)),
            mentors: { create: c.mentors.map((m) => ({ kind: m.kind, name: m.name, assignedOn: new Date(`${returnedOn}T00:00:00Z`) })) },
          },
        });
        await audit(tx, ctx, { action, entity: 'ReintegrationCase', entityId: row.id, placeCodes: row.placeCodes });
        return row;
      });
      return { result: created };
    },
  }),
);

/** The case a mutation acts on (visible, writable, at the version read if given), or the refusal. */
async function caseForWrite(ctx: Context, action: string, globalId: string | number, version?: number) {
  const id = decodeId(globalId, 'ReintegrationCase');
  const row = id ? await ctx.db.prisma.reintegrationCase.findUnique({ where: { id } }) : null;
  const error = !authorize(ctx.viewer, 'REINTEGRATION_CASE', 'WRITE').allowed
    ? userErrors.forbidden()
    : judgeWrite(ctx, 'REINTEGRATION_CASE', row, CASE, version);
  return error ? { refusal: await refused(ctx, action, error, subjectOf(row)) } : { row: row! };
}

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

builder.mutationField('addProgressNote', (t) =>
  t.field({
    type: payloadType<CaseResult>('AddProgressNote', ReintegrationCaseRef, ERRORS),
    description: 'Add a dated progress note to a re-integration case (sealed at rest). Notes are appended, never changed.',
    authScopes: { signedIn: true },
    args: { input: t.arg({ type: NoteInput, required: true }) },
    resolve: async (_root, { input }, ctx) => {
      const action = 'addProgressNote';
      const found = await caseForWrite(ctx, action, input.caseId);
      if ('refusal' in found) return found.refusal!;
      const { row } = found;
      const parsed = progressNoteInput.safeParse({ notedOn: input.notedOn, text: input.text });
      if (!parsed.success) return refused(ctx, action, zodError(parsed.error), subjectOf(row));
      const notedOn = parsed.data.notedOn as IsoDate;
      const returned = row.returnedOn.toISOString().slice(0, 10);
      const closed = row.closedOn?.toISOString().slice(0, 10) ?? null;
      const problems = [
        ...(notedOn > ctx.today ? [{ path: ['notedOn'], message: 'must not be in the future' }] : []),
        ...(notedOn < returned ? [{ path: ['notedOn'], message: `must not be before the return (${returned})` }] : []),
        ...(closed && notedOn > closed ? [{ path: ['notedOn'], message: `must not be after the case was closed (${closed})` }] : []),
      ];
      if (problems.length) return refused(ctx, action, userErrors.invalid(problems), subjectOf(row));
      const noteId = randomUUID();
      const author = ctx.viewer.kind === 'OFFICER' ? ctx.viewer.subject : 'unknown';
      const result = await ctx.db.prisma.$transaction(async (tx) => {
        await tx.reintegrationNote.create({
          data: {
            id: noteId,
            caseId: row.id,
            notedOn: new Date(`${notedOn}T00:00:00Z`),
            author,
            bodyCiphertext: seal(ctx.secrets.dataKey, parsed.data.text, sealedContext.reintegrationNote(noteId)),
          },
        });
        await audit(tx, ctx, { action, entity: 'ReintegrationCase', entityId: row.id, placeCodes: row.placeCodes });
        return row;
      });
      return { result };
    },
  }),
);

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

builder.mutationField('assignMentor', (t) =>
  t.field({
    type: payloadType<CaseResult>('AssignMentor', ReintegrationCaseRef, VERSIONED),
    description: 'Assign one more mentor (family, organisation, security team, police) to an ongoing re-integration case.',
    authScopes: { signedIn: true },
    args: { input: t.arg({ type: AssignMentorInput, required: true }) },
    resolve: async (_root, { input }, ctx) => {
      const action = 'assignMentor';
      const found = await caseForWrite(ctx, action, input.caseId, input.version);
      if ('refusal' in found) return found.refusal!;
      const { row } = found;
      const parsed = mentorInput.safeParse({ kind: input.kind, name: input.name });
      if (!parsed.success) return refused(ctx, action, zodError(parsed.error), subjectOf(row));
      if (row.status !== 'ONGOING') return refused(ctx, action, invalid('caseId', `the case is closed (${row.status})`), subjectOf(row));
      const returned = row.returnedOn.toISOString().slice(0, 10);
      if (input.assignedOn > ctx.today || input.assignedOn < returned)
        return refused(ctx, action, invalid('assignedOn', `must be from the return (${returned}) to today`), subjectOf(row));
      const updated = await ctx.db.prisma.$transaction(async (tx) => {
        const { count } = await tx.reintegrationCase.updateMany({
          where: { id: row.id, version: row.version },
          data: { version: { increment: 1 } },
        });
        if (count === 0) return null;
        await tx.reintegrationMentor.create({
          data: { caseId: row.id, kind: parsed.data.kind, name: parsed.data.name, assignedOn: new Date(`${input.assignedOn}T00:00:00Z`) },
        });
        await audit(tx, ctx, { action, entity: 'ReintegrationCase', entityId: row.id, placeCodes: row.placeCodes });
        return tx.reintegrationCase.findUniqueOrThrow({ where: { id: row.id } });
      });
      if (updated) return { result: updated };
      const now = await ctx.db.prisma.reintegrationCase.findUnique({ where: { id: row.id }, select: { version: true } });
      return refused(ctx, action, userErrors.conflict(now?.version ?? row.version), subjectOf(row));
    },
  }),
);

// ─── closeReintegrationCase ─────────────────────────────────────────────────────────

const CloseInput = builder.inputType('CloseReintegrationCaseInput', {
  fields: (t) => ({
    caseId: t.id({ required: true }),
    version: t.int({ required: true }),
    outcome: t.field({ type: ReintegrationStatusEnum, required: true, description: 'COMPLETED, REOFFENDED, MOVED_AWAY or CLOSED.' }),
    closedOn: t.field({ type: DateScalar, required: true, description: 'Not before the return, nor in the future.' }),
  }),
});

builder.mutationField('closeReintegrationCase', (t) =>
  t.field({
    type: payloadType<CaseResult>('CloseReintegrationCase', ReintegrationCaseRef, VERSIONED),
    description: 'Close an ongoing re-integration case with its outcome (final).',
    authScopes: { signedIn: true },
    args: { input: t.arg({ type: CloseInput, required: true }) },
    resolve: async (_root, { input }, ctx) => {
      const action = 'closeReintegrationCase';
      const found = await caseForWrite(ctx, action, input.caseId, input.version);
      if ('refusal' in found) return found.refusal!;
      const { row } = found;
      const parsed = closeReintegrationCaseInput.safeParse({ outcome: input.outcome, closedOn: input.closedOn });
      if (!parsed.success) return refused(ctx, action, zodError(parsed.error), subjectOf(row));
      if (!canMoveCase(row.status, parsed.data.outcome)) {
        return refused(
          ctx,
          action,
          userErrors.invalid([{ path: ['caseId'], message: `a case that is ${row.status} cannot be closed again` }], {
            vi: `Hồ sơ đã kết thúc (${row.status}).`,
            en: `The case is already closed (${row.status}).`,
          }),
          subjectOf(row),
        );
      }
      const closedOn = parsed.data.closedOn as IsoDate;
      const returned = row.returnedOn.toISOString().slice(0, 10);
      if (closedOn > ctx.today || closedOn < returned)
        return refused(ctx, action, invalid('closedOn', `must be from the return (${returned}) to today`), subjectOf(row));
      const updated = await ctx.db.prisma.$transaction(async (tx) => {
        const { count } = await tx.reintegrationCase.updateMany({
          where: { id: row.id, version: row.version },
          data: { status: parsed.data.outcome, closedOn: new Date(`${closedOn}T00:00:00Z`), version: { increment: 1 } },
        });
        if (count === 0) return null;
        await audit(tx, ctx, { action, entity: 'ReintegrationCase', entityId: row.id, placeCodes: row.placeCodes });
        return tx.reintegrationCase.findUniqueOrThrow({ where: { id: row.id } });
      });
      if (updated) return { result: updated };
      const now = await ctx.db.prisma.reintegrationCase.findUnique({ where: { id: row.id }, select: { version: true } });
      return refused(ctx, action, userErrors.conflict(now?.version ?? row.version), subjectOf(row));
    },
  }),
);
