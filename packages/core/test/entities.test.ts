import { describe, expect, it, test } from 'vitest';
import type { z } from 'zod';
import {
  citizenIdSchema,
  communeCodeSchema,
  dateIntervalSchema,
  followUpInput,
  planInspectionInput,
  recordInspectionInput,
  isoDateSchema,
  lifecycleEventInput,
  modelCatalogueInput,
  modelEvaluationInput,
  modelInput,
  modelTypeInput,
  nameSchema,
  organizationInput,
  outreachActivityInput,
  periodSchema,
  phoneSchema,
  reintegrationCaseInput,
  replicationPointInput,
  residentialAreaInput,
  securityTeamInput,
  teamEvaluationInput,
  teamMemberInput,
  tipInput,
  unitCodeSchema,
  unitEvaluationInput,
} from '../src/index.js';

const ok = (s: z.ZodType, v: unknown) => expect(s.safeParse(v).success, JSON.stringify(v)).toBe(true);
const bad = (s: z.ZodType, v: unknown, message?: string) => {
  const r = s.safeParse(v);
  expect(r.success, JSON.stringify(v)).toBe(false);
  if (message) expect(JSON.stringify(r.error?.issues)).toContain(message);
};

describe('building blocks', () => {
  it('names are trimmed and NFC-normalised', () => {
    expect(nameSchema.parse('  Ấp 3  ')).toBe('Ấp 3');
    expect(nameSchema.parse('Hoa\u0300 Bi\u0300nh')).toBe('Hoà Bình'.normalize('NFC'));
    bad(nameSchema, '   ', 'must not be empty');
    bad(nameSchema, 'x'.repeat(201));
  });
  test.each([
    ['2024-02-29', true],
    ['2025-02-29', false],
    ['2025-1-01', false],
    ['01/01/2025', false],
  ])('isoDateSchema(%s) → %s', (v, valid) => expect(isoDateSchema.safeParse(v).success).toBe(valid));
  test.each([
    ['70', true],
    ['700', true],
    ['25747', true],
    ['7', false],
    ['7000', false],
    ['257470', false],
    ['7a', false],
  ])('unitCodeSchema(%s) → %s', (v, valid) => expect(unitCodeSchema.safeParse(v).success).toBe(valid));
  it('commune codes are 5 digits', () => {
    ok(communeCodeSchema, '00004');
    bad(communeCodeSchema, '004', '5-digit');
  });
  it('intervals and periods do not end before they start', () => {
    ok(dateIntervalSchema, { from: null, to: '2025-06-30' });
    ok(dateIntervalSchema, { from: '2025-07-01', to: '2025-07-01' });
    bad(dateIntervalSchema, { from: '2025-07-01', to: '2025-06-30' }, 'must not end before it starts');
    bad(periodSchema, { from: '2025-07-01', to: '2025-06-30' }, 'must not end before it starts');
    bad(periodSchema, { from: null, to: '2025-06-30' });
  });
  it('personal identifiers', () => {
    ok(citizenIdSchema, '001203004567');
    bad(citizenIdSchema, '12345678');
    expect(phoneSchema.parse('0912 345.678')).toBe('0912345678');
    expect(phoneSchema.parse('+84912345678')).toBe('+84912345678');
    bad(phoneSchema, '12345');
  });
});

