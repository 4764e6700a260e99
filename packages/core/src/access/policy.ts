/**
 * Who sees and changes what, declared once. The GraphQL layer asks `authorize` before
 * every read and write, and the access tests are generated from `ACCESS_POLICY`, so the
 * rule and its proof cannot drift apart. (DOMAIN.md, "Confidential and personal data":
 * officers see their own unit and below; partners see aggregates and what they are
 * granted; the public sees published aggregates only.)
 */

/** The roles a signed-in person can hold. */
export const OFFICER_ROLES = ['NATIONAL', 'PROVINCE_OFFICER', 'COMMUNE_OFFICER', 'AREA_LEADER'] as const;
export type OfficerRole = (typeof OFFICER_ROLES)[number];

/** What a partner agency's API key can be granted. Partners never write. */
export const PARTNER_SCOPES = ['read:aggregates', 'read:catalogues', 'read:areas', 'read:models'] as const;
export type PartnerScope = (typeof PARTNER_SCOPES)[number];

/** Who is asking. */
export type Viewer =
  | { readonly kind: 'ANONYMOUS' }
  | {
      readonly kind: 'OFFICER';
      readonly role: OfficerRole;
      /** The officer's unit (a province or commune code); null for the national level. */
      readonly unitCode: string | null;
      /** For an area leader: the residential area led. */
      readonly areaId?: string | null;
      /** Who the token was issued to, for the audit log. */
      readonly subject: string;
    }
  | {
      readonly kind: 'PARTNER';
      readonly keyId: string;
      readonly name: string;
      readonly scopes: readonly PartnerScope[];
      /** A key may be limited to one unit and below; null: the whole country. */
      readonly unitCode: string | null;
    };

export const ANONYMOUS: Viewer = { kind: 'ANONYMOUS' };

/** The kinds of thing protected. */
export const RESOURCES = [
  'ADMIN_UNIT',
  'MODEL_CATALOGUE',
  'AGGREGATE',
  'RESIDENTIAL_AREA',
  'MODEL',
  'TEAM_MEMBER',
  'TIP',
  'AUDIT_LOG',
  'INSPECTION',
  'OUTREACH',
  'REINTEGRATION_CASE',
  'RECOGNITION',
  'KEY_AREA',
  'MOVEMENT_REPORT',
  'ASSESSMENT',
  'GRADING_CONFIG',
] as const;
export type Resource = (typeof RESOURCES)[number];

/** What can be done to them. READ_PERSONAL covers identity numbers, phones, addresses, dates of birth. */
export const OPERATIONS = ['READ', 'READ_PERSONAL', 'WRITE', 'REVEAL'] as const;
export type Operation = (typeof OPERATIONS)[number];

/** One rule of the policy. */
export type AccessRule =
  /** Anyone, signed in or not. */
  | { readonly kind: 'PUBLIC' }
  /** Officers in `roles` whose unit is the target's or above it; partners holding `partnerScope` within their unit. */
  | { readonly kind: 'JURISDICTION'; readonly roles: readonly OfficerRole[]; readonly partnerScope?: PartnerScope };

const ALL_OFFICERS = OFFICER_ROLES;
const HANDLING_OFFICERS: readonly OfficerRole[] = ['NATIONAL', 'PROVINCE_OFFICER', 'COMMUNE_OFFICER'];

