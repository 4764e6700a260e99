/**
 * The access matrix: every viewer × every protected resource and operation the API has,
 * decided by @antq/core's ACCESS_POLICY (the one declaration) and then tried for real
 * through GraphQL. A cell passes when the API allows exactly what the policy allows, and
 * no answer to a viewer who may not see the informant's contact contains it. The table is
 * printed with the results.
 */
import { assessmentActor, authorize, type Operation, type Placement, type Resource, type Viewer } from '@antq/core';
import { seedDemo } from '@antq/db';
import { beforeAll, describe, expect, it } from 'vitest';
import { issueApiKey } from '../src/auth/api-keys.js';
import { sealWith } from '../src/startup.js';
import { TEST_SECRETS, tokenFor, usePreparedServer, type TestServer } from './support/server.js';

const ctx = usePreparedServer();
let server: TestServer;

const HERE = '25195'; // Phường Bình Phước, Thành phố Đồng Nai (75)
const CONTACT = 'Phạm Thị Lan, 0909 111 222';

interface Seat {
  readonly name: string;
  readonly viewer: Viewer;
  headers: Record<string, string>;
}

const officer = (role: Extract<Viewer, { kind: 'OFFICER' }>['role'], unitCode: string | null, areaId: string | null = null): Viewer => ({
  kind: 'OFFICER',
  role,
  unitCode,
  areaId,
  subject: 'matrix',
});
const SEATS: Seat[] = [
  { name: 'public', viewer: { kind: 'ANONYMOUS' }, headers: {} },
  {
    name: 'partner (all scopes)',
    viewer: {
      kind: 'PARTNER',
      keyId: '',
      name: '',
      scopes: ['read:aggregates', 'read:catalogues', 'read:areas', 'read:models'],
      unitCode: null,
    },
    headers: {},
  },
  { name: 'national', viewer: officer('NATIONAL', null), headers: {} },
  { name: 'province 75 (in)', viewer: officer('PROVINCE_OFFICER', '75'), headers: {} },
  { name: 'province 01 (out)', viewer: officer('PROVINCE_OFFICER', '01'), headers: {} },
  { name: 'commune 25195 (in)', viewer: officer('COMMUNE_OFFICER', HERE), headers: {} },
  { name: 'commune 25210 (out)', viewer: officer('COMMUNE_OFFICER', '25210'), headers: {} },
  // Its area is set once the demo data is loaded (below): a real area of 25195.
  { name: 'area leader in 25195', viewer: officer('AREA_LEADER', HERE, 'area-1'), headers: {} },
  { name: 'leader of another area', viewer: officer('AREA_LEADER', HERE, 'area-2'), headers: {} },
];

interface Cell {
  readonly resource: Resource;
  readonly operation: Operation;
  readonly placement: Placement;
  /** A rule of core's the act must meet beyond the policy (an assessment's step is one role's: assessmentActor). */
  readonly also?: (viewer: Viewer) => boolean;
  /** Tries the operation as `headers`; true when it went through, with the answer's text. */
  readonly attempt: (headers: Record<string, string>) => Promise<{ done: boolean; text: string }>;
}

let tipId = '';
// A person of influence in the area (for RECOGNITION), and how many partners were added.
let influentialId = '';
let partners = 0;
// A demo residential area in HERE with a model that records its members, and its model.
let areaId = '';
let modelId = '';
let modelTypeId = '';
let areaCodes: string[] = [];
let rawAreaId = '';
// The demo's security team that covers that area, where the team's members are read and changed.
let teamId = '';
let rawTeamId = '';
let teamCodes: string[] = [];
const TEAM_PLACEMENT: Placement = {
  get unitCodes() {
    return teamCodes;
  },
  get areaId() {
    return rawAreaId;
  },
};
/** Where the area is: its commune and the units above it today, and the area itself (for area leaders). */
const AREA_PLACEMENT: Placement = {
  get unitCodes() {
    return areaCodes;
  },
  get areaId() {
    return rawAreaId;
  },
};
// An inspection, an outreach session and a re-integration case filed in that area (made once the demo is loaded).
let inspectionId = '';
// An assessment of that area's 2025 recognition (made once the demo is loaded).
let assessmentId = '';
let outreachId = '';
let caseId = '';
const CASE_NAME = 'Đinh Văn Ma Trận';
const nationalHeaders = () => SEATS.find((s) => s.name === 'national')!.headers;
const areaVersion = async () =>
  (await server.query<any>(`query($id: ID!) { node(id: $id) { ... on ResidentialArea { version } } }`, { id: areaId }, nationalHeaders()))
    .data.node.version;

