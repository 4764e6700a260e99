/**
 * The year's assessment through GraphQL, on the Bình Phước demo: a residential area's
 * recognition of 2026 from the draft to the decision and its correction (draft → submit →
 * send back → resubmit → review with an adjustment → decide → correct), every refusal with
 * its code and bilingual message; a 2024 commune of Bình Phước (70) assessed late from
 * today's Đồng Nai (75) through the lineage; and the list of a year's assessments.
 */
import { GRADING_LEVELS } from '@antq/core';
import { seedDemo } from '@antq/db';
import ExcelJS from 'exceljs';
import { beforeAll, describe, expect, it } from 'vitest';
import { sealWith } from '../src/startup.js';
import { gid } from './support/ids.js';
import { TEST_SECRETS, tokenFor, usePreparedServer, type TestServer } from './support/server.js';

const ctx = usePreparedServer();
let server: TestServer;
const bearer = async (t: Promise<string>) => ({ authorization: `Bearer ${await t}` });
type Seat = 'leader' | 'otherLeader' | 'commune' | 'otherCommune' | 'province' | 'otherProvince' | 'national';
const as = {} as Record<Seat, Record<string, string>>;

const HERE = '25195';
let areaId = '';

const RESULT = `__typename
  ... on UserError { code message }
  ... on ValidationError { fields { path message } }
  ... on Assessment { id status version passed late lateReason revision criteria { criterion met evidence }
      steps { act status on reason adjusted } decision { number date issuer } corrects { id status } correctedBy { id } }`;

const FACTS = {
  resolutionOn: '2026-02-15',
  registeredOn: '2026-03-01',
  households: 412,
  householdsRegistered: 412,
  policiesImplemented: true,
  seriousEvents: [],
  evidence: [{ criterion: 'FIRST_QUARTER_RESOLUTION', text: 'Biên bản họp khu dân cư ngày 15/02/2026' }],
};

async function act(name: string, input: Record<string, unknown>, seat: Seat): Promise<any> {
  const inputType = `${name.charAt(0).toUpperCase()}${name.slice(1)}Input`;
  const body = await server.query<any>(
    `mutation($input: ${inputType}!) { ${name}(input: $input) { result { ${RESULT} } } }`,
    { input },
    as[seat],
  );
  expect(body.errors).toBeUndefined();
  return body.data[name].result;
}

beforeAll(async () => {
  server = ctx.server;
  await seedDemo(ctx.db, { seal: sealWith(TEST_SECRETS.dataKey) });
  const { prisma } = ctx.db;
  const [area, other] = await prisma.residentialAreaPlacement.findMany({
    where: { communeCode: HERE, validTo: null },
    orderBy: { residentialAreaId: 'asc' },
    take: 2,
  });
  areaId = area!.residentialAreaId;
  Object.assign(as, {
    leader: await bearer(tokenFor('AREA_LEADER', HERE, { areaId })),
    otherLeader: await bearer(tokenFor('AREA_LEADER', HERE, { areaId: other!.residentialAreaId })),
    commune: await bearer(tokenFor('COMMUNE_OFFICER', HERE)),
    otherCommune: await bearer(tokenFor('COMMUNE_OFFICER', '25210')),
    province: await bearer(tokenFor('PROVINCE_OFFICER', '75')),
    otherProvince: await bearer(tokenFor('PROVINCE_OFFICER', '01')),
    national: await bearer(tokenFor('NATIONAL', null)),
  });
});

