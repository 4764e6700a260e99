/**
 * Where a year's assessments stand under a unit, level by level: how many units are due
 * (those that stood in the unit's territory in the year, through the lineage: today's Đồng
 * Nai counts the 2024 communes of the Bình Phước it took in), how many are drafted, sent
 * back, submitted (on time or late), reviewed and decided, how many are overdue, and the
 * decided verdicts or grading levels. For a unit wholly within the viewer's jurisdiction; four statements
 * whatever the size of the unit.
 */
import {
  assessableYear,
  assessmentRefusalLabel,
  GRADED_UNIT_KINDS,
  GRADING_LEVELS,
  organizationInScope,
  reportingDeadline,
  type AssessmentKind,
  type AssessmentStatus,
  type GradedUnitKind,
  type GradingLevel,
  type IsoDate,
} from '@antq/core';
import { filedWhere, type Prisma } from '@antq/db';
import { wholeUnitOf } from '../access.js';
import { builder } from '../builder.js';
import { invalidArgument } from '../errors.js';
import type { Context } from '../context.js';
import { dateColumn } from '../hierarchy/rows.js';
import { DateScalar } from '../scalars.js';
import { AssessmentKindEnum, GradedUnitKindEnum, GradingLevelEnum } from './schema.js';
import { assessmentDay, recognisedUnit, unitsOnFor } from './subject.js';

/** One level's progress. */
export interface LevelProgress {
  readonly unitKind: GradedUnitKind;
  readonly dueBefore: IsoDate | null;
  readonly due: number;
  readonly notStarted: number;
  readonly byStatus: Readonly<Record<AssessmentStatus, number>>;
  readonly submittedOnTime: number;
  readonly submittedLate: number;
  readonly overdue: number;
  readonly passed: number;
  readonly failed: number;
  readonly levels: Readonly<Record<GradingLevel, number>>;
}

export interface Progress {
  readonly unitCode: string;
  readonly unitsOn: IsoDate;
  readonly year: number;
  readonly kind: AssessmentKind;
  readonly levels: readonly LevelProgress[];
}

const LevelCountRef = builder.objectRef<{ level: GradingLevel; count: number }>('GradingLevelCount').implement({
  fields: (t) => ({ level: t.field({ type: GradingLevelEnum, resolve: (c) => c.level }), count: t.exposeInt('count') }),
});

const LevelProgressRef = builder.objectRef<LevelProgress>('AssessmentLevelProgress').implement({
  description: 'One kind of unit’s assessments of the year.',
  fields: (t) => ({
    unitKind: t.field({ type: GradedUnitKindEnum, resolve: (l) => l.unitKind }),
    dueBefore: t.field({ type: DateScalar, nullable: true, description: 'The reporting deadline (strict).', resolve: (l) => l.dueBefore }),
    due: t.exposeInt('due', {
      description:
        'Units of this kind that stood in the territory on the last day of the year (organizations: those TT 124 applies to, for a recognition).',
    }),
    notStarted: t.exposeInt('notStarted', { description: 'Due units with no assessment recorded.' }),
    drafted: t.int({ description: 'DRAFT: not yet submitted.', resolve: (l) => l.byStatus.DRAFT }),
    sentBack: t.int({ description: 'SENT_BACK to the unit.', resolve: (l) => l.byStatus.SENT_BACK }),
    submitted: t.int({ description: 'SUBMITTED, awaiting review.', resolve: (l) => l.byStatus.SUBMITTED }),
    reviewed: t.int({ description: 'REVIEWED, awaiting decision.', resolve: (l) => l.byStatus.REVIEWED }),
    decided: t.int({ resolve: (l) => l.byStatus.DECIDED }),
    submittedOnTime: t.exposeInt('submittedOnTime', { description: 'Submitted (at least once) before the deadline.' }),
    submittedLate: t.exposeInt('submittedLate', { description: 'First submitted on or after the deadline.' }),
    overdue: t.exposeInt('overdue', { description: 'Past the deadline and never submitted: not started or still a draft.' }),
    passed: t.exposeInt('passed', { description: 'RECOGNITION: decided "An toàn về ANTT".' }),
    failed: t.exposeInt('failed', { description: 'RECOGNITION: decided, not recognised.' }),
    levels: t.field({
      type: [LevelCountRef],
      description: 'GRADING: decided assessments by level.',
      resolve: (l) => GRADING_LEVELS.map((level) => ({ level, count: l.levels[level] })),
    }),
  }),
});

const ProgressRef = builder.objectRef<Progress>('AssessmentProgress').implement({
  fields: (t) => ({
    unitCode: t.exposeString('unitCode'),
    unitsOn: t.field({ type: DateScalar, description: 'The date unitCode was read on.', resolve: (p) => p.unitsOn }),
    year: t.exposeInt('year'),
    kind: t.field({ type: AssessmentKindEnum, resolve: (p) => p.kind }),
    levels: t.field({ type: [LevelProgressRef], resolve: (p) => p.levels }),
  }),
});

const zero = <K extends string>(keys: readonly K[]) => Object.fromEntries(keys.map((k) => [k, 0])) as Record<K, number>;
const STATUSES = ['DRAFT', 'SUBMITTED', 'SENT_BACK', 'REVIEWED', 'DECIDED'] as const;

/** The kinds of unit assessed for `kind` in `year`: districts are graded only, and only before 2025-07-01. */
const kindsFor = (kind: AssessmentKind, year: number) =>
  GRADED_UNIT_KINDS.filter((k) => k !== 'DISTRICT' || (kind === 'GRADING' && reportingDeadline('DISTRICT', year).ok));

