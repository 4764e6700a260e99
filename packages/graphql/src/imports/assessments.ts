/**
 * Importing a year's decisions taken on paper: recognitions (TT 124/2021), one row per unit
 * with its facts, and gradings (QĐ 510), one row per criterion of the configuration in
 * force, the rows of one unit together. Each unit is a residential area (by its name in
 * the commune) or the commune itself; its facts or measures are judged again by core
 * (assessmentRecord), so that the stored verdict, points and level are core's; the decision
 * is judged as core judges recording one (judgeAssessmentAct RECORD: the deciding level,
 * once per unit, kind and year), then written DECIDED with its one step, all in one
 * transaction. The database is read in a constant number of statements whatever the rows.
 */
import { randomUUID } from 'node:crypto';
import {
  actingRole,
  assessmentRecord,
  assessmentSubjectKey,
  gradingConfigFor,
  gradingDayOf,
  judgeAssessmentAct,
  nameKey,
  rowProblem,
  type AssessmentFactProblem,
  type AssessmentKind,
  type CriterionMeasure,
  type GradedUnitKind,
  type GradingConfig,
  type IsoDate,
  type RecordedFacts,
  type RowProblem,
  type RowProblemCode,
  type SheetRow,
} from '@antq/core';
import type { Prisma } from '@antq/db';
import { mayAccess } from '../access.js';
import { areaFiling, communeFiling } from '../activities/write.js';
import { gradingConfigs, recordColumns } from '../assessment/outcome.js';
import { assessmentDay } from '../assessment/subject.js';
import { actorName } from '../audit/record.js';
import type { Context } from '../context.js';
import { dateColumn } from '../hierarchy/rows.js';
import type { Checked } from './row-problems.js';
import { partedRows } from './row-problems.js';

/** What every decision's rows give: the unit, the year and the decision. */
interface Decision {
  readonly year: number | null;
  readonly communeCode: string | null;
  readonly areaName: string | null;
  readonly decisionNumber: string | null;
  readonly decisionDate: IsoDate | null;
  readonly decisionIssuer: string | null;
}
type DecisionColumn = keyof Decision;

/** One unit's decision, from its rows: what it records for the kind of unit it turns out to be, and where core's problems with that go. */
interface Decided {
  readonly row: number;
  readonly values: Decision;
  readonly recorded: (unitKind: GradedUnitKind) => RecordedFacts | null;
  readonly problem: (p: AssessmentFactProblem) => void;
}

type At = (row: number, column: string, code: RowProblemCode, detail?: string) => void;

const problemAt =
  (problems: RowProblem[], headers: Readonly<Record<string, string>>): At =>
  (row, column, code, detail) =>
    void problems.push(rowProblem(row, headers[column] ?? column, code, detail));

/** The core refusals of a recorded decision, as the problem of one column. */
const REFUSAL_COLUMN: Readonly<Record<string, readonly [DecisionColumn, RowProblemCode]>> = {
  WRONG_ACTOR: ['communeCode', 'NOT_THE_DECIDER'],
  YEAR_NOT_STARTED: ['year', 'INVALID'],
  BEFORE_THE_RULES: ['year', 'INVALID'],
  DECISION_IN_FUTURE: ['decisionDate', 'FUTURE_DATE'],
  DECISION_BEFORE_YEAR: ['decisionDate', 'INVALID'],
};

/** A file's recognition decisions: one row each. */
export async function checkAssessments(
  ctx: Context,
  rows: Array<SheetRow<'ASSESSMENTS'>>,
  headers: Record<string, string>,
): Promise<Checked> {
  const { problems, ready } = partedRows(rows);
  const at = problemAt(problems, headers);
  const decided = ready.map(({ row, values: v }): Decided => ({
    row,
    values: v,
    recorded: (unitKind) => ({
      recognition: {
        resolutionOn: v.resolutionOn,
        registeredOn: v.registeredOn,
        households: v.households!,
        householdsRegistered: v.householdsRegistered!,
        policiesImplemented: v.policiesImplemented!,
        seriousEvents: v.seriousEvent ? [v.seriousEvent] : [],
        evidence: {},
        ...(unitKind === 'COMMUNE'
          ? { planOn: v.planOn, effectiveModels: v.effectiveModels ?? undefined, policeDisciplined: v.policeDisciplined ?? undefined }
          : {}),
      },
    }),
    problem: (p) => (p.code === 'REQUIRED' ? at(row, p.fact, 'REQUIRED') : at(row, 'areaName', 'INVALID')),
  }));
  return checkDecisions(ctx, 'RECOGNITION', decided, problems, at, []);
}

