/**
 * The demo data as plain rows, computed from the real units of Bình Phước and a seed:
 * pure and deterministic (no clock, no database, no Math.random), so the same seed gives
 * the same rows, ids included. `seed.ts` reads the units and writes the rows.
 */
import {
  addDays,
  addYears,
  canRateModel,
  checkMemberEligibility,
  intervalContains,
  lifecycleOrThrow,
  isActiveOn,
  prescribedTeamSize,
  searchKey,
  stateOn,
  teamEvaluationPeriod,
  type AdminLevel,
  type EducationLevel,
  type EnterpriseSize,
  type IsoDate,
  type ModelBuilder,
  type ResidentialAreaKind,
  type TeamRole,
  type HostKind,
} from '@antq/core';
import {
  DEMO_AS_OF,
  DEMO_CATALOGUE_CODE,
  DEMO_MODEL_RATING_MINIMUM_DAYS,
  DEMO_MODEL_TYPES,
  DEMO_PROVINCE_CODE,
  DEMO_RESIDENTIAL_AREAS,
  DEMO_TEAM_EVALUATION_YEAR,
  DEMO_TEAM_SIZE_PACK,
  SECURITY_TEAMS_FROM,
  type DemoModelTypeCode,
} from './catalogue.js';
import { ENTERPRISE_BRANDS, ENTERPRISE_FORMS, ENTERPRISE_TRADES, PLACE_NAMES } from './names.js';
import { demoUuid, Random } from './random.js';
import { lifecycleFor, type Fate, type LifecycleWindow, type PlannedEvent } from '../generator/lifecycle.js';
import { birthDateFor, FakePeople } from '../generator/people.js';
import { placementChain, placementRowsOf, type Placement } from '../generator/placements.js';
import { rateCommuneTeams } from '../generator/team-evaluations.js';
import type {
  ActivityTable,
  RecognitionTable,
  DatasetRow,
  GeneratedTables,
  LifecycleEventRow,
  ModelCatalogueRow,
  ModelEvaluationRow,
  ModelMemberRow,
  ModelRow,
  ModelTypeRow,
  OrganizationPlacementRow,
  OrganizationRow,
  PlacementRow,
  ReplicationPointRow,
  ResidentialAreaPlacementRow,
  ResidentialAreaRow,
  SecurityTeamAreaRow,
  SecurityTeamRow,
  TeamEvaluationRow,
  TeamMemberEvaluationRow,
  TeamMemberRow,
} from '../generator/rows.js';

export type * from '../generator/rows.js';

// ---------------------------------------------------------------------------------------
// Input: the real administrative units the demo is built on.

/** An administrative unit as the generator needs it (dates as yyyy-mm-dd). */
export interface DemoUnit {
  readonly id: string;
  readonly code: string;
  readonly level: AdminLevel;
  readonly kind: string;
  readonly name: string;
  readonly fullName: string;
  readonly parentCode: string | null;
  readonly validFrom: IsoDate | null;
  readonly validTo: IsoDate | null;
}

/** A lineage link between two units of `DemoInput.units`. */
export interface DemoLink {
  readonly predecessorId: string;
  readonly successorId: string;
  readonly kind: 'FULL' | 'PARTIAL';
}

/** What the generator reads from the database. */
export interface DemoInput {
  /** The province on DEMO_AS_OF. */
  readonly province: DemoUnit;
  /** Its districts on DEMO_AS_OF. */
  readonly districts: readonly DemoUnit[];
  /** Their communes on DEMO_AS_OF. */
  readonly communes: readonly DemoUnit[];
  /** The units those communes passed into later (following the lineage), any era. */
  readonly successors: readonly DemoUnit[];
  /** The lineage links from the communes and their successors onward. */
  readonly links: readonly DemoLink[];
}

// ---------------------------------------------------------------------------------------
// Output: one array of rows per table, columns named as in movement.prisma.

type Day = IsoDate;

/** Every row of the demo, table by table: the generators' tables (no tips: the demo's come through the API; activities: see activities.ts) and its dataset. */
export interface DemoRows extends Omit<GeneratedTables, 'tips' | 'tipEvents' | 'tipMessages' | ActivityTable | RecognitionTable> {
  dataset: DatasetRow;
}

/** The tables of `DemoRows` other than the dataset, in insertion order. */
export type DemoTable = Exclude<keyof DemoRows, 'dataset'>;

// ---------------------------------------------------------------------------------------