/** The progress of a year's assessments under a unit (throws NOT_FOUND or FORBIDDEN as every list does). */
export async function progressOf(
  ctx: Context,
  args: { unitCode: string; year: number; kind?: AssessmentKind | null; asOf?: IsoDate | null },
): Promise<Progress> {
  const kind = args.kind ?? 'RECOGNITION';
  // A year that is not assessed (before Circular 124, not begun) has no progress: said as the mutations say it.
  const refused = assessableYear(args.year, ctx.today);
  if (refused) throw invalidArgument(refused.code, 'year', args.year, assessmentRefusalLabel(refused));
  const unitsOn = unitsOnFor(ctx, args.unitCode, args.year, args.asOf);
  const scope = wholeUnitOf(ctx, 'ASSESSMENT', 'READ', { code: args.unitCode, date: unitsOn, argument: 'unitCode' });
  const day = dateColumn(assessmentDay(args.year, ctx.today));
  const heldOn = {
    AND: [{ OR: [{ validFrom: null }, { validFrom: { lte: day } }] }, { OR: [{ validTo: null }, { validTo: { gte: day } }] }],
  };
  const { prisma } = ctx.db;
  const [assessed, units, areas, organizations] = await Promise.all([
    prisma.assessment.groupBy({
      by: ['unitKind', 'status', 'late', 'passed', 'level'],
      where: { AND: [filedWhere(scope, 'unitId'), { year: args.year, kind, correctedBy: { is: null } }] },
      _count: { _all: true },
    }),
    prisma.adminUnit.groupBy({
      by: ['level'],
      where: { AND: [filedWhere(scope, 'id', null), heldOn, { level: { in: ['COMMUNE', 'DISTRICT'] } }] },
      _count: { _all: true },
    }),
    prisma.residentialAreaPlacement.count({ where: { AND: [filedWhere(scope, 'communeId'), heldOn] } }),
    prisma.organization.groupBy({
      by: ['kind', 'armedForces', 'enterpriseSize', 'schoolLevel'],
      where: { placements: { some: { AND: [filedWhere(scope, 'communeId', null), heldOn] } } },
      _count: { _all: true },
    }),
  ]);
  const due: Record<GradedUnitKind, number> = {
    ...zero(GRADED_UNIT_KINDS),
    RESIDENTIAL_AREA: areas,
    COMMUNE: units.find((u) => u.level === 'COMMUNE')?._count._all ?? 0,
    DISTRICT: units.find((u) => u.level === 'DISTRICT')?._count._all ?? 0,
  };
  // Circular 124 applies to some organizations only (core's organizationInScope); one whose size or level is not recorded counts as due.
  for (const o of organizations) {
    const unit = recognisedUnit(o);
    if (kind === 'GRADING' || !unit || !('organization' in unit) || organizationInScope(unit.organization).inScope)
      due[o.kind] += o._count._all;
  }
  const levels = kindsFor(kind, args.year).map((unitKind) =>
    levelOf(
      unitKind,
      args.year,
      ctx.today,
      due[unitKind],
      assessed.filter((a) => a.unitKind === unitKind),
    ),
  );
  return { unitCode: args.unitCode.trim(), unitsOn, year: args.year, kind, levels };
}

type Group = Prisma.PickEnumerable<Prisma.AssessmentGroupByOutputType, ('unitKind' | 'status' | 'late' | 'passed' | 'level')[]> & {
  _count: { _all: number };
};

function levelOf(unitKind: GradedUnitKind, year: number, today: IsoDate, due: number, groups: readonly Group[]): LevelProgress {
  const byStatus = zero(STATUSES);
  const levels = zero(GRADING_LEVELS);
  const counts = { onTime: 0, late: 0, passed: 0, failed: 0 };
  for (const g of groups) {
    const n = g._count._all;
    byStatus[g.status] += n;
    if (g.status !== 'DRAFT') counts[g.late ? 'late' : 'onTime'] += n;
    if (g.status === 'DECIDED' && g.passed !== null) counts[g.passed ? 'passed' : 'failed'] += n;
    if (g.status === 'DECIDED' && g.level) levels[g.level] += n;
  }
  const { onTime, late, passed, failed } = counts;
  const recorded = STATUSES.reduce((s, k) => s + byStatus[k], 0);
  const notStarted = Math.max(0, due - recorded);
  const deadline = reportingDeadline(unitKind, year);
  const pastDue = deadline.ok && today >= deadline.dueBefore;
  return {
    unitKind,
    dueBefore: deadline.ok ? deadline.dueBefore : null,
    due,
    notStarted,
    byStatus,
    submittedOnTime: onTime,
    submittedLate: late,
    overdue: pastDue ? notStarted + byStatus.DRAFT : 0,
    passed,
    failed,
    levels,
  };
}

builder.queryField('assessmentProgress', (t) =>
  t.field({
    type: ProgressRef,
    description:
      'Where a year’s assessments stand under a unit, by kind of unit: due, drafted, sent back, submitted on time or late, reviewed, decided, overdue, and the decided verdicts or levels. unitCode is read on asOf (default: today; a code that names no unit today, such as 70, on the last day of the year).',
    authScopes: { allowed: ['ASSESSMENT', 'READ'] as const },
    args: {
      unitCode: t.arg.string({ required: true }),
      year: t.arg.int({ required: true }),
      kind: t.arg({ type: AssessmentKindEnum, description: 'Default RECOGNITION.' }),
      asOf: t.arg({ type: DateScalar }),
    },
    resolve: (_root, args, ctx) => progressOf(ctx, args),
  }),
);
