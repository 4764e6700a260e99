/**
 * Inspections, outreach and re-integration cases through the API, on the Bình Phước demo
 * (its 2024 activities, re-integration cases sealed with the test key): the report
 * sections (figures, sentences, the key-area filter, one statement each), outreach totals,
 * lists within the jurisdiction at a constant number of statements, personal data masked
 * by role and sealed at rest, and the mutations with their typed errors, versions and audit.
 */
import { seedDemo } from '@antq/db';
import { beforeAll, describe, expect, it } from 'vitest';
import { inspectionsSection } from '../src/report/inspections-section.js';
import { outreachSection } from '../src/report/outreach-section.js';
import { reintegrationSection } from '../src/report/reintegration-section.js';
import type { FigureScope, ReportSection, SectionLoader } from '../src/report/section.js';
import { sealWith } from '../src/startup.js';
import { mutationHelpers } from './support/movement.js';
import {
  figureScope,
  predecessorCodes,
  TEST_SECRETS,
  tokenFor,
  unitToday,
  usePreparedServer,
  viewersAround,
  type TestServer,
  type Who,
} from './support/server.js';
import { gid } from './support/ids.js';

const ctx = usePreparedServer();
let server: TestServer;
const as = {} as Record<Who, Record<string, string>>;

let YEAR_2024: FigureScope;
/** The commune of a demo re-integration case (of 2024, in Bình Phước), and one of its areas. */
let COMMUNE = '';
let AREA = '';
let DISTRICT = '';
let caseId = '';

beforeAll(async () => {
  server = ctx.server;
  const { prisma } = ctx.db;
  await seedDemo(ctx.db, { seal: sealWith(TEST_SECRETS.dataKey) });
  const c = await prisma.reintegrationCase.findFirstOrThrow({ where: { residentialAreaId: { not: null } }, orderBy: { id: 'asc' } });
  YEAR_2024 = await figureScope(ctx.db, '70', '2024-01-01', '2024-12-31');
  caseId = gid('ReintegrationCase', c.id);
  COMMUNE = c.communeCode;
  AREA = c.residentialAreaId!;
  DISTRICT = c.placeCodes[1]!;
  const other = await prisma.reintegrationCase.findFirstOrThrow({
    where: { placeCodes: { has: '70' }, NOT: { placeCodes: { has: DISTRICT } } },
  });
  Object.assign(
    as,
    await viewersAround(ctx.db, {
      commune: COMMUNE,
      otherCommune: other.communeCode,
      areaId: AREA,
      partnerScopes: ['read:aggregates', 'read:areas', 'read:models'],
    }),
  );
});

/** A section and the SQL statements it sent. */
async function load(loader: SectionLoader, scope: FigureScope): Promise<{ section: ReportSection; statements: number }> {
  let statements = 0;
  const stop = ctx.db.onQuery(() => statements++);
  try {
    return { section: await loader(ctx.db.prisma, scope), statements };
  } finally {
    stop();
  }
}
const figure = (s: ReportSection, key: string) => s.figures.find((f) => f.key === key)!;

