/**
 * The demo data as plain rows, computed from the real units of Bình Phước and a seed:
 * pure and deterministic (no clock, no database, no Math.random), so the same seed gives
 * the same rows, ids included. `seed.ts` reads the units and writes the rows.
 */
import {
  isActiveOn,
  lifecycleOrThrow,
  prescribedTeamSize,
  searchKey,
  type EnterpriseSize,
  type HostKind,
  type IsoDate,
  type ResidentialAreaKind,
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
  type DemoModelTypeCode,
} from './catalogue.js';
import { areaSuffixes, ENTERPRISE_BRANDS, ENTERPRISE_FORMS, ENTERPRISE_TRADES, lowerFirst } from './names.js';
import { demoUuid, Random } from './random.js';
import type { LifecycleWindow, PlannedEvent } from '../generator/lifecycle.js';
import {
  builderOf,
  drawAreaModels,
  drawOrganizationModels,
  makeModel,
  memberCountOf,
  modelEvaluationRows,
  replicationPointRows,
  squadMemberRows,
  type ModelDraft,
  type ModelHost,
  type ModelMaker,
} from '../generator/models.js';
import { FakePeople } from '../generator/people.js';
import { placementChain, placementRowsOf, type Placement } from '../generator/placements.js';
import { residentialAreaRow } from '../generator/areas.js';
import { communeTeams, rateTeams, type TeamArea, type TeamOptions } from '../generator/teams.js';
import type { DemoLink, DemoUnit } from '../generator/units.js';
import type {
  ActivityTable,
  AssessmentTable,
  RecognitionTable,
  DatasetRow,
  GeneratedTables,
  LifecycleEventRow,
  ModelCatalogueRow,
  ModelRow,
  ModelTypeRow,
  OrganizationPlacementRow,
  OrganizationRow,
  PlacementRow,
  ResidentialAreaPlacementRow,
  ResidentialAreaRow,
  SecurityTeamAreaRow,
  SecurityTeamRow,
  TeamMemberRow,
} from '../generator/rows.js';

export type * from '../generator/rows.js';
export type * from '../generator/units.js';

// ---------------------------------------------------------------------------------------
// Input: the real administrative units the demo is built on.

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
export interface DemoRows extends Omit<
  GeneratedTables,
  'tips' | 'tipEvents' | 'tipMessages' | ActivityTable | RecognitionTable | AssessmentTable
