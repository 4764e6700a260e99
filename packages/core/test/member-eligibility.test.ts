import { describe, expect, it, test } from 'vitest';
import {
  checkMemberEligibility,
  requiredEducation,
  type EligibilityContext,
  type EligibilityFailure,
  type MemberCandidate,
} from '../src/index.js';

const ON = '2025-03-01';
const lowland: EligibilityContext = { date: ON, borderMountainOrEthnicMinorityArea: false };
const mountain: EligibilityContext = { date: ON, borderMountainOrEthnicMinorityArea: true };
const good: MemberCandidate = {
  birthDate: '1980-05-10',
  cleanRecord: true,
  education: 'LOWER_SECONDARY',
  residentSince: '2010-01-01',
  hasHealthCertificate: true,
};

describe('security-team member eligibility (Law 30/2023/QH15, Circular 14/2024/TT-BCA)', () => {
  it('an eligible candidate passes', () => expect(checkMemberEligibility(good, lowland)).toEqual({ pass: true, failures: [] }));

  test.each<[string, Partial<MemberCandidate>, EligibilityContext, EligibilityFailure[]]>([
    ['18 on the day', { birthDate: '2007-03-01' }, lowland, []],
    ['18 tomorrow', { birthDate: '2007-03-02' }, lowland, [{ code: 'UNDER_18', age: 17 }]],
    ['70 (still within 18–70)', { birthDate: '1954-03-02' }, lowland, []],
    ['71st birthday today, no approval', { birthDate: '1954-03-01' }, lowland, [{ code: 'OVER_70_WITHOUT_APPROVAL', age: 71 }]],
    ["over 70 with the chairman's decision", { birthDate: '1940-01-01', over70ApprovedByCommuneChairman: true }, lowland, []],
    [
      'over 70, approved but no health certificate',
      { birthDate: '1940-01-01', over70ApprovedByCommuneChairman: true, hasHealthCertificate: false },
      lowland,
      [{ code: 'NO_HEALTH_CERTIFICATE' }],
    ],
    ['record not clean', { cleanRecord: false }, lowland, [{ code: 'RECORD_NOT_CLEAN' }]],
    [
      'primary education in the lowlands',
      { education: 'PRIMARY' },
      lowland,
      [{ code: 'EDUCATION_TOO_LOW', education: 'PRIMARY', required: 'LOWER_SECONDARY' }],
    ],
    ['primary education in a border/mountain/ethnic-minority area', { education: 'PRIMARY' }, mountain, []],
    [
      'no primary certificate even there',
      { education: 'NONE' },
      mountain,
      [{ code: 'EDUCATION_TOO_LOW', education: 'NONE', required: 'PRIMARY' }],
    ],
    ['upper secondary', { education: 'UPPER_SECONDARY' }, lowland, []],
    ['resident exactly one year', { residentSince: '2024-03-01' }, lowland, []],
    [
      'resident one year less a day',
      { residentSince: '2024-03-02' },
      lowland,
      [{ code: 'RESIDENCE_UNDER_ONE_YEAR', residentSince: '2024-03-02' }],
    ],
    ['not resident', { residentSince: null }, lowland, [{ code: 'RESIDENCE_UNDER_ONE_YEAR', residentSince: null }]],
    ['no health certificate', { hasHealthCertificate: false }, lowland, [{ code: 'NO_HEALTH_CERTIFICATE' }]],
  ])('%s', (_n, change, context, failures) => {
    expect(checkMemberEligibility({ ...good, ...change }, context)).toEqual(
      failures.length ? { pass: false, failures } : { pass: true, failures: [] },
    );
  });

  test.each([
    ['2024-06-30', [{ code: 'LAW_NOT_IN_FORCE', date: '2024-06-30' }]],
    ['2024-07-01', []],
  ])('judged on %s', (date, failures) => expect(checkMemberEligibility(good, { ...lowland, date }).failures).toEqual(failures));

  test.each([
    ['2026-02-27', [{ code: 'UNDER_18', age: 17 }]],
    ['2026-02-28', []],
  ])('born 29 Feb 2008, judged on %s (18 on 28 Feb of a common year)', (date, failures) =>
    expect(checkMemberEligibility({ ...good, birthDate: '2008-02-29' }, { ...lowland, date }).failures).toEqual(failures),
  );

  it('names every failure at once', () => {
    const v = checkMemberEligibility(
      { birthDate: '2010-01-01', cleanRecord: false, education: 'NONE', residentSince: null, hasHealthCertificate: false },
      lowland,
    );
    expect(v.failures.map((x) => x.code)).toEqual([
      'UNDER_18',
      'RECORD_NOT_CLEAN',
      'EDUCATION_TOO_LOW',
      'RESIDENCE_UNDER_ONE_YEAR',
      'NO_HEALTH_CERTIFICATE',
    ]);
  });

  it('requiredEducation', () => {
    expect(requiredEducation(false)).toBe('LOWER_SECONDARY');
    expect(requiredEducation(true)).toBe('PRIMARY');
  });
});