describe('report sections on the demo, Bình Phước 2024', () => {
  it('inspections: planned, done by rating, follow-ups open and overdue, in one statement', async () => {
    const { section, statements } = await load(inspectionsSection, YEAR_2024);
    expect(statements).toBe(1);
    const done = figure(section, 'inspections.done');
    expect(done.value).toBeGreaterThan(100);
    expect(done.breakdown!.reduce((s, b) => s + b.value, 0)).toBe(done.value);
    expect(figure(section, 'inspections.planned').value).toBeGreaterThanOrEqual(done.value);
    expect(figure(section, 'inspections.followUps.overdue').value).toBeGreaterThan(0);
    // The figure agrees with the API's list of overdue follow-ups on the same day.
    const listed = await server.query<any>(
      `{ overdueFollowUps(unitCode: "70", asOf: "2024-12-31", first: 1) { totalCount } }`,
      {},
      as.national,
    );
    expect(listed.data.overdueFollowUps.totalCount).toBe(figure(section, 'inspections.followUps.overdue').value);
    expect(section.sentences.vi[0]).toContain(`đã kiểm tra, củng cố, kiện toàn ${done.value.toLocaleString('vi-VN')} lượt`);
    expect(section.sentences.en[1]).toMatch(
      /^They set [\d,]+ follow-up actions; [\d,]+ were completed in the period; on 31\/12\/2024, [\d,]+ were open and [\d,]+ overdue\.$/,
    );
  });

  it('outreach: sessions and reach by form and audience, the festival day, partners, in one statement', async () => {
    const { section, statements } = await load(outreachSection, YEAR_2024);
    expect(statements).toBe(1);
    const activities = figure(section, 'outreach.activities');
    expect(activities.value).toBeGreaterThan(500);
    expect(activities.breakdown!.reduce((s, b) => s + b.value, 0)).toBe(activities.value);
    expect(figure(section, 'outreach.participants').value).toBeGreaterThan(activities.value);
    expect(figure(section, 'outreach.festivalDay').value).toBeGreaterThan(50);
    expect(figure(section, 'outreach.partners').breakdown!.map((b) => b.key)).toContain('outreach.partners.ARMY');
    expect(section.sentences.vi.join(' ')).toContain('Ngày hội toàn dân bảo vệ an ninh Tổ quốc (19/8)');
    expect(section.sentences.en.join(' ')).toMatch(/festival days for national security \(19 August\) drew [\d,]+ people/);
  });

  it('re-integration: counts only, in one statement, and no person in the text', async () => {
    const { section, statements } = await load(reintegrationSection, YEAR_2024);
    expect(statements).toBe(1);
    expect(figure(section, 'reintegration.open').value).toBeGreaterThan(0);
    const closed = figure(section, 'reintegration.closed');
    expect(closed.breakdown!.reduce((s, b) => s + b.value, 0)).toBe(closed.value);
    const cases = await ctx.db.prisma.reintegrationCase.count();
    expect(cases).toBeGreaterThan(30);
    expect(JSON.stringify(section)).not.toMatch(/000\d{9}|Số \d+, ấp/);
  });

  it('narrows to key areas with onlyUnder, and to nothing under an unknown code', async () => {
    for (const loader of [inspectionsSection, outreachSection, reintegrationSection]) {
      const all = await load(loader, YEAR_2024);
      const some = await load(loader, { ...YEAR_2024, onlyUnder: [DISTRICT] });
      const none = await load(loader, { ...YEAR_2024, onlyUnder: ['99999'] });
      const first = (s: ReportSection) => s.figures[0]!.value;
      expect(first(some.section)).toBeGreaterThan(0);
      expect(first(some.section)).toBeLessThan(first(all.section));
      expect(none.section.figures.every((f) => f.value === 0)).toBe(true);
      expect([all.statements, some.statements, none.statements]).toEqual([1, 1, 1]);
    }
  });

  it('counts a unit as it was on the period’s last day: 75 of 2024 is the old Đồng Nai, 75 of 2025 holds Bình Phước', async () => {
    const old = await load(outreachSection, await figureScope(ctx.db, '75', '2024-01-01', '2024-12-31'));
    expect(old.section.figures[0]!.value).toBe(0);
    const firstHalf = await load(outreachSection, await figureScope(ctx.db, '70', '2025-01-01', '2025-06-30'));
    const secondHalf = await load(outreachSection, await figureScope(ctx.db, '75', '2025-07-01', '2025-12-31'));
    const year = await load(outreachSection, await figureScope(ctx.db, '75', '2025-01-01', '2025-12-31'));
    expect(firstHalf.section.figures[0]!.value).toBeGreaterThan(0);
    expect(year.section.figures[0]!.value).toBe(firstHalf.section.figures[0]!.value + secondHalf.section.figures[0]!.value);
  });
});