> {
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

/** Where an area or organization sits: its commune version by version, following the lineage. */

interface AreaInfo extends TeamArea {
  readonly row: ResidentialAreaRow;
  readonly commune: DemoUnit;
  readonly district: DemoUnit;
  readonly urban: boolean;
  readonly border: boolean;
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
    areaSuffixes(areaRandom, n).forEach((suffix, i) => {
      const id = uuid('ResidentialArea', `${commune.code}/${i + 1}`);
      const name = `${AREA_LABEL[kind]} ${suffix}`;
      const households = urban ? areaRandom.int(300, 1100) : areaRandom.int(180, 650);
      const placements = placementsOf(commune, areaRandom);
      const row = residentialAreaRow(areaRandom, { id, name, kind, households, datasetId }, placements);
      areas.push({ id, name, households, row, commune, district, urban, border: BORDER_DISTRICTS.has(district.fullName), placements });
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
  // --- Models and their lifecycles (generator/models.ts). ---------------------------------
  const modelRandom = new Random(seed, 'models');
  const models: ModelRow[] = [];
  const events: LifecycleEventRow[] = [];
  const planned = new Map<string, PlannedEvent[]>();
  const modelArea = new Map<string, AreaInfo>();
  const modelDistrict = new Map<string, DemoUnit>();
  const hostCommune = new Map<string, DemoUnit>();
  let decisionNo = 0;
  const maker: ModelMaker = {
    types: typeByCode,
    window: DEMO_LIFECYCLE_WINDOW,
    random: modelRandom,
    uuid,
    datasetId,
    issuerOn: (host) => hostCommune.get(host.id)!,
    nextDecision: () => ++decisionNo,
  };
  const areaHost = (area: AreaInfo): ModelHost => {
    hostCommune.set(area.id, area.commune);
    return { kind: 'RESIDENTIAL_AREA', id: area.id, name: area.name };
  };
  const orgHost = (org: OrgInfo): ModelHost => {
    hostCommune.set(org.row.id, org.commune);
    return { kind: 'ORGANIZATION', id: org.row.id, name: org.row.name };
  };
  const addModel = (draft: ModelDraft) => {
    const key = `${draft.host.kind === 'RESIDENTIAL_AREA' ? 'area' : 'org'}/${draft.host.id}/${draft.type}`;
    const id = uuid('Model', key);
    if (planned.has(id)) throw new Error(`model ${key} generated twice`);
    const made = makeModel(maker, draft, id);
    models.push(made.row);
    events.push(...made.events);
    planned.set(id, made.plan);
    const area = areaById.get(draft.host.id);
    if (area) modelArea.set(id, area);
    modelDistrict.set(id, area ? area.district : orgById.get(draft.host.id)!.district);
  };
  const areaById = new Map(areas.map((a) => [a.id, a]));
  const orgById = new Map(orgs.map((o) => [o.row.id, o]));
  const areaTypeCodes = DEMO_MODEL_TYPES.filter((t) => (t.hostKinds as readonly HostKind[]).includes('RESIDENTIAL_AREA')).map(
    (t) => t.code,
  );
  for (const area of areas) {
    // The first model is active on DEMO_AS_OF, so every area is covered.
    drawAreaModels(
      areaHost(area),
      areaTypeCodes,
      {
        extraChance: (type) => extraChance(type as DemoModelTypeCode, area),
        extraFates: { ACTIVE: 64, ACTIVE_AFTER_PAUSE: 8, SUSPENDED: 10, DISSOLVED: 8, IN_PROGRESS: 10 },
        primaryDrawnAgain: false,
      },
      modelRandom,
      addModel,
    );
  }
  for (const org of orgs) {
    const host = orgHost(org);
    drawOrganizationModels(
      host,
      { kind: org.row.kind, size: org.row.enterpriseSize },
      { enterpriseFates: { ACTIVE: 85, SUSPENDED: 10, DISSOLVED: 5 } },
      modelRandom,
      addModel,
    );
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
      addModel({ type: t.code, host: orgHost(org), fate: 'ACTIVE', builtBy: 'AGENCY_SECURITY_UNIT', memberCount: null });
    } else {
      const candidates = areas.filter((a) => !taken.has(a.id) && (t.code !== 'TU_QUAN_DUONG_BIEN' || a.border));
      const area = modelRandom.pick(candidates.length > 0 ? candidates : areas.filter((a) => !taken.has(a.id)));
      addModel({
        type: t.code,
        host: areaHost(area),
        fate: 'ACTIVE',
        builtBy: builderOf(modelRandom),
        memberCount: memberCountOf(t.code, modelRandom),
      });
    }
  }

  // --- People: well-formed, visibly fake identity numbers and phones. ---------------------
  const people = new FakePeople();
  const fakePerson = (random: Random, female: boolean, birthDate: Day) => people.next(random, female, birthDate);
  const addressIn = (random: Random, area: AreaInfo) =>
    `Số ${random.int(1, 250)}, ${[area.row.name, area.commune.fullName, area.district.fullName, input.province.fullName].map(lowerFirst).join(', ')}`;
  const typeCodeById = new Map(modelTypes.map((t) => [t.id, t.code]));

  // Members of the crime-prevention squads and motorbike-taxi teams, where recorded.
  const modelMembers = squadMemberRows(models, {
    typeCodeOf: (m) => typeCodeById.get(m.modelTypeId)!,
    areaOf: (m) => modelArea.get(m.id),
    planned,
    random: new Random(seed, 'model-members'),
    person: fakePerson,
    address: addressIn,
    uuid,
  });

  // --- Replication points: later models of a type replicate the district's first one. -----
  const replicationPoints = replicationPointRows(models, {
    groupOf: (m) => `${modelDistrict.get(m.id)!.code}/${m.modelTypeId}`,
    planned,
    chance: 0.25,
    random: new Random(seed, 'replication'),
    uuid,
  });

  // --- Model evaluations, 2023 and 2024. --------------------------------------------------
  const modelEvaluations = modelEvaluationRows(models, {
    lifecycleOf: (m) => lifecycleOrThrow(planned.get(m.id)!),
    years: [2023, 2024],
    minimumDays: DEMO_MODEL_RATING_MINIMUM_DAYS,
    random: new Random(seed, 'model-evaluations'),
    uuid,
  });

  // --- Security teams from 2024-07-01, one per one or two areas of a commune (generator/teams.ts). ---
  const teamRandom = new Random(seed, 'security-teams');
  const securityTeams: SecurityTeamRow[] = [];
  const securityTeamAreas: SecurityTeamAreaRow[] = [];
  const teamMembers: TeamMemberRow[] = [];
  const teamAreas = new Map<string, AreaInfo[]>();
  const teamOptions: TeamOptions<AreaInfo> = {
    random: teamRandom,
    uuid,
    datasetId,
    pairBelow: 320,
    pairChance: 0.8,
    placeCodesOf,
    sizeOf: (households, on) =>
      prescribedTeamSize([DEMO_TEAM_SIZE_PACK], { provinceCode: DEMO_PROVINCE_CODE, households, keyArea: false }, on),
    femaleChance: 0.1,
    education: { LOWER_SECONDARY: 45, UPPER_SECONDARY: 45, POST_SECONDARY: 10 },
    borderMountainOrEthnicMinorityArea: false,
    person: fakePerson,
    address: addressIn,
  };
  for (const commune of communes) {
    const made = communeTeams(
      commune,
      areas.filter((a) => a.commune.id === commune.id),
      teamOptions,
    );
    securityTeams.push(...made.teams);
    securityTeamAreas.push(...made.teamAreas);
    teamMembers.push(...made.members);
    for (const [id, covered] of made.covered) teamAreas.set(id, covered);
  }

  // --- Team evaluations for DEMO_TEAM_EVALUATION_YEAR, checked commune by commune. -------
  const rated = rateTeams(securityTeams, {
    years: [DEMO_TEAM_EVALUATION_YEAR],
    placementsOf: (t) => teamAreas.get(t.id)![0]!.placements,
    members: teamMembers,
    random: new Random(seed, 'team-evaluations'),
    uuid,
  });
  const teamEvaluations = rated.teamEvaluations;
  const teamMemberEvaluations = rated.memberEvaluations;

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
