/**
 * Recording an outreach session, through the mutation pipeline: OUTREACH WRITE in its
 * commune (an area leader, in their own area), validated with core's outreachActivityInput.
 */
import { outreachActivityInput, type IsoDate, type Label } from '@antq/core';
import { builder } from '../builder.js';
import { refuseInvalid } from '../errors.js';
import { stripNulls, zodError, notInFuture } from '../mutations.js';
import { defineMutation } from '../mutation/define.js';
import { DateScalar } from '../scalars.js';
import { OutreachAudienceEnum, OutreachFormEnum, OutreachRef, PartnerKindEnum } from './outreach.js';
import { newRecordTarget } from './write.js';

const PLACE: Label = { vi: 'địa bàn', en: 'place' };

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

defineMutation('recordOutreachActivity', {
  description: 'Record an outreach session held in a commune (or one of its residential areas) of your jurisdiction.',
  input: RecordOutreachInput,
  result: OutreachRef,
  permission: ['OUTREACH', 'WRITE'],
  entity: 'OutreachActivity',
  ids: { residentialAreaId: 'ResidentialArea' },
  notFound: PLACE,
  load: async (ctx, input, { residentialAreaId: areaId }) => {
    const parsed = outreachActivityInput.safeParse(stripNulls({ ...input, residentialAreaId: areaId ?? undefined }));
    if (!parsed.success) throw zodError(parsed.error);
    const a = parsed.data;
    const heldOn = a.heldOn as IsoDate;
    refuseInvalid(notInFuture(ctx.today, { heldOn }));
    return newRecordTarget(ctx, a.communeCode, areaId, heldOn, { a, heldOn });
  },
  write: (tx, _input, { a, heldOn, filing, areaId }) =>
    tx.outreachActivity.create({
      data: {
        communeId: filing.communeId,
        communeCode: filing.communeCode,
        placeCodes: filing.placeCodes,
        residentialAreaId: areaId,
        heldOn: new Date(`${heldOn}T00:00:00Z`),
        ...pickOutreach(a),
      },
    }),
});

const pickOutreach = ({ form, audiences, participants, partners, topic }: ReturnType<typeof outreachActivityInput.parse>) => ({
  form,
  audiences,
  participants,
  partners,
  topic,
});
