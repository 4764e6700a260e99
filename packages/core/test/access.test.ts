import { describe, expect, it } from 'vitest';
import {
  ACCESS_POLICY,
  ANONYMOUS,
  authorize,
  jurisdictionOf,
  officerRoleOfClaim,
  OFFICER_ROLES,
  OPERATIONS,
  RESOURCES,
  ROLE_CLAIMS,
  type OfficerRole,
  type PartnerScope,
  type Placement,
  type Viewer,
} from '../src/index.js';

const officer = (role: OfficerRole, unitCode: string | null, areaId: string | null = null): Viewer => ({
  kind: 'OFFICER',
  role,
  unitCode,
  areaId,
  subject: `${role}@${unitCode}`,
});
const partner = (scopes: PartnerScope[], unitCode: string | null = null): Viewer => ({
  kind: 'PARTNER',
  keyId: 'k1',
  name: 'Sở Y tế',
  scopes,
  unitCode,
});

// A commune of Đồng Nai today, and its residential area; another province's commune.
const inDongNai: Placement = { unitCodes: ['25195', '75'], areaId: 'area-1' };
const otherArea: Placement = { unitCodes: ['25195', '75'], areaId: 'area-2' };
const inHanoi: Placement = { unitCodes: ['00004', '01'], areaId: 'area-9' };

describe('authorize: one policy, decided the same way everywhere', () => {
  it.each<[string, Viewer, (typeof RESOURCES)[number], (typeof OPERATIONS)[number], Placement | undefined, boolean | string]>([
    ['the public reads the hierarchy', ANONYMOUS, 'ADMIN_UNIT', 'READ', undefined, true],
    ['the public reads published aggregates', ANONYMOUS, 'AGGREGATE', 'READ', inHanoi, true],
    ['the public reads no residential area', ANONYMOUS, 'RESIDENTIAL_AREA', 'READ', inDongNai, 'SIGN_IN_REQUIRED'],
    ['nobody writes the hierarchy', officer('NATIONAL', null), 'ADMIN_UNIT', 'WRITE', undefined, 'NOT_ALLOWED_TO_ANYONE'],
    ['national sees everything', officer('NATIONAL', null), 'TIP', 'READ', inHanoi, true],
    ['a province officer sees a commune of the province', officer('PROVINCE_OFFICER', '75'), 'MODEL', 'READ', inDongNai, true],
    [
      'a province officer sees nothing of another province',
      officer('PROVINCE_OFFICER', '75'),
      'MODEL',
      'READ',
      inHanoi,
      'OUTSIDE_JURISDICTION',
    ],
    ['a commune officer changes their commune', officer('COMMUNE_OFFICER', '25195'), 'RESIDENTIAL_AREA', 'WRITE', inDongNai, true],
    [
      'a commune officer changes nothing elsewhere',
      officer('COMMUNE_OFFICER', '25195'),
      'RESIDENTIAL_AREA',
      'WRITE',
      inHanoi,
      'OUTSIDE_JURISDICTION',
    ],
    [
      'a commune officer reads a member’s personal data in the commune',
      officer('COMMUNE_OFFICER', '25195'),
      'TEAM_MEMBER',
      'READ_PERSONAL',
      inDongNai,
      true,
    ],
    ['an area leader sees their own area', officer('AREA_LEADER', '25195', 'area-1'), 'MODEL', 'READ', inDongNai, true],
    [
      'an area leader sees no other area of the commune',
      officer('AREA_LEADER', '25195', 'area-1'),
      'MODEL',
      'READ',
      otherArea,
      'OUTSIDE_JURISDICTION',
    ],
    ['an area leader never sees tips', officer('AREA_LEADER', '25195', 'area-1'), 'TIP', 'READ', inDongNai, 'ROLE_NOT_ALLOWED'],
    [
      'a commune officer cannot read the audit log',
      officer('COMMUNE_OFFICER', '25195'),
      'AUDIT_LOG',
      'READ',
      inDongNai,
      'ROLE_NOT_ALLOWED',
    ],
    ['a province officer reads the province’s audit log', officer('PROVINCE_OFFICER', '75'), 'AUDIT_LOG', 'READ', inDongNai, true],
    ['a partner with read:models reads models', partner(['read:models']), 'MODEL', 'READ', inHanoi, true],
    ['a partner without the scope does not', partner(['read:aggregates']), 'MODEL', 'READ', inHanoi, 'SCOPE_NOT_GRANTED'],
    ['a partner limited to a province stays in it', partner(['read:models'], '75'), 'MODEL', 'READ', inHanoi, 'OUTSIDE_JURISDICTION'],
    ['a partner never writes', partner(['read:models']), 'MODEL', 'WRITE', inDongNai, 'ROLE_NOT_ALLOWED'],
    [
      'a partner never sees personal data',
      partner(['read:areas', 'read:models']),
      'TEAM_MEMBER',
      'READ_PERSONAL',
      inDongNai,
      'ROLE_NOT_ALLOWED',
    ],
    [
      'a commune officer reads a re-integration case’s personal data in the commune',
      officer('COMMUNE_OFFICER', '25195'),
      'REINTEGRATION_CASE',
      'READ_PERSONAL',
      inDongNai,
      true,
    ],
    [
      'national officers see a re-integration case but not who it is',
      officer('NATIONAL', null),
      'REINTEGRATION_CASE',
      'READ_PERSONAL',
      inDongNai,
      'ROLE_NOT_ALLOWED',
    ],
    [
      'an area leader never sees re-integration cases',
      officer('AREA_LEADER', '25195', 'area-1'),
      'REINTEGRATION_CASE',
      'READ',
      inDongNai,
      'ROLE_NOT_ALLOWED',
    ],
    [
      'a partner never sees re-integration cases',
      partner(['read:areas', 'read:models', 'read:aggregates', 'read:catalogues']),
      'REINTEGRATION_CASE',
      'READ',
      inDongNai,
      'ROLE_NOT_ALLOWED',
    ],
    ['a partner with read:aggregates reads outreach', partner(['read:aggregates']), 'OUTREACH', 'READ', inDongNai, true],
    ['an area leader records outreach in their area', officer('AREA_LEADER', '25195', 'area-1'), 'OUTREACH', 'WRITE', inDongNai, true],
    [
      'an area leader does not plan inspections',
      officer('AREA_LEADER', '25195', 'area-1'),
      'INSPECTION',
      'WRITE',
      inDongNai,
      'ROLE_NOT_ALLOWED',
    ],
    ['a commune officer records an exemplar in the commune', officer('COMMUNE_OFFICER', '25195'), 'RECOGNITION', 'WRITE', inDongNai, true],
    [
      'an area leader does not read recognition (filed by unit)',
      officer('AREA_LEADER', '25195', 'area-1'),
      'RECOGNITION',
      'READ',
      inDongNai,
      'ROLE_NOT_ALLOWED',
    ],
    [
      'a partner never reads an exemplary person’s name',
      partner(['read:models']),
      'RECOGNITION',
      'READ_PERSONAL',
      inDongNai,
      'ROLE_NOT_ALLOWED',
    ],
    ['a commune officer does not flag key areas', officer('COMMUNE_OFFICER', '25195'), 'KEY_AREA', 'WRITE', inDongNai, 'ROLE_NOT_ALLOWED'],
    ['a partner never sees key areas', partner(['read:aggregates', 'read:models']), 'KEY_AREA', 'READ', inDongNai, 'ROLE_NOT_ALLOWED'],
    ['a partner with read:aggregates reads the movement report', partner(['read:aggregates']), 'MOVEMENT_REPORT', 'READ', inDongNai, true],
    ['the public does not', ANONYMOUS, 'MOVEMENT_REPORT', 'READ', inDongNai, 'SIGN_IN_REQUIRED'],
    [
      'a partner never sees tips',
      partner(['read:areas', 'read:models', 'read:aggregates', 'read:catalogues']),
      'TIP',
      'READ',
      inDongNai,
      'ROLE_NOT_ALLOWED',
    ],
  ])('%s', (_name, viewer, resource, operation, placement, expected) => {
    const decision = authorize(viewer, resource, operation, placement);
    expect(decision).toEqual(expected === true ? { allowed: true } : { allowed: false, reason: expected });
  });

  it('denies the public every non-public rule of the policy', () => {
    for (const resource of RESOURCES)
      for (const operation of OPERATIONS) {
        const rule = ACCESS_POLICY[resource][operation];
        expect(authorize(ANONYMOUS, resource, operation, inDongNai).allowed).toBe(rule?.kind === 'PUBLIC');
      }
  });

  it('never lets an officer below national act outside their unit', () => {
    for (const role of OFFICER_ROLES.filter((r) => r !== 'NATIONAL'))
      for (const resource of RESOURCES)
        for (const operation of OPERATIONS) {
          const rule = ACCESS_POLICY[resource][operation];
          if (rule?.kind === 'PUBLIC') continue;
          expect(authorize(officer(role, '75', 'area-1'), resource, operation, inHanoi).allowed).toBe(false);
        }
  });
});

