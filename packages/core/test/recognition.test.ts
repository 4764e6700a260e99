import { describe, expect, it, test } from 'vitest';
import {
  organizationInScope,
  RECOGNITION_CRITERIA_OF,
  recognizeCommune,
  recognizeOrganization,
  recognizeResidentialArea,
  type CommuneRecognitionInput,
  type OrganizationRecognitionInput,
  type OrganizationScopeInput,
  type RecognitionFailure,
  type ResidentialAreaRecognitionInput,
} from '../src/index.js';

const area: ResidentialAreaRecognitionInput = {
  year: 2024,
  resolutionOn: '2024-02-15',
  registeredOn: '2024-03-31',
  households: 120,
  householdsRegistered: 120,
  policiesImplemented: true,
  seriousEvents: [],
};

describe('recognizeResidentialArea (Circular 124/2021/TT-BCA)', () => {
  it('passes when every criterion holds', () => expect(recognizeResidentialArea(area)).toEqual({ pass: true, failures: [] }));

  test.each<[string, Partial<ResidentialAreaRecognitionInput>, RecognitionFailure[]]>([
    ['resolution on 1 Jan (first day of Q1)', { resolutionOn: '2024-01-01' }, []],
    ['registration on 31 Mar (last day of Q1)', { registeredOn: '2024-03-31' }, []],
    ['resolution on 1 Apr', { resolutionOn: '2024-04-01' }, [{ criterion: 'FIRST_QUARTER_RESOLUTION', date: '2024-04-01' }]],
    ['resolution the December before', { resolutionOn: '2023-12-31' }, [{ criterion: 'FIRST_QUARTER_RESOLUTION', date: '2023-12-31' }]],
    ['no registration', { registeredOn: null }, [{ criterion: 'FIRST_QUARTER_REGISTRATION', date: null }]],
    [
      '119 of 120 households',
      { householdsRegistered: 119 },
      [{ criterion: 'ALL_HOUSEHOLDS_REGISTERED', households: 120, registered: 119 }],
    ],
    [
      'no households at all',
      { households: 0, householdsRegistered: 0 },
      [{ criterion: 'ALL_HOUSEHOLDS_REGISTERED', households: 0, registered: 0 }],
    ],
    ['policies not implemented', { policiesImplemented: false }, [{ criterion: 'POLICIES_IMPLEMENTED' }]],
    [
      'serious events, repeats named once',
      { seriousEvents: ['ILLEGAL_RELIGION', 'INCITEMENT', 'ILLEGAL_RELIGION'] },
      [{ criterion: 'NO_SERIOUS_EVENTS', events: ['ILLEGAL_RELIGION', 'INCITEMENT'] }],
    ],
  ])('%s', (_name, change, failures) => {
    const v = recognizeResidentialArea({ ...area, ...change });
    expect(v).toEqual(failures.length === 0 ? { pass: true, failures: [] } : { pass: false, failures });
  });

  it('names every failed criterion, in order', () => {
    const v = recognizeResidentialArea({
      year: 2024,
      resolutionOn: null,
      registeredOn: '2024-05-01',
      households: 10,
      householdsRegistered: 9,
      policiesImplemented: false,
      seriousEvents: ['SABOTAGE'],
    });
    expect(v.failures.map((x) => x.criterion)).toEqual([
      'FIRST_QUARTER_RESOLUTION',
      'FIRST_QUARTER_REGISTRATION',
      'ALL_HOUSEHOLDS_REGISTERED',
      'POLICIES_IMPLEMENTED',
      'NO_SERIOUS_EVENTS',
    ]);
  });
});

const commune: CommuneRecognitionInput = { ...area, planOn: '2024-01-20', effectiveModels: 1, policeDisciplined: 0 };