const AREA_LABEL: Partial<Record<ResidentialAreaKind, string>> = { AP: 'Ấp', THON: 'Thôn', KHU_PHO: 'Khu phố', TO_DAN_PHO: 'Tổ dân phố' };
/** Districts of Bình Phước where residential areas are thôn rather than ấp. */
const THON_DISTRICTS = new Set(['Huyện Bù Đăng']);
/** Districts of Bình Phước on the border with Cambodia. */
const BORDER_DISTRICTS = new Set(['Huyện Lộc Ninh', 'Huyện Bù Đốp', 'Huyện Bù Gia Mập']);
/** The dates of the demo's model lifecycles: all end on or before DEMO_AS_OF. */
const DEMO_LIFECYCLE_WINDOW: LifecycleWindow = {
  asOf: DEMO_AS_OF,
  firstProposal: '2019-01-01',
  lastProposal: '2024-03-31',
  inProgressFrom: '2024-06-01',
  inProgressTo: '2024-11-30',
  latestChange: '2024-12-20',
  resumeBy: '2024-12-15',
  suspendFrom: '2024-01-01',
};

const lowerFirst = (s: string) => s.charAt(0).toLocaleLowerCase('vi') + s.slice(1);
const maxDay = (a: Day, b: Day) => (a > b ? a : b);

/** Where an area or organization sits: its commune version by version, following the lineage. */

interface AreaInfo {
  readonly row: ResidentialAreaRow;
  readonly commune: DemoUnit;
  readonly district: DemoUnit;
  readonly urban: boolean;
  readonly border: boolean;
  readonly placements: readonly Placement[];
}

interface OrgInfo {
  readonly row: OrganizationRow;
  readonly commune: DemoUnit;
  readonly district: DemoUnit;
  readonly placements: readonly Placement[];
}

/**
 * Generates the demo rows for `seed` from the real units in `input`. Throws when the
 * input is not what the demo needs (it names what is missing) or when the result would
 * break one of core's rules (a bug here, never expected).
 */
