/**
 * Tips (tố giác, tin báo về tội phạm) in GraphQL. Anyone may submit one and gets a tip
 * number and a secret to follow it up without revealing themselves. Only the handling
 * officers of the tip's commune and above see it; the informant's contact is shown only
 * through `revealTipInformant`, which needs a written reason. Every act is audited.
 */
import { createHash, randomBytes, randomInt, timingSafeEqual } from 'node:crypto';
import {
  authorize,
  canMoveTip,
  revealReasonSchema,
  submitTipInput,
  TIP_CATEGORIES,
  TIP_STATUSES,
  tipMessageInput,
  type TipStatus,
} from '@antq/core';
import { Prisma } from '@antq/db';
import { placeFilter, uuidOrNone } from '../access.js';
import { audit } from '../audit/record.js';
import { builder } from '../builder.js';
import type { Context } from '../context.js';
import { ConflictErrorRef, ForbiddenErrorRef, NotFoundErrorRef, payloadType, ValidationErrorRef } from '../error-types.js';
import { userErrors, type Outcome, type UserError } from '../errors.js';
import { decodeId, refused, stripNulls } from '../mutations.js';
import { AdminUnitRef } from '../hierarchy/schema.js';
import { communePlace, placeCodesUntil } from '../hierarchy/place.js';
import { isoOf } from '../hierarchy/rows.js';
import { checkPageSize, DEFAULT_PAGE_SIZE } from '../pagination.js';
import { DateScalar } from '../scalars.js';
import { open, seal } from '../security/crypto.js';
import { sealedAs } from './sealing.js';

const TIP = { vi: 'tin báo', en: 'tip' };

const sha256 = (s: string) => createHash('sha256').update(s).digest('hex');

export const TipCategoryEnum = builder.enumType('TipCategory', { values: TIP_CATEGORIES });
export const TipStatusEnum = builder.enumType('TipStatus', { values: TIP_STATUSES });
const TipAuthorEnum = builder.enumType('TipAuthor', { values: ['INFORMANT', 'OFFICER'] as const });

builder.prismaObject('TipEvent', {
  description: 'A dated change of a tip’s handling status.',
  fields: (t) => ({
    status: t.field({ type: TipStatusEnum, resolve: (e) => e.status }),
    date: t.field({ type: DateScalar, resolve: (e) => isoOf(e.date)! }),
    actor: t.exposeString('actor', { description: 'The officer who made the change.' }),
    note: t.exposeString('note', { nullable: true }),
  }),
});

builder.prismaObject('TipMessage', {
  description: 'A message between the informant and the handling officers.',
  fields: (t) => ({
    author: t.field({ type: TipAuthorEnum, resolve: (m) => m.author }),
    officer: t.exposeString('officer', { nullable: true }),
    text: t.string({ resolve: (m, _args, ctx) => open(ctx.secrets.dataKey, m.bodyCiphertext, sealedAs.message(m.tipId)) }),
    at: t.string({ description: 'When it was written (ISO 8601 instant).', resolve: (m) => m.createdAt.toISOString() }),
  }),
});

/** The officers' view of a tip. Checked on the type, so any path that reaches a tip is checked. */
export const TipRef = builder.prismaNode('Tip', {
  id: { field: 'id' },
  // node(id:) finds only tips in the viewer's jurisdiction: outside it, or missing, the
  // answer is the same null.
  nullable: true,
  findUnique: (id, ctx) => ({ id: uuidOrNone(id), ...placeFilter(ctx, 'TIP', 'READ') }),
  description: 'A tip as the handling officers see it. The informant’s contact is not here: see revealTipInformant.',
  authScopes: (tip) => ({ allowedAt: ['TIP', 'READ', { unitCodes: tip.placeCodes }] as const }),
  fields: (t) => ({
    number: t.exposeString('number'),
    category: t.field({ type: TipCategoryEnum, resolve: (tip) => tip.category as (typeof TIP_CATEGORIES)[number] }),
    status: t.field({ type: TipStatusEnum, resolve: (tip) => tip.status }),
    occurredOn: t.field({ type: DateScalar, resolve: (tip) => isoOf(tip.occurredOn)! }),
    receivedAt: t.string({ resolve: (tip) => tip.receivedAt.toISOString() }),
    version: t.exposeInt('version'),
    commune: t.field({
      type: AdminUnitRef,
      resolve: async (tip, _args, ctx) => ({ row: (await ctx.loaders.byId.load(tip.communeId))!, asOf: isoOf(tip.occurredOn)! }),
    }),
    text: t.string({ resolve: (tip, _args, ctx) => open(ctx.secrets.dataKey, tip.bodyCiphertext, sealedAs.text(tip.number)) }),
    hasInformantContact: t.boolean({ resolve: (tip) => tip.contactCiphertext !== null }),
    events: t.relation('events', { query: { orderBy: { createdAt: 'asc' } } }),
    messages: t.relation('messages', { query: { orderBy: { createdAt: 'asc' } } }),
  }),
});