describe('outreach totals', () => {
  const TOTALS = `query($u: String!, $by: OutreachTotalsBy!, $only: [String!]) { outreachTotals(unitCode: $u, from: "2024-01-01", to: "2024-12-31", by: $by, onlyUnder: $only) { activities participants rows { key labelVi labelEn activities participants } } }`;

  it.each(['FORM', 'MONTH', 'UNIT'])('by %s adds up to the total, in one statement, for anyone', async (by) => {
    const { body, statements } = await server.queryCounting<any>(TOTALS, { u: '70', by });
    const t = body.data.outreachTotals;
    expect(t.activities).toBeGreaterThan(500);
    expect(t.rows.reduce((s: number, r: any) => s + r.activities, 0)).toBe(t.activities);
    expect(t.rows.reduce((s: number, r: any) => s + r.participants, 0)).toBe(t.participants);
    expect(statements.filter((s) => /OutreachActivity/.test(s))).toHaveLength(1);
    if (by === 'UNIT') expect(t.rows).toHaveLength(11);
    if (by === 'MONTH') expect(t.rows.map((r: any) => r.key).sort()[0]).toBe('2024-01');
  });

  it('by AUDIENCE counts a session once under each audience, labelled in both languages', async () => {
    const { data } = await server.query<any>(TOTALS, { u: '70', by: 'AUDIENCE' });
    const t = data.outreachTotals;
    expect(t.rows.reduce((s: number, r: any) => s + r.activities, 0)).toBeGreaterThan(t.activities);
    expect(t.rows.find((r: any) => r.key === 'RELIGIOUS_FOLLOWERS')).toMatchObject({
      labelVi: 'Chức sắc, tín đồ tôn giáo',
      labelEn: 'Religious followers',
    });
  });

  it('filters to key areas and refuses a reversed period', async () => {
    const all = (await server.query<any>(TOTALS, { u: '70', by: 'PARTNER' })).data.outreachTotals;
    const some = (await server.query<any>(TOTALS, { u: '70', by: 'PARTNER', only: [DISTRICT] })).data.outreachTotals;
    expect(some.activities).toBeGreaterThan(0);
    expect(some.activities).toBeLessThan(all.activities);
    const bad = await server.query<any>(
      `{ outreachTotals(unitCode: "70", from: "2024-12-31", to: "2024-01-01", by: FORM) { activities } }`,
    );
    expect(bad.errors![0]!.extensions!.code).toBe('BAD_USER_INPUT');
  });
});

describe('lists within the jurisdiction, at a constant number of statements', () => {
  const INSPECTIONS = `query($u: String!, $n: Int) { inspections(unitCode: $u, from: "2024-01-01", to: "2024-12-31", first: $n) { totalCount edges { node { id kind subjectKind subjectId status rating plannedOn inspectedOn team unit { code name } followUps { id action owner dueOn status state(asOf: "2024-12-31") inspection { id } } } } } }`;
  const OUTREACH = `query($u: String!, $n: Int) { outreachActivities(unitCode: $u, from: "2024-01-01", to: "2024-12-31", first: $n, form: FESTIVAL_DAY) { totalCount edges { node { id heldOn form audiences participants partners topic commune { code fullName } } } } }`;
  const CASES = `query($u: String!, $n: Int) { reintegrationCases(unitCode: $u, asOf: "2024-12-31", first: $n) { totalCount edges { node { id returnedOn status statusOn(asOf: "2024-06-30") fullName citizenId offenceSummary commune { code } mentors { kind name } notes { notedOn text author } } } } }`;

  it.each([
    ['inspections', INSPECTIONS, 'province'],
    ['outreachActivities', OUTREACH, 'province'],
    ['reintegrationCases', CASES, 'province'],
  ] as const)('%s: pages of 5 and 50 take the same statements', async (field, query, who) => {
    const five = await server.queryCounting<any>(query, { u: '70', n: 5 }, as[who]);
    const fifty = await server.queryCounting<any>(query, { u: '70', n: 50 }, as[who]);
    expect(five.body.errors).toBeUndefined();
    expect(fifty.body.data[field].edges.length).toBeGreaterThan(5);
    expect(fifty.statements.length).toBe(five.statements.length);
  });

  it('derives OVERDUE from the due date and the day asked', async () => {
    const { data } = await server.query<any>(INSPECTIONS, { u: '70', n: 100 }, as.province);
    const states = data.inspections.edges.flatMap((e: any) => e.node.followUps.map((f: any) => [f.status, f.state, f.dueOn]));
    expect(states.some(([status, state]: string[]) => status === 'OPEN' && state === 'OVERDUE')).toBe(true);
    for (const [status, state, dueOn] of states) if (state === 'OVERDUE') expect(dueOn < '2024-12-31' && status !== 'CANCELLED').toBe(true);
  });

  it('keeps each viewer to their unit: another province is refused, the commune sees what became its own', async () => {
    const other = await server.query<any>(INSPECTIONS, { u: '70', n: 5 }, as.otherProvince);
    expect(other.errors?.[0]?.extensions).toMatchObject({ code: 'FORBIDDEN', argument: 'unitCode', unitCode: '70' });
    const mine = await server.query<any>(INSPECTIONS, { u: '70', n: 50 }, as.commune);
    expect(mine.data.inspections.totalCount).toBeGreaterThan(0);
    // Filed under the 2024 communes that became the officer's commune of today.
    const before = await predecessorCodes(ctx.db, await unitToday(ctx.db, COMMUNE));
    expect(before).toContain(COMMUNE);
    const filed = await ctx.db.prisma.inspection.count({
      where: {
        placeCodes: { hasSome: before },
        OR: ['plannedOn', 'inspectedOn', 'cancelledOn'].map((c) => ({ [c]: { gte: new Date('2024-01-01'), lte: new Date('2024-12-31') } })),
      },
    });
    expect(mine.data.inspections.totalCount).toBe(filed);
    // An area leader sees the sessions of their own area only.
    const held = await ctx.db.prisma.outreachActivity.findFirstOrThrow({
      where: { residentialAreaId: { not: null }, heldOn: { gte: new Date('2024-01-01'), lte: new Date('2024-12-31') } },
      orderBy: { id: 'asc' },
    });
    const leaderOf = {
      authorization: `Bearer ${await tokenFor('AREA_LEADER', await unitToday(ctx.db, held.communeCode), { areaId: held.residentialAreaId! })}`,
    };
    const leader = await server.query<any>(OUTREACH.replace(', form: FESTIVAL_DAY', ''), { u: '70', n: 50 }, leaderOf);
    const all = await ctx.db.prisma.outreachActivity.count({
      where: { residentialAreaId: held.residentialAreaId, heldOn: { gte: new Date('2024-01-01'), lte: new Date('2024-12-31') } },
    });
    expect(leader.data.outreachActivities.totalCount).toBe(all);
    expect(all).toBeGreaterThan(0);
    const partner = await server.query<any>(OUTREACH, { u: '70', n: 5 }, as.partner);
    expect(partner.data.outreachActivities.totalCount).toBeGreaterThan(0);
  });
});