const CELLS: Cell[] = [
  {
    resource: 'ADMIN_UNIT',
    operation: 'READ',
    placement: { unitCodes: [HERE, '75'] },
    attempt: async (h) => {
      const r = await server.query<any>(`{ adminUnit(code: "${HERE}") { code } }`, undefined, h);
      return { done: r.data?.adminUnit?.code === HERE, text: JSON.stringify(r) };
    },
  },
  {
    resource: 'TIP',
    operation: 'READ',
    placement: { unitCodes: [HERE, '75'] },
    attempt: async (h) => {
      const byId = await server.query<any>(`query($id: ID!) { node(id: $id) { ... on Tip { number text } } }`, { id: tipId }, h);
      const list = await server.query<any>(`{ tips(first: 100) { edges { node { id } } } }`, undefined, h);
      const listed = !!list.data?.tips.edges.some((e: any) => e.node.id === tipId);
      expect(!!byId.data?.node).toBe(listed); // the two paths agree
      return { done: listed, text: JSON.stringify([byId, list]) };
    },
  },
  {
    resource: 'TIP',
    operation: 'WRITE',
    placement: { unitCodes: [HERE, '75'] },
    attempt: async (h) => {
      const r = await server.query<any>(
        `mutation($i: ReplyToTipInput!) { replyToTip(input: $i) { result { __typename } } }`,
        { i: { tipId, text: 'Đã nhận.' } },
        h,
      );
      return { done: r.data?.replyToTip?.result.__typename === 'Tip', text: JSON.stringify(r) };
    },
  },
  {
    resource: 'TIP',
    operation: 'REVEAL',
    placement: { unitCodes: [HERE, '75'] },
    attempt: async (h) => {
      const r = await server.query<any>(
        `mutation($i: RevealTipInformantInput!) { revealTipInformant(input: $i) { result { __typename ... on RevealedInformant { contact } } } }`,
        { i: { tipId, reason: 'Ma trận phân quyền: kiểm tra quyền xem danh tính.' } },
        h,
      );
      return { done: r.data?.revealTipInformant?.result.contact === CONTACT, text: JSON.stringify(r) };
    },
  },
  {
    resource: 'RESIDENTIAL_AREA',
    operation: 'READ',
    placement: AREA_PLACEMENT,
    attempt: async (h) => {
      const r = await server.query<any>(`query($id: ID!) { node(id: $id) { ... on ResidentialArea { name } } }`, { id: areaId }, h);
      return { done: !!r.data?.node?.name, text: JSON.stringify(r) };
    },
  },
  {
    resource: 'RESIDENTIAL_AREA',
    operation: 'WRITE',
    placement: AREA_PLACEMENT,
    attempt: async (h) => {
      const r = await server.query<any>(
        `mutation($i: UpdateResidentialAreaInput!) { updateResidentialArea(input: $i) { result { __typename } } }`,
        { i: { id: areaId, version: await areaVersion(), residents: 1000 + Math.floor(Math.random() * 1000) } },
        h,
      );
      return { done: r.data?.updateResidentialArea?.result.__typename === 'ResidentialArea', text: JSON.stringify(r) };
    },
  },
  {
    resource: 'MODEL',
    operation: 'READ',
    placement: AREA_PLACEMENT,
    attempt: async (h) => {
      const r = await server.query<any>(`query($id: ID!) { node(id: $id) { ... on Model { name } } }`, { id: modelId }, h);
      return { done: !!r.data?.node?.name, text: JSON.stringify(r) };
    },
  },
  {
    resource: 'MODEL',
    operation: 'WRITE',
    placement: AREA_PLACEMENT,
    attempt: async (h) => {
      const r = await server.query<any>(
        `mutation($i: CreateModelInput!) { createModel(input: $i) { result { __typename } } }`,
        {
          i: {
            name: 'Tổ liên gia tự quản (ma trận)',
            modelTypeId,
            residentialAreaId: areaId,
            foundedOn: '2026-05-01',
            builtBy: 'RESIDENTS',
          },
        },
        h,
      );
      return { done: r.data?.createModel?.result.__typename === 'Model', text: JSON.stringify(r) };
    },
  },
  {
    resource: 'TEAM_MEMBER',
    operation: 'READ',
    placement: TEAM_PLACEMENT,
    attempt: async (h) => {
      const r = await server.query<any>(
        `query($id: ID!) { node(id: $id) { ... on SecurityTeam { members(first: 20) { totalCount } } } }`,
        { id: teamId },
        h,
      );
      return { done: (r.data?.node?.members.totalCount ?? 0) > 0, text: JSON.stringify(r) };
    },
  },
  {
    resource: 'TEAM_MEMBER',
    operation: 'WRITE',
    placement: TEAM_PLACEMENT,
    attempt: async (h) => {
      // Each attempt records that a member still in the team left (a real change, audited).
      const member = await ctx.db.prisma.teamMember.findFirstOrThrow({
        where: { teamId: rawTeamId, leftOn: null, role: 'MEMBER' },
        orderBy: { id: 'asc' },
      });
      const { version } = await ctx.db.prisma.securityTeam.findUniqueOrThrow({ where: { id: rawTeamId } });
      const r = await server.query<any>(
        `mutation($i: RemoveTeamMemberInput!) { removeTeamMember(input: $i) { result { __typename } } }`,
        { i: { memberId: Buffer.from(`TeamMember:${member.id}`).toString('base64'), teamVersion: version, leftOn: '2026-05-31' } },
        h,
      );
      return { done: r.data?.removeTeamMember?.result.__typename === 'SecurityTeam', text: JSON.stringify(r) };
    },
  },
  {
    resource: 'TEAM_MEMBER',
    operation: 'READ_PERSONAL',
    placement: AREA_PLACEMENT,
    attempt: async (h) => {
      const r = await server.query<any>(
        `query($id: ID!) { node(id: $id) { ... on Model { members(first: 50) { edges { node { citizenId phone } } } } } }`,
        { id: modelId },
        h,
      );
      const members = r.data?.node?.members.edges.map((e: any) => e.node) ?? [];
      return { done: members.some((m: any) => m.citizenId !== null || m.phone !== null), text: JSON.stringify(r) };
    },
  },
  {
    resource: 'INSPECTION',
    operation: 'READ',
    placement: AREA_PLACEMENT,
    attempt: async (h) => {
      const r = await server.query<any>(
        `query($id: ID!) { node(id: $id) { ... on Inspection { status followUps { id } } } }`,
        { id: inspectionId },
        h,
      );
      return { done: !!r.data?.node?.status, text: JSON.stringify(r) };
    },
  },
  {
    resource: 'INSPECTION',
    operation: 'WRITE',
    placement: AREA_PLACEMENT,
    attempt: async (h) => {
      const r = await server.query<any>(
        `mutation($i: PlanInspectionInput!) { planInspection(input: $i) { result { __typename } } }`,
        { i: { subjectKind: 'RESIDENTIAL_AREA', subjectId: areaId, kind: 'PLANNED', plannedOn: '2026-06-20', team: ['Ma trận'] } },
        h,
      );
      return { done: r.data?.planInspection?.result.__typename === 'Inspection', text: JSON.stringify(r) };
    },
  },
  {
    resource: 'OUTREACH',
    operation: 'READ',
    placement: AREA_PLACEMENT,
    attempt: async (h) => {
      const r = await server.query<any>(`query($id: ID!) { node(id: $id) { ... on OutreachActivity { topic } } }`, { id: outreachId }, h);
      return { done: !!r.data?.node?.topic, text: JSON.stringify(r) };
    },
  },
  {
    resource: 'OUTREACH',
    operation: 'WRITE',
    placement: AREA_PLACEMENT,
    attempt: async (h) => {
      const r = await server.query<any>(
        `mutation($i: RecordOutreachActivityInput!) { recordOutreachActivity(input: $i) { result { __typename } } }`,
        {
          i: {
            communeCode: HERE,
            residentialAreaId: areaId,
            heldOn: '2026-05-20',
            form: 'LOUDSPEAKER',
            audiences: ['RESIDENTS'],
            participants: 300,
            topic: 'Ma trận',
          },
        },
        h,
      );
      return { done: r.data?.recordOutreachActivity?.result.__typename === 'OutreachActivity', text: JSON.stringify(r) };
    },
  },
  {
    resource: 'REINTEGRATION_CASE',
    operation: 'READ',
    placement: AREA_PLACEMENT,
    attempt: async (h) => {
      const byId = await server.query<any>(
        `query($id: ID!) { node(id: $id) { ... on ReintegrationCase { status fullName } } }`,
        { id: caseId },
        h,
      );
      const list = await server.query<any>(
        `{ reintegrationCases(unitCode: "${HERE}", first: 100) { edges { node { id } } } }`,
        undefined,
        h,
      );
      const listed = !!list.data?.reintegrationCases?.edges.some((e: any) => e.node.id === caseId);
      expect(!!byId.data?.node).toBe(listed);
      return { done: listed, text: JSON.stringify([byId, list]) };
    },
  },
  {
    resource: 'REINTEGRATION_CASE',
    operation: 'READ_PERSONAL',
    placement: AREA_PLACEMENT,
    attempt: async (h) => {
      const r = await server.query<any>(
        `query($id: ID!) { node(id: $id) { ... on ReintegrationCase { fullName citizenId offenceSummary notes { text } } } }`,
        { id: caseId },
        h,
      );
      return { done: r.data?.node?.fullName === CASE_NAME, text: JSON.stringify(r) };
    },
  },
  {
    resource: 'REINTEGRATION_CASE',
    operation: 'WRITE',
    placement: AREA_PLACEMENT,
    attempt: async (h) => {
      const r = await server.query<any>(
        `mutation($i: AddProgressNoteInput!) { addProgressNote(input: $i) { result { __typename } } }`,
        { i: { caseId, notedOn: '2026-05-20', text: 'Ma trận: ghi nhận tiến bộ.' } },
        h,
      );
      return { done: r.data?.addProgressNote?.result.__typename === 'ReintegrationCase', text: JSON.stringify(r) };
    },
  },
  {
    resource: 'AUDIT_LOG',
    operation: 'READ',
    placement: { unitCodes: [HERE, '75'] },
    attempt: async (h) => {
      const r = await server.query<any>(
        `query($id: String) { auditLog(filter: { entityId: $id }, first: 5) { totalCount } }`,
        { id: tipId },
        h,
      );
      return { done: (r.data?.auditLog?.totalCount ?? 0) > 0, text: JSON.stringify(r) };
    },
  },
  // Recognition (issue #8): a person of influence and a key area in HERE (made below), the model's partners, HERE's report.
  {
    resource: 'RECOGNITION',
    operation: 'READ',
    placement: {
      get unitCodes() {
        return areaCodes;
      },
    },
    attempt: async (h) => {
      const r = await server.query<any>(
        `query($id: ID!) { node(id: $id) { ... on InfluentialPerson { role } } }`,
        { id: influentialId },
        h,
      );
      return { done: !!r.data?.node?.role, text: JSON.stringify(r) };
    },
  },
  {
    resource: 'RECOGNITION',
    operation: 'READ_PERSONAL',
    placement: {
      get unitCodes() {
        return areaCodes;
      },
    },
    attempt: async (h) => {
      const r = await server.query<any>(
        `query($id: ID!) { node(id: $id) { ... on InfluentialPerson { fullName } } }`,
        { id: influentialId },
        h,
      );
      return { done: r.data?.node?.fullName === 'Thích Minh Ma Trận', text: JSON.stringify(r) };
    },
  },
  {
    resource: 'RECOGNITION',
    operation: 'WRITE',
    placement: {
      get unitCodes() {
        return areaCodes;
      },
    },
    attempt: async (h) => {
      const r = await server.query<any>(
        `mutation($i: AddModelPartnerInput!) { addModelPartner(input: $i) { result { __typename } } }`,
        { i: { modelId, partnerKind: 'YOUTH_UNION', name: `Đoàn Thanh niên ma trận ${++partners}`, validFrom: '2026-01-01' } },
        h,
      );
      return { done: r.data?.addModelPartner?.result.__typename === 'AddedModelPartner', text: JSON.stringify(r) };
    },
  },
  {
    resource: 'KEY_AREA',
    operation: 'READ',
    placement: { unitCodes: [HERE, '75'] },
    attempt: async (h) => {
      const r = await server.query<any>(`{ keyAreas(unitCode: "${HERE}", asOf: "2026-05-01") { totalCount } }`, undefined, h);
      return { done: (r.data?.keyAreas?.totalCount ?? 0) > 0, text: JSON.stringify(r) };
    },
  },
  {
    resource: 'KEY_AREA',
    operation: 'WRITE',
    placement: { unitCodes: [HERE, '75'] },
    attempt: async (h) => {
      const r = await server.query<any>(
        `mutation($i: FlagKeyAreaInput!) { flagKeyArea(input: $i) { result { __typename } } }`,
        { i: { unitCode: HERE, category: 'CRIME', reason: 'Ma trận phân quyền.', validFrom: '2026-02-01' } },
        h,
      );
      return { done: r.data?.flagKeyArea?.result.__typename === 'KeyArea', text: JSON.stringify(r) };
    },
  },
  {
    resource: 'MOVEMENT_REPORT',
    operation: 'READ',
    placement: { unitCodes: [HERE, '75'] },
    attempt: async (h) => {
      const r = await server.query<any>(
        `{ movementReportData(unitCode: "${HERE}", from: "2026-01-01", to: "2026-05-01") { sections { key } } }`,
        undefined,
        h,
      );
      return { done: (r.data?.movementReportData?.sections.length ?? 0) > 0, text: JSON.stringify(r) };
    },
  },
  {
    resource: 'ASSESSMENT',
    operation: 'READ',
    placement: AREA_PLACEMENT,
    attempt: async (h) => {
      const r = await server.query<any>(`query($id: ID!) { node(id: $id) { ... on Assessment { year } } }`, { id: assessmentId }, h);
      return { done: r.data?.node?.year === 2025, text: JSON.stringify(r) };
    },
  },
  {
    resource: 'ASSESSMENT',
    operation: 'WRITE',
    placement: AREA_PLACEMENT,
    also: (v) => v.kind === 'OFFICER' && v.role === assessmentActor('RESIDENTIAL_AREA', 'DRAFT'),
    attempt: async (h) => {
      const r = await server.query<any>(
        `mutation($i: CreateAssessmentInput!) { createAssessment(input: $i) { result { __typename } } }`,
        {
          i: {
            kind: 'RECOGNITION',
            year: 2026,
            unitKind: 'RESIDENTIAL_AREA',
            residentialAreaId: areaId,
            recognition: {
              resolutionOn: '2026-01-10',
              registeredOn: '2026-01-10',
              households: 1,
              householdsRegistered: 1,
              policiesImplemented: true,
              seriousEvents: [],
            },
          },
        },
        h,
      );
      return { done: r.data?.createAssessment?.result.__typename === 'Assessment', text: JSON.stringify(r) };
    },
  },
  {
    resource: 'GRADING_CONFIG',
    operation: 'READ',
    placement: { unitCodes: [] },
    attempt: async (h) => {
      const r = await server.query<any>(`{ gradingConfigurations { id } }`, undefined, h);
      return { done: (r.data?.gradingConfigurations?.length ?? 0) > 0, text: JSON.stringify(r) };
    },
  },
  {
    resource: 'GRADING_CONFIG',
    operation: 'WRITE',
    placement: { unitCodes: [] },
    attempt: async (h) => {
      const r = await server.query<any>(
        `mutation($i: SetGradingConfigurationInput!) { setGradingConfiguration(input: $i) { result { __typename } } }`,
        {
          i: {
            id: 'matrix',
            source: 'Ma trận',
            unitKinds: ['SCHOOL'],
            criteria: [{ kind: 'SCORED', code: 'ALL', labelVi: 'Tất cả', labelEn: 'All', maxPoints: 10 }],
            excellentAtLeast: 9,
            goodAtLeast: 7,
            averageAtLeast: 5,
          },
        },
        h,
      );
      return { done: r.data?.setGradingConfiguration?.result.__typename === 'GradingConfiguration', text: JSON.stringify(r) };
    },
  },
];