// ─── What the informant sees, with the tip number and secret ────────────────────────────

interface InformantView {
  number: string;
  status: TipStatus;
  events: Array<{ status: TipStatus; date: Date }>;
  messages: Array<{ tipId: string; author: 'INFORMANT' | 'OFFICER'; bodyCiphertext: string; createdAt: Date }>;
}

const InformantTipRef = builder.objectRef<InformantView>('InformantTip').implement({
  description: 'A tip as its informant sees it: where it stands, and the messages. No officer is named.',
  fields: (t) => ({
    number: t.exposeString('number'),
    status: t.field({ type: TipStatusEnum, resolve: (v) => v.status }),
    history: t.field({
      type: [
        builder.objectRef<{ status: TipStatus; date: Date }>('InformantTipEvent').implement({
          fields: (f) => ({
            status: f.field({ type: TipStatusEnum, resolve: (e) => e.status }),
            date: f.field({ type: DateScalar, resolve: (e) => isoOf(e.date)! }),
          }),
        }),
      ],
      resolve: (v) => v.events,
    }),
    messages: t.field({
      type: [
        builder.objectRef<InformantView['messages'][number]>('InformantTipMessage').implement({
          fields: (f) => ({
            author: f.field({ type: TipAuthorEnum, resolve: (m) => m.author }),
            text: f.string({ resolve: (m, _a, ctx) => open(ctx.secrets.dataKey, m.bodyCiphertext, sealedAs.message(m.tipId)) }),
            at: f.string({ resolve: (m) => m.createdAt.toISOString() }),
          }),
        }),
      ],
      resolve: (v) => v.messages,
    }),
  }),
});

/** The tip with `number` if `secret` is its secret; null otherwise, the same whether or not the number exists. */
async function tipForInformant(ctx: Context, number: string, secret: string) {
  const tip = await ctx.db.prisma.tip.findUnique({
    where: { number: number.trim().toUpperCase() },
    include: { events: { orderBy: { createdAt: 'asc' } }, messages: { orderBy: { createdAt: 'asc' } } },
  });
  const given = Buffer.from(sha256(secret.trim()), 'hex');
  return tip && timingSafeEqual(given, Buffer.from(tip.secretHash, 'hex')) ? tip : null;
}

// ─── Queries ──────────────────────────────────────────────────────────────────────────

builder.queryFields((t) => ({
  tips: t.prismaConnection({
    type: 'Tip',
    cursor: 'id',
    description: 'Tips in your jurisdiction (handling officers of a commune and above), newest first.',
    authScopes: { allowed: ['TIP', 'READ'] as const },
    args: {
      unitCode: t.arg.string({ description: 'Only tips in this unit (which must be in your jurisdiction).' }),
      status: t.arg({ type: TipStatusEnum }),
    },
    complexity: (args) => ({ field: 1, multiplier: args.first ?? DEFAULT_PAGE_SIZE }),
    // Either may run alone (a selection of totalCount only skips the page), so both check the size.
    totalCount: (_parent, args, ctx) => (checkPageSize(args), ctx.db.prisma.tip.count({ where: tipsWhere(ctx, args) })),
    resolve: (query, _root, args, ctx) => {
      checkPageSize(args);
      return ctx.db.prisma.tip.findMany({ ...query, where: tipsWhere(ctx, args), orderBy: { id: 'desc' } });
    },
  }),
  informantTip: t.field({
    type: InformantTipRef,
    nullable: true,
    description: 'For the informant: the tip with this number, if the secret is right; null otherwise.',
    authScopes: { public: true },
    args: { number: t.arg.string({ required: true }), secret: t.arg.string({ required: true }) },
    resolve: (_root, { number, secret }, ctx) => tipForInformant(ctx, number, secret),
  }),
}));

function tipsWhere(ctx: Context, args: { unitCode?: string | null; status?: TipStatus | null }): Prisma.TipWhereInput {
  return { ...placeFilter(ctx, 'TIP', 'READ', args.unitCode), ...(args.status ? { status: args.status } : {}) };
}

// ─── Mutations ────────────────────────────────────────────────────────────────────────