describe('re-integration cases: who sees what', () => {
  const NODE = `query($id: ID!) { node(id: $id) { ... on ReintegrationCase { id status fullName birthDate citizenId address offenceSummary mentors { kind name } notes { notedOn text } } } }`;

  it('opens the sealed person for the commune and the province, masks it for national officers', async () => {
    for (const who of ['commune', 'province'] as const) {
      const { data } = await server.query<any>(NODE, { id: caseId }, as[who]);
      expect(data.node.fullName, who).toMatch(/\S+ \S+ \S+/);
      expect(data.node.citizenId).toMatch(/^000\d{9}$/);
      expect(data.node.offenceSummary).toContain('Bộ luật Hình sự');
      expect(data.node.mentors[0].name).not.toBeNull();
      expect(data.node.notes[0].text).toContain('tổ giúp đỡ');
    }
    const national = await server.query<any>(NODE, { id: caseId }, as.national);
    expect(national.data.node).toMatchObject({ fullName: null, birthDate: null, citizenId: null, address: null, offenceSummary: null });
    expect(national.data.node.mentors.every((m: any) => m.name === null)).toBe(true);
    expect(national.data.node.notes.every((n: any) => n.text === null)).toBe(true);
    expect(national.data.node.status).toBeTruthy();
  });

  it.each(['otherCommune', 'otherProvince', 'leader', 'partner'] as const)('hides it from %s', async (who) => {
    const { data } = await server.query<any>(NODE, { id: caseId }, as[who]);
    expect(data.node).toBeNull();
    const list = await server.query<any>(`{ reintegrationCases(unitCode: "70", first: 100) { edges { node { id } } } }`, {}, as[who]);
    expect((list.data?.reintegrationCases?.edges ?? []).map((e: any) => e.node.id)).not.toContain(caseId);
  });

  it('keeps the person sealed at rest', async () => {
    const raw = await ctx.db.prisma.$queryRawUnsafe<Array<{ t: string }>>(
      `select concat_ws('|', c."personCiphertext", c."offenceCiphertext", n."bodyCiphertext") as t from "ReintegrationCase" c join "ReintegrationNote" n on n."caseId" = c.id limit 50`,
    );
    for (const { t } of raw) expect(t).toMatch(/^v1\.[\w-]+\.[\w-]+\.[\w-]+\|v1\./);
    expect(raw.some(({ t }) => /Bộ luật|Nguyễn|000\d{9}/.test(t))).toBe(false);
  });
});

// ─── Mutations ──────────────────────────────────────────────────────────────────────

