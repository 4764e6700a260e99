import { describe, expect, it } from 'vitest';
import type { z } from 'zod';
import { commendationInput, exemplarInput, influentialPersonInput, keyAreaInput, modelPartnerInput } from '../src/entities/recognition.js';

const ok = (schema: z.ZodType, value: unknown) => expect(schema.safeParse(value).success).toBe(true);
function bad(schema: z.ZodType, value: unknown, message?: string) {
  const r = schema.safeParse(value);
  expect(r.success).toBe(false);
  if (message && !r.success) expect(r.error.issues.map((i) => i.message).join('; ')).toContain(message);
}

const decision = { number: '1234/QĐ-CAT', date: '2024-08-19', issuer: 'Công an tỉnh Bình Phước' };
const period = { from: '2024-01-01', to: '2024-12-31' };

describe('exemplars', () => {
  it.each<[string, unknown, boolean]>([
    ['a model', { kind: 'MODEL', modelId: 'm1' }, true],
    ['a residential area', { kind: 'COLLECTIVE', collectiveKind: 'RESIDENTIAL_AREA', collectiveId: 'a1' }, true],
    ['a security team', { kind: 'COLLECTIVE', collectiveKind: 'SECURITY_TEAM', collectiveId: 't1' }, true],
    ['an individual with a role', { kind: 'INDIVIDUAL', fullName: 'Nguyễn Văn A', role: 'Tổ trưởng' }, true],
    ['an individual without a role', { kind: 'INDIVIDUAL', fullName: 'Nguyễn Văn A' }, false],
    ['a collective of an unknown kind', { kind: 'COLLECTIVE', collectiveKind: 'FAMILY', collectiveId: 'x' }, false],
  ])('subject: %s', (_n, subject, valid) => {
    (valid ? ok : bad)(exemplarInput, { subject, level: 'PROVINCE', period, decision, unitCode: '70' });
  });

  it('is not decided after its period, and its period is ordered', () => {
    const e = { subject: { kind: 'MODEL', modelId: 'm1' }, level: 'PROVINCE', period, decision, unitCode: '70' };
    bad(exemplarInput, { ...e, decision: { ...decision, date: '2025-01-01' } }, 'after the period');
    bad(exemplarInput, { ...e, period: { from: '2024-12-31', to: '2024-01-01' } }, 'must not end before it starts');
    bad(exemplarInput, { ...e, unitCode: '7' });
  });
});

describe('commendations', () => {
  const c = {
    recipient: { kind: 'INDIVIDUAL', fullName: 'Lê C', role: 'Người dân' },
    form: 'LETTER_OF_COMMENDATION',
    level: 'COMMUNE',
    decision,
    reason: 'Tố giác tội phạm',
    unitCode: '25195',
  };
  it.each<[string, unknown, boolean]>([
    ['for nothing recorded', undefined, true],
    ['for a tip', { kind: 'TIP', tipId: 'tip1' }, true],
    ['for a model', { kind: 'MODEL', modelId: 'm1' }, true],
    ['for an exemplar', { kind: 'EXEMPLAR', exemplarId: 'e1' }, true],
    ['for something else', { kind: 'TEAM', teamId: 't1' }, false],
  ])('%s', (_n, f, valid) => (valid ? ok : bad)(commendationInput, { ...c, ...(f ? { for: f } : {}) }));
  it('names a known form and a reason', () => {
    bad(commendationInput, { ...c, form: 'TROPHY' });
    bad(commendationInput, { ...c, reason: ' ' }, 'must not be empty');
  });
});

describe('key areas, people of influence, partners', () => {
  it.each<[string, unknown, boolean]>([
    ['open-ended', { unitCode: '25195', category: 'CRIME', reason: 'Ma túy', from: '2024-01-01' }, true],
    ['bounded', { unitCode: '70', category: 'RELIGION', reason: 'Tôn giáo', from: '2024-01-01', to: '2024-12-31' }, true],
    ['reversed', { unitCode: '70', category: 'RELIGION', reason: 'Tôn giáo', from: '2024-12-31', to: '2024-01-01' }, false],
    ['unknown category', { unitCode: '70', category: 'WEATHER', reason: 'x', from: '2024-01-01' }, false],
    ['not a unit code', { unitCode: '7000', category: 'CRIME', reason: 'x', from: '2024-01-01' }, false],
  ])('key area %s', (_n, value, valid) => (valid ? ok : bad)(keyAreaInput, value));

  const p = {
    kind: 'RELIGIOUS_DIGNITARY',
    person: { fullName: 'Linh mục Giuse B', role: 'Linh mục quản xứ' },
    religion: 'CATHOLICISM',
    residentialAreaId: 'a1',
    from: '2023-01-01',
  };
  it.each<[string, unknown, boolean]>([
    ['a dignitary with a religion', p, true],
    ['a dignitary without one', { ...p, religion: undefined }, false],
    ['a reputable person without one', { ...p, kind: 'REPUTABLE_PERSON', religion: undefined }, true],
    ['a reputable person with one', { ...p, kind: 'REPUTABLE_PERSON' }, false],
    ['engaged backwards', { ...p, to: '2022-01-01' }, false],
  ])('person of influence: %s', (_n, value, valid) => (valid ? ok : bad)(influentialPersonInput, value));

  it('model partners', () => {
    ok(modelPartnerInput, { modelId: 'm1', partnerKind: 'YOUTH_UNION', name: 'Đoàn Thanh niên xã', from: '2024-03-26' });
    bad(modelPartnerInput, { modelId: 'm1', partnerKind: 'CHURCH', name: 'x', from: '2024-03-26' });
  });
});
