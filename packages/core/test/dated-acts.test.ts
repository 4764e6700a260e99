import { describe, expect, it } from 'vitest';
import { judgeEnding, judgeEventDate, judgeJoining, latestStart } from '../src/index.js';

const TODAY = '2026-03-10';

describe('judgeEnding: the last day of a record', () => {
  it.each([
    ['an open record ending today', { startedOn: '2024-01-01', endedOn: null }, TODAY, []],
    ['ending on the day it started', { startedOn: '2025-05-05', endedOn: null }, '2025-05-05', []],
    ['an unknown start', { startedOn: null, endedOn: null }, '1990-01-01', []],
    ['a record already ended', { startedOn: '2024-01-01', endedOn: '2025-01-01' }, '2025-06-01', ['ALREADY_ENDED']],
    ['tomorrow', { startedOn: '2024-01-01', endedOn: null }, '2026-03-11', ['IN_THE_FUTURE']],
    ['the day before it started', { startedOn: '2025-05-05', endedOn: null }, '2025-05-04', ['BEFORE_START']],
    [
      'everything at once',
      { startedOn: '2027-01-01', endedOn: '2027-02-01' },
      '2026-12-31',
      ['ALREADY_ENDED', 'IN_THE_FUTURE', 'BEFORE_START'],
    ],
  ] as const)('%s', (_name, record, last, codes) => {
    expect(judgeEnding(record, last, TODAY).map((f) => f.code)).toEqual(codes);
  });

  it('names what it was judged against', () => {
    expect(judgeEnding({ startedOn: '2025-05-05', endedOn: '2025-06-01' }, '2025-05-01', TODAY)).toEqual([
      { code: 'ALREADY_ENDED', endedOn: '2025-06-01' },
      { code: 'BEFORE_START', startedOn: '2025-05-05' },
    ]);
  });
});

describe('latestStart', () => {
  it.each([
    [[], null],
    [[null, null], null],
    [['2024-01-01', null], '2024-01-01'],
    [['2024-01-01', '2025-07-01', '2025-01-01'], '2025-07-01'],
  ] as const)('%j → %s', (starts, expected) => {
    expect(latestStart(...starts)).toBe(expected);
  });
});

describe('judgeEventDate: an event after a history', () => {
  it.each([
    ['the first event, today', TODAY, null, []],
    ['the same day as the last event', '2025-01-01', '2025-01-01', []],
    ['after the last event', '2025-02-01', '2025-01-01', []],
    ['before the last event', '2024-12-31', '2025-01-01', ['BEFORE_LAST_EVENT']],
    ['tomorrow', '2026-03-11', '2025-01-01', ['IN_THE_FUTURE']],
  ] as const)('%s', (_name, date, last, codes) => {
    expect(judgeEventDate(date, last, TODAY).map((f) => f.code)).toEqual(codes);
  });
});

describe('judgeJoining: a person joining a model', () => {
  const model = { foundedOn: '2024-05-01', stateThen: 'ACTIVE' } as const;
  it.each([
    ['an active model, today', model, null, TODAY, []],
    ['on the day it was founded', model, '1980-01-01', '2024-05-01', []],
    ['a model with no known lifecycle', { ...model, stateThen: null }, null, TODAY, []],
    ['tomorrow', model, null, '2026-03-11', ['IN_THE_FUTURE']],
    ['the day before it was founded', model, null, '2024-04-30', ['BEFORE_FOUNDED']],
    ['a dissolved model', { ...model, stateThen: 'DISSOLVED' }, null, TODAY, ['DISSOLVED']],
    ['born on the day of joining', model, TODAY, TODAY, ['BORN_AFTER_JOINING']],
    [
      'everything at once',
      { foundedOn: '2027-01-01', stateThen: 'DISSOLVED' },
      '2027-01-01',
      '2026-12-31',
      ['IN_THE_FUTURE', 'BEFORE_FOUNDED', 'DISSOLVED', 'BORN_AFTER_JOINING'],
    ],
  ] as const)('%s', (_name, m, birthDate, joinedOn, codes) => {
    expect(judgeJoining(m, { birthDate }, joinedOn, TODAY).map((f) => f.code)).toEqual(codes);
  });
});