describe('assessmentProgress on the demo’s 2024 assessments', () => {
  const PROGRESS = `query($unitCode: String!, $kind: AssessmentKind) { assessmentProgress(unitCode: $unitCode, year: 2024, kind: $kind) { unitsOn levels {
    unitKind dueBefore due notStarted drafted sentBack submitted reviewed decided submittedOnTime submittedLate overdue passed failed
    levels { level count } } } }`;

  /** The same figures, counted here from the rows: the demo's assessments, and the units that stood in the provinces `codes` on 2024-12-31. */
  async function expected(codes: string[], kind: 'RECOGNITION' | 'GRADING' = 'RECOGNITION') {
    const { prisma } = ctx.db;
    const end = new Date('2024-12-31T00:00:00Z');
    const heldOn = {
      AND: [{ OR: [{ validFrom: null }, { validFrom: { lte: end } }] }, { OR: [{ validTo: null }, { validTo: { gte: end } }] }],
    };
    const rows = (await prisma.assessment.findMany({ where: { year: 2024, kind, correctedBy: { is: null } } })).filter((a) =>
      a.placeCodes.some((c) => codes.includes(c)),
    );
    const districts = await prisma.adminUnit.findMany({ where: { AND: [heldOn, { level: 'DISTRICT', parentCode: { in: codes } }] } });
    const communes = await prisma.adminUnit.count({
      where: { AND: [heldOn, { level: 'COMMUNE', parentCode: { in: districts.map((d) => d.code) } }] },
    });
    const areas = (await prisma.residentialAreaPlacement.findMany({ where: heldOn })).filter((p) =>
      p.placeCodes.some((c) => codes.includes(c)),
    ).length;
    const of = (unitKind: string, due: number) => {
      const mine = rows.filter((a) => a.unitKind === unitKind);
      const n = (f: (a: (typeof mine)[number]) => boolean) => mine.filter(f).length;
      return {
        unitKind,
        due,
        notStarted: due - mine.length,
        drafted: n((a) => a.status === 'DRAFT'),
        sentBack: n((a) => a.status === 'SENT_BACK'),
        submitted: n((a) => a.status === 'SUBMITTED'),
        reviewed: n((a) => a.status === 'REVIEWED'),
        decided: n((a) => a.status === 'DECIDED'),
        submittedOnTime: n((a) => a.status !== 'DRAFT' && !a.late),
        submittedLate: n((a) => a.late),
        overdue: due - mine.length + n((a) => a.status === 'DRAFT'),
        passed: n((a) => a.status === 'DECIDED' && a.passed === true),
        failed: n((a) => a.status === 'DECIDED' && a.passed === false),
        levels: GRADING_LEVELS.map((level) => ({ level, count: n((a) => a.status === 'DECIDED' && a.level === level) })),
      };
    };
    return { area: of('RESIDENTIAL_AREA', areas), commune: of('COMMUNE', communes), districts: districts.length };
  }

  it('today’s Đồng Nai (75) counts the 2024 areas and communes of the Bình Phước it took in, in four statements', async () => {
    const { body, statements } = await ctx.server.queryCounting<any>(PROGRESS, { unitCode: '75' }, as.province);
    expect(body.errors).toBeUndefined();
    const { area, commune } = await expected(['70', '75']);
    expect(area).toMatchObject({ due: 866 });
    expect(area.decided).toBeGreaterThan(700);
    expect(area.submittedLate).toBeGreaterThan(20);
    expect(area.failed).toBeGreaterThan(5);
    const [areas, communes] = body.data.assessmentProgress.levels;
    expect(areas).toMatchObject({ ...area, dueBefore: '2024-11-20' });
    expect(communes).toMatchObject({ ...commune, dueBefore: '2024-11-30' });
    expect(body.data.assessmentProgress.levels.map((l: { unitKind: string }) => l.unitKind)).toEqual([
      'RESIDENTIAL_AREA',
      'COMMUNE',
      'AGENCY',
      'ENTERPRISE',
      'SCHOOL',
    ]);
    expect(statements.length).toBeLessThanOrEqual(4);
  });

  it('Bình Phước (70), which names no unit today, answers for the old province: the same assessments, its own 111 communes', async () => {
    const body = await server.query<any>(PROGRESS, { unitCode: '70' }, as.province);
    expect(body.errors).toBeUndefined();
    expect(body.data.assessmentProgress.unitsOn).toBe('2024-12-31');
    const { area, commune } = await expected(['70']);
    expect(commune.due).toBe(111);
    const [areas, communes] = body.data.assessmentProgress.levels;
    expect(areas).toMatchObject(area);
    expect(communes).toMatchObject(commune);
    const today = (await server.query<any>(PROGRESS, { unitCode: '75' }, as.province)).data.assessmentProgress.levels;
    expect({ ...today[0], unitKind: 'RESIDENTIAL_AREA' }).toEqual(areas);
  });

  it('the 2024 gradings (under the example configurations): the same counts by level as the rows, and the districts of Bình Phước due, none graded', async () => {
    const body = await server.query<any>(PROGRESS, { unitCode: '70', kind: 'GRADING' }, as.province);
    expect(body.errors).toBeUndefined();
    const { area, commune, districts } = await expected(['70'], 'GRADING');
    const [areas, communes, district] = body.data.assessmentProgress.levels;
    expect(areas).toMatchObject({ ...area, passed: 0, failed: 0 });
    expect(communes).toMatchObject(commune);
    expect(district).toMatchObject({ unitKind: 'DISTRICT', dueBefore: '2024-12-15', due: districts, notStarted: districts });
    expect(districts).toBe(11);
    // A realistic spread: every level reached by some areas, most of them good or excellent.
    const count = (l: string) => areas.levels.find((x: { level: string }) => x.level === l).count;
    for (const l of GRADING_LEVELS) expect(count(l), l).toBeGreaterThan(0);
    expect(count('EXCELLENT') + count('GOOD')).toBeGreaterThan(areas.decided / 2);
  });

  it.each([
    [2021, 'BEFORE_THE_RULES', 'not assessed under Circular 124/2021/TT-BCA'],
    [2027, 'YEAR_NOT_STARTED', 'The year 2027 has not begun'],
    [1711742899, 'YEAR_NOT_STARTED', 'The year 1711742899 has not begun'],
    [-981817800, 'BEFORE_THE_RULES', 'not assessed under Circular 124/2021/TT-BCA'],
  ])('refuses the year %i as the mutations do (%s), with no internal error', async (year, reason, en) => {
    const body = await server.query<any>(`{ assessmentProgress(unitCode: "75", year: ${year}) { unitsOn } }`, undefined, as.province);
    expect(body.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', reason, argument: 'year', value: year });
    expect(body.errors?.[0]?.message).toContain(en);
  });

  it('within the jurisdiction only: a commune officer reads their commune’s, not the province’s; Hà Nội’s officer nothing here', async () => {
    const own = await server.query<any>(PROGRESS, { unitCode: HERE }, as.commune);
    expect(own.errors).toBeUndefined();
    expect((await server.query<any>(PROGRESS, { unitCode: '75' }, as.commune)).errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    expect((await server.query<any>(PROGRESS, { unitCode: '75' }, as.otherProvince)).errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    expect((await server.query<any>(PROGRESS, { unitCode: '75' })).errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
  });
});

describe('the yearly report’s assessment section', () => {
  it('gives the decided recognitions of 2024 by kind of unit, as the rows do, in the report, its XLSX and its CSV', async () => {
    const decided = await ctx.db.prisma.assessment.groupBy({
      by: ['unitKind', 'passed'],
      where: { year: 2024, kind: 'RECOGNITION', status: 'DECIDED', placeCodes: { has: '70' }, correctedBy: { is: null } },
      _count: { _all: true },
    });
    const count = (unitKind: string, passed: boolean) =>
      decided.find((d) => d.unitKind === unitKind && d.passed === passed)?._count._all ?? 0;
    const report = async (language: string) => {
      const body = await server.query<any>(
        `{ movementReportData(unitCode: "70", from: "2024-01-01", to: "2024-12-31", language: ${language}) { sections { key sentences figures { key value breakdown { key value } } } } }`,
        undefined,
        as.province,
      );
      expect(body.errors).toBeUndefined();
      return body.data.movementReportData.sections.find((s: { key: string }) => s.key === 'assessments');
    };
    const section = await report('VI');
    const recognised = section.figures.find((f: { key: string }) => f.key === 'assessments.recognised');
    expect(recognised.breakdown.find((b: { key: string }) => b.key === 'RESIDENTIAL_AREA').value).toBe(count('RESIDENTIAL_AREA', true));
    expect(recognised.breakdown.find((b: { key: string }) => b.key === 'COMMUNE').value).toBe(count('COMMUNE', true));
    expect(section.figures.find((f: { key: string }) => f.key === 'assessments.notRecognised').value).toBe(
      count('RESIDENTIAL_AREA', false) + count('COMMUNE', false),
    );
    expect(section.sentences[0]).toContain(
      `Năm 2024, đã công nhận "An toàn về ANTT" ${recognised.value.toLocaleString('vi-VN')} đơn vị (khu dân cư: `,
    );
    expect((await report('EN')).sentences[0]).toContain(`For 2024, ${recognised.value.toLocaleString('en-GB')} units were recognised`);
    const csv = await (
      await server.yoga.fetch('http://antq.test/reports/movement.csv?unitCode=70&from=2024-01-01&to=2024-12-31', { headers: as.province })
    ).text();
    expect(csv).toContain('assessments.recognised');
    const xlsx = await server.yoga.fetch('http://antq.test/reports/movement.xlsx?unitCode=70&from=2024-01-01&to=2024-12-31', {
      headers: as.province,
    });
    expect(xlsx.status).toBe(200);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(await xlsx.arrayBuffer());
    let cell: unknown;
    wb.getWorksheet('Số liệu')!.eachRow((row) => {
      if (row.getCell(4).value === 'assessments.recognised') cell = row.getCell(5).value;
    });
    expect(cell).toBe(recognised.value);
  });
});

describe('a residential area’s recognition of 2026, from the draft to the decision', () => {
  let id = '';
  let version = 0;
  const next = <T extends { id: string; version: number }>(r: T): T => ((id = r.id), (version = r.version), r);
  const create = { kind: 'RECOGNITION', year: 2026, unitKind: 'RESIDENTIAL_AREA', recognition: FACTS };

  it('only the area’s own leader starts it: the commune is FORBIDDEN, another area’s leader finds no such area', async () => {
    const byCommune = await act('createAssessment', { ...create, residentialAreaId: gid('ResidentialArea', areaId) }, 'commune');
    expect(byCommune).toMatchObject({ __typename: 'ForbiddenError', code: 'FORBIDDEN' });
    expect(byCommune.message).toBe(
      'Chỉ trưởng khu dân cư có thẩm quyền mới được sửa bản đánh giá này. / Only the residential area’s leader with jurisdiction may edit this assessment.',
    );
    const byNeighbour = await act('createAssessment', { ...create, residentialAreaId: gid('ResidentialArea', areaId) }, 'otherLeader');
    expect(byNeighbour).toMatchObject({ __typename: 'NotFoundError', code: 'NOT_FOUND' });
  });

  it('the leader drafts it; core judges every criterion met', async () => {
    const draft = next(await act('createAssessment', { ...create, residentialAreaId: gid('ResidentialArea', areaId) }, 'leader'));
    expect(draft).toMatchObject({
      __typename: 'Assessment',
      status: 'DRAFT',
      passed: true,
      revision: 1,
      steps: [{ act: 'DRAFT', status: 'DRAFT' }],
    });
    expect(draft.criteria).toContainEqual({
      criterion: 'FIRST_QUARTER_RESOLUTION',
      met: true,
      evidence: 'Biên bản họp khu dân cư ngày 15/02/2026',
    });
    const again = await act('createAssessment', { ...create, residentialAreaId: gid('ResidentialArea', areaId) }, 'leader');
    expect(again).toMatchObject({ __typename: 'ValidationError', fields: [{ path: ['input', 'year'] }] });
  });

  it('submitted before 20 November it is on time; the commune sends it back only with a reason', async () => {
    next(await act('submitAssessment', { id, version }, 'leader'));
    const noReason = await act('sendBackAssessment', { id, version, reason: '  ' }, 'commune');
    expect(noReason).toMatchObject({ __typename: 'ValidationError', code: 'VALIDATION', fields: [{ path: ['input', 'reason'] }] });
    expect(noReason.message).toBe('Cần ghi lý do trả lại. / Give the reason for sending it back.');
    const back = next(await act('sendBackAssessment', { id, version, reason: 'Thiếu sổ đăng ký hộ gia đình' }, 'commune'));
    expect(back).toMatchObject({ status: 'SENT_BACK', late: false });
    expect(back.steps.at(-1)).toMatchObject({ act: 'SEND_BACK', status: 'SENT_BACK', reason: 'Thiếu sổ đăng ký hộ gia đình' });
  });

  it('the leader corrects the facts (one household not registered: not met) and submits again', async () => {
    const edited = next(await act('editAssessment', { id, version, recognition: { ...FACTS, householdsRegistered: 411 } }, 'leader'));
    expect(edited).toMatchObject({ status: 'SENT_BACK', passed: false });
    expect(edited.criteria).toContainEqual({ criterion: 'ALL_HOUSEHOLDS_REGISTERED', met: false, evidence: null });
    expect(next(await act('submitAssessment', { id, version }, 'leader'))).toMatchObject({ status: 'SUBMITTED' });
  });

  it('reviewed by the commune only: another commune finds nothing, the province may not, the leader may not', async () => {
    expect(await act('reviewAssessment', { id, version }, 'otherCommune')).toMatchObject({
      code: 'NOT_FOUND',
      message: 'Không tìm thấy bản đánh giá. / No such assessment.',
    });
    expect(await act('reviewAssessment', { id, version }, 'otherProvince')).toMatchObject({ code: 'NOT_FOUND' });
    const province = await act('reviewAssessment', { id, version }, 'province');
    expect(province).toMatchObject({ code: 'FORBIDDEN' });
    expect(province.message).toContain('Only a commune officer with jurisdiction may review this assessment.');
    expect(await act('reviewAssessment', { id, version }, 'leader')).toMatchObject({ code: 'FORBIDDEN' });
    const adjustWithoutReason = await act('reviewAssessment', { id, version, recognition: FACTS }, 'commune');
    expect(adjustWithoutReason.message).toBe('Điều chỉnh điểm hoặc số liệu cần ghi lý do. / Adjusting points or facts needs a reason.');
  });

  it('the commune reviews, adjusting the facts with a reason, and decides', async () => {
    const reviewed = next(
      await act('reviewAssessment', { id, version, recognition: FACTS, reason: 'Đã đối chiếu sổ hộ khẩu: đủ 412 hộ' }, 'commune'),
    );
    expect(reviewed).toMatchObject({ status: 'REVIEWED', passed: true });
    expect(reviewed.steps.at(-1)).toMatchObject({ act: 'REVIEW', adjusted: true, reason: 'Đã đối chiếu sổ hộ khẩu: đủ 412 hộ' });
    const stale = await act(
      'decideAssessment',
      { id, version: version - 1, decisionNumber: '215/QĐ-UBND', decisionDate: '2026-05-30', decisionIssuer: 'UBND phường' },
      'commune',
    );
    expect(stale).toMatchObject({ __typename: 'ConflictError', code: 'CONFLICT' });
    const future = await act(
      'decideAssessment',
      { id, version, decisionNumber: '215/QĐ-UBND', decisionDate: '2026-06-02', decisionIssuer: 'UBND phường' },
      'commune',
    );
    expect(future).toMatchObject({ code: 'VALIDATION', fields: [{ path: ['input', 'decisionDate'] }] });
    const decided = next(
      await act(
        'decideAssessment',
        { id, version, decisionNumber: '215/QĐ-UBND', decisionDate: '2026-05-30', decisionIssuer: 'Ủy ban nhân dân phường Bình Phước' },
        'commune',
      ),
    );
    expect(decided).toMatchObject({
      status: 'DECIDED',
      decision: { number: '215/QĐ-UBND', date: '2026-05-30', issuer: 'Ủy ban nhân dân phường Bình Phước' },
    });
    expect(decided.steps.map((s: { act: string }) => s.act)).toEqual([
      'DRAFT',
      'SUBMIT',
      'SEND_BACK',
      'DRAFT',
      'SUBMIT',
      'REVIEW',
      'DECIDE',
    ]);
  });

  it('a decided assessment never changes: edits, reviews and decisions are refused, and write nothing', async () => {
    const before = await ctx.db.prisma.assessment.findFirstOrThrow({ where: { residentialAreaId: areaId } });
    const edit = await act('editAssessment', { id, version, recognition: FACTS }, 'leader');
    expect(edit).toMatchObject({ code: 'VALIDATION' });
    expect(edit.message).toBe(
      'Bản đánh giá đã có quyết định nên không thể thay đổi: hãy ra quyết định đính chính. / The assessment is decided and cannot change: issue a correcting decision instead.',
    );
    expect(await act('sendBackAssessment', { id, version, reason: 'Xem lại' }, 'commune')).toMatchObject({ code: 'VALIDATION' });
    expect(await ctx.db.prisma.assessment.findFirstOrThrow({ where: { residentialAreaId: areaId } })).toEqual(before);
  });

  it('a correction is a new decision that names the one it corrects, which stays as it was', async () => {
    const decision = { decisionNumber: '230/QĐ-UBND', decisionDate: '2026-06-01', decisionIssuer: 'Ủy ban nhân dân phường Bình Phước' };
    expect(await act('correctAssessmentDecision', { id, version, ...decision, reason: ' ' }, 'commune')).toMatchObject({
      code: 'VALIDATION',
    });
    const corrected = await act('correctAssessmentDecision', { id, version, ...decision, reason: 'Sai số quyết định' }, 'commune');
    expect(corrected).toMatchObject({
      status: 'DECIDED',
      revision: 2,
      decision: { number: '230/QĐ-UBND' },
      corrects: { id, status: 'DECIDED' },
    });
    expect(corrected.steps).toEqual([
      { act: 'CORRECT', status: 'DECIDED', on: '2026-06-01', reason: 'Sai số quyết định', adjusted: false },
    ]);
    const old = await server.query<any>(
      `query($id: ID!) { node(id: $id) { ... on Assessment { revision correctedBy { id } decision { number } } } }`,
      { id },
      as.commune,
    );
    expect(old.data.node).toEqual({ revision: 1, correctedBy: { id: corrected.id }, decision: { number: '215/QĐ-UBND' } });
  });

  it('audits every act, refused or not, once', async () => {
    const rows = await ctx.db.prisma.auditEntry.groupBy({ by: ['action', 'outcome'], where: { entity: 'Assessment' }, _count: true });
    const count = (action: string, outcome: string) => rows.find((r) => r.action === action && r.outcome === outcome)?._count ?? 0;
    expect(count('decideAssessment', 'OK')).toBe(1);
    expect(count('decideAssessment', 'CONFLICT')).toBe(1);
    expect(count('reviewAssessment', 'FORBIDDEN')).toBe(2);
    expect(count('createAssessment', 'OK')).toBe(1);
  });
});

describe('a commune of Bình Phước (70) in 2024, assessed from today’s Đồng Nai (75)', () => {
  let id = '';
  let version = 0;
  let code = '';
  const facts = {
    ...FACTS,
    resolutionOn: '2024-01-20',
    planOn: '2024-02-01',
    registeredOn: '2024-03-10',
    effectiveModels: 3,
    policeDisciplined: 0,
    evidence: [],
  };

  it('its officer of today drafts it; submitted in 2026 it is late and needs a reason', async () => {
    const unit = await ctx.db.prisma.adminUnit.findFirstOrThrow({ where: { level: 'COMMUNE', code: HERE, validTo: { not: null } } });
    code = unit.code;
    // The demo has assessed it already: start again from none.
    await ctx.db.prisma.assessment.deleteMany({ where: { year: 2024, unitKind: 'COMMUNE', unitCode: code } });
    const draft = await act(
      'createAssessment',
      { kind: 'RECOGNITION', year: 2024, unitKind: 'COMMUNE', unitCode: code, recognition: facts },
      'commune',
    );
    expect(draft).toMatchObject({ status: 'DRAFT', passed: true });
    ({ id, version } = draft);
    const noReason = await act('submitAssessment', { id, version }, 'commune');
    expect(noReason.message).toBe(
      'Đã quá hạn gửi: cần ghi lý do gửi muộn. / The deadline has passed: give the reason for submitting late.',
    );
    const late = await act('submitAssessment', { id, version, reason: 'Số liệu 2024 nhập lại sau sắp xếp đơn vị hành chính' }, 'commune');
    expect(late).toMatchObject({ status: 'SUBMITTED', late: true, lateReason: 'Số liệu 2024 nhập lại sau sắp xếp đơn vị hành chính' });
    ({ version } = late);
  });

  it('the province reviews and decides it; the commune may not decide for itself', async () => {
    ({ version } = await act('reviewAssessment', { id, version }, 'province'));
    expect(
      await act('decideAssessment', { id, version, decisionNumber: '1/QĐ', decisionDate: '2026-05-01', decisionIssuer: 'UBND' }, 'commune'),
    ).toMatchObject({
      code: 'FORBIDDEN',
    });
    const decided = await act(
      'decideAssessment',
      { id, version, decisionNumber: '1520/QĐ-UBND', decisionDate: '2026-05-20', decisionIssuer: 'Ủy ban nhân dân tỉnh Đồng Nai' },
      'province',
    );
    expect(decided).toMatchObject({ status: 'DECIDED' });
  });

  it('is listed under 70 and today’s 75 for 2024 (not under the old Đồng Nai, 75 of 2024, nor Hà Nội), and overdue filters what is not submitted', async () => {
    const list = (unitCode: string, extra = '') =>
      server.query<any>(
        `{ assessments(unitCode: "${unitCode}", year: 2024, unitKind: COMMUNE, first: 5${extra}) { totalCount edges { node { id status unit { code } } } } }`,
        undefined,
        as.province,
      );
    const inBinhPhuoc = await ctx.db.prisma.assessment.count({ where: { year: 2024, unitKind: 'COMMUNE', placeCodes: { has: '70' } } });
    expect(inBinhPhuoc).toBeGreaterThan(100);
    for (const unitCode of ['70', '75']) {
      const body = await list(unitCode);
      expect(body.errors).toBeUndefined();
      expect(body.data.assessments.totalCount).toBe(inBinhPhuoc);
    }
    // 25195 today took in five communes of 2024; on 2024-12-31 it is the one assessed here.
    expect((await list(code, ', asOf: "2024-12-31"')).data.assessments.edges.map((e: any) => e.node)).toEqual([
      { id, status: 'DECIDED', unit: { code } },
    ]);
    const overdue = await ctx.db.prisma.assessment.count({
      where: { year: 2024, unitKind: 'COMMUNE', placeCodes: { has: '70' }, status: { in: ['DRAFT', 'SENT_BACK'] } },
    });
    expect((await list('70', ', overdue: true')).data.assessments.totalCount).toBe(overdue);
    const hanoi = await server.query<any>(`{ assessments(unitCode: "01", year: 2024) { totalCount } }`, undefined, as.province);
    expect(hanoi.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    expect((await list('75', ', asOf: "2024-12-31"')).data.assessments.totalCount).toBe(0);
  });
});

describe('grading configurations as data', () => {
  const config = {
    id: 'communes-2026',
    source: 'QĐ 510/QĐ-BCA-V05 — cấu hình thử cho xã, phường',
    unitKinds: ['COMMUNE'],
    effectiveFrom: '2026-01-01',
    criteria: [
      {
        kind: 'YES_NO',
        code: 'Q1_RESOLUTION_AND_PLAN',
        labelVi: 'Có nghị quyết, kế hoạch quý I',
        labelEn: 'First-quarter resolution and plan',
        points: 3,
      },
      { kind: 'SCORED', code: 'OTHER', labelVi: 'Các tiêu chí khác', labelEn: 'Other criteria', maxPoints: 7 },
    ],
    excellentAtLeast: 9,
    goodAtLeast: 7,
    averageAtLeast: 5,
  };
  const SET = `mutation($input: SetGradingConfigurationInput!) { setGradingConfiguration(input: $input) { result {
    __typename ... on UserError { code message } ... on ValidationError { fields { path message } } ... on GradingConfiguration { id version } } } }`;
  const set = async (input: object, seat: Seat) => (await server.query<any>(SET, { input }, as[seat])).data.setGradingConfiguration.result;

  it('only national administrators set one, and it must be valid', async () => {
    expect(await set(config, 'province')).toMatchObject({ code: 'FORBIDDEN' });
    const rising = await set({ ...config, goodAtLeast: 10 }, 'national');
    expect(rising).toMatchObject({
      code: 'VALIDATION',
      fields: [{ path: ['input', 'cutoffs'], message: 'cut-offs must not rise from EXCELLENT to AVERAGE' }],
    });
    expect(await set(config, 'national')).toEqual({ __typename: 'GradingConfiguration', id: 'communes-2026', version: 1 });
    expect(await set(config, 'national')).toMatchObject({ code: 'VALIDATION', fields: [{ path: ['input', 'version'] }] });
    const listed = await server.query<any>(`{ gradingConfigurations { id version cutoffs { level atLeast } } }`);
    expect(listed.data.gradingConfigurations.map((c: { id: string; version: number }) => [c.id, c.version])).toEqual([
      ['communes-2026', 1],
      ['example-agency-2022', 0],
      ['example-area-2022', 0],
      ['example-commune-2022', 0],
    ]);
  });

  it('a change after a decision leaves the decided points and level as they were', async () => {
    const grading = [
      { criterion: 'Q1_RESOLUTION_AND_PLAN', met: true },
      { criterion: 'OTHER', points: 5 },
    ];
    const GRADED = `__typename ... on UserError { code message } ... on Assessment { id version total maxTotal level gradingConfigId status }`;
    const run = async (name: string, input: object, seat: Seat) =>
      (
        await server.query<any>(
          `mutation($input: ${name[0]!.toUpperCase()}${name.slice(1)}Input!) { ${name}(input: $input) { result { ${GRADED} } } }`,
          { input },
          as[seat],
        )
      ).data[name].result;
    let a = await run('createAssessment', { kind: 'GRADING', year: 2026, unitKind: 'COMMUNE', unitCode: HERE, grading }, 'commune');
    expect(a).toMatchObject({ total: 8, maxTotal: 10, level: 'GOOD', gradingConfigId: 'communes-2026', status: 'DRAFT' });
    a = await run('submitAssessment', { id: a.id, version: a.version }, 'commune');
    a = await run('reviewAssessment', { id: a.id, version: a.version }, 'province');
    a = await run(
      'decideAssessment',
      {
        id: a.id,
        version: a.version,
        decisionNumber: '1600/QĐ-UBND',
        decisionDate: '2026-06-01',
        decisionIssuer: 'Ủy ban nhân dân tỉnh Đồng Nai',
      },
      'province',
    );
    expect(a).toMatchObject({ status: 'DECIDED', level: 'GOOD' });
    const good = await server.query<any>(
      `{ assessments(unitCode: "${HERE}", year: 2026, kind: GRADING, level: GOOD) { totalCount } }`,
      undefined,
      as.province,
    );
    expect(good.data.assessments.totalCount).toBe(1);
    expect(await set({ ...config, version: 1, excellentAtLeast: 10, goodAtLeast: 9, averageAtLeast: 8 }, 'national')).toMatchObject({
      version: 2,
    });
    const after = await server.query<any>(
      `query($id: ID!) { node(id: $id) { ... on Assessment { total level gradingConfigId } } }`,
      { id: a.id },
      as.commune,
    );
    expect(after.data.node).toEqual({ total: 8, level: 'GOOD', gradingConfigId: 'communes-2026' });
    // Graded now, the same points fall under the new cut-offs.
    const now = await run(
      'createAssessment',
      { kind: 'GRADING', year: 2026, unitKind: 'COMMUNE', unitCode: '25210', grading },
      'otherCommune',
    );
    expect(now).toMatchObject({ total: 8, level: 'AVERAGE', gradingConfigId: 'communes-2026' });
  });

  it('an old-era district of Bình Phước is graded for 2024 under the example for communes and districts; none is after 2025-07-01', async () => {
    const district = await ctx.db.prisma.adminUnit.findFirstOrThrow({
      where: { level: 'DISTRICT', parentCode: '70' },
      orderBy: { code: 'asc' },
    });
    const grading = [
      { criterion: 'Q1_RESOLUTION_AND_PLAN', met: true },
      { criterion: 'AREAS_RECOGNISED', part: 70, whole: 80 },
      { criterion: 'AREAS_WITH_EFFECTIVE_MODEL', part: 50, whole: 80 },
      { criterion: 'OTHER_CRITERIA', points: 2 },
    ];
    const graded = await act(
      'createAssessment',
      { kind: 'GRADING', year: 2024, unitKind: 'DISTRICT', unitCode: district.code, grading },
      'province',
    );
    expect(graded).toMatchObject({ __typename: 'Assessment', status: 'DRAFT' });
    const row = await ctx.db.prisma.assessment.findFirstOrThrow({ where: { kind: 'GRADING', year: 2024, unitCode: district.code } });
    // 3 + 3 (87.5% ≥ 80%) + 0 (62.5% < 70%) + 2 = 8 of 10: GOOD.
    expect(row).toMatchObject({ unitKind: 'DISTRICT', gradingConfigId: 'example-commune-2022', total: 8, maxTotal: 10, level: 'GOOD' });
    const late = await act(
      'createAssessment',
      { kind: 'GRADING', year: 2025, unitKind: 'DISTRICT', unitCode: district.code, grading },
      'province',
    );
    expect(late).toMatchObject({ code: 'VALIDATION' });
  });
});
