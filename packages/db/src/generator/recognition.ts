/**
 * Recognition in one province and one year: key areas, exemplars and commendations, and
 * (once) people of influence and model partners, computed from the province's districts,
 * communes and generated rows: pure and deterministic. The demo (Bình Phước, 2024) and the
 * national generator (each province of the old era, 2021–2024) both call
 * `generateRecognition`.
 *
 * Every record is filed under the codes its subject is found under (a residential area's
 * placements, old era and today's), so the officers of the old province and of today's
 * both find it, as they find the areas themselves.
 */
import {
  checkCommendation,
  checkExemplarLevel,
  type AwardLevel,
  type IsoDate,
  type KeyAreaCategory,
  type PartnerKind,
  type Religion,
} from '@antq/core';
import type { DemoUnit } from './units.js';
import { personName } from '../demo/names.js';
import type { Random } from '../demo/random.js';
import type {
  Collective,
  CommendationRow,
  Decision,
  ExemplarRow,
  Filed,
  GeneratedTables,
  InfluentialPersonRow,
  KeyAreaRow,
  ModelPartnerRow,
  Person,
  RecognitionRows,
  Uuid,
} from './rows.js';

type Id = string;

/** How communes are chosen as key areas: every `KEY_AREA_EVERY`th commune, in code order. */
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

const lowerFirst = (s: string) => s.charAt(0).toLocaleLowerCase('vi') + s.slice(1);

/** A province of the era of districts, with its districts and communes, and the rows generated in them. */
export interface RecognitionInput {
  readonly province: DemoUnit;
  readonly districts: readonly DemoUnit[];
  readonly communes: readonly DemoUnit[];
  readonly rows: Pick<GeneratedTables, 'residentialAreaPlacements' | 'models' | 'securityTeams' | 'securityTeamAreas' | 'teamMembers'>;
}

export interface RecognitionOptions {
  /** The year of the key areas, exemplars and commendations (decided in it; before 2025-07-01, while districts stand). */
  readonly year: number;
  readonly datasetId: string;
  /** The id of a row: name-based, `key` unique within `kind` for the caller. */
  readonly uuid: Uuid;
  /** Put before every key given to `uuid` (the national generator: the year). */
  readonly keyPrefix: string;
  /** A seeded random stream of this name. */
  readonly random: (stream: string) => Random;
  /** Also the people of influence (engaged since the year before) and the model partners: once per province. */
  readonly peopleAndPartners: boolean;
  /**
   * Only teams formed by a decision's day are recognised by it (teams exist from
   * 2024-07-01). The demo leaves this off: its rows stay those it has always had, where a
   * leader may be recognised on 16 August for a team formed in September.
   */
  readonly teamsFormedByDecision: boolean;
}

