/**
 * The recognition part of the demo data: key areas, exemplars and commendations, people of
 * influence and model partners in Bình Phước in 2024, computed from the demo's own rows
 * (pure and deterministic, as generate.ts) and written in seedDemo's transaction.
 *
 * Every record is filed under the codes its subject is found under (a residential area's
 * placements, old era and today's), so the officers of old Bình Phước and of today's Đồng
 * Nai both find it, as they find the areas themselves.
 */
import { checkCommendation, checkExemplarLevel, type AwardLevel, type CommendationForm, type IsoDate, type KeyAreaCategory, type PartnerKind, type Religion } from '@antq/core';
import type { Prisma } from '../generated/prisma/client.js';
import { DEMO_AS_OF } from './catalogue.js';
import type { DemoInput, DemoRows, DemoUnit } from './generate.js';
import { personName } from './names.js';
import { demoUuid, Random } from './random.js';

type Id = string;
interface Decision { decisionNumber: string; decisionDate: IsoDate; decisionIssuer: string }
interface Filed { unitId: Id; unitCode: string; placeCodes: string[]; datasetId: Id }
type Collective = { organizationId: Id | null; residentialAreaId: Id | null; securityTeamId: Id | null; collectiveKind: 'RESIDENTIAL_AREA' | 'SECURITY_TEAM' | null };
type Person = { personName: string | null; personRole: string | null };

export interface ExemplarRow extends Decision, Filed, Collective, Person {
  id: Id; subjectKind: 'MODEL' | 'COLLECTIVE' | 'INDIVIDUAL'; modelId: Id | null; level: AwardLevel; periodFrom: IsoDate; periodTo: IsoDate;
}
export interface CommendationRow extends Decision, Filed, Collective, Person {
  id: Id; recipientKind: 'COLLECTIVE' | 'INDIVIDUAL'; form: CommendationForm; level: AwardLevel; reason: string;
  forKind: 'MODEL' | 'EXEMPLAR' | null; modelId: Id | null; exemplarId: Id | null;
}
export interface KeyAreaRow extends Decision {
  id: Id; unitId: Id; unitCode: string; placeCodes: string[]; category: KeyAreaCategory; reason: string; validFrom: IsoDate; validTo: IsoDate | null; datasetId: Id;
}
export interface InfluentialPersonRow {
  id: Id; kind: 'RELIGIOUS_DIGNITARY' | 'REPUTABLE_PERSON'; fullName: string; role: string; religion: Religion | null;
  residentialAreaId: Id; communeCode: string; placeCodes: string[]; validFrom: IsoDate; validTo: IsoDate | null;
}
export interface ModelPartnerRow { id: Id; modelId: Id; partnerKind: PartnerKind; name: string; validFrom: IsoDate; validTo: IsoDate | null }

export interface RecognitionRows {
  keyAreas: KeyAreaRow[];
  exemplars: ExemplarRow[];
  commendations: CommendationRow[];
  influentialPeople: InfluentialPersonRow[];
  modelPartners: ModelPartnerRow[];
}

/** The year the demo's recognition is about. */
const YEAR_FROM: IsoDate = '2024-01-01';
const YEAR_TO: IsoDate = DEMO_AS_OF;

/** How the demo's communes are chosen as key areas: every `KEY_AREA_EVERY`th commune, in code order. */
const KEY_AREA_EVERY = 9;
const KEY_AREA_CATEGORIES: ReadonlyArray<{ category: KeyAreaCategory; reason: string }> = [
  { category: 'BORDER', reason: 'Xã biên giới giáp Campuchia, phức tạp về xuất nhập cảnh trái phép và buôn lậu.' },
  { category: 'CRIME', reason: 'Phức tạp về tội phạm ma túy và trộm cắp tài sản.' },
  { category: 'RELIGION', reason: 'Đông tín đồ tôn giáo, có hoạt động truyền đạo trái pháp luật.' },
  { category: 'ETHNIC', reason: 'Đông đồng bào dân tộc thiểu số, có tranh chấp đất đai kéo dài.' },
  { category: 'SOCIAL_EVILS', reason: 'Phức tạp về cờ bạc, tín dụng đen.' },
];