/** A file's grading decisions: one row per criterion, grouped by unit and year; the measures read against the configuration in force. */
export async function checkGradings(ctx: Context, rows: Array<SheetRow<'GRADINGS'>>, headers: Record<string, string>): Promise<Checked> {
  const { problems, ready } = partedRows(rows);
  const at = problemAt(problems, headers);
  const configs = await gradingConfigs(ctx);
  const units = new Map<string, Array<SheetRow<'GRADINGS'>>>();
  for (const r of ready) {
    const key = `${r.values.year}|${r.values.communeCode}|${nameKey(r.values.areaName ?? '')}`;
    units.set(key, [...(units.get(key) ?? []), r]);
  }
  const decided: Decided[] = [];
  for (const group of units.values()) {
    const first = group[0]!;
    const v = first.values;
    const differs = group.flatMap((r) =>
      (['decisionNumber', 'decisionDate', 'decisionIssuer'] as const).filter((c) => r.values[c] !== v[c]).map((c) => [r.row, c] as const),
    );
    differs.forEach(([row, c]) => at(row, c, 'INVALID', `differs from row ${first.row}: one decision per unit`));
    const codeOf = (r: SheetRow<'GRADINGS'>) => r.values.criterion!.toUpperCase();
    if (differs.length) continue;
    decided.push({
      row: first.row,
      values: v,
      recorded: (unitKind) => {
        const config = gradingConfigFor(configs, unitKind, gradingDayOf(v.year!));
        const kinds = new Map(config?.criteria.map((c) => [c.code, c.kind]));
        const grading: Record<string, CriterionMeasure> = {};
        for (const r of group) {
          const code = codeOf(r);
          if (code in grading) return (at(r.row, 'criterion', 'DUPLICATE_IN_FILE'), null);
          const m = r.values.measure!;
          // A yes/no criterion reads 1 and 0 as yes and no.
          grading[code] = kinds.get(code) === 'YES_NO' && (m === 1 || m === 0) ? m === 1 : m;
        }
        return { grading };
      },
      problem: (p) => {
        const row = 'criterion' in p ? (group.find((r) => codeOf(r) === p.criterion)?.row ?? first.row) : first.row;
        if (p.code === 'NO_GRADING_CONFIG') at(row, 'year', 'INVALID', 'no grading configuration is in force for this unit in this year');
        else if (p.code === 'UNKNOWN_CRITERION') at(row, 'criterion', 'INVALID', 'not a criterion of the configuration in force');
        else if (p.code === 'MISSING_MEASURE') at(row, 'criterion', 'REQUIRED', `criterion ${p.criterion} has no row`);
        else if ('criterion' in p) at(row, 'measure', 'INVALID', p.code);
      },
    });
  }
  return checkDecisions(ctx, 'GRADING', decided, problems, at, configs);
}

/**
 * The decisions' units (communes and areas on the last day of each year, in bulk), who may
 * record them, core's judgement of the act and of the facts, duplicates in the file and in
 * the database; and the write of those that pass.
 */