interface Receipt {
  tipNumber: string;
  secret: string;
}
const TipReceiptRef = builder.objectRef<Receipt>('TipReceipt').implement({
  description: 'Keep both: with them you can follow the tip up and add messages without revealing yourself.',
  fields: (t) => ({ tipNumber: t.exposeString('tipNumber'), secret: t.exposeString('secret') }),
});

const SubmitTipInputRef = builder.inputType('SubmitTipInput', {
  fields: (t) => ({
    category: t.field({ type: TipCategoryEnum, required: true }),
    unitCode: t.string({ required: true, description: 'The 5-digit code of the commune where it happened.' }),
    occurredOn: t.field({ type: DateScalar, description: 'When it happened; today if not given.' }),
    text: t.string({ required: true, description: 'What happened (10 to 5000 characters).' }),
    contact: t.string({
      description: 'How to reach you, and who you are, if you wish. Encrypted; only shown to officers through a recorded reveal.',
    }),
  }),
});

const SubmitTipPayload = payloadType<Receipt>('SubmitTip', TipReceiptRef, [ValidationErrorRef, NotFoundErrorRef]);

const tipNumber = (date: string) => `TG-${date.slice(0, 4)}-${String(randomInt(0, 1_000_000)).padStart(6, '0')}`;

builder.mutationField('submitTip', (t) =>
  t.field({
    type: SubmitTipPayload,
    description: 'Report a crime, signed in or anonymously. The answer is a tip number and a secret: keep both.',
    authScopes: { public: true },
    args: { input: t.arg({ type: SubmitTipInputRef, required: true }) },
    resolve: async (_root, { input }, ctx) => ({ result: await submitTip(ctx, input) }),
  }),
);

async function submitTip(ctx: Context, raw: unknown): Promise<Outcome<Receipt>> {
  const parsed = submitTipInput.safeParse(stripNulls(raw as object));
  if (!parsed.success) return userErrors.fromZod(parsed.error);
  const input = parsed.data;
  const occurredOn = input.occurredOn ?? ctx.today;
  if (occurredOn > ctx.today) return userErrors.invalid([{ path: ['occurredOn'], message: 'must not be in the future' }]);
  const place = await communePlace(ctx, input.unitCode, occurredOn);
  if (!place)
    return userErrors.notFound({
      vi: `xã, phường có mã ${input.unitCode} vào ngày ${occurredOn}`,
      en: `commune ${input.unitCode} on ${occurredOn}`,
    });
  const placeCodes = await placeCodesUntil(ctx, place, ctx.today);
  const secret = randomBytes(18).toString('base64url');
  const key = ctx.secrets.dataKey;
  for (let attempt = 0; ; attempt++) {
    const number = tipNumber(ctx.today);
    try {
      await ctx.db.prisma.$transaction(async (tx) => {
        const tip = await tx.tip.create({
          data: {
            number,
            secretHash: sha256(secret),
            category: input.category,
            communeId: place.commune.id,
            placeCodes,
            occurredOn: new Date(`${occurredOn}T00:00:00Z`),
            bodyCiphertext: seal(key, input.text, sealedAs.text(number)),
            contactCiphertext: input.contact ? seal(key, input.contact, sealedAs.contact(number)) : null,
            events: { create: { status: 'RECEIVED', date: new Date(`${ctx.today}T00:00:00Z`), actor: 'system' } },
          },
        });
        await audit(tx, ctx, { action: 'submitTip', entity: 'Tip', entityId: tip.id, placeCodes, informant: true });
      });
      return { tipNumber: number, secret };
    } catch (error) {
      // Numbers are random: on the rare clash, draw another.
      if (attempt < 5 && error instanceof Prisma.PrismaClientKnownRequestError && error.code === 'P2002') continue;
      throw error;
    }
  }
}

const AddTipMessageInputRef = builder.inputType('AddTipMessageInput', {
  fields: (t) => ({
    tipNumber: t.string({ required: true }),
    secret: t.string({ required: true }),
    text: t.string({ required: true }),
  }),
});
const InformantMessagePayload = payloadType<InformantView>('AddTipMessage', InformantTipRef, [ValidationErrorRef, NotFoundErrorRef]);