const DIGNITARIES: ReadonlyArray<{ religion: Religion; title: string }> = [
  { religion: 'CATHOLICISM', title: 'Linh mục quản xứ' },
  { religion: 'BUDDHISM', title: 'Trụ trì chùa' },
  { religion: 'PROTESTANTISM', title: 'Mục sư quản nhiệm' },
  { religion: 'CAODAISM', title: 'Chánh trị sự' },
];
const REPUTABLE_ROLES = ['Già làng', 'Trưởng dòng họ', 'Cựu chiến binh tiêu biểu', 'Nguyên Bí thư chi bộ ấp', 'Doanh nhân tiêu biểu'];
const PARTNERS: ReadonlyArray<{ kind: PartnerKind; name: string }> = [
  { kind: 'FATHERLAND_FRONT', name: 'Ủy ban Mặt trận Tổ quốc' },
  { kind: 'YOUTH_UNION', name: 'Đoàn Thanh niên' },
  { kind: 'WOMENS_UNION', name: 'Hội Liên hiệp Phụ nữ' },
  { kind: 'VETERANS_ASSOCIATION', name: 'Hội Cựu chiến binh' },
  { kind: 'FARMERS_ASSOCIATION', name: 'Hội Nông dân' },
  { kind: 'ARMY', name: 'Ban Chỉ huy Quân sự' },
];

const PROVINCE_ISSUER = 'Ủy ban nhân dân tỉnh Bình Phước';
const POLICE_ISSUER = 'Giám đốc Công an tỉnh Bình Phước';