/** The policy. An operation missing from a resource is allowed to no one. */
export const ACCESS_POLICY: Readonly<Record<Resource, Partial<Record<Operation, AccessRule>>>> = {
  ADMIN_UNIT: { READ: { kind: 'PUBLIC' } },
  MODEL_CATALOGUE: { READ: { kind: 'PUBLIC' }, WRITE: { kind: 'JURISDICTION', roles: ['NATIONAL', 'PROVINCE_OFFICER'] } },
  // Published aggregates (coverage, counts) carry no personal data.
  AGGREGATE: { READ: { kind: 'PUBLIC' } },
  RESIDENTIAL_AREA: {
    READ: { kind: 'JURISDICTION', roles: ALL_OFFICERS, partnerScope: 'read:areas' },
    WRITE: { kind: 'JURISDICTION', roles: HANDLING_OFFICERS },
  },
  MODEL: {
    READ: { kind: 'JURISDICTION', roles: ALL_OFFICERS, partnerScope: 'read:models' },
    WRITE: { kind: 'JURISDICTION', roles: ALL_OFFICERS },
  },
  TEAM_MEMBER: {
    READ: { kind: 'JURISDICTION', roles: ALL_OFFICERS },
    READ_PERSONAL: { kind: 'JURISDICTION', roles: ALL_OFFICERS },
    WRITE: { kind: 'JURISDICTION', roles: HANDLING_OFFICERS },
  },
  // Tips: only the handling officers of the tip's commune and above; never area leaders or partners.
  TIP: {
    READ: { kind: 'JURISDICTION', roles: HANDLING_OFFICERS },
    WRITE: { kind: 'JURISDICTION', roles: HANDLING_OFFICERS },
    REVEAL: { kind: 'JURISDICTION', roles: HANDLING_OFFICERS },
  },
  AUDIT_LOG: { READ: { kind: 'JURISDICTION', roles: ['NATIONAL', 'PROVINCE_OFFICER'] } },
  // Inspections judge units and set follow-ups for them: the police's own work, planned and
  // recorded by the handling officers; an area leader sees those of their own area.
  INSPECTION: {
    READ: { kind: 'JURISDICTION', roles: ALL_OFFICERS },
    WRITE: { kind: 'JURISDICTION', roles: HANDLING_OFFICERS },
  },
  // Outreach sessions hold no personal data: every officer records and reads them within
  // their jurisdiction (an area leader, their area's); partners read them with read:aggregates.
  OUTREACH: {
    READ: { kind: 'JURISDICTION', roles: ALL_OFFICERS, partnerScope: 'read:aggregates' },
    WRITE: { kind: 'JURISDICTION', roles: ALL_OFFICERS },
  },
  // Re-integration (Decree 49/2020/NĐ-CP): a former offender's identity, offence and progress.
  // The responsible commune's officers and the province above them see and write all of it;
  // national officers see that a case exists and how it went, not who it is (need to know);
  // never area leaders (neighbours of the person), partners or the public.
  REINTEGRATION_CASE: {
    READ: { kind: 'JURISDICTION', roles: HANDLING_OFFICERS },
    READ_PERSONAL: { kind: 'JURISDICTION', roles: ['PROVINCE_OFFICER', 'COMMUNE_OFFICER'] },
    WRITE: { kind: 'JURISDICTION', roles: ['PROVINCE_OFFICER', 'COMMUNE_OFFICER'] },
  },
  // Exemplars, commendations, people of influence and model partners. The names of
  // individuals (an exemplary person, a dignitary) are personal data, as team members' are.
  // Filed by unit (not by residential area), so area leaders do not read them.
  RECOGNITION: {
    READ: { kind: 'JURISDICTION', roles: HANDLING_OFFICERS, partnerScope: 'read:models' },
    READ_PERSONAL: { kind: 'JURISDICTION', roles: HANDLING_OFFICERS },
    WRITE: { kind: 'JURISDICTION', roles: HANDLING_OFFICERS },
  },
  // Key areas (địa bàn trọng điểm) say where the police focus and why: officers only; set by
  // the province and the ministry.
  KEY_AREA: {
    READ: { kind: 'JURISDICTION', roles: HANDLING_OFFICERS },
    WRITE: { kind: 'JURISDICTION', roles: ['NATIONAL', 'PROVINCE_OFFICER'] },
  },
  // The full movement report of a unit (aggregates only, key areas' figures included): its
  // officers and those above, and partners granted aggregates. Coverage alone stays public.
  MOVEMENT_REPORT: { READ: { kind: 'JURISDICTION', roles: HANDLING_OFFICERS, partnerScope: 'read:aggregates' } },
  // The year's assessments (TT 124, QĐ 510): every officer reads those of their jurisdiction
  // (an area leader, their area's). Writing is each step's: the unit's own officer drafts and
  // submits, the level above reviews, the deciding level decides (core's assessmentActor).
  ASSESSMENT: {
    READ: { kind: 'JURISDICTION', roles: ALL_OFFICERS },
    WRITE: { kind: 'JURISDICTION', roles: ['PROVINCE_OFFICER', 'COMMUNE_OFFICER', 'AREA_LEADER'] },
  },
  // Each year's grading criteria, points and cut-offs: published; set by the ministry.
  GRADING_CONFIG: { READ: { kind: 'PUBLIC' }, WRITE: { kind: 'JURISDICTION', roles: ['NATIONAL'] } },
};

/**
 * Where the thing asked about sits, on the date asked: the codes of its unit and of every
 * unit above it (commune, district, province), and the residential area if it has one.
 */