builder.mutationField('addTipMessage', (t) =>
  t.field({
    type: InformantMessagePayload,
    description: 'For the informant: add a message to your tip, with its number and secret.',
    authScopes: { public: true },
    args: { input: t.arg({ type: AddTipMessageInputRef, required: true }) },
    resolve: async (_root, { input }, ctx) => {
      const text = tipMessageInput.safeParse({ text: input.text });
      if (!text.success) return { result: userErrors.fromZod(text.error) };
      const tip = await tipForInformant(ctx, input.tipNumber, input.secret);
      if (!tip) return { result: userErrors.notFound(TIP) };
      await ctx.db.prisma.$transaction(async (tx) => {
        await tx.tipMessage.create({
          data: { tipId: tip.id, author: 'INFORMANT', bodyCiphertext: seal(ctx.secrets.dataKey, text.data.text, sealedAs.message(tip.id)) },
        });
        await audit(tx, ctx, { action: 'addTipMessage', entity: 'Tip', entityId: tip.id, placeCodes: tip.placeCodes, informant: true });
      });
      return { result: (await tipForInformant(ctx, input.tipNumber, input.secret))! };
    },
  }),
);

/** The tip an officer acts on, if it exists and is in their jurisdiction for `operation`. */
/** Records a refused act on a tip (with the tip, when it was found) and answers its error. */
function refusedOnTip(
  ctx: Context,
  action: string,
  found: { error: UserError; tip?: { id: string; placeCodes: string[] } },
  reason?: string | null,
) {
  return refused(ctx, action, found.error, {
    entity: 'Tip',
    id: found.tip?.id ?? null,
    placeCodes: found.tip?.placeCodes ?? [],
    reason: reason ?? null,
  });
}

async function tipForOfficer(ctx: Context, globalId: string, operation: 'WRITE' | 'REVEAL') {
  // Roles that may never do this are refused before anything is looked up.
  if (!authorize(ctx.viewer, 'TIP', operation).allowed) return { error: userErrors.forbidden() } as const;
  const id = decodeId(globalId, 'Tip');
  const tip = id ? await ctx.db.prisma.tip.findUnique({ where: { id } }) : null;
  if (!tip) return { error: userErrors.notFound(TIP) } as const;
  if (!authorize(ctx.viewer, 'TIP', operation, { unitCodes: tip.placeCodes }).allowed) {
    // A viewer who may not handle this tip learns nothing of it, not even that it exists.
    return { error: userErrors.notFound(TIP), tip } as const;
  }
  return { tip } as const;
}

const RecordTipStatusInputRef = builder.inputType('RecordTipStatusInput', {
  fields: (t) => ({
    tipId: t.id({ required: true }),
    status: t.field({ type: TipStatusEnum, required: true }),
    date: t.field({ type: DateScalar, description: 'The day of the change; today if not given.' }),
    note: t.string(),
    version: t.int({ required: true, description: 'The version you read: a stale one is refused (ConflictError).' }),
  }),
});
const RecordTipStatusPayload = payloadType('RecordTipStatus', TipRef, [
  ValidationErrorRef,
  NotFoundErrorRef,
  ForbiddenErrorRef,
  ConflictErrorRef,
]);

builder.mutationField('recordTipStatus', (t) =>
  t.field({
    type: RecordTipStatusPayload,
    description: 'Move a tip along its handling: VERIFYING, FORWARDED, RESOLVED or REJECTED.',
    authScopes: { signedIn: true },
    args: { input: t.arg({ type: RecordTipStatusInputRef, required: true }) },
    resolve: async (_root, { input }, ctx) => {
      const found = await tipForOfficer(ctx, String(input.tipId), 'WRITE');
      if (found.error) return refusedOnTip(ctx, 'recordTipStatus', found);
      const { tip } = found;
      const date = input.date ?? ctx.today;
      // The transition is judged on the state of the version the officer read, and the
      // update only applies to that very version and state: no stale step can slip in.
      if (input.version !== tip.version) return refusedOnTip(ctx, 'recordTipStatus', { error: userErrors.conflict(tip.version), tip });
      const invalid = [
        ...(canMoveTip(tip.status, input.status)
          ? []
          : [{ path: ['status'], message: `a tip that is ${tip.status} cannot become ${input.status}` }]),
        ...(input.note && input.note.length > 2000 ? [{ path: ['note'], message: 'must be at most 2000 characters' }] : []),
        ...(date > ctx.today ? [{ path: ['date'], message: 'must not be in the future' }] : []),
        ...(date < isoOf(tip.occurredOn)! ? [{ path: ['date'], message: 'must not be before the tip’s events' }] : []),
      ];
      if (invalid.length) return refusedOnTip(ctx, 'recordTipStatus', { error: userErrors.invalid(invalid), tip });
      const updated = await ctx.db.prisma.$transaction(async (tx) => {
        const { count } = await tx.tip.updateMany({
          where: { id: tip.id, version: tip.version, status: tip.status },
          data: { status: input.status, version: { increment: 1 } },
        });
        if (count === 0) return null;
        await tx.tipEvent.create({
          data: {
            tipId: tip.id,
            status: input.status,
            date: new Date(`${date}T00:00:00Z`),
            actor: actorName(ctx),
            note: input.note ?? null,
          },
        });
        await audit(tx, ctx, { action: 'recordTipStatus', entity: 'Tip', entityId: tip.id, placeCodes: tip.placeCodes });
        return tx.tip.findUniqueOrThrow({ where: { id: tip.id } });
      });
      if (updated) return { result: updated };
      const now = await ctx.db.prisma.tip.findUnique({ where: { id: tip.id }, select: { version: true } });
      return refusedOnTip(ctx, 'recordTipStatus', { error: userErrors.conflict(now?.version ?? tip.version), tip });
    },
  }),
);