const RESULT = `__typename ... on UserError { code messageVi messageEn } ... on ValidationError { fields { path message } }`;
const mutation = (name: string, input: string, fields: string, versioned = true) =>
  `mutation($i: ${input}!) { ${name}(input: $i) { result { ${RESULT} ${versioned ? '... on ConflictError { currentVersion }' : ''} ${fields} } } }`;
const INSPECTION_FIELDS = `... on Inspection { id status version rating inspectedOn subjectKind unit { code } followUps { id seq status dueOn state version } }`;
const PLAN = mutation('planInspection', 'PlanInspectionInput', INSPECTION_FIELDS, false);
const RECORD = mutation('recordInspectionResult', 'RecordInspectionResultInput', INSPECTION_FIELDS);
const CANCEL = mutation('cancelInspection', 'CancelInspectionInput', INSPECTION_FIELDS);
const CLOSE_FOLLOW_UP = mutation('closeFollowUp', 'CloseFollowUpInput', `... on InspectionFollowUp { id status closedOn state version }`);
const OUTREACH = mutation(
  'recordOutreachActivity',
  'RecordOutreachActivityInput',
  `... on OutreachActivity { id form audiences participants partners commune { code } }`,
  false,
);
const CASE_FIELDS = `... on ReintegrationCase { id status version fullName citizenId offenceSummary mentors { kind name } notes { notedOn text } }`;
const OPEN_CASE = mutation('openReintegrationCase', 'OpenReintegrationCaseInput', CASE_FIELDS, false);
const NOTE = mutation('addProgressNote', 'AddProgressNoteInput', CASE_FIELDS, false);
const CLOSE_CASE = mutation('closeReintegrationCase', 'CloseReintegrationCaseInput', CASE_FIELDS);
const ASSIGN = mutation('assignMentor', 'AssignMentorInput', CASE_FIELDS);

async function counts() {
  const p = ctx.db.prisma;
  return {
    inspections: await p.inspection.count(),
    done: await p.inspection.count({ where: { status: 'DONE' } }),
    followUps: await p.inspectionFollowUp.count(),
    closed: await p.inspectionFollowUp.count({ where: { status: { not: 'OPEN' } } }),
    outreach: await p.outreachActivity.count(),
    cases: await p.reintegrationCase.count(),
    notes: await p.reintegrationNote.count(),
  };
}
/** A refusal for invalid input. */
const INVALID = { code: 'VALIDATION' };
const { run, refusedWith, refusesEach } = mutationHelpers<Who>(() => ({ server, db: ctx.db, as }), counts);