/** Computes the recognition rows of a province and year. Throws if a generated award is one the law does not provide for (core's rules). */
export function generateRecognition(input: RecognitionInput, o: RecognitionOptions): RecognitionRows {
  const uuid = (kind: string, key: string) => o.uuid(kind, `${o.keyPrefix}${key}`);
  const random = o.random;
  const { datasetId, year } = o;
  const rows = input.rows;
  const YEAR_FROM: IsoDate = `${year}-01-01`;
  const YEAR_TO: IsoDate = `${year}-12-31`;
  const province = input.province;
  const PROVINCE_ISSUER = `Ủy ban nhân dân ${lowerFirst(province.fullName)}`;
  const POLICE_ISSUER = `Giám đốc Công an ${lowerFirst(province.fullName)}`;
  const formedBy = (team: { establishedOn: IsoDate }, day: IsoDate) => !o.teamsFormedByDecision || team.establishedOn <= day;
  const communes = [...input.communes].sort((a, b) => a.code.localeCompare(b.code));
  const districtByCode = new Map(input.districts.map((d) => [d.code, d]));

  // Where each area is found (every placement's codes), and which commune holds it on DEMO_AS_OF.
  const areaCodes = new Map<Id, Set<string>>();
  const areaCommune = new Map<Id, string>();
  for (const p of rows.residentialAreaPlacements) {
    const set = areaCodes.get(p.residentialAreaId) ?? new Set<string>();
    for (const c of p.placeCodes) set.add(c);
    areaCodes.set(p.residentialAreaId, set);
    if ((p.validFrom === null || p.validFrom <= YEAR_TO) && (p.validTo === null || p.validTo >= YEAR_TO))
      areaCommune.set(p.residentialAreaId, p.communeCode);
  }
  const areasOf = new Map<string, Id[]>();
  for (const [area, commune] of [...areaCommune].sort(([a], [b]) => a.localeCompare(b)))
    areasOf.set(commune, [...(areasOf.get(commune) ?? []), area]);
  const codesOfAreas = (areas: readonly Id[]) => [...new Set(areas.flatMap((a) => [...(areaCodes.get(a) ?? [])]))].sort();
  const communeByCode = new Map(communes.map((c) => [c.code, c]));
  const districtOf = (commune: DemoUnit) => districtByCode.get(commune.parentCode ?? '')!;

  // Key areas: every KEY_AREA_EVERY-th commune with residential areas, for the year, by one decision of the province.
  const keyDecision: Decision = { decisionNumber: '125/QĐ-UBND', decisionDate: `${year}-01-15`, decisionIssuer: PROVINCE_ISSUER };
  const keyAreas: KeyAreaRow[] = communes
    .filter((c, i) => i % KEY_AREA_EVERY === 0 && (areasOf.get(c.code)?.length ?? 0) > 0)
    .map((c, i) => {
      const { category, reason } = KEY_AREA_CATEGORIES[i % KEY_AREA_CATEGORIES.length]!;
      return {
        id: uuid('KeyArea', c.code),
        unitId: c.id,
        unitCode: c.code,
        placeCodes: codesOfAreas(areasOf.get(c.code)!),
        category,
        reason,
        validFrom: YEAR_FROM,
        validTo: YEAR_TO,
        datasetId,
        ...keyDecision,
      };
    });

  // Exemplars: in each district, its longest-running active model (district level) and one
  // residential area (commune level); three models at province level; one security-team
  // leader per district as an individual (province police).
  const models = [...rows.models]
    .filter((m) => m.residentialAreaId && m.foundedOn < YEAR_FROM)
    .sort((a, b) => a.foundedOn.localeCompare(b.foundedOn) || a.id.localeCompare(b.id));
  const districtOfArea = (area: Id) => {
    const c = communeByCode.get(areaCommune.get(area) ?? '');
    return c ? districtOf(c) : undefined;
  };
  const exemplars: ExemplarRow[] = [];
  const commendations: CommendationRow[] = [];
  const filedAt = (unit: DemoUnit, areas: readonly Id[]): Filed => ({
    unitId: unit.id,
    unitCode: unit.code,
    placeCodes: codesOfAreas(areas),
    datasetId,
  });
  const noCollective: Collective = { organizationId: null, residentialAreaId: null, securityTeamId: null, collectiveKind: null };
  const noPerson: Person = { personName: null, personRole: null };
  const period = { periodFrom: YEAR_FROM, periodTo: YEAR_TO };
  const exemplarAt = (
    level: AwardLevel,
    decision: Decision,
    row: Omit<ExemplarRow, keyof Decision | 'level' | 'periodFrom' | 'periodTo'>,
  ) => {
    const verdict = checkExemplarLevel(level, decision.decisionDate);
    if (!verdict.pass) throw new Error(`generated exemplar ${row.id}: ${verdict.failures.map((f) => f.code).join(', ')}`);
    const e: ExemplarRow = { ...row, level, ...period, ...decision };
    exemplars.push(e);
    return e;
  };
  const commend = (row: Omit<CommendationRow, 'id'>, key: string) => {
    const verdict = checkCommendation(row.form, row.level, row.recipientKind, row.decisionDate);
    if (!verdict.pass) throw new Error(`generated commendation ${key}: ${verdict.failures.map((f) => f.code).join(', ')}`);
    commendations.push({ id: uuid('Commendation', key), ...row });
  };

  // A model named exemplar at its unit's level, and its residential area commended for it.
  const honourModel = (
    model: (typeof models)[number],
    level: AwardLevel,
    unit: DemoUnit,
    decision: Decision,
    commendation: { form: CommendationRow['form']; reason: string; key: (exemplar: Id) => string },
  ) => {
    const filed = filedAt(unit, [model.residentialAreaId!]);
    const e = exemplarAt(level, decision, {
      id: uuid('Exemplar', `model/${model.id}`),
      subjectKind: 'MODEL',
      modelId: model.id,
      ...noCollective,
      ...noPerson,
      ...filed,
    });
    commend(
      {
        recipientKind: 'COLLECTIVE',
        ...noCollective,
        collectiveKind: 'RESIDENTIAL_AREA',
        residentialAreaId: model.residentialAreaId,
        ...noPerson,
        form: commendation.form,
        level,
        ...decision,
        reason: commendation.reason,
        forKind: 'EXEMPLAR',
        modelId: null,
        exemplarId: e.id,
        ...filed,
      },
      commendation.key(e.id),
    );
  };

  for (const [i, district] of [...input.districts].sort((a, b) => a.code.localeCompare(b.code)).entries()) {
    const issuer = `Ủy ban nhân dân ${district.fullName}`;
    const decision: Decision = { decisionNumber: `${300 + i}/QĐ-UBND`, decisionDate: `${year}-08-12`, decisionIssuer: issuer };
    const model = models.find((m) => districtOfArea(m.residentialAreaId!)?.code === district.code);
    if (model) {
      honourModel(model, 'DISTRICT', district, decision, {
        form: 'LETTER_OF_COMMENDATION',
        reason: `Mô hình "${model.name}" tiêu biểu trong phong trào toàn dân bảo vệ an ninh Tổ quốc năm ${year}.`,
        key: (exemplar) => `exemplar/${exemplar}`,
      });
    }
    const areas = [...areaCommune]
      .filter(([a]) => districtOfArea(a)?.code === district.code)
      .map(([a]) => a)
      .sort();
    const area = areas.length ? random(`area/${district.code}`).pick(areas) : undefined;
    if (area) {
      const commune = communeByCode.get(areaCommune.get(area)!)!;
      exemplarAt(
        'COMMUNE',
        { decisionNumber: `${20 + i}/QĐ-UBND`, decisionDate: `${year}-08-05`, decisionIssuer: `Ủy ban nhân dân ${commune.fullName}` },
        {
          id: uuid('Exemplar', `area/${area}`),
          subjectKind: 'COLLECTIVE',
          modelId: null,
          ...noCollective,
          collectiveKind: 'RESIDENTIAL_AREA',
          residentialAreaId: area,
          ...noPerson,
          ...filedAt(commune, [area]),
        },
      );
    }
    const team = [...rows.securityTeams]
      .filter((t) => t.placeCodes.includes(district.code) && formedBy(t, `${year}-08-16`))
      .sort((a, b) => a.id.localeCompare(b.id))[0];
    const leader = team && rows.teamMembers.find((m) => m.teamId === team.id && m.role === 'LEADER');
    if (team && leader) {
      const teamAreas = rows.securityTeamAreas.filter((a) => a.teamId === team.id).map((a) => a.residentialAreaId);
      const byPolice: Decision = {
        decisionNumber: `${1500 + i}/QĐ-CAT-PV01`,
        decisionDate: `${year}-08-16`,
        decisionIssuer: POLICE_ISSUER,
      };
      const e = exemplarAt('PROVINCE', byPolice, {
        id: uuid('Exemplar', `leader/${leader.id}`),
        subjectKind: 'INDIVIDUAL',
        modelId: null,
        ...noCollective,
        personName: leader.fullName,
        personRole: `Tổ trưởng ${team.name}`,
        ...filedAt(province, teamAreas),
      });
      commend(
        {
          recipientKind: 'INDIVIDUAL',
          ...noCollective,
          personName: leader.fullName,
          personRole: `Tổ trưởng ${team.name}`,
          form: 'LETTER_OF_COMMENDATION',
          level: 'PROVINCE',
          ...byPolice,
          reason: `Có thành tích xuất sắc trong phong trào toàn dân bảo vệ an ninh Tổ quốc năm ${year}.`,
          forKind: 'EXEMPLAR',
          modelId: null,
          exemplarId: e.id,
          ...filedAt(province, teamAreas),
        },
        `leader/${leader.id}`,
      );
    }
  }
  // Province level: the three longest-running models, with a Bằng khen of the province chairman on the festival day.
  const provinceDecision: Decision = { decisionNumber: '1890/QĐ-UBND', decisionDate: `${year}-08-19`, decisionIssuer: PROVINCE_ISSUER };
  for (const model of models.filter((m) => !exemplars.some((e) => e.modelId === m.id)).slice(0, 3)) {
    honourModel(model, 'PROVINCE', province, provinceDecision, {
      form: 'CERTIFICATE_OF_MERIT',
      reason: `Mô hình "${model.name}" điển hình tiên tiến cấp tỉnh năm ${year}.`,
      key: () => `model/${model.id}`,
    });
  }
  // A Cờ thi đua of the province to one security team of a key area.
  const flagged =
    keyAreas[0] &&
    rows.securityTeams
      .filter((t) => t.communeCode === keyAreas[0]!.unitCode && formedBy(t, provinceDecision.decisionDate))
      .sort((a, b) => a.id.localeCompare(b.id))[0];
  if (flagged) {
    const teamAreas = rows.securityTeamAreas.filter((a) => a.teamId === flagged.id).map((a) => a.residentialAreaId);
    commend(
      {
        recipientKind: 'COLLECTIVE',
        ...noCollective,
        collectiveKind: 'SECURITY_TEAM',
        securityTeamId: flagged.id,
        ...noPerson,
        form: 'EMULATION_FLAG',
        level: 'PROVINCE',
        ...provinceDecision,
        reason: `Đơn vị dẫn đầu phong trào thi đua bảo vệ an ninh, trật tự ở cơ sở năm ${year}.`,
        forKind: null,
        modelId: null,
        exemplarId: null,
        ...filedAt(province, teamAreas),
      },
      `team/${flagged.id}`,
    );
  }

  if (!o.peopleAndPartners) return { keyAreas, exemplars, commendations, influentialPeople: [], modelPartners: [] };
  // People of influence: in every 12th residential area (by id), a dignitary or a reputable person, engaged since the year before.
  const influentialPeople: InfluentialPersonRow[] = [...areaCommune]
    .sort(([a], [b]) => a.localeCompare(b))
    .filter((_, i) => i % 12 === 0)
    .map(([area, communeCode], i) => {
      const r = random(`influence/${area}`);
      const dignitary = i % 3 !== 2;
      const d = DIGNITARIES[i % DIGNITARIES.length]!;
      return {
        id: uuid('InfluentialPerson', area),
        kind: dignitary ? 'RELIGIOUS_DIGNITARY' : 'REPUTABLE_PERSON',
        fullName: personName(r, r.chance(0.3)),
        role: dignitary ? d.title : r.pick(REPUTABLE_ROLES),
        religion: dignitary ? d.religion : null,
        residentialAreaId: area,
        communeCode,
        placeCodes: codesOfAreas([area]),
        validFrom: r.date(`${year - 1}-01-01`, `${year}-06-30`),
        validTo: null,
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
      return chosen.map((p) => ({
        id: uuid('ModelPartner', `${m.id}/${p.kind}`),
        modelId: m.id,
        partnerKind: p.kind,
        name: `${p.name} ${commune.fullName}`,
        validFrom: m.foundedOn,
        validTo: null,
      }));
    });

  return { keyAreas, exemplars, commendations, influentialPeople, modelPartners };
}
