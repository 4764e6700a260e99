import { describe, expect, it } from 'vitest';
import { revealReasonSchema, submitTipInput } from '../src/index.js';

describe('submitTipInput', () => {
  const valid = { category: 'DRUGS', unitCode: '25195', text: 'Có người bán ma túy ở đầu hẻm 12 mỗi tối.' };
  it.each<[string, Record<string, unknown>, string | null]>([
    ['a valid anonymous tip', {}, null],
    ['a contact', { contact: '0912 000 000' }, null],
    ['a date', { occurredOn: '2026-05-02' }, null],
    ['a province code as place', { unitCode: '75' }, 'unitCode'],
    ['an unknown category', { category: 'JAYWALKING' }, 'category'],
    ['a text too short', { text: 'ma túy' }, 'text'],
    ['an impossible date', { occurredOn: '2026-02-30' }, 'occurredOn'],
    ['a contact too long', { contact: 'x'.repeat(501) }, 'contact'],
  ])('%s', (_name, change, failingField) => {
    const r = submitTipInput.safeParse({ ...valid, ...change });
    expect(r.success ? null : r.error.issues[0]!.path[0]).toBe(failingField);
  });
});

describe('revealing an informant', () => {
  it('wants a written reason to reveal an informant', () => {
    expect(revealReasonSchema.safeParse('need it').success).toBe(false);
    expect(revealReasonSchema.safeParse('Cần lấy lời khai bổ sung theo yêu cầu của cơ quan điều tra').success).toBe(true);
  });
});