/** Computes the recognition rows of the demo from its input and rows. Throws if a generated award is one the law does not provide for (core's rules). */
export function generateRecognition(input: DemoInput, rows: DemoRows, seed: number): RecognitionRows {
  const uuid = (kind: string, key: string) => demoUuid(seed, kind, key);
  const random = (stream: string) => new Random(seed, `recognition/${stream}`);
  const datasetId = rows.dataset.id;
  const province = input.province;
  const communes = [...input.communes].sort((a, b) => a.code.localeCompare(b.code));
  const districtByCode = new Map(input.districts.map((d) => [d.code, d]));

  // Where each area is found (every placement's codes), and which commune holds it on DEMO_AS_OF.
  const areaCodes = new Map<Id, Set<string>>();
  const areaCommune = new Map<Id, string>();
  for (const p of rows.residentialAreaPlacements) {
    const set = areaCodes.get(p.residentialAreaId) ?? new Set<string>();
    for (const c of p.placeCodes) set.add(c);
    areaCodes.set(p.residentialAreaId, set);
    if ((p.validFrom === null || p.validFrom <= DEMO_AS_OF) && (p.validTo === null || p.validTo >= DEMO_AS_OF)) areaCommune.set(p.residentialAreaId, p.communeCode);
  }
  const areasOf = new Map<string, Id[]>();
  for (const [area, commune] of [...areaCommune].sort(([a], [b]) => a.localeCompare(b))) areasOf.set(commune, [...(areasOf.get(commune) ?? []), area]);
  const codesOfAreas = (areas: readonly Id[]) => [...new Set(areas.flatMap((a) => [...(areaCodes.get(a) ?? [])]))].sort();
  const communeByCode = new Map(communes.map((c) => [c.code, c]));
  const districtOf = (commune: DemoUnit) => districtByCode.get(commune.parentCode ?? '')!;

  // Key areas: every KEY_AREA_EVERY-th commune with residential areas, for 2024, by one decision of the province.
  const keyDecision: Decision = { decisionNumber: '125/QĐ-UBND', decisionDate: '2024-01-15', decisionIssuer: PROVINCE_ISSUER };
  const keyAreas: KeyAreaRow[] = communes
    .filter((c, i) => i % KEY_AREA_EVERY === 0 && (areasOf.get(c.code)?.length ?? 0) > 0)
    .map((c, i) => {
      const { category, reason } = KEY_AREA_CATEGORIES[i % KEY_AREA_CATEGORIES.length]!;
      return {
        id: uuid('KeyArea', c.code), unitId: c.id, unitCode: c.code, placeCodes: codesOfAreas(areasOf.get(c.code)!),
        category, reason, validFrom: YEAR_FROM, validTo: YEAR_TO, datasetId, ...keyDecision,
      };
    });

  // Exemplars: in each district, its longest-running active model (district level) and one
  // residential area (commune level); three models at province level; one security-team
  // leader per district as an individual (province police).
  const models = [...rows.models].filter((m) => m.residentialAreaId && m.foundedOn < YEAR_FROM).sort((a, b) => a.foundedOn.localeCompare(b.foundedOn) || a.id.localeCompare(b.id));
  const districtOfArea = (area: Id) => {
    const c = communeByCode.get(areaCommune.get(area) ?? '');
    return c ? districtOf(c) : undefined;
  };
  const exemplars: ExemplarRow[] = [];
  const commendations: CommendationRow[] = [];
  const filedAt = (unit: DemoUnit, areas: readonly Id[]): Filed => ({ unitId: unit.id, unitCode: unit.code, placeCodes: codesOfAreas(areas), datasetId });
  const noCollective: Collective = { organizationId: null, residentialAreaId: null, securityTeamId: null, collectiveKind: null };
  const noPerson: Person = { personName: null, personRole: null };
  const period = { periodFrom: YEAR_FROM, periodTo: YEAR_TO };
  const exemplarAt = (level: AwardLevel, decision: Decision, row: Omit<ExemplarRow, keyof Decision | 'level' | 'periodFrom' | 'periodTo'>) => {
    const verdict = checkExemplarLevel(level, decision.decisionDate);
    if (!verdict.pass) throw new Error(`demo exemplar ${row.id}: ${verdict.failures.map((f) => f.code).join(', ')}`);
    const e: ExemplarRow = { ...row, level, ...period, ...decision };
    exemplars.push(e);
    return e;
  };
  const commend = (row: Omit<CommendationRow, 'id'>, key: string) => {
    const verdict = checkCommendation(row.form, row.level, row.recipientKind, row.decisionDate);
    if (!verdict.pass) throw new Error(`demo commendation ${key}: ${verdict.failures.map((f) => f.code).join(', ')}`);
    commendations.push({ id: uuid('Commendation', key), ...row });
  };

  for (const [i, district] of [...input.districts].sort((a, b) => a.code.localeCompare(b.code)).entries()) {
    const issuer = `Ủy ban nhân dân ${district.fullName}`;
    const decision: Decision = { decisionNumber: `${300 + i}/QĐ-UBND`, decisionDate: '2024-08-12', decisionIssuer: issuer };
    const model = models.find((m) => districtOfArea(m.residentialAreaId!)?.code === district.code);
    if (model) {
      const e = exemplarAt('DISTRICT', decision, {
        id: uuid('Exemplar', `model/${model.id}`), subjectKind: 'MODEL', modelId: model.id, ...noCollective, ...noPerson, ...filedAt(district, [model.residentialAreaId!]),
      });
      commend(
        { recipientKind: 'COLLECTIVE', ...noCollective, collectiveKind: 'RESIDENTIAL_AREA', residentialAreaId: model.residentialAreaId, ...noPerson, form: 'LETTER_OF_COMMENDATION', level: 'DISTRICT',
          ...decision, reason: `Mô hình "${model.name}" tiêu biểu trong phong trào toàn dân bảo vệ an ninh Tổ quốc năm 2024.`, forKind: 'EXEMPLAR', modelId: null, exemplarId: e.id, ...filedAt(district, [model.residentialAreaId!]) },
        `exemplar/${e.id}`,
      );
    }
    const areas = [...areaCommune].filter(([a]) => districtOfArea(a)?.code === district.code).map(([a]) => a).sort();
    const area = areas.length ? random(`area/${district.code}`).pick(areas) : undefined;
    if (area) {
      const commune = communeByCode.get(areaCommune.get(area)!)!;
      exemplarAt('COMMUNE', { decisionNumber: `${20 + i}/QĐ-UBND`, decisionDate: '2024-08-05', decisionIssuer: `Ủy ban nhân dân ${commune.fullName}` }, {
        id: uuid('Exemplar', `area/${area}`), subjectKind: 'COLLECTIVE', modelId: null, ...noCollective, collectiveKind: 'RESIDENTIAL_AREA', residentialAreaId: area, ...noPerson, ...filedAt(commune, [area]),
      });
    }
    const team = [...rows.securityTeams].filter((t) => t.placeCodes.includes(district.code)).sort((a, b) => a.id.localeCompare(b.id))[0];
    const leader = team && rows.teamMembers.find((m) => m.teamId === team.id && m.role === 'LEADER');
    if (team && leader) {
      const teamAreas = rows.securityTeamAreas.filter((a) => a.teamId === team.id).map((a) => a.residentialAreaId);
      const byPolice: Decision = { decisionNumber: `${1500 + i}/QĐ-CAT-PV01`, decisionDate: '2024-08-16', decisionIssuer: POLICE_ISSUER };
      const e = exemplarAt('PROVINCE', byPolice, {
        id: uuid('Exemplar', `leader/${leader.id}`), subjectKind: 'INDIVIDUAL', modelId: null, ...noCollective, personName: leader.fullName, personRole: `Tổ trưởng ${team.name}`, ...filedAt(province, teamAreas),
      });
      commend(
        { recipientKind: 'INDIVIDUAL', ...noCollective, personName: leader.fullName, personRole: `Tổ trưởng ${team.name}`, form: 'LETTER_OF_COMMENDATION', level: 'PROVINCE', ...byPolice,
          reason: 'Có thành tích xuất sắc trong phong trào toàn dân bảo vệ an ninh Tổ quốc năm 2024.', forKind: 'EXEMPLAR', modelId: null, exemplarId: e.id, ...filedAt(province, teamAreas) },
        `leader/${leader.id}`,
      );
    }
  }
  // Province level: the three longest-running models, with a Bằng khen of the province chairman on the festival day.
  const provinceDecision: Decision = { decisionNumber: '1890/QĐ-UBND', decisionDate: '2024-08-19', decisionIssuer: PROVINCE_ISSUER };
  for (const model of models.filter((m) => !exemplars.some((e) => e.modelId === m.id)).slice(0, 3)) {
    const e = exemplarAt('PROVINCE', provinceDecision, {
      id: uuid('Exemplar', `model/${model.id}`), subjectKind: 'MODEL', modelId: model.id, ...noCollective, ...noPerson, ...filedAt(province, [model.residentialAreaId!]),
    });
    commend(
      { recipientKind: 'COLLECTIVE', ...noCollective, collectiveKind: 'RESIDENTIAL_AREA', residentialAreaId: model.residentialAreaId, ...noPerson, form: 'CERTIFICATE_OF_MERIT', level: 'PROVINCE', ...provinceDecision,
        reason: `Mô hình "${model.name}" điển hình tiên tiến cấp tỉnh năm 2024.`, forKind: 'EXEMPLAR', modelId: null, exemplarId: e.id, ...filedAt(province, [model.residentialAreaId!]) },
      `model/${model.id}`,
    );
  }
  // A Cờ thi đua of the province to one security team of a key area.
  const flagged = keyAreas[0] && rows.securityTeams.filter((t) => t.communeCode === keyAreas[0]!.unitCode).sort((a, b) => a.id.localeCompare(b.id))[0];
  if (flagged) {
    const teamAreas = rows.securityTeamAreas.filter((a) => a.teamId === flagged.id).map((a) => a.residentialAreaId);
    commend(
      { recipientKind: 'COLLECTIVE', ...noCollective, collectiveKind: 'SECURITY_TEAM', securityTeamId: flagged.id, ...noPerson, form: 'EMULATION_FLAG', level: 'PROVINCE', ...provinceDecision,
        reason: 'Đơn vị dẫn đầu phong trào thi đua bảo vệ an ninh, trật tự ở cơ sở năm 2024.', forKind: null, modelId: null, exemplarId: null, ...filedAt(province, teamAreas) },
      `team/${flagged.id}`,
    );
  }

  // People of influence: in every 12th residential area (by id), a dignitary or a reputable person, engaged since 2023.
  const influentialPeople: InfluentialPersonRow[] = [...areaCommune]
    .sort(([a], [b]) => a.localeCompare(b))
    .filter((_, i) => i % 12 === 0)
    .map(([area, communeCode], i) => {
      const r = random(`influence/${area}`);
      const dignitary = i % 3 !== 2;
      const d = DIGNITARIES[i % DIGNITARIES.length]!;
      return {
        id: uuid('InfluentialPerson', area), kind: dignitary ? 'RELIGIOUS_DIGNITARY' : 'REPUTABLE_PERSON', fullName: personName(r, r.chance(0.3)),
        role: dignitary ? d.title : r.pick(REPUTABLE_ROLES), religion: dignitary ? d.religion : null, residentialAreaId: area, communeCode,
        placeCodes: codesOfAreas([area]), validFrom: r.date('2023-01-01', '2024-06-30'), validTo: null,
      };
    });

  // Partners: every 5th model built in a residential area works with one or two of the commune's mass organisations.
  const modelPartners: ModelPartnerRow[] = [...rows.models]
    .filter((m) => m.residentialAreaId)
    .sort((a, b) => a.id.localeCompare(b.id))
    .filter((_, i) => i % 5 === 0)
    .flatMap((m) => {
      const r = random(`partners/${m.id}`);
      const commune = communeByCode.get(areaCommune.get(m.residentialAreaId!) ?? '');
      if (!commune) return [];
      const chosen = r.shuffle(PARTNERS).slice(0, r.int(1, 2));
      return chosen.map((p) => ({ id: uuid('ModelPartner', `${m.id}/${p.kind}`), modelId: m.id, partnerKind: p.kind, name: `${p.name} ${commune.fullName}`, validFrom: m.foundedOn, validTo: null }));
    });

  return { keyAreas, exemplars, commendations, influentialPeople, modelPartners };
}