describe('inspection mutations', () => {
  it('plans, records with follow-ups, closes a follow-up; audited; versions checked', async () => {
    const planned = await run(PLAN, {
      subjectKind: 'RESIDENTIAL_AREA',
      subjectId: gid('ResidentialArea', AREA),
      kind: 'THEMATIC',
      plannedOn: '2026-05-10',
      team: ['Trần Văn Kiểm', 'Lê Thị Tra'],
    });
    expect(planned).toMatchObject({ __typename: 'Inspection', status: 'PLANNED', subjectKind: 'RESIDENTIAL_AREA', version: 1 });
    const done = await run(RECORD, {
      inspectionId: planned.id,
      version: 1,
      inspectedOn: '2026-05-12',
      findings: 'Tổ tự quản hoạt động chưa đều.',
      rating: 'AVERAGE',
      followUps: [
        { action: 'Kiện toàn tổ trưởng', owner: 'Công an xã', dueOn: '2026-05-20' },
        { action: 'Sinh hoạt định kỳ', owner: 'Trưởng ấp', dueOn: '2026-07-01' },
      ],
    });
    expect(done).toMatchObject({ status: 'DONE', rating: 'AVERAGE', version: 2, inspectedOn: '2026-05-12' });
    // Today (2026-06-01) the first is overdue and the second open.
    expect(done.followUps.map((f: any) => f.state)).toEqual(['OVERDUE', 'OPEN']);
    const closed = await run(CLOSE_FOLLOW_UP, { followUpId: done.followUps[0].id, version: 1, status: 'DONE', closedOn: '2026-05-30' });
    expect(closed).toMatchObject({ status: 'DONE', closedOn: '2026-05-30', state: 'DONE', version: 2 });
    const entries = await ctx.db.prisma.auditEntry.findMany({
      where: { action: { in: ['planInspection', 'recordInspectionResult', 'closeFollowUp'] }, outcome: 'OK' },
    });
    expect(entries).toHaveLength(3);

    const result = { inspectionId: planned.id, inspectedOn: '2026-05-12', findings: 'x', rating: 'GOOD' };
    await refusesEach([
      [RECORD, 'recordInspectionResult', { ...result, version: 1 }, { code: 'CONFLICT', currentVersion: 2 }],
      [
        RECORD,
        'recordInspectionResult',
        { ...result, version: 2 },
        { code: 'VALIDATION', messageEn: 'An inspection that is DONE cannot become DONE.' },
      ],
      [CANCEL, 'cancelInspection', { inspectionId: planned.id, version: 2, cancelledOn: '2026-05-13', reason: 'Trùng lịch' }, INVALID],
      [
        CLOSE_FOLLOW_UP,
        'closeFollowUp',
        { followUpId: done.followUps[0].id, version: 2, status: 'CANCELLED', closedOn: '2026-05-31' },
        INVALID,
      ],
    ]);
  });

  it('answers typed errors, writing nothing but the audit entry', async () => {
    const area = gid('ResidentialArea', AREA);
    const bad = await refusedWith(PLAN, 'planInspection', {
      subjectKind: 'RESIDENTIAL_AREA',
      subjectId: area,
      kind: 'PLANNED',
      plannedOn: '2026-05-10',
      team: [],
    });
    expect(bad.fields).toEqual([{ path: ['input', 'team'], message: 'an inspection has at least one inspector' }]);
    expect(
      (await refusedWith(PLAN, 'planInspection', { subjectKind: 'UNIT', kind: 'PLANNED', plannedOn: '2026-05-10', team: ['A'] })).fields[0]
        .path,
    ).toEqual(['input', 'unitCode']);
    expect(
      await refusedWith(PLAN, 'planInspection', {
        subjectKind: 'MODEL',
        subjectId: area,
        kind: 'PLANNED',
        plannedOn: '2026-05-10',
        team: ['A'],
      }),
    ).toMatchObject({ code: 'NOT_FOUND' });
    const ofArea = { subjectKind: 'RESIDENTIAL_AREA', subjectId: area, kind: 'PLANNED', plannedOn: '2026-05-10', team: ['A'] };
    expect(await refusedWith(PLAN, 'planInspection', ofArea, 'otherCommune')).toMatchObject({ code: 'NOT_FOUND' });
    expect(await refusedWith(PLAN, 'planInspection', ofArea, 'leader')).toMatchObject({ code: 'FORBIDDEN' });
    expect(
      await refusedWith(
        PLAN,
        'planInspection',
        { subjectKind: 'UNIT', unitCode: '70', kind: 'PLANNED', plannedOn: '2028-05-10', team: ['A'] },
        'province',
      ),
    ).toMatchObject({ code: 'VALIDATION' });
    const unit = await run(
      PLAN,
      { subjectKind: 'UNIT', unitCode: '75', kind: 'PLANNED', plannedOn: '2026-06-15', team: ['Phòng PV05'] },
      'province',
    );
    expect(unit).toMatchObject({ __typename: 'Inspection', unit: { code: '75' } });
    const cancelled = await run(
      CANCEL,
      { inspectionId: unit.id, version: 1, cancelledOn: '2026-05-31', reason: 'Lùi sang quý sau' },
      'province',
    );
    expect(cancelled).toMatchObject({ status: 'CANCELLED', version: 2 });
  });

  it('answers NOT_FOUND for a subject outside the jurisdiction whatever the date, as for an unknown id, in as many statements', async () => {
    // Subjects of Phường Bình Phước (25195), in Đồng Nai (75) today; the viewer is an officer of Hà Nội (01).
    const p = ctx.db.prisma;
    const inCommune = { placements: { some: { placeCodes: { has: '25195' } } } };
    const team = await p.securityTeam.findFirstOrThrow({ where: { placeCodes: { has: '25195' } }, orderBy: { establishedOn: 'desc' } });
    const model = await p.model.findFirstOrThrow({
      where: { OR: [{ residentialArea: inCommune }, { organization: inCommune }] },
      orderBy: { id: 'asc' },
    });
    const area = await p.residentialArea.findFirstOrThrow({ where: inCommune, orderBy: { id: 'asc' } });
    const organization = await p.organization.findFirstOrThrow({ where: inCommune, orderBy: { id: 'asc' } });
    const subjects = [
      ['SECURITY_TEAM', gid('SecurityTeam', team.id), gid('SecurityTeam', crypto.randomUUID())],
      ['MODEL', gid('Model', model.id), gid('Model', crypto.randomUUID())],
      ['RESIDENTIAL_AREA', gid('ResidentialArea', area.id), gid('ResidentialArea', crypto.randomUUID())],
      ['ORGANIZATION', gid('Organization', organization.id), gid('Organization', crypto.randomUUID())],
    ] as const;
    // Before any of them existed or was placed, the day before the team was set up, and a day they all existed.
    const established = team.establishedOn.toISOString().slice(0, 10);
    const dayBefore = new Date(team.establishedOn.getTime() - 86_400_000).toISOString().slice(0, 10);
    const dates = ['1950-01-01', dayBefore, established, '2026-05-10'];
    const plan = (subjectKind: string, subjectId: string, plannedOn: string) => ({
      subjectKind,
      subjectId,
      kind: 'PLANNED',
      plannedOn,
      team: ['A'],
    });
    for (const [kind, real, unknown] of subjects) {
      const missing = await refusedWith(PLAN, 'planInspection', plan(kind, unknown, '2026-05-10'), 'otherProvince');
      expect(missing).toMatchObject({ __typename: 'NotFoundError', code: 'NOT_FOUND' });
      for (const plannedOn of dates)
        expect(await refusedWith(PLAN, 'planInspection', plan(kind, real, plannedOn), 'otherProvince')).toEqual(missing);
      // No statement more or fewer than for an unknown id either.
      const seen = await server.queryCounting<any>(PLAN, { i: plan(kind, real, dayBefore) }, as.otherProvince);
      const none = await server.queryCounting<any>(PLAN, { i: plan(kind, unknown, dayBefore) }, as.otherProvince);
      expect(seen.body.data.planInspection.result).toEqual(none.body.data.planInspection.result);
      expect(seen.statements.length).toBe(none.statements.length);
    }
    // Within the jurisdiction the same request is judged on its dates: the team did not exist the day before.
    const early = await refusedWith(PLAN, 'planInspection', plan('SECURITY_TEAM', gid('SecurityTeam', team.id), dayBefore), 'province');
    expect(early).toMatchObject({
      code: 'VALIDATION',
      fields: [{ path: ['input', 'plannedOn'], message: `the team did not exist on ${dayBefore}` }],
    });
  });
});

