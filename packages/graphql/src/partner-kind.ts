/** Partner organisations, one enum for the models they take part in and the outreach they join. */
import { PARTNER_KINDS } from '@antq/core';
import { builder } from './builder.js';

export const PartnerKindEnum = builder.enumType('PartnerKind', {
  description: 'Mặt trận Tổ quốc, Đoàn Thanh niên, Hội Phụ nữ, Cựu chiến binh, Nông dân, Quân đội, Biên phòng, khác.',
  values: PARTNER_KINDS,
});
