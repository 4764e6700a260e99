import { describe, expect, it } from 'vitest';
import {
  caseStatusOn,
  closeFollowUpInput,
  closeReintegrationCaseInput,
  festivalDayOf,
  followUpStateOn,
  isFestivalDay,
  isOverdueOn,
  outreachActivityInput,
  outreachTotals,
  progressNoteInput,
  reintegrationCaseInput,
  type FollowUp,
  type FollowUpState,
} from '../src/index.js';

describe('a follow-up on a date: OVERDUE is derived from the due date, never stored', () => {
  const open: FollowUp = { dueOn: '2024-06-30', status: 'OPEN', closedOn: null };
  it.each<[string, FollowUp, string, FollowUpState]>([
    ['open, before its due date', open, '2024-06-01', 'OPEN'],
    ['open, on its due date', open, '2024-06-30', 'OPEN'],
    ['open, the day after', open, '2024-07-01', 'OVERDUE'],
    ['done on time, asked later', { ...open, status: 'DONE', closedOn: '2024-06-20' }, '2024-12-31', 'DONE'],
    ['done late, asked before it was done', { ...open, status: 'DONE', closedOn: '2024-08-01' }, '2024-07-15', 'OVERDUE'],
    ['done late, asked after', { ...open, status: 'DONE', closedOn: '2024-08-01' }, '2024-08-01', 'DONE'],
    ['cancelled', { ...open, status: 'CANCELLED', closedOn: '2024-05-01' }, '2024-12-31', 'CANCELLED'],
    ['cancelled later, asked before', { ...open, status: 'CANCELLED', closedOn: '2024-09-01' }, '2024-06-01', 'OPEN'],
  ])('%s', (_name, f, asOf, state) => {
    expect(followUpStateOn(f, asOf)).toBe(state);
    expect(isOverdueOn(f, asOf)).toBe(state === 'OVERDUE');
  });
  it('closes only as done or cancelled', () => {
    expect(closeFollowUpInput.safeParse({ status: 'OPEN', closedOn: '2024-01-01' }).success).toBe(false);
    expect(closeFollowUpInput.safeParse({ status: 'DONE', closedOn: '2024-01-01' }).success).toBe(true);
  });
});

describe('outreach', () => {
  const valid = {
    communeCode: '25195',
    heldOn: '2024-08-19',
    form: 'FESTIVAL_DAY',
    audiences: ['RESIDENTS', 'YOUTH'],
    participants: 420,
    partners: ['FATHERLAND_FRONT', 'ARMY'],
    topic: 'Ngày hội toàn dân bảo vệ ANTQ',
  };
  it.each<[string, Record<string, unknown>, string | null]>([
    ['a valid activity', {}, null],
    ['no partner', { partners: [] }, null],
    ['a province as place', { communeCode: '70' }, 'communeCode'],
    ['no audience', { audiences: [] }, 'audiences'],
    ['an audience twice', { audiences: ['RESIDENTS', 'RESIDENTS'] }, 'audiences'],
    ['a partner twice', { partners: ['ARMY', 'ARMY'] }, 'partners'],
    ['negative reach', { participants: -1 }, 'participants'],
    ['a fractional reach', { participants: 2.5 }, 'participants'],
    ['an unknown form', { form: 'TELEPATHY' }, 'form'],
  ])('%s', (_name, change, failing) => {
    const r = outreachActivityInput.safeParse({ ...valid, ...change });
    expect(r.success ? null : r.error.issues[0]!.path[0]).toBe(failing);
  });
  it('knows the festival day', () => {
    expect(festivalDayOf(2024)).toBe('2024-08-19');
    expect(isFestivalDay('2024-08-19')).toBe(true);
    expect(isFestivalDay('2024-08-18')).toBe(false);
  });
  it('totals count an activity once under each of its keys, largest reach first', () => {
    const rows = [
      { participants: 100, audiences: ['RESIDENTS', 'YOUTH'] },
      { participants: 50, audiences: ['RESIDENTS'] },
      { participants: 10, audiences: ['WORKERS', 'WORKERS'] },
    ];
    expect(outreachTotals(rows, (r) => r.audiences)).toEqual([
      { key: 'RESIDENTS', activities: 2, participants: 150 },
      { key: 'YOUTH', activities: 1, participants: 100 },
      { key: 'WORKERS', activities: 1, participants: 10 },
    ]);
    expect(outreachTotals([], (r: { participants: number }) => [String(r.participants)])).toEqual([]);
  });
});

describe('re-integration cases', () => {
  const valid = {
    communeCode: '25195',
    person: { fullName: 'Nguyễn Văn A', birthDate: '1990-01-01', citizenId: '070090000123' },
    offenceSummary: 'Trộm cắp tài sản, 2 năm tù',
    returnedOn: '2024-03-01',
    mentors: [{ kind: 'FAMILY', name: 'Nguyễn Thị B' }],
  };
  it.each<[string, Record<string, unknown>, string | null]>([
    ['a valid case', {}, null],
    ['no mentor', { mentors: [] }, 'mentors'],
    ['a bad identity number', { person: { ...valid.person, citizenId: '123' } }, 'person'],
    ['born after the return', { person: { ...valid.person, birthDate: '2024-05-01' } }, 'person'],
    ['no offence summary', { offenceSummary: '' }, 'offenceSummary'],
    ['an unknown mentor kind', { mentors: [{ kind: 'NEIGHBOUR', name: 'X' }] }, 'mentors'],
  ])('%s', (_name, change, failing) => {
    const r = reintegrationCaseInput.safeParse({ ...valid, ...change });
    expect(r.success ? null : r.error.issues[0]!.path[0]).toBe(failing);
  });
  it.each<[string, string, string | null]>([
    ['before the return', '2024-02-01', null],
    ['after the return', '2024-06-01', 'ONGOING'],
    ['on the closing day', '2025-03-01', 'COMPLETED'],
  ])('status %s', (_name, asOf, status) => {
    expect(caseStatusOn({ returnedOn: '2024-03-01', status: 'COMPLETED', closedOn: '2025-03-01' }, asOf)).toBe(status);
  });
  it('closes with an outcome, never back to ongoing; notes have a day and a text', () => {
    expect(closeReintegrationCaseInput.safeParse({ outcome: 'ONGOING', closedOn: '2025-01-01' }).success).toBe(false);
    expect(closeReintegrationCaseInput.safeParse({ outcome: 'MOVED_AWAY', closedOn: '2025-01-01' }).success).toBe(true);
    expect(progressNoteInput.safeParse({ notedOn: '2024-04-01', text: ' ' }).success).toBe(false);
  });
});
