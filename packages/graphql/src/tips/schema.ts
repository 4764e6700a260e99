/**
 * Tips (tố giác, tin báo về tội phạm) in GraphQL. Anyone may submit one and gets a tip
 * number and a secret to follow it up without revealing themselves. Only the handling
 * officers of the tip's commune and above see it; the informant's contact is shown only
 * through `revealTipInformant`, which needs a written reason. Every act is audited.
 */
import { createHash, randomBytes, randomInt, timingSafeEqual } from 'node:crypto';
import { canMoveTip, revealReasonSchema, submitTipInput, TIP_CATEGORIES, TIP_STATUSES, tipMessageInput, type TipStatus } from '@antq/core';
import type { Prisma } from '@antq/db';
import { filedUnder, uuidOrNone } from '../access.js';
import { actorName } from '../audit/record.js';
import { builder } from '../builder.js';
import type { Context } from '../context.js';
import { NotFoundErrorRef, ValidationErrorRef } from '../error-types.js';
import { userErrors, refuseInvalid } from '../errors.js';
import { clientKey } from '../http/rate-limits.js';
import { parseInput, stripNulls, notInFuture } from '../mutations.js';
import { actsOn, defineMutation, recordTarget } from '../mutation/define.js';
import { AdminUnitRef } from '../hierarchy/schema.js';
import { placeCodesUntil, namedCommune } from '../hierarchy/place.js';
import { isoOf } from '../hierarchy/rows.js';
import { filteredList } from '../filtered-list.js';
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
    date: t.field({ type: DateScalar, resolve: (e) => isoOf(e.date) }),
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
  findUnique: (id, ctx) => ({ id: uuidOrNone(id), AND: [filedUnder(ctx, 'TIP', 'communeId', undefined, null)] }),
  description: 'A tip as the handling officers see it. The informant’s contact is not here: see revealTipInformant.',
  authScopes: (tip) => ({ allowedAt: ['TIP', 'READ', { unitCodes: tip.placeCodes }] as const }),
  fields: (t) => ({
    number: t.exposeString('number'),
    category: t.field({ type: TipCategoryEnum, resolve: (tip) => tip.category as (typeof TIP_CATEGORIES)[number] }),
    status: t.field({ type: TipStatusEnum, resolve: (tip) => tip.status }),
    occurredOn: t.field({ type: DateScalar, resolve: (tip) => isoOf(tip.occurredOn) }),
    receivedAt: t.string({ resolve: (tip) => tip.receivedAt.toISOString() }),
    version: t.exposeInt('version'),
    commune: t.field({
      type: AdminUnitRef,
      resolve: async (tip, _args, ctx) => ({ row: (await ctx.loaders.byId.load(tip.communeId))!, asOf: isoOf(tip.occurredOn) }),
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
            date: f.field({ type: DateScalar, resolve: (e) => isoOf(e.date) }),
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
async function tipForInformant(client: Pick<Context['db']['prisma'], 'tip'>, number: string, secret: string) {
  const tip = await client.tip.findUnique({
    where: { number: number.trim().toUpperCase() },
    include: { events: { orderBy: { createdAt: 'asc' } }, messages: { orderBy: { createdAt: 'asc' } } },
  });
  const given = Buffer.from(sha256(secret.trim()), 'hex');
  return tip && timingSafeEqual(given, Buffer.from(tip.secretHash, 'hex')) ? tip : null;
}

/**
 * The informant's look-up, counted: a wrong number or secret takes one of the client's
 * failures (the signed-in viewer, else its address); spent, RATE_LIMITED (http/rate-limits.ts),
 * the same whether or not the tip exists.
 */
function informantLookup(ctx: Context, number: string, secret: string) {
  return ctx.rateLimits.tipLookup.attempt(
    clientKey(ctx.viewer, ctx.clientAddress),
    () => tipForInformant(ctx.db.prisma, number, secret),
    (tip) => tip === null,
  );
}

// ─── Queries ──────────────────────────────────────────────────────────────────────────

builder.queryFields((t) => ({
  tips: t.prismaConnection({
    type: 'Tip',
    description: 'Tips in your jurisdiction (handling officers of a commune and above), newest first.',
    authScopes: { allowed: ['TIP', 'READ'] as const },
    args: {
      unitCode: t.arg.string({ description: 'Only tips in this unit (which must be in your jurisdiction).' }),
      status: t.arg({ type: TipStatusEnum }),
    },
    ...filteredList((db) => db.tip, tipsWhere, { id: 'desc' }),
  }),
  informantTip: t.field({
    type: InformantTipRef,
    nullable: true,
    description: 'For the informant: the tip with this number, if the secret is right; null otherwise.',
    authScopes: { public: true },
    args: { number: t.arg.string({ required: true }), secret: t.arg.string({ required: true }) },
    resolve: (_root, { number, secret }, ctx) => informantLookup(ctx, number, secret),
  }),
}));

function tipsWhere(ctx: Context, args: { unitCode?: string | null; status?: TipStatus | null }): Prisma.TipWhereInput {
  return {
    AND: [
      filedUnder(ctx, 'TIP', 'communeId', { code: args.unitCode, date: ctx.today }, null),
      ...(args.status ? [{ status: args.status }] : []),
    ],
  };
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

const tipNumber = (date: string) => `TG-${date.slice(0, 4)}-${String(randomInt(0, 1_000_000)).padStart(6, '0')}`;

/** A new tip with a fresh number, its secret (only its hash is kept) and its RECEIVED event; the informant gets the number and the secret. */
async function insertTip(
  tx: Prisma.TransactionClient,
  {
    input,
    occurredOn,
    communeId,
    placeCodes,
  }: { input: ReturnType<typeof submitTipInput.parse>; occurredOn: string; communeId: string; placeCodes: string[] },
  ctx: Context,
) {
  const secret = randomBytes(18).toString('base64url');
  const key = ctx.secrets.dataKey;
  // Numbers are random: on the rare clash (skipped, not an error that would end the transaction), draw another.
  for (let attempt = 0; attempt < 6; attempt++) {
    const number = tipNumber(ctx.today);
    const [tip] = await tx.tip.createManyAndReturn({
      data: {
        number,
        secretHash: sha256(secret),
        category: input.category,
        communeId,
        placeCodes,
        occurredOn: new Date(`${occurredOn}T00:00:00Z`),
        bodyCiphertext: seal(key, input.text, sealedAs.text(number)),
        contactCiphertext: input.contact ? seal(key, input.contact, sealedAs.contact(number)) : null,
      },
      skipDuplicates: true,
      select: { id: true },
    });
    if (!tip) continue;
    await tx.tipEvent.create({ data: { tipId: tip.id, status: 'RECEIVED', date: new Date(`${ctx.today}T00:00:00Z`), actor: 'system' } });
    return { id: tip.id, tipNumber: number, secret };
  }
  throw new Error('six tip numbers drawn in a row are taken: the year’s numbers are running out');
}

defineMutation('submitTip', {
  description: 'Report a crime, signed in or anonymously. The answer is a tip number and a secret: keep both.',
  input: SubmitTipInputRef,
  result: TipReceiptRef,
  errors: [ValidationErrorRef, NotFoundErrorRef],
  permission: 'ANYONE',
  informant: true,
  entity: 'Tip',
  notFound: { vi: 'xã, phường', en: 'commune' },
  load: async (ctx, raw) => {
    const input = parseInput(submitTipInput, stripNulls(raw));
    const occurredOn = input.occurredOn ?? ctx.today;
    refuseInvalid(notInFuture(ctx.today, { occurredOn }));
    const place = await namedCommune(ctx, input.unitCode, occurredOn);
    const placeCodes = await placeCodesUntil(ctx, place, ctx.today);
    return { row: { input, occurredOn, communeId: place.commune.id, placeCodes }, placeCodes, actsAt: { unitCodes: placeCodes } };
  },
  write: (tx, _input, filed, ctx) => insertTip(tx, filed, ctx),
});

const AddTipMessageInputRef = builder.inputType('AddTipMessageInput', {
  fields: (t) => ({
    tipNumber: t.string({ required: true }),
    secret: t.string({ required: true }),
    text: t.string({ required: true }),
  }),
});

defineMutation('addTipMessage', {
  description: 'For the informant: add a message to your tip, with its number and secret.',
  input: AddTipMessageInputRef,
  result: InformantTipRef,
  errors: [ValidationErrorRef, NotFoundErrorRef],
  permission: 'ANYONE',
  informant: true,
  entity: 'Tip',
  notFound: TIP,
  load: async (ctx, input) => {
    const { text } = parseInput(tipMessageInput, { text: input.text });
    const tip = await informantLookup(ctx, input.tipNumber, input.secret);
    return tip && { row: { tip, text, input }, id: tip.id, placeCodes: tip.placeCodes, actsAt: { unitCodes: tip.placeCodes } };
  },
  write: async (tx, _judged, { tip, text, input }, ctx) => {
    await tx.tipMessage.create({
      data: { tipId: tip.id, author: 'INFORMANT', bodyCiphertext: seal(ctx.secrets.dataKey, text, sealedAs.message(tip.id)) },
    });
    return (await tipForInformant(tx, input.tipNumber, input.secret))!;
  },
});

const RecordTipStatusInputRef = builder.inputType('RecordTipStatusInput', {
  fields: (t) => ({
    tipId: t.id({ required: true }),
    status: t.field({ type: TipStatusEnum, required: true }),
    date: t.field({ type: DateScalar, description: 'The day of the change; today if not given.' }),
    note: t.string(),
    version: t.int({ required: true, description: 'The version you read: a stale one is refused (ConflictError).' }),
  }),
});

/** The tip an officer acts on, seen and acted on where it is filed. */
const tipTarget = async (ctx: Context, id: string) => recordTarget(await ctx.db.prisma.tip.findUnique({ where: { id } }));

/** Acts on a Tip, found by `tipId`. */
/** A Tip, found by `tipId`: what its handling and its reveal act on, each with its own permission. */
const TIP_BY_ID = { entity: 'Tip', idField: 'tipId', notFound: TIP, load: tipTarget } as const;
const ON_TIP = actsOn({ ...TIP_BY_ID, permission: ['TIP', 'WRITE'] });

defineMutation('recordTipStatus', {
  description: 'Move a tip along its handling: VERIFYING, FORWARDED, RESOLVED or REJECTED.',
  input: RecordTipStatusInputRef,
  result: TipRef,
  ...ON_TIP,
  // The transition is judged on the version the officer read; the write applies only to that very version.
  versioned: { table: 'tip', version: (input) => input.version },
  judge: (ctx, { status, date, note }, tip) => {
    const on = date ?? ctx.today;
    const invalid = [
      ...(canMoveTip(tip.status, status) ? [] : [{ path: ['status'], message: `a tip that is ${tip.status} cannot become ${status}` }]),
      ...(note && note.length > 2000 ? [{ path: ['note'], message: 'must be at most 2000 characters' }] : []),
      ...(on > ctx.today ? [{ path: ['date'], message: 'must not be in the future' }] : []),
      ...(on < isoOf(tip.occurredOn) ? [{ path: ['date'], message: 'must not be before the tip’s events' }] : []),
    ];
    refuseInvalid(invalid);
    return { status, date: on, note: note ?? null };
  },
  write: async (tx, { status, date, note }, tip, ctx) => {
    await tx.tipEvent.create({ data: { tipId: tip.id, status, date: new Date(`${date}T00:00:00Z`), actor: actorName(ctx.viewer), note } });
    return tx.tip.update({ where: { id: tip.id }, data: { status } });
  },
});

const ReplyToTipInputRef = builder.inputType('ReplyToTipInput', {
  fields: (t) => ({ tipId: t.id({ required: true }), text: t.string({ required: true }) }),
});

defineMutation('replyToTip', {
  description: 'Write to the informant; they read it with their tip number and secret.',
  input: ReplyToTipInputRef,
  result: TipRef,
  ...ON_TIP,
  judge: (_ctx, input) => parseInput(tipMessageInput, { text: input.text }),
  write: async (tx, { text }, tip, ctx) => {
    await tx.tipMessage.create({
      data: {
        tipId: tip.id,
        author: 'OFFICER',
        officer: actorName(ctx.viewer),
        bodyCiphertext: seal(ctx.secrets.dataKey, text, sealedAs.message(tip.id)),
      },
    });
    return tip;
  },
});

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

defineMutation('revealTipInformant', {
  description: 'Show the informant’s contact to a handling officer, for a written reason. Every attempt is audited.',
  input: RevealInputRef,
  result: RevealedInformantRef,
  ...actsOn({ ...TIP_BY_ID, permission: ['TIP', 'REVEAL'] }),
  // The reason, when it is one, is audited with the attempt, refused or not.
  reason: (input) => revealReasonSchema.safeParse(input.reason).data ?? null,
  judge: (_ctx, input) => {
    const reason = revealReasonSchema.safeParse(input.reason);
    if (!reason.success) throw userErrors.invalid(reason.error.issues.map((i) => ({ path: ['reason'], message: i.message })));
  },
  // Nothing is written but the audit entry.
  write: async (_tx, _judged, tip, ctx) => ({
    anonymous: tip.contactCiphertext === null,
    contact: tip.contactCiphertext ? open(ctx.secrets.dataKey, tip.contactCiphertext, sealedAs.contact(tip.number)) : null,
  }),
});