const ReplyToTipInputRef = builder.inputType('ReplyToTipInput', {
  fields: (t) => ({ tipId: t.id({ required: true }), text: t.string({ required: true }) }),
});
const ReplyToTipPayload = payloadType('ReplyToTip', TipRef, [ValidationErrorRef, NotFoundErrorRef, ForbiddenErrorRef]);

builder.mutationField('replyToTip', (t) =>
  t.field({
    type: ReplyToTipPayload,
    description: 'Write to the informant; they read it with their tip number and secret.',
    authScopes: { signedIn: true },
    args: { input: t.arg({ type: ReplyToTipInputRef, required: true }) },
    resolve: async (_root, { input }, ctx) => {
      const found = await tipForOfficer(ctx, String(input.tipId), 'WRITE');
      if (found.error) return refusedOnTip(ctx, 'replyToTip', found);
      const { tip } = found;
      const text = tipMessageInput.safeParse({ text: input.text });
      if (!text.success) return refusedOnTip(ctx, 'replyToTip', { error: userErrors.fromZod(text.error), tip });
      await ctx.db.prisma.$transaction(async (tx) => {
        await tx.tipMessage.create({
          data: {
            tipId: tip.id,
            author: 'OFFICER',
            officer: actorName(ctx),
            bodyCiphertext: seal(ctx.secrets.dataKey, text.data.text, sealedAs.message(tip.id)),
          },
        });
        await audit(tx, ctx, { action: 'replyToTip', entity: 'Tip', entityId: tip.id, placeCodes: tip.placeCodes });
      });
      return { result: tip };
    },
  }),
);

interface Revealed {
  anonymous: boolean;
  contact: string | null;
}
const RevealedInformantRef = builder.objectRef<Revealed>('RevealedInformant').implement({
  description: 'The informant’s contact and identity, as they gave them. This look is in the audit log, with your reason.',
  fields: (t) => ({ anonymous: t.exposeBoolean('anonymous'), contact: t.exposeString('contact', { nullable: true }) }),
});
const RevealInputRef = builder.inputType('RevealTipInformantInput', {
  fields: (t) => ({
    tipId: t.id({ required: true }),
    reason: t.string({ required: true, description: 'Why you need to know who the informant is (at least 20 characters). Recorded.' }),
  }),
});
const RevealPayload = payloadType<Revealed>('RevealTipInformant', RevealedInformantRef, [
  ValidationErrorRef,
  NotFoundErrorRef,
  ForbiddenErrorRef,
]);

builder.mutationField('revealTipInformant', (t) =>
  t.field({
    type: RevealPayload,
    description: 'Show the informant’s contact to a handling officer, for a written reason. Every attempt is audited.',
    authScopes: { signedIn: true },
    args: { input: t.arg({ type: RevealInputRef, required: true }) },
    resolve: async (_root, { input }, ctx) => {
      const found = await tipForOfficer(ctx, String(input.tipId), 'REVEAL');
      const reason = revealReasonSchema.safeParse(input.reason);
      const refusal =
        found.error ??
        (reason.success ? null : userErrors.invalid(reason.error.issues.map((i) => ({ path: ['reason'], message: i.message }))));
      if (refusal) return refusedOnTip(ctx, 'revealTipInformant', { error: refusal, tip: found.tip }, reason.success ? reason.data : null);
      const tip = found.tip!;
      await audit(ctx.db.prisma, ctx, {
        action: 'revealTipInformant',
        entity: 'Tip',
        entityId: tip.id,
        placeCodes: tip.placeCodes,
        reason: reason.data!,
      });
      return {
        result: {
          anonymous: tip.contactCiphertext === null,
          contact: tip.contactCiphertext ? open(ctx.secrets.dataKey, tip.contactCiphertext, sealedAs.contact(tip.number)) : null,
        },
      };
    },
  }),
);

function actorName(ctx: Context): string {
  return ctx.viewer.kind === 'OFFICER' ? ctx.viewer.subject : ctx.viewer.kind;
}