beforeAll(async () => {
  server = ctx.server;
  for (const seat of SEATS) {
    if (seat.viewer.kind === 'OFFICER') {
      seat.headers = {
        authorization: `Bearer ${await tokenFor(seat.viewer.role, seat.viewer.unitCode, { areaId: seat.viewer.areaId ?? undefined })}`,
      };
    } else if (seat.viewer.kind === 'PARTNER') {
      const key = await issueApiKey(ctx.db.prisma, { name: 'Matrix partner', scopes: [...seat.viewer.scopes], issuedBy: 'test' });
      seat.headers = { 'x-api-key': key.key };
    }
  }
  const receipt = await server.query<any>(
    `mutation($i: SubmitTipInput!) { submitTip(input: $i) { result { ... on TipReceipt { tipNumber } } } }`,
    {
      i: { category: 'DRUGS', unitCode: HERE, text: 'Ma trận: một tin báo để thử quyền.', contact: CONTACT },
    },
  );
  const national = nationalHeaders();
  const list = await server.query<any>(`{ tips(first: 100) { edges { node { id number } } } }`, undefined, national);
  tipId = list.data.tips.edges.find((e: any) => e.node.number === receipt.data.submitTip.result.tipNumber).node.id;

  // The demo places its areas in Đồng Nai's communes today: take a model with members in one of HERE's areas.
  await seedDemo(ctx.db);
  const member = await ctx.db.prisma.modelMember.findFirstOrThrow({
    where: { citizenId: { not: null }, model: { residentialArea: { placements: { some: { communeCode: HERE, validTo: null } } } } },
    include: { model: true },
  });
  const placement = await ctx.db.prisma.residentialAreaPlacement.findFirstOrThrow({
    where: { residentialAreaId: member.model.residentialAreaId!, validTo: null },
  });
  areaCodes = placement.placeCodes;
  rawAreaId = member.model.residentialAreaId!;
  areaId = Buffer.from(`ResidentialArea:${member.model.residentialAreaId}`).toString('base64');
  modelId = Buffer.from(`Model:${member.modelId}`).toString('base64');
  modelTypeId = member.model.modelTypeId;
  const team = await ctx.db.prisma.securityTeam.findFirstOrThrow({ where: { areas: { some: { residentialAreaId: rawAreaId } } } });
  // Enough members for every seat that may remove one.
  const extra = await ctx.db.prisma.teamMember.findFirstOrThrow({ where: { teamId: team.id } });
  await ctx.db.prisma.teamMember.createMany({
    data: Array.from({ length: 10 }, (_, i) => ({
      ...extra,
      id: undefined,
      role: 'MEMBER' as const,
      fullName: `Thành viên ma trận ${i}`,
      citizenId: null,
      leftOn: null,
    })),
  });
  const person = await ctx.db.prisma.influentialPerson.create({
    data: {
      kind: 'RELIGIOUS_DIGNITARY',
      fullName: 'Thích Minh Ma Trận',
      role: 'Trụ trì chùa',
      religion: 'BUDDHISM',
      residentialAreaId: rawAreaId,
      communeCode: HERE,
      placeCodes: areaCodes,
      validFrom: new Date('2025-08-01'),
    },
  });
  influentialId = Buffer.from(`InfluentialPerson:${person.id}`).toString('base64');
  const commune = await ctx.db.prisma.adminUnit.findFirstOrThrow({ where: { code: HERE, validTo: null } });
  await ctx.db.prisma.keyArea.create({
    data: {
      unitId: commune.id,
      unitCode: HERE,
      placeCodes: [HERE, '75'],
      category: 'RELIGION',
      reason: 'Ma trận.',
      validFrom: new Date('2026-01-01'),
    },
  });
  rawTeamId = team.id;
  teamId = Buffer.from(`SecurityTeam:${team.id}`).toString('base64');
  teamCodes = team.placeCodes;
  // An inspection, an outreach session and a re-integration case (sealed) filed in that area.
  const where = { placeCodes: areaCodes, residentialAreaId: rawAreaId };
  const inspection = await ctx.db.prisma.inspection.create({
    data: {
      ...where,
      kind: 'PLANNED',
      subjectKind: 'RESIDENTIAL_AREA',
      unitId: placement.communeId,
      unitCode: HERE,
      plannedOn: new Date('2026-05-15'),
      team: ['Ma trận'],
    },
  });
  inspectionId = Buffer.from(`Inspection:${inspection.id}`).toString('base64');
  const assessment = await ctx.db.prisma.assessment.create({
    data: {
      ...where,
      kind: 'RECOGNITION',
      year: 2025,
      unitKind: 'RESIDENTIAL_AREA',
      unitId: placement.communeId,
      unitCode: HERE,
      subjectKey: `area:${rawAreaId}`,
      facts: {},
      ruleVersion: 'Ma trận',
    },
  });
  assessmentId = Buffer.from(`Assessment:${assessment.id}`).toString('base64');
  const outreach = await ctx.db.prisma.outreachActivity.create({
    data: {
      ...where,
      communeId: placement.communeId,
      communeCode: HERE,
      heldOn: new Date('2026-05-10'),
      form: 'MEETING',
      audiences: ['RESIDENTS'],
      participants: 60,
      partners: [],
      topic: 'Ma trận',
    },
  });
  outreachId = Buffer.from(`OutreachActivity:${outreach.id}`).toString('base64');
  const seal = sealWith(TEST_SECRETS.dataKey);
  const rawCaseId = '0196f000-0000-7000-8000-00000000ca5e';
  await ctx.db.prisma.reintegrationCase.create({
    data: {
      ...where,
      id: rawCaseId,
      communeId: placement.communeId,
      communeCode: HERE,
      returnedOn: new Date('2026-01-10'),
      personCiphertext: seal(JSON.stringify({ fullName: CASE_NAME, citizenId: '000190000777' }), `ReintegrationCase:${rawCaseId}:person`),
      offenceCiphertext: seal('Đánh bạc', `ReintegrationCase:${rawCaseId}:offence`),
      mentors: { create: [{ kind: 'FAMILY', name: 'Đinh Thị Mẹ', assignedOn: new Date('2026-01-10') }] },
    },
  });
  caseId = Buffer.from(`ReintegrationCase:${rawCaseId}`).toString('base64');
  // The area leader leads this area.
  const leader = SEATS.find((s) => s.name === 'area leader in 25195')!;
  (leader as { viewer: Viewer }).viewer = officer('AREA_LEADER', HERE, member.model.residentialAreaId);
  leader.headers = { authorization: `Bearer ${await tokenFor('AREA_LEADER', HERE, { areaId: member.model.residentialAreaId! })}` };
  const neighbour = await ctx.db.prisma.residentialAreaPlacement.findFirstOrThrow({
    where: { communeCode: HERE, validTo: null, residentialAreaId: { not: rawAreaId } },
  });
  const other = SEATS.find((s) => s.name === 'leader of another area')!;
  (other as { viewer: Viewer }).viewer = officer('AREA_LEADER', HERE, neighbour.residentialAreaId);
  other.headers = { authorization: `Bearer ${await tokenFor('AREA_LEADER', HERE, { areaId: neighbour.residentialAreaId })}` };
});

