import { describe, expect, it } from 'vitest';
import { AWARD_AUTHORITIES, checkCommendation, checkExemplarLevel, type AwardFailure } from '../src/rules/awards.js';
import type { AwardLevel, CommendationForm, RecipientKind } from '../src/entities/enums.js';
import { COMMENDATION_FORMS } from '../src/entities/enums.js';

const codes = (v: { failures: readonly AwardFailure[] }) => v.failures.map((f) => f.code);

describe('checkCommendation (Law 06/2022/QH15)', () => {
  it.each<[string, CommendationForm, AwardLevel, RecipientKind, string, string[]]>([
    ['Giấy khen of a commune chairman', 'LETTER_OF_COMMENDATION', 'COMMUNE', 'INDIVIDUAL', '2024-08-19', []],
    ['Giấy khen of the province police director', 'LETTER_OF_COMMENDATION', 'PROVINCE', 'COLLECTIVE', '2024-08-19', []],
    ['Giấy khen of a district chairman, last day of districts', 'LETTER_OF_COMMENDATION', 'DISTRICT', 'INDIVIDUAL', '2025-06-30', []],
    [
      'Giấy khen of a district chairman, first day without districts',
      'LETTER_OF_COMMENDATION',
      'DISTRICT',
      'INDIVIDUAL',
      '2025-07-01',
      ['NO_DISTRICTS_IN_ERA'],
    ],
    [
      'no Giấy khen from the Prime Minister',
      'LETTER_OF_COMMENDATION',
      'GOVERNMENT',
      'INDIVIDUAL',
      '2024-08-19',
      ['LEVEL_CANNOT_GIVE_FORM'],
    ],
    ['Bằng khen of the province chairman', 'CERTIFICATE_OF_MERIT', 'PROVINCE', 'COLLECTIVE', '2024-08-19', []],
    ['Bằng khen of the Minister of Public Security', 'CERTIFICATE_OF_MERIT', 'MINISTRY', 'INDIVIDUAL', '2024-08-19', []],
    ['Bằng khen of the Prime Minister', 'CERTIFICATE_OF_MERIT', 'GOVERNMENT', 'INDIVIDUAL', '2024-08-19', []],
    ['no Bằng khen from a commune', 'CERTIFICATE_OF_MERIT', 'COMMUNE', 'INDIVIDUAL', '2024-08-19', ['LEVEL_CANNOT_GIVE_FORM']],
    [
      'no Bằng khen from a district, after districts: both failures',
      'CERTIFICATE_OF_MERIT',
      'DISTRICT',
      'INDIVIDUAL',
      '2025-08-19',
      ['LEVEL_CANNOT_GIVE_FORM', 'NO_DISTRICTS_IN_ERA'],
    ],
    ['Cờ thi đua of the province to a collective', 'EMULATION_FLAG', 'PROVINCE', 'COLLECTIVE', '2024-08-19', []],
    ['Cờ thi đua never to an individual', 'EMULATION_FLAG', 'PROVINCE', 'INDIVIDUAL', '2024-08-19', ['COLLECTIVE_ONLY']],
    ['Huân chương from the State President', 'MEDAL', 'STATE', 'INDIVIDUAL', '2024-08-19', []],
    ['no medal from a province', 'MEDAL', 'PROVINCE', 'INDIVIDUAL', '2024-08-19', ['LEVEL_CANNOT_GIVE_FORM']],
    ['other forms at any level', 'OTHER', 'COMMUNE', 'INDIVIDUAL', '2024-08-19', []],
  ])('%s', (_n, form, level, recipient, date, expected) => {
    const v = checkCommendation(form, level, recipient, date as never);
    expect(codes(v)).toEqual(expected);
    expect(v.pass).toBe(expected.length === 0);
  });

  it('every form has at least one authority', () => {
    for (const form of COMMENDATION_FORMS) expect(AWARD_AUTHORITIES[form].length).toBeGreaterThan(0);
  });
});

describe('checkExemplarLevel', () => {
  it.each<[AwardLevel, string, string[]]>([
    ['COMMUNE', '2024-08-19', []],
    ['DISTRICT', '2025-06-30', []],
    ['DISTRICT', '2025-07-01', ['NO_DISTRICTS_IN_ERA']],
    ['PROVINCE', '2026-01-01', []],
    ['MINISTRY', '2024-08-19', []],
    ['GOVERNMENT', '2024-08-19', ['NOT_AN_EXEMPLAR_LEVEL']],
    ['STATE', '2024-08-19', ['NOT_AN_EXEMPLAR_LEVEL']],
  ])('%s on %s', (level, date, expected) => {
    expect(codes(checkExemplarLevel(level, date as never))).toEqual(expected);
  });
});