describe('recognizeCommune (Circular 124/2021/TT-BCA)', () => {
  it('passes with one effective model', () => expect(recognizeCommune(commune).pass).toBe(true));
  test.each<[string, Partial<CommuneRecognitionInput>, RecognitionFailure[]]>([
    ['no plan', { planOn: null }, [{ criterion: 'FIRST_QUARTER_PLAN', date: null }]],
    ['plan in Q2', { planOn: '2024-04-10' }, [{ criterion: 'FIRST_QUARTER_PLAN', date: '2024-04-10' }]],
    ['no effective model', { effectiveModels: 0 }, [{ criterion: 'EFFECTIVE_MODEL', effectiveModels: 0 }]],
    ['one officer disciplined', { policeDisciplined: 1 }, [{ criterion: 'NO_POLICE_DISCIPLINED', disciplined: 1 }]],
    [
      'households short (criterion 2)',
      { householdsRegistered: 100 },
      [{ criterion: 'ALL_HOUSEHOLDS_REGISTERED', households: 120, registered: 100 }],
    ],
    [
      'a prolonged dispute (criterion 4)',
      { seriousEvents: ['PROLONGED_DISPUTE'] },
      [{ criterion: 'NO_SERIOUS_EVENTS', events: ['PROLONGED_DISPUTE'] }],
    ],
  ])('%s', (_name, change, failures) => expect(recognizeCommune({ ...commune, ...change })).toEqual({ pass: false, failures }));

  it('names all nine criteria when all fail', () => {
    const v = recognizeCommune({
      year: 2024,
      resolutionOn: null,
      planOn: null,
      registeredOn: null,
      effectiveModels: 0,
      households: 5,
      householdsRegistered: 0,
      policiesImplemented: false,
      seriousEvents: ['SEPARATIST_ACTIVITY'],
      policeDisciplined: 2,
    });
    // The eight criteria of Circular 124/2021/TT-BCA for communes, every one failed, in the circular’s order.
    expect(RECOGNITION_CRITERIA_OF.COMMUNE).toHaveLength(8);
    expect(v.failures.map((x) => x.criterion)).toEqual(RECOGNITION_CRITERIA_OF.COMMUNE);
  });
});

describe('organizations in scope (Circular 124 Art. 1(2)(b))', () => {
  test.each<[OrganizationScopeInput, ReturnType<typeof organizationInScope>]>([
    [{ kind: 'AGENCY', armedForces: false }, { inScope: true }],
    [
      { kind: 'AGENCY', armedForces: true },
      { inScope: false, reason: 'ARMED_FORCES_AGENCY' },
    ],
    [
      { kind: 'ENTERPRISE', size: 'MICRO' },
      { inScope: false, reason: 'MICRO_ENTERPRISE' },
    ],
    [
      { kind: 'ENTERPRISE', size: 'SMALL' },
      { inScope: false, reason: 'SMALL_ENTERPRISE' },
    ],
    [{ kind: 'ENTERPRISE', size: 'MEDIUM' }, { inScope: true }],
    [{ kind: 'ENTERPRISE', size: 'LARGE' }, { inScope: true }],
    [
      { kind: 'SCHOOL', level: 'NURSERY' },
      { inScope: false, reason: 'NURSERY' },
    ],
    [
      { kind: 'SCHOOL', level: 'PRESCHOOL' },
      { inScope: false, reason: 'PRESCHOOL' },
    ],
    [
      { kind: 'SCHOOL', level: 'PRIMARY' },
      { inScope: false, reason: 'PRIMARY_SCHOOL' },
    ],
    [{ kind: 'SCHOOL', level: 'LOWER_SECONDARY' }, { inScope: true }],
    [{ kind: 'SCHOOL', level: 'UPPER_SECONDARY' }, { inScope: true }],
    [{ kind: 'SCHOOL', level: 'HIGHER_EDUCATION' }, { inScope: true }],
  ])('%o → %o', (org, want) => expect(organizationInScope(org)).toEqual(want));
});

describe('recognizeOrganization', () => {
  const org: OrganizationRecognitionInput = {
    organization: { kind: 'ENTERPRISE', size: 'LARGE' },
    year: 2025,
    resolutionOn: '2025-01-05',
    planOn: '2025-01-05',
    registeredOn: '2025-02-01',
    effectiveModels: 2,
    policiesImplemented: true,
    seriousEvents: [],
  };
  it('passes', () => expect(recognizeOrganization(org)).toEqual({ pass: true, failures: [] }));
  it('out of scope fails on scope alone', () =>
    expect(recognizeOrganization({ ...org, organization: { kind: 'ENTERPRISE', size: 'SMALL' }, effectiveModels: 0 })).toEqual({
      pass: false,
      failures: [{ criterion: 'IN_SCOPE', reason: 'SMALL_ENTERPRISE' }],
    }));
  it('names each failed criterion', () =>
    expect(
      recognizeOrganization({ ...org, planOn: '2025-06-01', effectiveModels: 0, policiesImplemented: false, seriousEvents: ['SABOTAGE'] })
        .failures,
    ).toEqual([
      { criterion: 'FIRST_QUARTER_PLAN', date: '2025-06-01' },
      { criterion: 'EFFECTIVE_MODEL', effectiveModels: 0 },
      { criterion: 'POLICIES_IMPLEMENTED' },
      { criterion: 'NO_SERIOUS_EVENTS', events: ['SABOTAGE'] },
    ]));
});