describe('access matrix: the API allows exactly what the policy declares', () => {
  // ~150 requests one after another, the movement reports among them: longer than one query's budget.
  it('holds for every viewer, resource and operation, and leaks no informant', { timeout: 240_000 }, async () => {
    const rows: Array<Record<string, string>> = [];
    const failures: string[] = [];
    for (const seat of SEATS) {
      const row: Record<string, string> = { viewer: seat.name };
      for (const cell of CELLS) {
        const expected =
          authorize(seat.viewer, cell.resource, cell.operation, cell.placement).allowed && (cell.also?.(seat.viewer) ?? true);
        const { done, text } = await cell.attempt(seat.headers);
        const leaked =
          (!authorize(seat.viewer, 'TIP', 'REVEAL', cell.placement).allowed && text.includes('0909 111 222')) ||
          (!authorize(seat.viewer, 'TEAM_MEMBER', 'READ_PERSONAL', AREA_PLACEMENT).allowed && /"citizenId":"\d/.test(text)) ||
          (!authorize(seat.viewer, 'REINTEGRATION_CASE', 'READ_PERSONAL', AREA_PLACEMENT).allowed &&
            (text.includes(CASE_NAME) || text.includes('Đánh bạc')));
        const ok = done === expected && !leaked;
        row[`${cell.resource} ${cell.operation}`] = `${expected ? 'allow' : 'deny'}${ok ? ' ✓' : ' ✗'}`;
        if (!ok)
          failures.push(
            `${seat.name} × ${cell.resource} ${cell.operation}: policy ${expected ? 'allows' : 'denies'}, API ${done ? 'allowed' : 'denied'}${leaked ? ', and the contact leaked' : ''}`,
          );
      }
      rows.push(row);
    }
    console.log('\nAccess matrix (policy decision, ✓ when the API agrees)');
    console.table(rows);
    expect(failures).toEqual([]);
  });
});
