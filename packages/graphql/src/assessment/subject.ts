/**
 * What an assessment is of, and where it is filed: the unit as it stood in the year
 * assessed (a commune, a district, or the commune a residential area or an organization sat
 * in), with the codes of it and every unit above it then and since, so that today's officers
 * find the assessments of the units their territory took in.
 */
import {
  assessableYear,
  assessmentRefusalLabel,
  assessmentSubjectKey,
  isoDate,
  resolveUnit,
  type GradedUnitKind,
  type IsoDate,
  type OrganizationScopeInput,
  type RecognisedUnit,
} from '@antq/core';
import type { Context } from '../context.js';
import { userErrors, type UserError } from '../errors.js';
import { unitAndAbove } from '../hierarchy/place.js';
import { areaWhere, organizationWhere } from '../movement/jurisdiction.js';
import { areaFiling, communeFiling } from '../activities/write.js';

/** The day an assessment of `year` sees its unit on: the last of the year, or today during it. */
export const assessmentDay = (year: number, today: IsoDate): IsoDate => {
  const end = isoDate(year, 12, 31);
  return end < today ? end : today;
};

/**
 * The date a unit code asked about a year's assessments is read on: `asOf` when given; else
 * today, so that 75 is today's Đồng Nai with the 2024 assessments of the Bình Phước it took
 * in; else, for a code that names no unit today (70), the end of the year asked about.
 */
export function unitsOnFor(ctx: Pick<Context, 'hierarchy' | 'today'>, code: string, year: number, asOf?: IsoDate | null): IsoDate {
  if (asOf) return asOf;
  return resolveUnit(ctx.hierarchy, code, ctx.today).kind === 'FOUND' ? ctx.today : assessmentDay(year, ctx.today);
}

/** The unit assessed, filed. */
export interface AssessedSubject {
  readonly unitKind: GradedUnitKind;
  readonly unitId: string;
  readonly unitCode: string;
  readonly placeCodes: string[];
  readonly residentialAreaId: string | null;
  readonly organizationId: string | null;
  /** One key for the unit, whatever its kind (the table's uniqueness by kind, year and revision). */
  readonly subjectKey: string;
  /** The unit as core's recognition rules take it (an organization with the facts that decide whether TT 124 applies). */
  readonly recognised: RecognisedUnit;
}

/**
 * The subject filed in `unit` (with its place codes), keyed by the residential area or
 * organization assessed, or else by the unit code asked for.
 */
function filedSubject(
  unitKind: GradedUnitKind,
  unit: { unitId: string; unitCode: string; placeCodes: string[] },
  of: { residentialAreaId?: string; organizationId?: string; unitCode: string },
  recognised: RecognisedUnit,
): AssessedSubject {
  return {
    unitKind,
    ...unit,
    residentialAreaId: of.residentialAreaId ?? null,
    organizationId: of.organizationId ?? null,
    subjectKey: assessmentSubjectKey(of),
    recognised,
  };
}

/** The commune a filing names, as the unit of a subject. */
const inCommune = (f: { communeId: string; communeCode: string; placeCodes: string[] }) => ({
  unitId: f.communeId,
  unitCode: f.communeCode,
  placeCodes: f.placeCodes,
});

const invalid = (path: string, message: string) => userErrors.invalid([{ path: [path], message }]);
const NOT_FOUND = { vi: 'đơn vị được đánh giá', en: 'assessed unit' };

/**
 * The subject of a new assessment: a commune or district by `unitCode`, a residential area
 * or organization by its decoded ID. One the viewer may not read is NOT_FOUND; one that did
 * not exist in the year is a ValidationError.
 */
export async function assessedSubject(
  ctx: Context,
  input: { unitKind: GradedUnitKind; year: number; unitCode?: string | null },
  subjectId: string | null,
): Promise<AssessedSubject | UserError> {
  const refusal = assessableYear(input.year, ctx.today);
  if (refusal)
    return userErrors.invalid([{ path: ['year'], message: assessmentRefusalLabel(refusal).en }], assessmentRefusalLabel(refusal));
  const day = assessmentDay(input.year, ctx.today);
  const { unitKind } = input;
  if (unitKind === 'COMMUNE' || unitKind === 'DISTRICT') {
    const code = input.unitCode?.trim() ?? '';
    if (!code) return invalid('unitCode', `is required for a ${unitKind.toLowerCase()}`);
    if (unitKind === 'COMMUNE') {
      const f = await communeFiling(ctx, code, day);
      if (!f) return invalid('unitCode', `no commune has this code on ${day}`);
      return filedSubject(unitKind, inCommune(f), { unitCode: code }, { unitKind });
    }
    const found = await unitAndAbove(ctx, code, day);
    if (found?.unit.level !== 'DISTRICT') return invalid('unitCode', `no district has this code on ${day}`);
    return filedSubject(unitKind, { unitId: found.unit.id, unitCode: code, placeCodes: found.codes }, { unitCode: code }, { unitKind });
  }
  if (!subjectId) return invalid('subjectId', `is required for a ${unitKind.toLowerCase().replace('_', ' ')}`);
  if (unitKind === 'RESIDENTIAL_AREA') {
    const area = await ctx.db.prisma.residentialArea.findFirst({
      where: { id: subjectId, AND: [areaWhere(ctx)] },
      select: { placements: true },
    });
    if (!area) return userErrors.notFound(NOT_FOUND);
    const f = areaFiling(area.placements, day);
    if (!f) return invalid('subjectId', `the residential area was not in a commune on ${day}`);
    return filedSubject(unitKind, inCommune(f), { residentialAreaId: subjectId, unitCode: f.communeCode }, { unitKind });
  }
  const org = await ctx.db.prisma.organization.findFirst({
    where: { id: subjectId, AND: [organizationWhere(ctx)] },
    include: { placements: true },
  });
  if (!org) return userErrors.notFound(NOT_FOUND);
  if (org.kind !== unitKind) return invalid('unitKind', `the organization is of kind ${org.kind}, not ${unitKind}`);
  const f = areaFiling(org.placements, day);
  if (!f) return invalid('subjectId', `the organization was not in a commune on ${day}`);
  const recognised = recognisedUnit(org);
  if (!recognised) return invalid('subjectId', 'record the organization’s size or school level first: TT 124 applies by it');
  return filedSubject(unitKind, inCommune(f), { organizationId: subjectId, unitCode: f.communeCode }, recognised);
}

/** An organization as core's recognition rules take it: with the facts that decide whether TT 124 applies; null when they are not recorded. */
export function recognisedUnit(org: {
  kind: 'AGENCY' | 'ENTERPRISE' | 'SCHOOL';
  armedForces: boolean | null;
  enterpriseSize: Extract<OrganizationScopeInput, { kind: 'ENTERPRISE' }>['size'] | null;
  schoolLevel: Extract<OrganizationScopeInput, { kind: 'SCHOOL' }>['level'] | null;
}): RecognisedUnit | null {
  switch (org.kind) {
    case 'AGENCY':
      return { unitKind: 'AGENCY', organization: { kind: 'AGENCY', armedForces: org.armedForces ?? false } };
    case 'ENTERPRISE':
      return org.enterpriseSize ? { unitKind: 'ENTERPRISE', organization: { kind: 'ENTERPRISE', size: org.enterpriseSize } } : null;
    case 'SCHOOL':
      return org.schoolLevel ? { unitKind: 'SCHOOL', organization: { kind: 'SCHOOL', level: org.schoolLevel } } : null;
  }
}