type Insert = (tx: Prisma.TransactionClient, table: string, columns: Readonly<Record<string, string>>, rows: readonly object[]) => Promise<void>;

const DECISION = { decisionNumber: 'text', decisionDate: 'date', decisionIssuer: 'text' };
const FILED = { unitId: 'uuid', unitCode: 'text', placeCodes: 'text[]', datasetId: 'uuid' };
const COLLECTIVE = { collectiveKind: '"CollectiveKind"', organizationId: 'uuid', residentialAreaId: 'uuid', securityTeamId: 'uuid', personName: 'text', personRole: 'text' };
/** How each table is written (its SQL columns and types), in the order of the foreign keys. */
const TABLES: { readonly [T in keyof RecognitionRows]: { table: string; columns: Readonly<Record<string, string>> } } = {
  keyAreas: { table: 'KeyArea', columns: { id: 'uuid', unitId: 'uuid', unitCode: 'text', placeCodes: 'text[]', category: '"KeyAreaCategory"', reason: 'text', validFrom: 'date', validTo: 'date', datasetId: 'uuid', ...DECISION } },
  exemplars: { table: 'Exemplar', columns: { id: 'uuid', subjectKind: '"ExemplarSubjectKind"', modelId: 'uuid', level: '"AwardLevel"', periodFrom: 'date', periodTo: 'date', ...COLLECTIVE, ...DECISION, ...FILED } },
  commendations: {
    table: 'Commendation',
    columns: { id: 'uuid', recipientKind: '"RecipientKind"', form: '"CommendationForm"', level: '"AwardLevel"', reason: 'text', forKind: '"CommendedKind"', modelId: 'uuid', exemplarId: 'uuid', ...COLLECTIVE, ...DECISION, ...FILED },
  },
  influentialPeople: {
    table: 'InfluentialPerson',
    columns: { id: 'uuid', kind: '"InfluenceKind"', fullName: 'text', role: 'text', religion: '"Religion"', residentialAreaId: 'uuid', communeCode: 'text', placeCodes: 'text[]', validFrom: 'date', validTo: 'date' },
  },
  modelPartners: { table: 'ModelPartner', columns: { id: 'uuid', modelId: 'uuid', partnerKind: '"PartnerKind"', name: 'text', validFrom: 'date', validTo: 'date' } },
};

/** Generates and writes the recognition rows in the demo's transaction; returns how many rows per table. */
export async function seedRecognition(tx: Prisma.TransactionClient, input: DemoInput, rows: DemoRows, seed: number, insert: Insert): Promise<Record<keyof RecognitionRows, number>> {
  const made = generateRecognition(input, rows, seed);
  const counts = {} as Record<keyof RecognitionRows, number>;
  for (const [key, spec] of Object.entries(TABLES) as Array<[keyof RecognitionRows, (typeof TABLES)[keyof RecognitionRows]]>) {
    await insert(tx, spec.table, spec.columns, made[key]);
    counts[key] = made[key].length;
  }
  return counts;
}
