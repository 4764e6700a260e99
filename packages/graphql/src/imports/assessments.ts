/**
 * Importing a year's recognition decisions taken on paper (TT 124/2021): each row is a
 * residential area (by its name in the commune) or the commune itself, with its facts —
 * judged again by core, so that the stored verdict is core's — and the decision. Each row is
 * judged as core judges recording a decision (judgeAssessmentAct RECORD: the deciding
 * level, once per unit and year), then written DECIDED with its one step, all rows in one
 * transaction. The database is read in three statements whatever the number of rows.
 */
import { randomUUID } from 'node:crypto';
import {
  actingRole,
  assessmentSubjectKey,
  judgeAssessmentAct,
  nameKey,
  recognitionVerdict,
  RECOGNITION_RULE_VERSION,
  rowProblem,
  type RecognitionFacts,
  type RowProblem,
  type RowProblemCode,
  type SheetRow,
} from '@antq/core';
import type { Prisma } from '@antq/db';
import { mayAccess } from '../access.js';
import { areaFiling, communeFiling } from '../activities/write.js';
import { actorName } from '../audit/record.js';
import type { Context } from '../context.js';
import { dateColumn } from '../hierarchy/rows.js';
import { assessmentDay } from '../assessment/subject.js';
import type { Checked } from './row-problems.js';

type Row = SheetRow<'ASSESSMENTS'>;
type Values = Row['values'];

/** The core refusals of a recorded decision, as the problem of one column. */
const REFUSAL_COLUMN: Readonly<Record<string, readonly [keyof Values, RowProblemCode]>> = {
  WRONG_ACTOR: ['communeCode', 'NOT_THE_DECIDER'],
  YEAR_NOT_STARTED: ['year', 'INVALID'],
  BEFORE_THE_RULES: ['year', 'INVALID'],
  DECISION_IN_FUTURE: ['decisionDate', 'FUTURE_DATE'],
  DECISION_BEFORE_YEAR: ['decisionDate', 'INVALID'],
};

export async function checkAssessments(ctx: Context, rows: Row[], headers: Record<string, string>): Promise<Checked> {
  const problems: RowProblem[] = rows.flatMap((r) => r.problems);
  const at = (row: number, column: keyof Values, code: RowProblemCode, detail?: string) =>
    void problems.push(rowProblem(row, headers[column] ?? String(column), code, detail));
  const role = actingRole(ctx.viewer);
  const ready = rows.filter((r) => !r.problems.length);

  // The communes of every row on the last day of its year (the loaders batch them).
  const communes = await Promise.all(ready.map((r) => communeFiling(ctx, r.values.communeCode!, assessmentDay(r.values.year!, ctx.today))));
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
  ready.forEach((r, i) => {
    const v = r.values;
    const commune = communes[i];
    if (!commune) return at(r.row, 'communeCode', 'UNKNOWN_COMMUNE');
    const day = assessmentDay(v.year!, ctx.today);
    let filing = {
      unitId: commune.communeId,
      unitCode: commune.communeCode,
      placeCodes: commune.placeCodes,
      residentialAreaId: null as string | null,
    };
    if (v.areaName) {
      const found = areasIn.get(`${commune.communeId}|${nameKey(v.areaName)}`) ?? [];
      if (found.length !== 1) return at(r.row, 'areaName', found.length ? 'AMBIGUOUS' : 'UNKNOWN_AREA');
      const f = areaFiling(found[0]!.placements, day);
      if (!f || f.communeId !== commune.communeId) return at(r.row, 'areaName', 'UNKNOWN_AREA');
      filing = { ...filing, placeCodes: f.placeCodes, residentialAreaId: found[0]!.id };
    }
    if (!mayAccess(ctx, 'ASSESSMENT', 'WRITE', { unitId: filing.unitId, areaId: filing.residentialAreaId }))
      return at(r.row, 'communeCode', 'OUTSIDE_JURISDICTION');
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
        at(r.row, column, code);
      }
      return;
    }
    const facts: RecognitionFacts = {
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
    };
    const outcome = recognitionVerdict({ unitKind }, v.year!, facts);
    if (!outcome.ok)
      return void ('missing' in outcome
        ? outcome.missing.forEach((m) => at(r.row, m.fact as keyof Values, 'REQUIRED'))
        : at(r.row, 'areaName', 'INVALID'));
    const subjectKey = assessmentSubjectKey(filing);
    accepted.push({
      row: r.row,
      placeCodes: filing.placeCodes,
      data: {
        id: randomUUID(),
        kind: 'RECOGNITION',
        year: v.year!,
        unitKind,
        ...filing,
        subjectKey,
        status: 'DECIDED',
        facts: facts as Prisma.InputJsonValue,
        verdict: outcome.verdict as unknown as Prisma.InputJsonValue,
        passed: outcome.verdict.pass,
        ruleVersion: RECOGNITION_RULE_VERSION,
        decisionNumber: v.decisionNumber!,
        decisionDate: dateColumn(v.decisionDate!),
        decisionIssuer: v.decisionIssuer!,
      },
    });
  });

  // Duplicates: in the file, and in the database (one statement).
  const existing = accepted.length
    ? await ctx.db.prisma.assessment.findMany({
        where: { kind: 'RECOGNITION', OR: accepted.map((a) => ({ year: a.data.year, subjectKey: a.data.subjectKey })) },
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