export interface Placement {
  readonly unitCodes: readonly string[];
  readonly areaId?: string | null;
}

/** The answer, with the reason a denial was made (for logs and tests, never shown to the caller). */
export type AccessDecision = { readonly allowed: true } | { readonly allowed: false; readonly reason: DenialReason };

export type DenialReason = 'NOT_ALLOWED_TO_ANYONE' | 'SIGN_IN_REQUIRED' | 'ROLE_NOT_ALLOWED' | 'SCOPE_NOT_GRANTED' | 'OUTSIDE_JURISDICTION';

const ALLOW: AccessDecision = { allowed: true };
const deny = (reason: DenialReason): AccessDecision => ({ allowed: false, reason });

/**
 * May `viewer` do `operation` on a `resource` placed at `placement`? Without a placement
 * (a list not yet narrowed to a unit), the answer says whether the viewer may do it
 * somewhere: the list must then be narrowed with {@link jurisdictionOf}.
 */
export function authorize(viewer: Viewer, resource: Resource, operation: Operation, placement?: Placement): AccessDecision {
  const rule = ACCESS_POLICY[resource][operation];
  if (!rule) return deny('NOT_ALLOWED_TO_ANYONE');
  if (rule.kind === 'PUBLIC') return ALLOW;
  switch (viewer.kind) {
    case 'ANONYMOUS':
      return deny('SIGN_IN_REQUIRED');
    case 'PARTNER': {
      if (!rule.partnerScope || operation !== 'READ') return deny('ROLE_NOT_ALLOWED');
      if (!viewer.scopes.includes(rule.partnerScope)) return deny('SCOPE_NOT_GRANTED');
      return within(viewer.unitCode, null, placement) ? ALLOW : deny('OUTSIDE_JURISDICTION');
    }
    case 'OFFICER': {
      if (!rule.roles.includes(viewer.role)) return deny('ROLE_NOT_ALLOWED');
      const unit = viewer.role === 'NATIONAL' ? null : viewer.unitCode;
      const area = viewer.role === 'AREA_LEADER' ? (viewer.areaId ?? null) : null;
      return within(unit, area, placement) ? ALLOW : deny('OUTSIDE_JURISDICTION');
    }
  }
}

function within(unitCode: string | null, areaId: string | null, placement?: Placement): boolean {
  if (!placement) return true;
  if (unitCode !== null && !placement.unitCodes.includes(unitCode)) return false;
  if (areaId !== null && placement.areaId !== areaId) return false;
  return true;
}

/**
 * The part of the country a viewer may see for a resource and operation: `everywhere`,
 * `nowhere`, or the unit (and area) to narrow a list to.
 */
export type Jurisdiction =
  | { readonly kind: 'EVERYWHERE' }
  | { readonly kind: 'NOWHERE' }
  | { readonly kind: 'WITHIN'; readonly unitCode: string | null; readonly areaId: string | null };

export function jurisdictionOf(viewer: Viewer, resource: Resource, operation: Operation): Jurisdiction {
  if (!authorize(viewer, resource, operation).allowed) return { kind: 'NOWHERE' };
  const rule = ACCESS_POLICY[resource][operation]!;
  if (rule.kind === 'PUBLIC' || viewer.kind === 'ANONYMOUS') return { kind: 'EVERYWHERE' };
  if (viewer.kind === 'PARTNER')
    return viewer.unitCode === null ? { kind: 'EVERYWHERE' } : { kind: 'WITHIN', unitCode: viewer.unitCode, areaId: null };
  if (viewer.role === 'NATIONAL') return { kind: 'EVERYWHERE' };
  return { kind: 'WITHIN', unitCode: viewer.unitCode, areaId: viewer.role === 'AREA_LEADER' ? (viewer.areaId ?? null) : null };
}

/** The role names that tokens carry (`province-officer`), and back. */
export const ROLE_CLAIMS: Readonly<Record<OfficerRole | 'PARTNER', string>> = {
  NATIONAL: 'national',
  PROVINCE_OFFICER: 'province-officer',
  COMMUNE_OFFICER: 'commune-officer',
  AREA_LEADER: 'area-leader',
  PARTNER: 'partner',
};

/** The officer role a token's `role` claim names, or null. */
export function officerRoleOfClaim(claim: string): OfficerRole | null {
  const found = OFFICER_ROLES.find((r) => ROLE_CLAIMS[r] === claim);
  return found ?? null;
}