async function checkDecisions(
  ctx: Context,
  kind: AssessmentKind,
  decided: readonly Decided[],
  problems: RowProblem[],
  at: At,
  configs: readonly GradingConfig[],
): Promise<Checked> {
  const role = actingRole(ctx.viewer);

  // The communes of every decision on the last day of its year (the loaders batch them).
  const communes = await Promise.all(
    decided.map((d) => communeFiling(ctx, d.values.communeCode!, assessmentDay(d.values.year!, ctx.today))),
  );
  const communeIds = [...new Set(communes.flatMap((c) => (c ? [c.communeId] : [])))];
  const placed = communeIds.length
    ? await ctx.db.prisma.residentialAreaPlacement.findMany({
        where: { communeId: { in: communeIds } },
        select: { communeId: true, residentialArea: { select: { id: true, name: true, placements: true } } },
      })
    : [];
  const areasIn = new Map<string, Array<(typeof placed)[number]['residentialArea']>>();
  for (const p of placed) {
    const key = `${p.communeId}|${nameKey(p.residentialArea.name)}`;
    if (!areasIn.get(key)?.some((a) => a.id === p.residentialArea.id)) areasIn.set(key, [...(areasIn.get(key) ?? []), p.residentialArea]);
  }

  const accepted: Array<{ row: number; data: Prisma.AssessmentCreateManyInput; placeCodes: string[] }> = [];
  decided.forEach((d, i) => {
    const v = d.values;
    const commune = communes[i];
    if (!commune) return at(d.row, 'communeCode', 'UNKNOWN_COMMUNE');
    const day = assessmentDay(v.year!, ctx.today);
    let filing = {
      unitId: commune.communeId,
      unitCode: commune.communeCode,
      placeCodes: commune.placeCodes,
      residentialAreaId: null as string | null,
    };
    if (v.areaName) {
      const found = areasIn.get(`${commune.communeId}|${nameKey(v.areaName)}`) ?? [];
      if (found.length !== 1) return at(d.row, 'areaName', found.length ? 'AMBIGUOUS' : 'UNKNOWN_AREA');
      const f = areaFiling(found[0]!.placements, day);
      if (!f || f.communeId !== commune.communeId) return at(d.row, 'areaName', 'UNKNOWN_AREA');
      filing = { ...filing, placeCodes: f.placeCodes, residentialAreaId: found[0]!.id };
    }
    if (!mayAccess(ctx, 'ASSESSMENT', 'WRITE', { unitId: filing.unitId, areaId: filing.residentialAreaId }))
      return at(d.row, 'communeCode', 'OUTSIDE_JURISDICTION');
    const unitKind = filing.residentialAreaId ? ('RESIDENTIAL_AREA' as const) : ('COMMUNE' as const);
    const verdict = judgeAssessmentAct({
      act: 'RECORD',
      unitKind,
      year: v.year!,
      status: null,
      role,
      today: ctx.today,
      reason: null,
      decisionDate: v.decisionDate!,
    });
    if (!verdict.pass) {
      for (const f of verdict.failures) {
        const [column, code] = REFUSAL_COLUMN[f.code] ?? ['year', 'INVALID'];
        at(d.row, column, code);
      }
      return;
    }
    const recorded = d.recorded(unitKind);
    if (!recorded) return;
    const outcome = assessmentRecord({ unitKind }, v.year!, recorded, configs);
    if (!outcome.ok) return outcome.problems.forEach(d.problem);
    accepted.push({
      row: d.row,
      placeCodes: filing.placeCodes,
      data: {
        id: randomUUID(),
        kind,
        year: v.year!,
        unitKind,
        ...filing,
        subjectKey: assessmentSubjectKey(filing),
        status: 'DECIDED',
        ...recordColumns(outcome.record),
        decisionNumber: v.decisionNumber!,
        decisionDate: dateColumn(v.decisionDate!),
        decisionIssuer: v.decisionIssuer!,
      },
    });
  });

  // Duplicates: in the file, and in the database (one statement).
  const existing = accepted.length
    ? await ctx.db.prisma.assessment.findMany({
        where: { kind, OR: accepted.map((a) => ({ year: a.data.year, subjectKey: a.data.subjectKey })) },
        select: { year: true, subjectKey: true },
      })
    : [];
  const recorded = new Set(existing.map((e) => `${e.year}|${e.subjectKey}`));
  const seen = new Set<string>();
  const fine = accepted.filter((a) => {
    const key = `${a.data.year}|${a.data.subjectKey}`;
    const column = a.data.residentialAreaId ? 'areaName' : 'communeCode';
    if (seen.has(key)) return void at(a.row, column, 'DUPLICATE_IN_FILE');
    seen.add(key);
    if (recorded.has(key)) return void at(a.row, column, 'DUPLICATE_IN_DATABASE');
    return true;
  });

  return {
    problems,
    placeCodes: fine.map((a) => a.placeCodes),
    write: async (tx) => {
      await tx.assessment.createMany({ data: fine.map((a) => a.data) });
      const on = dateColumn(ctx.today);
      await tx.assessmentStep.createMany({
        data: fine.map((a) => ({
          assessmentId: a.data.id!,
          act: 'RECORD' as const,
          status: 'DECIDED' as const,
          on,
          actor: actorName(ctx.viewer),
          reason: 'imported',
        })),
      });
      return fine.length;
    },
  };
}
