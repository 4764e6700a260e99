import { describe, expect, it, test } from 'vitest';
import fc from 'fast-check';
import {
  addMonths,
  clampToInterval,
  vietnamDateOf,
  addYears,
  ageOn,
  calendarYear,
  daysIn,
  isoDate,
  monthsBetween,
  periodContains,
  quarterOf,
  teamEvaluationPeriod,
  teamEvaluationYearOf,
  yearOf,
} from '../src/index.js';

describe('isoDate', () => {
  test.each([
    [2024, 2, 29, '2024-02-29'],
    [5, 1, 9, '0005-01-09'],
  ])('isoDate(%i, %i, %i) = %s', (y, m, d, want) => expect(isoDate(y, m, d)).toBe(want));
  test.each([
    [2025, 2, 29],
    [2024, 13, 1],
    [2024, 4, 31],
  ])('isoDate(%i, %i, %i) throws', (y, m, d) => expect(() => isoDate(y, m, d)).toThrow(RangeError));
  it('yearOf', () => expect(yearOf('2025-11-15')).toBe(2025));
});

describe('addMonths / addYears (Civil Code Art. 148: a missing day falls on the month end)', () => {
  test.each([
    ['2024-01-31', 1, '2024-02-29'],
    ['2025-01-31', 1, '2025-02-28'],
    ['2024-05-31', 9, '2025-02-28'],
    ['2024-11-15', 12, '2025-11-15'],
    ['2024-03-31', -1, '2024-02-29'],
    ['2024-01-15', -13, '2022-12-15'],
  ])('%s + %i months = %s', (d, n, want) => expect(addMonths(d, n)).toBe(want));
  test.each([
    ['2000-02-29', 18, '2018-02-28'],
    ['2000-02-29', 20, '2020-02-29'],
    ['2023-07-01', 1, '2024-07-01'],
  ])('%s + %i years = %s', (d, n, want) => expect(addYears(d, n)).toBe(want));
});

describe('monthsBetween', () => {
  test.each([
    ['2025-02-15', '2025-11-15', 9],
    ['2025-02-16', '2025-11-15', 8],
    ['2024-01-31', '2024-02-29', 1],
    ['2024-01-31', '2024-02-28', 0],
    ['2024-01-31', '2024-03-30', 1],
    ['2025-01-01', '2025-01-01', 0],
    ['2025-11-15', '2025-02-15', -9],
  ])('%s → %s = %i', (a, b, want) => expect(monthsBetween(a, b)).toBe(want));

  const date = fc
    .date({ min: new Date('1950-01-01T00:00:00Z'), max: new Date('2100-12-31T00:00:00Z'), noInvalidDate: true })
    .map((d) => d.toISOString().slice(0, 10));
  it('is the largest n with addMonths(from, n) ≤ to', () => {
    fc.assert(
      fc.property(date, date, (a, b) => {
        const [from, to] = a <= b ? [a, b] : [b, a];
        const n = monthsBetween(from, to);
        expect(n).toBeGreaterThanOrEqual(0);
        expect(addMonths(from, n) <= to).toBe(true);
        expect(addMonths(from, n + 1) > to).toBe(true);
      }),
    );
  });
});

describe('ageOn', () => {
  test.each([
    ['2006-07-01', '2024-07-01', 18],
    ['2006-07-02', '2024-07-01', 17],
    ['2000-02-29', '2018-02-28', 18],
    ['2000-02-29', '2018-02-27', 17],
    ['1954-07-01', '2024-07-01', 70],
    ['1953-07-01', '2024-07-01', 71],
  ])('born %s, on %s: %i', (b, d, want) => expect(ageOn(b, d)).toBe(want));
});

describe('periods', () => {
  it('calendarYear and quarters', () => {
    expect(calendarYear(2024)).toEqual({ from: '2024-01-01', to: '2024-12-31' });
    expect(quarterOf(2024, 1)).toEqual({ from: '2024-01-01', to: '2024-03-31' });
    expect(quarterOf(2024, 4)).toEqual({ from: '2024-10-01', to: '2024-12-31' });
    expect(daysIn(calendarYear(2024))).toBe(366);
    expect(daysIn({ from: '2025-01-01', to: '2025-01-01' })).toBe(1);
  });
  it('the team-evaluation year runs 15 Nov – 14 Nov', () => {
    expect(teamEvaluationPeriod(2026)).toEqual({ from: '2025-11-15', to: '2026-11-14' });
    expect(daysIn(teamEvaluationPeriod(2026))).toBe(365);
  });
  test.each([
    ['2025-11-14', 2025],
    ['2025-11-15', 2026],
    ['2025-12-31', 2026],
    ['2026-01-01', 2026],
    ['2026-11-14', 2026],
  ])('%s is in the %i evaluation year', (d, y) => {
    expect(teamEvaluationYearOf(d)).toBe(y);
    expect(periodContains(teamEvaluationPeriod(y), d)).toBe(true);
  });
});

describe('the day helpers the periods build on', () => {
  test.each([
    ['2024-06-30T16:59:59Z', '2024-06-30'],
    ['2024-06-30T17:00:00Z', '2024-07-01'],
  ])('vietnamDateOf(%s) = %s (UTC+7)', (instant, date) => expect(vietnamDateOf(new Date(instant))).toBe(date));
  it('clamps to either end', () => {
    expect(clampToInterval('2026-01-01', { from: null, to: '2025-06-30' })).toBe('2025-06-30');
    expect(clampToInterval('2025-01-01', { from: null, to: '2025-06-30' })).toBe('2025-01-01');
    expect(clampToInterval('2024-01-01', { from: '2025-07-01', to: null })).toBe('2025-07-01');
  });
});
