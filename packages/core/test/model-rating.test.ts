import { expect, test } from 'vitest';
import { canRateModel, lifecycleOrThrow, type LifecycleEventKind } from '../src/index.js';

const life = lifecycleOrThrow(
  (
    [
      ['PROPOSE', '2024-01-01'],
      ['SURVEY', '2024-01-01'],
      ['APPROVE', '2024-01-01'],
      ['ESTABLISH', '2024-01-01'],
      ['ACTIVATE', '2024-01-01'],
      ['SUSPEND', '2024-04-10'], // 100 days active: 1 Jan – 9 Apr
      ['RESUME', '2024-07-01'],
    ] as Array<[LifecycleEventKind, string]>
  ).map(([kind, date]) => ({ kind, date })),
);

test.each([
  ['2024-04-09', 180, 100, false],
  ['2024-06-30', 100, 100, true],
  ['2024-06-30', 101, 100, false],
  ['2024-08-19', 150, 150, true],
  ['2024-08-18', 150, 149, false],
  ['2023-12-31', 1, 0, false],
  ['2023-12-31', 0, 0, true],
])('on %s with a minimum of %i days (has %i): rated %s', (asOf, minimum, activeDays, pass) => {
  const v = canRateModel(life, asOf, minimum);
  expect(v).toEqual(
    pass
      ? { pass: true, failures: [] }
      : { pass: false, failures: [{ code: 'TOO_LITTLE_TIME_ACTIVE', activeDays, requiredDays: minimum }] },
  );
});