export function generateDemo(input: DemoInput, seed: number): DemoRows {
  const uuid = (kind: string, key: string) => demoUuid(seed, kind, key);
  const datasetId = uuid('Dataset', 'demo');
  const districtsByCode = new Map(input.districts.map((d) => [d.code, d]));
  const unitsById = new Map([...input.communes, ...input.successors].map((u) => [u.id, u]));
  const linksFrom = new Map<string, DemoLink[]>();
  for (const l of input.links) linksFrom.set(l.predecessorId, [...(linksFrom.get(l.predecessorId) ?? []), l]);
  for (const list of linksFrom.values())
    list.sort((a, b) => (unitsById.get(a.successorId)?.code ?? '').localeCompare(unitsById.get(b.successorId)?.code ?? ''));

  const communes = [...input.communes].sort((a, b) => a.code.localeCompare(b.code));
  if (communes.length === 0) throw new Error(`no communes under province ${DEMO_PROVINCE_CODE} on ${DEMO_AS_OF}`);

  /** The commune versions an area of `commune` belongs to: FULL successor first, else a PARTIAL one picked by `random`. */
  const placementsOf = (commune: DemoUnit, random: Random): Placement[] =>
    placementChain(commune, (unit) => {
      const links: DemoLink[] = linksFrom.get(unit.id) ?? [];
      const next: DemoLink | undefined = links.find((l) => l.kind === 'FULL') ?? (links.length > 0 ? random.pick(links) : undefined);
      return next ? unitsById.get(next.successorId) : undefined;
    });
  const placementRows = (placements: readonly Placement[], owner: string): PlacementRow[] =>
    placementRowsOf(placements, owner, uuid, placeCodesOf);
  /** The commune's code and those above it in its own era: district (until 2025-06-30) and province. */
  const placeCodesOf = (commune: DemoUnit): string[] => {
    const district = commune.parentCode === null ? undefined : districtsByCode.get(commune.parentCode);
    return [commune.code, ...(commune.parentCode ? [commune.parentCode] : []), ...(district?.parentCode ? [district.parentCode] : [])];
  };
  const districtOf = (commune: DemoUnit): DemoUnit => {
    const d = commune.parentCode === null ? undefined : districtsByCode.get(commune.parentCode);
    if (!d) throw new Error(`commune ${commune.code} has no district of province ${DEMO_PROVINCE_CODE} on ${DEMO_AS_OF}`);
    return d;
  };

  // --- Residential areas: exactly DEMO_RESIDENTIAL_AREAS, at least 3 per commune. -------
  const areaRandom = new Random(seed, 'residential-areas');
  const counts = apportion(
    DEMO_RESIDENTIAL_AREAS,
    communes.map((c) => (c.kind === 'XA' ? 1 : 1.15) * (0.6 + areaRandom.next())),
    3,
  );
  const areas: AreaInfo[] = [];
  const areaPlacements: ResidentialAreaPlacementRow[] = [];
  communes.forEach((commune, ci) => {
    const district = districtOf(commune);
    const urban = commune.kind !== 'XA';
    const kind: ResidentialAreaKind = !urban
      ? THON_DISTRICTS.has(district.fullName)
        ? 'THON'
        : 'AP'
      : commune.kind === 'THI_TRAN' && areaRandom.chance(0.4)
        ? 'TO_DAN_PHO'
        : 'KHU_PHO';
    const n = counts[ci]!;
    const style = areaRandom.weighted({ numbered: 55, named: 20, mixed: 25 });
    const numbered = style === 'numbered' ? n : style === 'named' ? 0 : Math.ceil(n * 0.6);
    const named = areaRandom.shuffle(PLACE_NAMES).slice(0, n - numbered);
    const names = [...Array.from({ length: numbered }, (_, i) => String(i + 1)), ...named];
    names.forEach((suffix, i) => {
      const id = uuid('ResidentialArea', `${commune.code}/${i + 1}`);
      const name = `${AREA_LABEL[kind]} ${suffix}`;
      const households = urban ? areaRandom.int(300, 1100) : areaRandom.int(180, 650);
      const placements = placementsOf(commune, areaRandom);
      const row: ResidentialAreaRow = {
        id,
        name,
        kind,
        households,
        residents: Math.round(households * (3.3 + areaRandom.next())),
        validFrom: null,
        validTo: placements.at(-1)!.to,
        searchText: searchKey(name),
        datasetId,
      };
      areas.push({ row, commune, district, urban, border: BORDER_DISTRICTS.has(district.fullName), placements });
      for (const p of placementRows(placements, id)) areaPlacements.push({ ...p, residentialAreaId: id });
    });
  });

  // --- Organizations: enterprises and schools. ------------------------------------------
  const orgRandom = new Random(seed, 'organizations');
  const orgs: OrgInfo[] = [];
  const orgPlacements: OrganizationPlacementRow[] = [];
  const addOrg = (
    commune: DemoUnit,
    key: string,
    fields: Omit<OrganizationRow, 'id' | 'validFrom' | 'validTo' | 'searchText' | 'datasetId'>,
  ) => {
    const id = uuid('Organization', key);
    const placements = placementsOf(commune, orgRandom);
    const row: OrganizationRow = {
      id,
      ...fields,
      validFrom: null,
      validTo: placements.at(-1)!.to,
      searchText: searchKey(fields.name),
      datasetId,
    };
    orgs.push({ row, commune, district: districtOf(commune), placements });
    for (const p of placementRows(placements, id)) orgPlacements.push({ ...p, organizationId: id });
  };
  const usedNames = new Set<string>();
  const urbanCommunes = communes.filter((c) => c.kind !== 'XA');
  for (let i = 0; i < 36; i++) {
    const commune = orgRandom.chance(0.6) && urbanCommunes.length > 0 ? orgRandom.pick(urbanCommunes) : orgRandom.pick(communes);
    let name: string;
    do name = `${orgRandom.pick(ENTERPRISE_FORMS)} ${orgRandom.pick(ENTERPRISE_TRADES)} ${orgRandom.pick(ENTERPRISE_BRANDS)}`;
    while (usedNames.has(name));
    usedNames.add(name);
    const size = orgRandom.weighted<EnterpriseSize>({ MICRO: 0, SMALL: 2, MEDIUM: 5, LARGE: 3 });
    addOrg(commune, `enterprise/${i + 1}`, { name, kind: 'ENTERPRISE', armedForces: null, enterpriseSize: size, schoolLevel: null });
  }
  for (const district of [...input.districts].sort((a, b) => a.code.localeCompare(b.code))) {
    const mine = communes.filter((c) => c.parentCode === district.code);
    const seat = mine.find((c) => c.kind !== 'XA') ?? mine[0];
    if (!seat) continue;
    addOrg(seat, `school/${seat.code}/thpt`, {
      name: `Trường THPT ${seat.name}`,
      kind: 'SCHOOL',
      armedForces: null,
      enterpriseSize: null,
      schoolLevel: 'UPPER_SECONDARY',
    });
    for (const c of mine.filter(() => orgRandom.chance(0.15))) {
      addOrg(c, `school/${c.code}/thcs`, {
        name: `Trường THCS ${c.name}`,
        kind: 'SCHOOL',
        armedForces: null,
        enterpriseSize: null,
        schoolLevel: 'LOWER_SECONDARY',
      });
    }
  }

  // --- The catalogue and its 14 types. ---------------------------------------------------
  const catalogue: ModelCatalogueRow = {
    id: uuid('ModelCatalogue', DEMO_CATALOGUE_CODE),
    code: DEMO_CATALOGUE_CODE,
    name: `Danh mục mô hình tự quản về an ninh, trật tự của ${input.province.fullName}`,
    scope: 'PROVINCIAL',
    provinceCode: input.province.code,
    datasetId,
  };
  const modelTypes: ModelTypeRow[] = DEMO_MODEL_TYPES.map((t) => ({
    id: uuid('ModelType', t.code),
    catalogueId: catalogue.id,
    code: t.code,
    name: t.name,
    category: t.category,
    hostKinds: [...t.hostKinds],
    searchText: searchKey(t.name),
  }));
  const typeByCode = new Map(modelTypes.map((t) => [t.code as DemoModelTypeCode, t]));
  const typeOf = (code: DemoModelTypeCode) => typeByCode.get(code)!;

  // --- Models and their lifecycles. ------------------------------------------------------
  const modelRandom = new Random(seed, 'models');
  const models: ModelRow[] = [];
  const events: LifecycleEventRow[] = [];
  const planned = new Map<string, PlannedEvent[]>();
  const modelArea = new Map<string, AreaInfo>();
  const modelDistrict = new Map<string, DemoUnit>();
  let decisionNo = 0;
  const addModel = (
    type: DemoModelTypeCode,
    host: { area: AreaInfo } | { org: OrgInfo },
    fate: Fate,
    random: Random,
    builtBy: ModelBuilder,
    memberCount: number | null,
  ): ModelRow => {
    const key = 'area' in host ? `area/${host.area.row.id}/${type}` : `org/${host.org.row.id}/${type}`;
    const id = uuid('Model', key);
    if (planned.has(id)) throw new Error(`model ${key} generated twice`);
    const plan = lifecycleFor(fate, random, DEMO_LIFECYCLE_WINDOW);
    const commune = 'area' in host ? host.area.commune : host.org.commune;
    const hostName = 'area' in host ? lowerFirst(host.area.row.name) : host.org.row.name;
    const row: ModelRow = {
      id,
      name: `${typeOf(type).name} ${hostName}`,
      modelTypeId: typeOf(type).id,
      hostKind: 'area' in host ? 'RESIDENTIAL_AREA' : 'ORGANIZATION',
      residentialAreaId: 'area' in host ? host.area.row.id : null,
      communeId: null,
      organizationId: 'org' in host ? host.org.row.id : null,
      foundedOn: (plan.find((e) => e.kind === 'ESTABLISH') ?? plan[0]!).date,
      builtBy,
      memberCount,
      datasetId,
    };
    models.push(row);
    planned.set(id, plan);
    if ('area' in host) modelArea.set(id, host.area);
    modelDistrict.set(id, 'area' in host ? host.area.district : host.org.district);
    plan.forEach((e, i) => {
      const decided = e.kind === 'APPROVE' || e.kind === 'ESTABLISH' || e.kind === 'DISSOLVE';
      events.push({
        id: uuid('LifecycleEvent', `${id}/${i + 1}`),
        modelId: id,
        kind: e.kind,
        date: e.date,
        seq: i + 1,
        decisionNumber: decided ? `${++decisionNo}/QĐ-UBND` : null,
        decisionDate: decided ? e.date : null,
        decisionIssuer: decided ? `Ủy ban nhân dân ${lowerFirst(commune.fullName)}` : null,
        note: null,
        recordedAt: `${e.date}T02:00:00.000Z`,
      });
    });
    return row;
  };

  const builder = (random: Random) =>
    random.weighted<ModelBuilder>({
      POLICE: 40,
      FATHERLAND_FRONT: 20,
      MASS_ORGANIZATION: 15,
      RESIDENTS: 20,
      AGENCY_SECURITY_UNIT: 0,
      OTHER: 5,
    });
  const members = (type: DemoModelTypeCode, random: Random): number | null => {
    const range: Partial<Record<DemoModelTypeCode, [number, number]>> = {
      TO_AN_NINH_NHAN_DAN: [5, 15],
      DOI_DAN_PHONG: [8, 20],
      TO_XUNG_KICH: [5, 12],
      DOI_XE_OM_TU_QUAN: [6, 20],
      TO_LIEN_GIA_TU_QUAN: [5, 15],
      DONG_HO_TU_QUAN: [20, 80],
      TO_HOA_GIAI: [5, 9],
      TU_QUAN_DUONG_BIEN: [5, 12],
    };
    const r = range[type];
    return r ? random.int(r[0], r[1]) : null;
  };
  const extraChance = (type: DemoModelTypeCode, a: AreaInfo): number => {
    switch (type) {
      case 'TO_AN_NINH_NHAN_DAN':
        return 0.2;
      case 'DOI_DAN_PHONG':
        return a.urban ? 0.35 : 0.2;
      case 'TO_XUNG_KICH':
        return 0.15;
      case 'DOI_XE_OM_TU_QUAN':
        return a.urban ? 0.25 : 0.04;
      case 'KDC_KHONG_TOI_PHAM':
        return 0.15;
      case 'CAMERA_AN_NINH':
        return a.urban ? 0.35 : 0.12;
      case 'TO_LIEN_GIA_TU_QUAN':
        return 0.12;
      case 'DONG_HO_TU_QUAN':
        return a.urban ? 0.02 : 0.1;
      case 'TO_HOA_GIAI':
        return 0.15;
      case 'GIAO_XU_BINH_YEN':
        return 0.05;
      case 'CHO_AN_TOAN':
        return a.urban ? 0.06 : 0.03;
      case 'TIENG_KENG_AN_NINH':
        return a.urban ? 0.04 : 0.22;
      case 'TU_QUAN_DUONG_BIEN':
        return a.border && !a.urban ? 0.3 : 0;
      case 'DOANH_NGHIEP_AN_TOAN':
        return 0;
    }
  };
  const areaTypeCodes = DEMO_MODEL_TYPES.filter((t) => (t.hostKinds as readonly HostKind[]).includes('RESIDENTIAL_AREA')).map(
    (t) => t.code,
  );

  for (const area of areas) {
    // The primary model: active on DEMO_AS_OF, so every area is covered.
    const primary = modelRandom.weighted<DemoModelTypeCode>({
      TO_AN_NINH_NHAN_DAN: 35,
      KDC_KHONG_TOI_PHAM: 25,
      TO_HOA_GIAI: 15,
      DOI_DAN_PHONG: 15,
      TO_LIEN_GIA_TU_QUAN: 10,
    });
    addModel(
      primary,
      { area },
      modelRandom.chance(0.12) ? 'ACTIVE_AFTER_PAUSE' : 'ACTIVE',
      modelRandom,
      builder(modelRandom),
      members(primary, modelRandom),
    );
    for (const type of areaTypeCodes) {
      if (type === primary || !modelRandom.chance(extraChance(type, area))) continue;
      const fate = modelRandom.weighted<Fate>({ ACTIVE: 64, ACTIVE_AFTER_PAUSE: 8, SUSPENDED: 10, DISSOLVED: 8, IN_PROGRESS: 10 });
      addModel(type, { area }, fate, modelRandom, builder(modelRandom), members(type, modelRandom));
    }
  }
  for (const org of orgs) {
    if (org.row.kind !== 'ENTERPRISE' || (org.row.enterpriseSize !== 'MEDIUM' && org.row.enterpriseSize !== 'LARGE')) continue;
    addModel(
      'DOANH_NGHIEP_AN_TOAN',
      { org },
      modelRandom.weighted<Fate>({ ACTIVE: 85, ACTIVE_AFTER_PAUSE: 0, SUSPENDED: 10, DISSOLVED: 5, IN_PROGRESS: 0 }),
      modelRandom,
      'AGENCY_SECURITY_UNIT',
      null,
    );
    if (modelRandom.chance(0.3)) addModel('CAMERA_AN_NINH', { org }, 'ACTIVE', modelRandom, 'AGENCY_SECURITY_UNIT', null);
  }
  // Every type active on DEMO_AS_OF, whatever the seed drew.
  const activeOn = (modelId: string, date: Day) => isActiveOn(lifecycleOrThrow(planned.get(modelId)!), date);
  for (const t of DEMO_MODEL_TYPES) {
    const type = typeOf(t.code);
    if (models.some((m) => m.modelTypeId === type.id && activeOn(m.id, DEMO_AS_OF))) continue;
    const taken = new Set(models.filter((m) => m.modelTypeId === type.id).map((m) => m.residentialAreaId ?? m.organizationId));
    if (t.code === 'DOANH_NGHIEP_AN_TOAN') {
      const org = orgs.find((o) => o.row.kind === 'ENTERPRISE' && !taken.has(o.row.id));
      if (!org) throw new Error('the demo has no enterprise to host a "Doanh nghiệp an toàn về ANTT" model');
      addModel(t.code, { org }, 'ACTIVE', modelRandom, 'AGENCY_SECURITY_UNIT', null);
    } else {
      const candidates = areas.filter((a) => !taken.has(a.row.id) && (t.code !== 'TU_QUAN_DUONG_BIEN' || a.border));
      const area = modelRandom.pick(candidates.length > 0 ? candidates : areas.filter((a) => !taken.has(a.row.id)));
      addModel(t.code, { area }, 'ACTIVE', modelRandom, builder(modelRandom), members(t.code, modelRandom));
    }
  }

  // --- People: well-formed, visibly fake identity numbers and phones. ---------------------
  const people = new FakePeople();
  const fakePerson = (random: Random, female: boolean, birthDate: Day) => people.next(random, female, birthDate);
  const addressIn = (random: Random, area: AreaInfo) =>
    `Số ${random.int(1, 250)}, ${[area.row.name, area.commune.fullName, area.district.fullName, input.province.fullName].map(lowerFirst).join(', ')}`;

  // Members of the crime-prevention squads and motorbike-taxi teams, where recorded.
  const memberRandom = new Random(seed, 'model-members');
  const modelMembers: ModelMemberRow[] = [];
  for (const m of models) {
    const type = modelTypes.find((t) => t.id === m.modelTypeId)!.code;
    const area = modelArea.get(m.id);
    if ((type !== 'TO_XUNG_KICH' && type !== 'DOI_XE_OM_TU_QUAN') || !area || m.memberCount === null) continue;
    const plan = planned.get(m.id)!;
    const established = plan.find((e) => e.kind === 'ESTABLISH');
    if (!established) continue;
    const dissolved = plan.find((e) => e.kind === 'DISSOLVE');
    for (let i = 0; i < m.memberCount; i++) {
      const person = fakePerson(
        memberRandom,
        memberRandom.chance(0.08),
        birthDateFor(memberRandom, established.date, memberRandom.int(22, 58)),
      );
      modelMembers.push({
        id: uuid('ModelMember', `${m.id}/${i + 1}`),
        modelId: m.id,
        ...person,
        position: i === 0 ? 'Tổ trưởng' : i === 1 ? 'Tổ phó' : 'Thành viên',
        address: addressIn(memberRandom, area),
        joinedOn: established.date,
        leftOn: dissolved?.date ?? null,
      });
    }
  }

  // --- Replication points: later models of a type replicate the district's first one. -----
  const replicationRandom = new Random(seed, 'replication');
  const replicationPoints: ReplicationPointRow[] = [];
  const activated = (id: string) => planned.get(id)!.find((e) => e.kind === 'ACTIVATE')?.date;
  const groups = new Map<string, ModelRow[]>();
  for (const m of models) {
    if (!activated(m.id)) continue;
    const key = `${modelDistrict.get(m.id)!.code}/${m.modelTypeId}`;
    groups.set(key, [...(groups.get(key) ?? []), m]);
  }
  for (const key of [...groups.keys()].sort()) {
    const list = groups.get(key)!.sort((a, b) => activated(a.id)!.localeCompare(activated(b.id)!) || a.id.localeCompare(b.id));
    const source = list[0]!;
    for (const replica of list.slice(1)) {
      const proposed = planned.get(replica.id)![0]!.date;
      if (proposed <= activated(source.id)! || !replicationRandom.chance(0.25)) continue;
      replicationPoints.push({
        id: uuid('ReplicationPoint', `${source.id}/${replica.id}`),
        sourceModelId: source.id,
        replicaModelId: replica.id,
        replicatedOn: replica.foundedOn,
      });
    }
  }

  // --- Model evaluations, 2023 and 2024. --------------------------------------------------
  const evaluationRandom = new Random(seed, 'model-evaluations');
  const modelEvaluations: ModelEvaluationRow[] = [];
  for (const m of models) {
    const lifecycle = lifecycleOrThrow(planned.get(m.id)!);
    for (const year of [2023, 2024]) {
      const evaluatedOn = evaluationRandom.date(`${year}-12-05`, `${year}-12-28`);
      const state = stateOn(lifecycle, evaluatedOn);
      if ((state !== 'ACTIVE' && state !== 'SUSPENDED') || !canRateModel(lifecycle, evaluatedOn, DEMO_MODEL_RATING_MINIMUM_DAYS).pass)
        continue;
      const effective = state === 'ACTIVE' && evaluationRandom.chance(0.88);
      modelEvaluations.push({
        id: uuid('ModelEvaluation', `${m.id}/${year}`),
        modelId: m.id,
        periodFrom: `${year}-01-01`,
        periodTo: `${year}-12-31`,
        evaluatedOn,
        outcome: effective ? 'EFFECTIVE' : 'NOT_EFFECTIVE',
        note: state === 'SUSPENDED' ? 'Mô hình đang tạm ngưng hoạt động' : null,
      });
    }
  }

  // --- Security teams from 2024-07-01, one per one or two areas of a commune. ------------
  const teamRandom = new Random(seed, 'security-teams');
  const securityTeams: SecurityTeamRow[] = [];
  const securityTeamAreas: SecurityTeamAreaRow[] = [];
  const teamMembers: TeamMemberRow[] = [];
  const teamAreas = new Map<string, AreaInfo[]>();
  for (const commune of communes) {
    const mine = areas.filter((a) => a.commune.id === commune.id);
    const establishedOn = teamRandom.chance(0.7) ? SECURITY_TEAMS_FROM : teamRandom.date(addDays(SECURITY_TEAMS_FROM, 1), '2024-09-30');
    for (let i = 0; i < mine.length;) {
      const a = mine[i]!;
      const b = mine[i + 1];
      const covered = b && a.row.households < 320 && b.row.households < 320 && teamRandom.chance(0.8) ? [a, b] : [a];
      i += covered.length;
      const id = uuid('SecurityTeam', covered.map((x) => x.row.id).join('+'));
      securityTeams.push({
        id,
        name: `Tổ bảo vệ an ninh, trật tự ${covered.map((x) => lowerFirst(x.row.name)).join(' và ')}`,
        communeId: commune.id,
        communeCode: commune.code,
        // Filed under its commune then and wherever its areas have been placed since (the
        // units of today included), so that today's officers find the teams of their areas.
        placeCodes: [
          ...new Set([
            ...placeCodesOf(commune),
            ...covered.flatMap((x) =>
              x.placements.filter((p) => p.to === null || p.to >= establishedOn).flatMap((p) => placeCodesOf(p.unit)),
            ),
          ]),
        ],
        establishedOn,
        dissolvedOn: null,
        datasetId,
      });
      teamAreas.set(id, covered);
      for (const x of covered) securityTeamAreas.push({ teamId: id, residentialAreaId: x.row.id });
      const size = prescribedTeamSize(
        [DEMO_TEAM_SIZE_PACK],
        { provinceCode: DEMO_PROVINCE_CODE, households: covered.reduce((s, x) => s + x.row.households, 0), keyArea: false },
        establishedOn,
      );
      if (!size.ok) throw new Error(`no team size for ${id}: ${size.error.code}`);
      for (let k = 0; k < size.members; k++) {
        const role: TeamRole = k === 0 ? 'LEADER' : k === 1 ? 'DEPUTY' : 'MEMBER';
        const age = teamRandom.chance(0.06) ? teamRandom.int(63, 69) : teamRandom.int(24, 62);
        const female = teamRandom.chance(0.1);
        const person = fakePerson(teamRandom, female, birthDateFor(teamRandom, establishedOn, age));
        const residentSince = teamRandom.chance(0.6)
          ? person.birthDate
          : maxDay(person.birthDate, teamRandom.date(addYears(establishedOn, -30), addYears(establishedOn, -2)));
        const member: TeamMemberRow = {
          id: uuid('TeamMember', `${id}/${k + 1}`),
          teamId: id,
          ...person,
          address: addressIn(teamRandom, covered[teamRandom.int(0, covered.length - 1)]!),
          role,
          joinedOn: establishedOn,
          leftOn: null,
          education: teamRandom.weighted<EducationLevel>({
            NONE: 0,
            PRIMARY: 0,
            LOWER_SECONDARY: 45,
            UPPER_SECONDARY: 45,
            POST_SECONDARY: 10,
          }),
          residentSince,
          cleanRecord: true,
          hasHealthCertificate: true,
          over70ApprovedByCommuneChairman: false,
        };
        const eligible = checkMemberEligibility(member, { date: establishedOn, borderMountainOrEthnicMinorityArea: false });
        if (!eligible.pass) throw new Error(`demo team member ${member.id} is not eligible: ${JSON.stringify(eligible.failures)}`);
        teamMembers.push(member);
      }
    }
  }

  // --- Team evaluations for DEMO_TEAM_EVALUATION_YEAR, checked commune by commune. -------
  const year = DEMO_TEAM_EVALUATION_YEAR;
  const periodEnd = teamEvaluationPeriod(year).to;
  const teamEvalRandom = new Random(seed, 'team-evaluations');
  const teamEvaluations: TeamEvaluationRow[] = [];
  const teamMemberEvaluations: TeamMemberEvaluationRow[] = [];
  const byEvaluatingCommune = new Map<string, SecurityTeamRow[]>();
  for (const team of securityTeams) {
    const commune = teamAreas.get(team.id)![0]!.placements.find((p) => intervalContains({ from: p.from, to: p.to }, periodEnd))?.unit;
    if (!commune) continue; // the area no longer exists: no rating
    byEvaluatingCommune.set(commune.id, [...(byEvaluatingCommune.get(commune.id) ?? []), team]);
  }
  const membersOf = new Map<string, TeamMemberRow[]>();
  for (const m of teamMembers) membersOf.set(m.teamId, [...(membersOf.get(m.teamId) ?? []), m]);
  for (const communeId of [...byEvaluatingCommune.keys()].sort()) {
    const teams = byEvaluatingCommune.get(communeId)!.map((t) => ({
      id: t.id,
      activeSince: t.establishedOn,
      members: (membersOf.get(t.id) ?? []).map((m) => ({ id: m.id, role: m.role, activeSince: m.joinedOn })),
    }));
    const rated = rateCommuneTeams(teamEvalRandom, year, teams, uuid, `demo commune ${communeId}`);
    teamEvaluations.push(...rated.teamEvaluations);
    teamMemberEvaluations.push(...rated.memberEvaluations);
  }

  const rows: DemoRows = {
    dataset: {
      id: datasetId,
      kind: 'DEMO',
      name: `Dữ liệu mẫu: ${input.province.fullName} trước ngày 01/7/2025`,
      seed,
      parameters: {
        provinceCode: input.province.code,
        asOf: DEMO_AS_OF,
        residentialAreas: DEMO_RESIDENTIAL_AREAS,
        modelRatingMinimumActiveDays: DEMO_MODEL_RATING_MINIMUM_DAYS,
        teamEvaluationYear: DEMO_TEAM_EVALUATION_YEAR,
        teamSizePack: DEMO_TEAM_SIZE_PACK,
        personalData: 'fake: citizen ids start with 000 (no such province), phones are 0X0000NNNN',
      },
      summary: {},
    },
    residentialAreas: areas.map((a) => a.row),
    residentialAreaPlacements: areaPlacements,
    organizations: orgs.map((o) => o.row),
    organizationPlacements: orgPlacements,
    modelCatalogues: [catalogue],
    modelTypes,
    models,
    lifecycleEvents: events,
    modelMembers,
    replicationPoints,
    modelEvaluations,
    securityTeams,
    securityTeamAreas,
    teamMembers,
    teamEvaluations,
    teamMemberEvaluations,
  };
  rows.dataset.summary = countsOf(rows);
  return rows;
}

/** Rows per table. */
export function countsOf(rows: DemoRows): Record<DemoTable, number> {
  const { dataset: _dataset, ...tables } = rows;
  return Object.fromEntries(Object.entries(tables).map(([k, v]) => [k, v.length])) as Record<DemoTable, number>;
}

/**
 * Splits `total` into parts proportional to `weights`, each at least `minimum`, summing
 * exactly to `total` (largest remainders get the leftover units).
 */
export function apportion(total: number, weights: readonly number[], minimum: number): number[] {
  const spare = total - minimum * weights.length;
  if (spare < 0) throw new Error(`cannot give ${weights.length} parts at least ${minimum} each out of ${total}`);
  const sum = weights.reduce((s, w) => s + w, 0);
  const exact = weights.map((w) => (spare * w) / sum);
  const parts = exact.map((x) => Math.floor(x));
  let left = spare - parts.reduce((s, x) => s + x, 0);
  const order = exact.map((x, i) => [x - Math.floor(x), i] as const).sort((a, b) => b[0] - a[0] || a[1] - b[1]);
  for (const [, i] of order) {
    if (left-- <= 0) break;
    parts[i]!++;
  }
  return parts.map((p) => p + minimum);
}