describe('jurisdictionOf: how to narrow a list', () => {
  it.each<[string, Viewer, (typeof RESOURCES)[number], ReturnType<typeof jurisdictionOf>]>([
    ['public data is everywhere', ANONYMOUS, 'ADMIN_UNIT', { kind: 'EVERYWHERE' }],
    ['the public sees no areas', ANONYMOUS, 'RESIDENTIAL_AREA', { kind: 'NOWHERE' }],
    ['national is everywhere', officer('NATIONAL', null), 'MODEL', { kind: 'EVERYWHERE' }],
    [
      'a province officer is within the province',
      officer('PROVINCE_OFFICER', '75'),
      'MODEL',
      { kind: 'WITHIN', unitCode: '75', areaId: null },
    ],
    [
      'an area leader is within the area',
      officer('AREA_LEADER', '25195', 'area-1'),
      'MODEL',
      { kind: 'WITHIN', unitCode: '25195', areaId: 'area-1' },
    ],
    ['an unrestricted partner with the scope is everywhere', partner(['read:models']), 'MODEL', { kind: 'EVERYWHERE' }],
    [
      'a partner limited to a province is within it',
      partner(['read:models'], '75'),
      'MODEL',
      { kind: 'WITHIN', unitCode: '75', areaId: null },
    ],
    ['an area leader has no tips anywhere', officer('AREA_LEADER', '25195', 'area-1'), 'TIP', { kind: 'NOWHERE' }],
  ])('%s', (_name, viewer, resource, expected) => {
    expect(jurisdictionOf(viewer, resource, 'READ')).toEqual(expected);
  });
});

describe('role claims', () => {
  it.each(OFFICER_ROLES.map((r) => [ROLE_CLAIMS[r], r] as const))('%s ↔ %s', (claim, role) => {
    expect(officerRoleOfClaim(claim)).toBe(role);
  });
  it.each(['partner', 'admin', '', 'NATIONAL'])('%j is no officer role', (claim) => {
    expect(officerRoleOfClaim(claim)).toBeNull();
  });
});