describe('entity inputs', () => {
  const ra = { name: 'Ấp 1', kind: 'AP', communeCode: '25747', validity: { from: '2020-01-01', to: null } };
  it('residential areas', () => {
    ok(residentialAreaInput, ra);
    ok(residentialAreaInput, { ...ra, households: 120, residents: 480 });
    bad(residentialAreaInput, { ...ra, kind: 'QUAN' });
    bad(residentialAreaInput, { ...ra, households: -1 });
  });

  it('organizations by kind', () => {
    const base = { name: 'Công ty A', communeCode: '25747', validity: { from: null, to: null } };
    expect(organizationInput.parse({ ...base, kind: 'AGENCY' })).toMatchObject({ kind: 'AGENCY', armedForces: false });
    ok(organizationInput, { ...base, kind: 'ENTERPRISE', size: 'SMALL' });
    bad(organizationInput, { ...base, kind: 'ENTERPRISE' });
    ok(organizationInput, { ...base, kind: 'SCHOOL', level: 'UPPER_SECONDARY' });
    bad(organizationInput, { ...base, kind: 'SCHOOL', level: 'KINDERGARTEN' });
  });

  it('catalogues, types, models, events, replication', () => {
    ok(modelCatalogueInput, { code: 'BP', name: 'Danh mục Bình Phước', scope: 'PROVINCIAL', provinceCode: '70' });
    ok(modelCatalogueInput, { code: 'VN', name: 'Danh mục toàn quốc', scope: 'NATIONAL' });
    bad(modelCatalogueInput, { code: 'BP', name: 'x', scope: 'PROVINCIAL' }, 'names its province');
    bad(modelCatalogueInput, { code: 'VN', name: 'x', scope: 'NATIONAL', provinceCode: '70' }, 'names its province');
    bad(modelCatalogueInput, { code: 'B P', name: 'x', scope: 'NATIONAL' });
    const type = {
      code: 'TANND',
      name: 'Tổ an ninh nhân dân',
      category: 'CRIME_PREVENTION',
      hostKinds: ['RESIDENTIAL_AREA'],
      catalogueId: 'c1',
    };
    ok(modelTypeInput, type);
    bad(modelTypeInput, { ...type, hostKinds: [] });
    bad(modelTypeInput, { ...type, hostKinds: ['COMMUNE', 'COMMUNE'] }, 'must not repeat');
    const model = {
      name: 'Tổ ANND ấp 1',
      modelTypeId: 't1',
      host: { kind: 'RESIDENTIAL_AREA', residentialAreaId: 'ra1' },
      foundedOn: '2020-05-01',
      builtBy: 'POLICE',
    };
    ok(modelInput, model);
    ok(modelInput, { ...model, host: { kind: 'ORGANIZATION', organizationId: 'o1' }, builtBy: 'AGENCY_SECURITY_UNIT' });
    bad(modelInput, { ...model, host: { kind: 'COMMUNE', communeCode: '257' } });
    bad(modelInput, { ...model, foundedOn: '2020-13-01' });
    ok(lifecycleEventInput, {
      modelId: 'm1',
      kind: 'SUSPEND',
      date: '2024-01-01',
      decision: { number: '12/QĐ-UBND', date: '2024-01-01', issuer: 'UBND xã' },
    });
    bad(lifecycleEventInput, { modelId: 'm1', kind: 'PAUSE', date: '2024-01-01' });
    ok(replicationPointInput, { sourceModelId: 'm1', replicaModelId: 'm2', replicatedOn: '2024-01-01' });
    bad(replicationPointInput, { sourceModelId: 'm1', replicaModelId: 'm1', replicatedOn: '2024-01-01' }, 'not replicated from itself');
  });

  it('evaluations', () => {
    const e = { modelId: 'm1', period: { from: '2024-01-01', to: '2024-12-31' }, evaluatedOn: '2024-12-15', outcome: 'EFFECTIVE' };
    ok(modelEvaluationInput, e);
    bad(modelEvaluationInput, { ...e, evaluatedOn: '2023-12-31' }, 'before the period starts');
    ok(unitEvaluationInput, {
      subjectKind: 'AGENCY',
      subjectId: 'o1',
      year: 2024,
      points: { Q1: 3 },
      level: 'GOOD',
      recognizedSafe: true,
      reportedOn: '2024-11-25',
    });
    bad(unitEvaluationInput, {
      subjectKind: 'AGENCY',
      subjectId: 'o1',
      year: 2024,
      points: { Q1: -1 },
      level: 'GOOD',
      recognizedSafe: true,
      reportedOn: '2024-11-25',
    });
  });

  it('security teams, members, team evaluations', () => {
    const team = { name: 'Tổ 1', communeCode: '25747', residentialAreaIds: ['ra1', 'ra2'], establishedOn: '2024-07-01' };
    expect(securityTeamInput.parse(team)).toMatchObject({ dissolvedOn: null });
    bad(securityTeamInput, { ...team, establishedOn: '2024-06-30' }, 'from 2024-07-01');
    bad(securityTeamInput, { ...team, residentialAreaIds: [] }, 'at least one');
    bad(securityTeamInput, { ...team, residentialAreaIds: ['ra1', 'ra1'] }, 'must not repeat');
    const m = {
      teamId: 't1',
      person: { fullName: 'Nguyễn Văn A', birthDate: '1980-01-01', citizenId: '070080001234' },
      role: 'LEADER',
      joinedOn: '2024-07-01',
      education: 'LOWER_SECONDARY',
      residentSince: '2000-01-01',
      cleanRecord: true,
      hasHealthCertificate: true,
    };
    expect(teamMemberInput.parse(m)).toMatchObject({ leftOn: null, over70ApprovedByCommuneChairman: false });
    bad(teamMemberInput, { ...m, person: { fullName: 'A' } });
    bad(teamMemberInput, { ...m, leftOn: '2024-06-01' }, 'must not leave before joining');
    const ev = { subject: { kind: 'TEAM', teamId: 't1' }, year: 2026, tasksAssigned: 10, tasksCompleted: 10, level: 'EXCELLENT' };
    ok(teamEvaluationInput, ev);
    bad(teamEvaluationInput, { ...ev, tasksCompleted: 11 }, 'more tasks than were assigned');
  });

  it('inspections with follow-ups', () => {
    const f = { action: 'Kiện toàn tổ', owner: 'Công an xã', dueOn: '2025-03-01' };
    ok(followUpInput, f);
    bad(followUpInput, { ...f, owner: ' ' }, 'must not be empty');
    const plan = { subject: { kind: 'MODEL', modelId: 'm1' }, kind: 'PLANNED', plannedOn: '2025-01-15', team: ['Trần B'] };
    ok(planInspectionInput, plan);
    bad(planInspectionInput, { ...plan, team: [] }, 'at least one inspector');
    bad(planInspectionInput, { ...plan, team: ['Trần B', 'Trần B'] }, 'names an inspector twice');
    const done = { inspectedOn: '2025-01-15', findings: 'Hoạt động tốt', rating: 'GOOD', followUps: [f] };
    ok(recordInspectionInput, done);
    bad(recordInspectionInput, { ...done, rating: 'SUPERB' });
    bad(recordInspectionInput, { ...done, followUps: [{ ...f, dueOn: '2025-01-14' }] }, 'not due before the inspection');
  });

  it('outreach, tips, re-integration', () => {
    ok(outreachActivityInput, {
      communeCode: '25747',
      heldOn: '2025-08-19',
      form: 'FESTIVAL_DAY',
      audiences: ['RESIDENTS'],
      participants: 300,
      partners: ['FATHERLAND_FRONT'],
      topic: 'Ngày hội',
    });
    bad(outreachActivityInput, {
      communeCode: '25747',
      heldOn: '2025-08-19',
      form: 'FESTIVAL_DAY',
      audiences: [],
      participants: 300,
      topic: 'x',
    });
    const tip = { unitCode: '25747', receivedOn: '2025-01-01', channel: 'HOTLINE', category: 'DRUGS', summary: 'Nghi vấn' };
    ok(tipInput, { ...tip, anonymous: true });
    ok(tipInput, { ...tip, anonymous: false, informant: { fullName: 'Lê C' }, contact: '0912345678' });
    bad(tipInput, { ...tip, anonymous: false });
    expect(tipInput.parse({ ...tip, anonymous: true, informant: { fullName: 'Lê C' } })).not.toHaveProperty('informant');
    ok(reintegrationCaseInput, {
      person: { fullName: 'Phạm D' },
      offenceSummary: 'Trộm cắp tài sản',
      communeCode: '25747',
      returnedOn: '2024-05-01',
      mentors: [{ kind: 'FAMILY', name: 'Gia đình' }],
    });
    bad(
      reintegrationCaseInput,
      { person: { fullName: 'Phạm D' }, offenceSummary: 'Trộm cắp tài sản', communeCode: '25747', returnedOn: '2024-05-01', mentors: [] },
      'at least one mentor',
    );
  });
});