describe('outreach mutation', () => {
  it('records a session in an area, and refuses bad input with field paths', async () => {
    const ok = await run(
      OUTREACH,
      {
        communeCode: COMMUNE,
        residentialAreaId: gid('ResidentialArea', AREA),
        heldOn: '2025-03-02',
        form: 'MEETING',
        audiences: ['RESIDENTS', 'YOUTH'],
        participants: 85,
        partners: ['YOUTH_UNION'],
        topic: 'Phòng chống ma túy',
      },
      'leader',
    );
    expect(ok).toMatchObject({ __typename: 'OutreachActivity', audiences: ['RESIDENTS', 'YOUTH'], commune: { code: COMMUNE } });
    const bad = await refusedWith(OUTREACH, 'recordOutreachActivity', {
      communeCode: COMMUNE,
      heldOn: '2025-03-02',
      form: 'MEETING',
      audiences: [],
      participants: -3,
      topic: 'x',
    });
    expect(bad.fields.map((f: any) => f.path.join('.')).sort()).toEqual(['input.audiences', 'input.participants']);
    const session = { communeCode: COMMUNE, heldOn: '2025-03-02', form: 'MEETING', audiences: ['RESIDENTS'], participants: 3, topic: 'x' };
    expect(await refusedWith(OUTREACH, 'recordOutreachActivity', { ...session, heldOn: '2027-03-02' })).toMatchObject(INVALID);
    for (const [who, code] of [
      ['otherCommune', 'NOT_FOUND'],
      ['partner', 'FORBIDDEN'],
    ] as const) {
      expect(await refusedWith(OUTREACH, 'recordOutreachActivity', session, who)).toMatchObject({ code });
    }
  });
});

