/**
 * Recording an outreach session: OUTREACH WRITE in its commune (an area leader, in their
 * own area), validated with core's outreachActivityInput, written with its audit entry in
 * one transaction; every refusal a typed error, audited too.
 */
import { authorize, outreachActivityInput, type IsoDate, type Label } from '@antq/core';
import type { Prisma } from '@antq/db';
import { audit } from '../audit/record.js';
import { builder } from '../builder.js';
import { ForbiddenErrorRef, NotFoundErrorRef, payloadType, ValidationErrorRef } from '../error-types.js';
import { userErrors, type Outcome } from '../errors.js';
import { decodeId, refused, stripNulls, zodError } from '../mutations.js';
import { DateScalar } from '../scalars.js';
import { OutreachAudienceEnum, OutreachFormEnum, OutreachRef, PartnerKindEnum } from './outreach.js';
import { areaFiling, communeFiling, judgeCreate } from './write.js';
import { uuidOrNone } from '../access.js';
import { areaWhere } from '../movement/jurisdiction.js';

const PLACE: Label = { vi: 'địa bàn', en: 'place' };
type OutreachResult = Prisma.OutreachActivityGetPayload<object>;

const RecordOutreachInput = builder.inputType('RecordOutreachActivityInput', {
  fields: (t) => ({
    communeCode: t.string({ required: true, description: 'The 5-digit code of the commune on heldOn.' }),
    residentialAreaId: t.id({ description: 'The residential area, if it was held in one (placed in that commune on heldOn).' }),
    heldOn: t.field({ type: DateScalar, required: true, description: 'Not in the future.' }),
    form: t.field({ type: OutreachFormEnum, required: true }),
    audiences: t.field({ type: [OutreachAudienceEnum], required: true }),
    participants: t.int({ required: true, description: 'People reached.' }),
    partners: t.field({
      type: [PartnerKindEnum],
      description: 'Partners that took part (the Fatherland Front, mass organisations, the army…).',
    }),
    topic: t.string({ required: true }),
  }),
});

builder.mutationField('recordOutreachActivity', (t) =>
  t.field({
    type: payloadType<OutreachResult>('RecordOutreachActivity', OutreachRef, [ValidationErrorRef, NotFoundErrorRef, ForbiddenErrorRef]),
    description: 'Record an outreach session held in a commune (or one of its residential areas) of your jurisdiction.',
    authScopes: { signedIn: true },
    args: { input: t.arg({ type: RecordOutreachInput, required: true }) },
    resolve: async (_root, { input }, ctx): Promise<{ result: Outcome<OutreachResult> }> => {
      const action = 'recordOutreachActivity';
      const none = { entity: 'OutreachActivity' };
      if (!authorize(ctx.viewer, 'OUTREACH', 'WRITE').allowed) return refused(ctx, action, userErrors.forbidden(), none);
      const parsed = outreachActivityInput.safeParse(
        stripNulls({ ...input, residentialAreaId: input.residentialAreaId == null ? undefined : String(input.residentialAreaId) }),
      );
      if (!parsed.success) return refused(ctx, action, zodError(parsed.error), none);
      const a = parsed.data;
      const heldOn = a.heldOn as IsoDate;
      if (heldOn > ctx.today)
        return refused(ctx, action, userErrors.invalid([{ path: ['heldOn'], message: 'must not be in the future' }]), none);
      let filing = await communeFiling(ctx, a.communeCode, heldOn);
      if (!filing)
        return refused(
          ctx,
          action,
          userErrors.invalid([{ path: ['communeCode'], message: `no commune has this code on ${heldOn}` }]),
          none,
        );
      let areaId: string | null = null;
      if (a.residentialAreaId) {
        areaId = decodeId(a.residentialAreaId, 'ResidentialArea');
        // An area the viewer cannot read is not found: its placements must not be told.
        const area = areaId
          ? await ctx.db.prisma.residentialArea.findFirst({
              where: { id: uuidOrNone(areaId), AND: [areaWhere(ctx)] },
              select: { placements: true },
            })
          : null;
        const placed = area ? areaFiling(area.placements, heldOn) : null;
        if (!area) return refused(ctx, action, userErrors.notFound({ vi: 'khu dân cư', en: 'residential area' }), none);
        if (!placed || placed.communeId !== filing.communeId)
          return refused(
            ctx,
            action,
            userErrors.invalid([
              { path: ['residentialAreaId'], message: `the residential area was not in commune ${a.communeCode} on ${heldOn}` },
            ]),
            none,
          );
        filing = placed;
      }
      const place = { placeCodes: filing.placeCodes, residentialAreaId: areaId };
      const denied = judgeCreate(ctx, 'OUTREACH', place, PLACE);
      if (denied) return refused(ctx, action, denied, { ...none, placeCodes: filing.placeCodes });
      const created = await ctx.db.prisma.$transaction(async (tx) => {
        const row = await tx.outreachActivity.create({
          data: {
            communeId: filing.communeId,
            communeCode: filing.communeCode,
            placeCodes: filing.placeCodes,
            residentialAreaId: areaId,
            heldOn: new Date(`${heldOn}T00:00:00Z`),
            form: a.form,
            audiences: a.audiences,
            participants: a.participants,
            partners: a.partners,
            topic: a.topic,
          },
        });
        await audit(tx, ctx, { action, entity: 'OutreachActivity', entityId: row.id, placeCodes: row.placeCodes });
        return row;
      });
      return { result: created };
    },
  }),
);