describe('re-integration mutations', () => {
  const person = { fullName: 'Trần Văn Thử', birthDate: '1995-04-02', citizenId: '000195123456', address: 'Số 9, ấp Thử' };
  it('opens a sealed case, adds a note, closes it; personal data never in errors or the audit log', async () => {
    const opened = await run(OPEN_CASE, {
      communeCode: COMMUNE,
      residentialAreaId: gid('ResidentialArea', AREA),
      ...person,
      offenceSummary: 'Trộm cắp tài sản',
      returnedOn: '2025-03-01',
      mentors: [{ kind: 'FAMILY', name: 'Trần Thị Mẹ' }],
    });
    expect(opened).toMatchObject({
      __typename: 'ReintegrationCase',
      status: 'ONGOING',
      fullName: person.fullName,
      citizenId: person.citizenId,
      offenceSummary: 'Trộm cắp tài sản',
      mentors: [{ kind: 'FAMILY', name: 'Trần Thị Mẹ' }],
    });
    const raw = await ctx.db.prisma.reintegrationCase.findFirstOrThrow({ where: { returnedOn: new Date('2025-03-01'), datasetId: null } });
    expect(raw.personCiphertext).not.toContain('Trần');
    const noted = await run(NOTE, { caseId: opened.id, notedOn: '2025-06-01', text: 'Đã có việc làm ổn định.' });
    expect(noted.notes).toEqual([{ notedOn: '2025-06-01', text: 'Đã có việc làm ổn định.' }]);
    expect(await refusedWith(NOTE, 'addProgressNote', { caseId: opened.id, notedOn: '2025-01-01', text: 'Trước khi về' })).toMatchObject({
      code: 'VALIDATION',
    });
    const assigned = await run(ASSIGN, {
      caseId: opened.id,
      version: 1,
      kind: 'SECURITY_TEAM',
      name: 'Tổ bảo vệ ANTT ấp Thử',
      assignedOn: '2025-04-01',
    });
    expect(assigned).toMatchObject({ version: 2, mentors: [{ kind: 'FAMILY' }, { kind: 'SECURITY_TEAM', name: 'Tổ bảo vệ ANTT ấp Thử' }] });
    const police = { caseId: opened.id, kind: 'POLICE', name: 'Công an xã' };
    const closing = { caseId: opened.id, closedOn: '2026-03-01' };
    await refusesEach([
      [ASSIGN, 'assignMentor', { ...police, version: 2, assignedOn: '2025-01-01' }, INVALID],
      [CLOSE_CASE, 'closeReintegrationCase', { ...closing, version: 7, outcome: 'COMPLETED' }, { code: 'CONFLICT', currentVersion: 2 }],
      [CLOSE_CASE, 'closeReintegrationCase', { ...closing, version: 2, outcome: 'ONGOING' }, INVALID],
    ]);
    const closed = await run(CLOSE_CASE, { ...closing, version: 2, outcome: 'COMPLETED' });
    expect(closed).toMatchObject({ status: 'COMPLETED', version: 3 });
    await refusesEach([
      [CLOSE_CASE, 'closeReintegrationCase', { caseId: opened.id, version: 3, outcome: 'REOFFENDED', closedOn: '2026-04-01' }, INVALID],
      [ASSIGN, 'assignMentor', { ...police, version: 3, assignedOn: '2026-04-01' }, INVALID],
    ]);
    const bad = await refusedWith(OPEN_CASE, 'openReintegrationCase', {
      communeCode: COMMUNE,
      ...person,
      citizenId: '12345',
      offenceSummary: 'x',
      returnedOn: '2025-03-01',
      mentors: [],
    });
    expect(bad.fields.map((f: any) => f.path.join('.')).sort()).toEqual(['input.citizenId', 'input.mentors']);
    const valid = {
      communeCode: COMMUNE,
      ...person,
      offenceSummary: 'x',
      returnedOn: '2025-03-01',
      mentors: [{ kind: 'FAMILY', name: 'M' }],
    };
    for (const [who, code] of [
      ['leader', 'FORBIDDEN'],
      ['national', 'FORBIDDEN'],
      ['otherCommune', 'NOT_FOUND'],
    ] as const) {
      expect(await refusedWith(OPEN_CASE, 'openReintegrationCase', valid, who)).toMatchObject({ code });
    }
    const log = JSON.stringify(await ctx.db.prisma.auditEntry.findMany({ where: { entity: 'ReintegrationCase' } }));
    expect(log).not.toMatch(/Trần|000195123456|Trộm|ổn định/);
    expect(JSON.stringify(bad)).not.toContain('12345');
  });
});
