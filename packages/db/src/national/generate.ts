/**
 * The national-scale data as plain rows, computed from the real administrative units and
 * the arguments: pure and deterministic (no clock, no database, no Math.random). The
 * residential areas are spread over the real communes of the era before 2025-07-01 and
 * placed, through the lineage, in the communes that succeeded them, as the demo does.
 *
 * Work is cut by province of today (34): `planNational` decides how many areas each old
 * commune gets and which province of today it went into; `generateProvince` makes every
 * row of one province. Each province draws from random streams of its own, so a run with
 * `--province` gives that province the rows a national run gives it, and the rows of one
 * province can be written and dropped before the next is made (memory stays that of the
 * largest province, whatever the scale).
 */
import { createHash } from 'node:crypto';
import {
  addDays,
  intervalContains,
  lifecycleOrThrow,
  prescribedTeamSize,
  searchKey,
  TIP_CATEGORIES,
  type CoverageData,
  type EnterpriseSize,
  type IsoDate,
  type ResidentialAreaKind,
  type TeamSizePack,
  type TipStatus,
} from '@antq/core';
import {
  generateActivities,
  sealReintegration,
  type ActivityCommune,
  type FollowUpRow,
  type InspectionRow,
  type OutreachRow,
  type ReintegrationDraft,
} from '../generator/activities.js';
import { generateRecognition } from '../generator/recognition.js';
import type { Seal } from '../sealed.js';
import { coverageDataOf } from '../generator/coverage.js';
import { residentialAreaRow } from '../generator/areas.js';
import { apportion } from '../demo/generate.js';
import type { DemoUnit } from '../generator/units.js';
import { areaSuffixes, ENTERPRISE_BRANDS, ENTERPRISE_FORMS, ENTERPRISE_TRADES, lowerFirst } from '../demo/names.js';
import { demoUuid, Random } from '../demo/random.js';
import type { PlannedEvent } from '../generator/lifecycle.js';
import {
  drawAreaModels,
  drawOrganizationModels,
  makeModel,
  modelEvaluationRows,
  push,
  replicationPointRows,
  squadMemberRows,
  type ModelDraft,
  type ModelMaker,
  type OrganizationModelOdds,
} from '../generator/models.js';
import { birthDateFor, FakePeople } from '../generator/people.js';
import type { GeneratedTables, PlacementRow, SealText, SecurityTeamRow } from '../generator/rows.js';
import { placementChain, placementRowsOf, type Placement } from '../generator/placements.js';
import { communeTeams, rateTeams } from '../generator/teams.js';
import {
  ACTIVITY_YEARS,
  AREA_LABELS,
  RECOGNITION_YEARS,
  areaKindsOf,
  BORDER_PROVINCES,
  LOWER_EDUCATION_PROVINCES,
  MODEL_EVALUATION_YEARS,
  NATIONAL_AREAS_AT_SCALE_1,
  NATIONAL_AS_OF,
  NATIONAL_CATALOGUE_CODE,
  NATIONAL_LIFECYCLE_WINDOW,
  NATIONAL_MODEL_RATING_MINIMUM_DAYS,
  NATIONAL_MODEL_TYPES,
  OLD_ERA_LAST_DAY,
  TEAM_EVALUATION_YEARS,
  teamSizePackOf,
  TIP_INFORMANT_MESSAGES,
  TIP_OFFICER_MESSAGES,
  TIP_TEXTS,
  TIPS_FROM,
  TIPS_TO,
  type NationalModelTypeCode,
} from './parameters.js';

type Day = IsoDate;

/** A lineage link as the generator needs it. */
export interface NationalLink {
  readonly predecessorId: string;
  readonly successorId: string;
  readonly kind: 'FULL' | 'PARTIAL';
}

/** What the generator reads: every administrative unit of every era, and the lineage. */
export interface NationalInput {
  readonly units: readonly DemoUnit[];
  readonly links: readonly NationalLink[];
}

/** What the generator is asked for. */
export interface NationalOptions {
  readonly seed: number;
  /** 1: about 100,000 residential areas; any positive number scales every count. */
  readonly scale: number;
  /** Only this province of today (a 2-digit code); all 34 when absent. */
  readonly province?: string;
}

/** The units as maps, and the per-commune plan. */
export interface NationalPlan {
  readonly options: NationalOptions;
  readonly datasetId: string;
  /** Today's provinces to generate, by code, with their old-era communes and area counts. */
  readonly provinces: readonly ProvincePlan[];
  /** The national catalogue's rows (written once, before the provinces). */
  readonly catalogue: Pick<GeneratedTables, 'modelCatalogues' | 'modelTypes'>;
  readonly world: World;
  /** Old-era communes in the whole country (whatever the scale or `province`): a commune's share of the activities is its areas over NATIONAL_AREAS_AT_SCALE_1 / this. */
  readonly communesNationwide: number;
}

export interface ProvincePlan {
  /** Today's province. */
  readonly province: DemoUnit;
  /** Old-era communes whose areas went into it, by code, each with its number of areas (> 0). */
  readonly communes: ReadonlyArray<{ readonly commune: DemoUnit; readonly areas: number }>;
  readonly residentialAreas: number;
}

/** The administrative units, indexed. */
export class World {
  readonly byId = new Map<string, DemoUnit>();
  private readonly byCode = new Map<string, DemoUnit[]>();
  private readonly linksFrom = new Map<string, NationalLink[]>();

  constructor(input: NationalInput) {
    for (const u of input.units) {
      this.byId.set(u.id, u);
      push(this.byCode, u.code, u);
    }
    for (const l of input.links) {
      if (!this.byId.has(l.predecessorId) || !this.byId.has(l.successorId)) continue;
      push(this.linksFrom, l.predecessorId, l);
    }
    for (const list of this.linksFrom.values())
      list.sort((a, b) => this.byId.get(a.successorId)!.code.localeCompare(this.byId.get(b.successorId)!.code));
  }

  /** The unit with `code` valid on `date`, if any. */
  unitOn(code: string, date: Day): DemoUnit | undefined {
    return this.byCode.get(code)?.find((u) => intervalContains({ from: u.validFrom, to: u.validTo }, date));
  }

  /** Links from `unit` to its successors, ordered by the successor's code. */
  successorsOf(unit: DemoUnit): readonly NationalLink[] {
    return this.linksFrom.get(unit.id) ?? [];
  }

  private readonly codes = new Map<string, string[]>();
  private readonly chains = new Map<string, DemoUnit[]>();

  /** The codes of a unit and every unit above it in its own era (as `placeCodes` hold them). */
  codesOf(unit: DemoUnit): string[] {
    let codes = this.codes.get(unit.id);
    if (!codes) this.codes.set(unit.id, (codes = this.computeCodesOf(unit)));
    return [...codes];
  }

  private computeCodesOf(unit: DemoUnit): string[] {
    const on = unit.validTo ?? unit.validFrom ?? OLD_ERA_LAST_DAY;
    const codes = [unit.code];
    for (let parent = unit.parentCode; parent;) {
      codes.push(parent);
      parent = this.unitOn(parent, on)?.parentCode ?? null;
    }
    return codes;
  }

  /** The province (code) a unit of any era belongs to. */
  provinceCodeOf(unit: DemoUnit): string {
    this.codesOf(unit);
    return this.codes.get(unit.id)!.at(-1)!;
  }

  /** The units `unit` passed into, FULL link first, else the first by code, to a unit still valid. */
  mainChain(unit: DemoUnit): readonly DemoUnit[] {
    let chain = this.chains.get(unit.id);
    if (!chain) this.chains.set(unit.id, (chain = this.computeMainChain(unit)));
    return chain;
  }

  private computeMainChain(unit: DemoUnit): DemoUnit[] {
    const out = [unit];
    for (let u = unit; u.validTo !== null;) {
      const links = this.successorsOf(u);
      const next = links.find((l) => l.kind === 'FULL') ?? links[0];
      if (!next) break;
      u = this.byId.get(next.successorId)!;
      out.push(u);
    }
    return out;
  }

  /**
   * The codes under which a record placed in `commune` is found today: its own place then,
   * and the place of every commune still valid that it has since passed into, fully or
   * partly (as the API's placeCodesUntil does for tips).
   */
  placeCodesUntilToday(commune: DemoUnit): string[] {
    const codes = new Set(this.codesOf(commune));
    let frontier = [commune];
    for (let step = 0; step < 5 && frontier.length > 0; step++) {
      const next: DemoUnit[] = [];
      for (const u of frontier) {
        if (u.validTo === null) continue;
        for (const l of this.successorsOf(u)) {
          const s = this.byId.get(l.successorId)!;
          if (s.level !== 'COMMUNE') continue;
          if (s.validTo === null) for (const c of this.codesOf(s)) codes.add(c);
          else next.push(s);
        }
      }
      frontier = next;
    }
    return [...codes];
  }
}

/** Where an area or organization sits: one commune version after another. */

const within = (p: Placement, date: Day) => intervalContains({ from: p.from, to: p.to }, date);
const sha256 = (s: string) => createHash('sha256').update(s).digest('hex');

/** The uuid of a generated row: name-based, under the seed, in a namespace of its own (never a demo row's). */
export const nationalUuid = (seed: number) => (kind: string, key: string) => demoUuid(seed, `national/${kind}`, key);

/**
 * Decides what to generate: the old-era communes (valid on OLD_ERA_LAST_DAY), each with its
 * share of NATIONAL_AREAS_AT_SCALE_1 × scale areas (urban wards a little more), grouped by
 * the province of today each passed into. The shares are national, so a province gets the
 * same areas with or without `province`.
 */
export function planNational(input: NationalInput, options: NationalOptions): NationalPlan {
  if (!(options.scale > 0) || !Number.isFinite(options.scale)) throw new Error(`the scale must be a positive number, not ${options.scale}`);
  const world = new World(input);
  const uuid = nationalUuid(options.seed);
  // Communes of the old era that the lineage carries to a commune of today: the few whose
  // links the published data lacks (see the admin-units import's warnings) are left out,
  // since their areas could not be placed today.
  const communes = input.units
    .filter(
      (u) =>
        u.level === 'COMMUNE' &&
        intervalContains({ from: u.validFrom, to: u.validTo }, OLD_ERA_LAST_DAY) &&
        world.mainChain(u).at(-1)!.validTo === null,
    )
    .sort((a, b) => a.code.localeCompare(b.code));
  if (communes.length === 0) {
    throw new Error(
      `the national data needs the administrative units: no commune is valid on ${OLD_ERA_LAST_DAY}. Import them first (\`antq import admin-units\`).`,
    );
  }
  const weights = communes.map(
    (c) => (c.kind === 'XA' ? 1 : c.kind === 'PHUONG' ? 1.35 : 1.2) * (0.5 + new Random(options.seed, `weight/${c.code}`).next()),
  );
  const total = Math.max(1, Math.round(NATIONAL_AREAS_AT_SCALE_1 * options.scale));
  const counts = apportion(total, weights, 0);
  const byProvince = new Map<string, Array<{ commune: DemoUnit; areas: number }>>();
  communes.forEach((commune, i) => {
    if (counts[i] === 0) return;
    const today = world.mainChain(commune).at(-1)!;
    const code = world.provinceCodeOf(today);
    push(byProvince, code, { commune, areas: counts[i]! });
  });
  const todays = input.units.filter((u) => u.level === 'PROVINCE' && u.validTo === null).sort((a, b) => a.code.localeCompare(b.code));
  if (options.province !== undefined && !todays.some((p) => p.code === options.province)) {
    throw new Error(`no province of today has the code ${options.province}: one of ${todays.map((p) => p.code).join(', ')}`);
  }
  const provinces = todays
    .filter((p) => options.province === undefined || p.code === options.province)
    .map((province) => {
      const list = byProvince.get(province.code) ?? [];
      return { province, communes: list, residentialAreas: list.reduce((s, c) => s + c.areas, 0) };
    });
  const catalogueId = uuid('ModelCatalogue', NATIONAL_CATALOGUE_CODE);
  const catalogue: NationalPlan['catalogue'] = {
    modelCatalogues: [
      {
        id: catalogueId,
        code: NATIONAL_CATALOGUE_CODE,
        name: 'Danh mục mô hình tự quản về an ninh, trật tự (dữ liệu sinh toàn quốc)',
        scope: 'NATIONAL',
        provinceCode: null,
        datasetId: '',
      },
    ],
    modelTypes: NATIONAL_MODEL_TYPES.map((t) => ({
      id: uuid('ModelType', t.code),
      catalogueId,
      code: t.code,
      name: t.name,
      category: t.category,
      hostKinds: [...t.hostKinds],
      searchText: searchKey(t.name),
    })),
  };
  const scope = options.province === undefined ? 'all' : options.province;
  const datasetId = uuid('Dataset', `${options.scale}/${scope}`);
  catalogue.modelCatalogues[0]!.datasetId = datasetId;
  return { options, datasetId, provinces, catalogue, world, communesNationwide: communes.length };
}

/** State carried from one province to the next (so that numbers stay unique across the run). */
export class RunState {
  readonly people = new FakePeople();
  readonly tipNumbers = new Map<number, number>();
  decisions = 0;
  /** The serial of the next re-integration case's (fake) citizen id. */
  citizenSerial = 0;

  nextTipNumber(year: number): string {
    const n = (this.tipNumbers.get(year) ?? 0) + 1;
    this.tipNumbers.set(year, n);
    return `TG-${year}-${String(n).padStart(6, '0')}`;
  }
}

interface AreaInfo {
  readonly id: string;
  readonly name: string;
  readonly households: number;
  readonly commune: DemoUnit;
  readonly oldProvinceCode: string;
  readonly urban: boolean;
  readonly placements: readonly Placement[];
}

interface OrgInfo {
  readonly id: string;
  readonly name: string;
  readonly kind: 'ENTERPRISE' | 'SCHOOL';
  readonly size: EnterpriseSize | null;
  readonly placements: readonly Placement[];
}

/** An empty set of tables. */
export function emptyTables(): GeneratedTables {
  return {
    residentialAreas: [],
    residentialAreaPlacements: [],
    organizations: [],
    organizationPlacements: [],
    modelCatalogues: [],
    modelTypes: [],
    models: [],
    lifecycleEvents: [],
    modelMembers: [],
    replicationPoints: [],
    modelEvaluations: [],
    securityTeams: [],
    securityTeamAreas: [],
    teamMembers: [],
    teamEvaluations: [],
    teamMemberEvaluations: [],
    tips: [],
    tipEvents: [],
    tipMessages: [],
    inspections: [],
    inspectionFollowUps: [],
    outreachActivities: [],
    reintegrationCases: [],
    reintegrationMentors: [],
    reintegrationNotes: [],
    keyAreas: [],
    exemplars: [],
    commendations: [],
    influentialPeople: [],
    modelPartners: [],
    assessments: [],
    assessmentSteps: [],
  };
}

/**
 * Every row of one province of today. `seal` seals tip texts (no tips without it);
 * `sealPersonal` seals re-integration cases (none without it). Throws when a row would
 * break one of core's rules (a bug here, never expected).
 */
export function generateProvince(
  plan: NationalPlan,
  province: ProvincePlan,
  state: RunState,
  seal: SealText | undefined,
  sealPersonal?: Seal,
): GeneratedTables {
  const { world, datasetId } = plan;
  const seed = plan.options.seed;
  const uuid = nationalUuid(seed);
  const code = province.province.code;
  const stream = (name: string) => new Random(seed, `national/${name}/${code}`);
  const out = emptyTables();
  const homeOf = (commune: DemoUnit) => world.provinceCodeOf(world.mainChain(commune).at(-1)!);

  /** The commune versions of a record of `commune`: FULL successor first, else a PARTIAL one in the same province of today, picked at random. */
  const placementsOf = (commune: DemoUnit, random: Random): Placement[] => {
    const home = homeOf(commune);
    return placementChain(commune, (unit) => {
      const links = world.successorsOf(unit);
      const full = links.find((l) => l.kind === 'FULL');
      const local = links.filter((l) => world.provinceCodeOf(world.byId.get(l.successorId)!) === home);
      const next = full ?? (local.length > 0 ? random.pick(local) : links.length > 0 ? random.pick(links) : undefined);
      return next ? world.byId.get(next.successorId) : undefined;
    });
  };
  const placementRows = (placements: readonly Placement[], owner: string): PlacementRow[] =>
    placementRowsOf(placements, owner, uuid, (unit) => world.codesOf(unit));
  const placeOn = (placements: readonly Placement[], date: Day) => placements.find((p) => within(p, date))?.unit;

  // --- Residential areas. -------------------------------------------------------------
  const areaRandom = stream('residential-areas');
  const areas: AreaInfo[] = [];
  const areasOf = new Map<string, AreaInfo[]>();
  for (const { commune, areas: n } of province.communes) {
    const oldProvinceCode = world.provinceCodeOf(commune);
    const urban = commune.kind !== 'XA';
    const kind = areaRandom.weighted<ResidentialAreaKind>(areaKindsOf(oldProvinceCode, urban));
    const mine: AreaInfo[] = [];
    areaSuffixes(areaRandom, n).forEach((suffix, i) => {
      const id = uuid('ResidentialArea', `${commune.code}/${i + 1}`);
      const name = `${AREA_LABELS[kind]} ${suffix}`;
      const households = urban ? areaRandom.int(250, 900) : areaRandom.int(120, 450);
      const placements = placementsOf(commune, areaRandom);
      const area: AreaInfo = { id, name, households, commune, oldProvinceCode, urban, placements };
      out.residentialAreas.push(residentialAreaRow(areaRandom, { id, name, kind, households, datasetId }, placements));
      for (const p of placementRows(placements, id)) out.residentialAreaPlacements.push({ ...p, residentialAreaId: id });
      areas.push(area);
      mine.push(area);
    });
    areasOf.set(commune.id, mine);
  }

  // --- Organizations: enterprises and schools, a few per hundred areas. -----------------
  const orgRandom = stream('organizations');
  const orgs: OrgInfo[] = [];
  for (const { commune, areas: n } of province.communes) {
    for (let i = 0; i < n; i++) {
      if (orgRandom.chance(0.03)) {
        const id = uuid('Organization', `${commune.code}/enterprise/${i + 1}`);
        const name = `${orgRandom.pick(ENTERPRISE_FORMS)} ${orgRandom.pick(ENTERPRISE_TRADES)} ${orgRandom.pick(ENTERPRISE_BRANDS)} ${commune.name}`;
        const size = orgRandom.weighted<EnterpriseSize>({ MICRO: 0, SMALL: 3, MEDIUM: 5, LARGE: 2 });
        orgs.push({ id, name, kind: 'ENTERPRISE', size, placements: placementsOf(commune, orgRandom) });
      }
      if (orgRandom.chance(0.025)) {
        const level = orgRandom.chance(0.4) ? 'UPPER_SECONDARY' : 'LOWER_SECONDARY';
        const id = uuid('Organization', `${commune.code}/school/${i + 1}`);
        const name = `Trường ${level === 'UPPER_SECONDARY' ? 'THPT' : 'THCS'} ${commune.name}${i > 0 ? ` số ${i + 1}` : ''}`;
        orgs.push({ id, name, kind: 'SCHOOL', size: null, placements: placementsOf(commune, orgRandom) });
      }
    }
  }
  for (const o of orgs) {
    out.organizations.push({
      id: o.id,
      name: o.name,
      kind: o.kind,
      armedForces: null,
      enterpriseSize: o.size,
      schoolLevel: o.kind === 'SCHOOL' ? (o.name.includes('THPT') ? 'UPPER_SECONDARY' : 'LOWER_SECONDARY') : null,
      validFrom: null,
      validTo: o.placements.at(-1)!.to,
      searchText: searchKey(o.name),
      datasetId,
    });
    for (const p of placementRows(o.placements, o.id)) out.organizationPlacements.push({ ...p, organizationId: o.id });
  }

  // --- Models and their lifecycles (generator/models.ts). ---------------------------------
  const modelRandom = stream('models');
  const planned = new Map<string, PlannedEvent[]>();
  const modelGroup = new Map<string, string>(); // model → old district/type, for replication
  const hostPlacements = new Map<string, readonly Placement[]>();
  const maker: ModelMaker = {
    types: new Map(plan.catalogue.modelTypes.map((t) => [t.code, t])),
    window: NATIONAL_LIFECYCLE_WINDOW,
    random: modelRandom,
    uuid,
    datasetId,
    issuerOn: (host, date) => {
      const placements = hostPlacements.get(host.id)!;
      return placeOn(placements, date) ?? placements[0]!.unit;
    },
    nextDecision: () => ++state.decisions,
  };
  /** Adds a drafted model; a second one of a type in one host is dropped. */
  const addModel = (draft: ModelDraft) => {
    const id = uuid('Model', `${draft.host.id}/${draft.type}`);
    if (planned.has(id)) return;
    const made = makeModel(maker, draft, id);
    out.models.push(made.row);
    out.lifecycleEvents.push(...made.events);
    planned.set(id, made.plan);
    modelGroup.set(id, `${hostPlacements.get(draft.host.id)![0]!.unit.parentCode}/${draft.type}`);
  };
  /** Chances of the models other than an area's first, about half a model per area in all. */
  const extraChance = (type: NationalModelTypeCode, a: AreaInfo): number => {
    const base: Record<NationalModelTypeCode, number> = {
      TO_AN_NINH_NHAN_DAN: 0.07,
      DOI_DAN_PHONG: a.urban ? 0.12 : 0.07,
      TO_XUNG_KICH: 0.05,
      DOI_XE_OM_TU_QUAN: a.urban ? 0.08 : 0.015,
      KDC_KHONG_TOI_PHAM: 0.05,
      CAMERA_AN_NINH: a.urban ? 0.12 : 0.04,
      TO_LIEN_GIA_TU_QUAN: 0.04,
      DONG_HO_TU_QUAN: a.urban ? 0.01 : 0.035,
      TO_HOA_GIAI: 0.05,
      GIAO_XU_BINH_YEN: 0.02,
      CHO_AN_TOAN: a.urban ? 0.02 : 0.01,
      TIENG_KENG_AN_NINH: a.urban ? 0.015 : 0.07,
      TU_QUAN_DUONG_BIEN: BORDER_PROVINCES.has(a.oldProvinceCode) && !a.urban ? 0.1 : 0,
      DOANH_NGHIEP_AN_TOAN: 0,
      TRUONG_HOC_AN_TOAN: 0,
    };
    return base[type];
  };
  const areaTypes = NATIONAL_MODEL_TYPES.filter((t) => (t.hostKinds as readonly string[]).includes('RESIDENTIAL_AREA')).map((t) => t.code);
  for (const area of areas) {
    // Most areas have a first model active on NATIONAL_AS_OF; a few never got one.
    hostPlacements.set(area.id, area.placements);
    drawAreaModels(
      { kind: 'RESIDENTIAL_AREA', id: area.id, name: area.name },
      areaTypes,
      {
        primaryChance: 0.96,
        extraChance: (type) => extraChance(type as NationalModelTypeCode, area),
        extraFates: { ACTIVE: 58, ACTIVE_AFTER_PAUSE: 8, SUSPENDED: 12, DISSOLVED: 12, IN_PROGRESS: 10 },
        primaryDrawnAgain: true,
      },
      modelRandom,
      addModel,
    );
  }
  const organizationOdds: OrganizationModelOdds = {
    enterpriseFates: { ACTIVE: 80, SUSPENDED: 10, DISSOLVED: 10 },
    school: { chance: 0.6, fates: { ACTIVE: 85, SUSPENDED: 5, DISSOLVED: 5, IN_PROGRESS: 5 } },
  };
  for (const org of orgs) {
    hostPlacements.set(org.id, org.placements);
    drawOrganizationModels({ kind: 'ORGANIZATION', id: org.id, name: org.name }, org, organizationOdds, modelRandom, addModel);
  }
  const lifecycles = new Map([...planned].map(([id, plan]) => [id, lifecycleOrThrow(plan)]));

  // --- People. -----------------------------------------------------------------------------
  const areaById = new Map(areas.map((a) => [a.id, a]));
  const placesAbove = new Map<string, string>();
  const addressIn = (random: Random, area: AreaInfo, on: Day) => {
    const unit = placeOn(area.placements, on) ?? area.commune;
    let place = placesAbove.get(unit.id);
    if (place === undefined) {
      const above = world
        .codesOf(unit)
        .slice(1)
        .map((c) => world.unitOn(c, unit.validTo ?? unit.validFrom ?? OLD_ERA_LAST_DAY)?.fullName ?? c);
      placesAbove.set(unit.id, (place = [unit.fullName, ...above].map(lowerFirst).join(', ')));
    }
    return `Số ${random.int(1, 250)}, ${lowerFirst(area.name)}, ${place}`;
  };
  const person = (random: Random, female: boolean, birthDate: Day) => state.people.next(random, female, birthDate);
  const typeCodeById = new Map(plan.catalogue.modelTypes.map((t) => [t.id, t.code]));

  // Members of the crime-prevention squads and motorbike-taxi teams, where recorded (as the demo).
  out.modelMembers.push(
    ...squadMemberRows(out.models, {
      typeCodeOf: (m) => typeCodeById.get(m.modelTypeId)!,
      areaOf: (m) => (m.residentialAreaId ? areaById.get(m.residentialAreaId) : undefined),
      planned,
      random: stream('model-members'),
      person,
      address: addressIn,
      uuid,
    }),
  );

  // --- Replication points: later models of a type in an old district replicate its first. ---
  out.replicationPoints.push(
    ...replicationPointRows(out.models, {
      groupOf: (m) => modelGroup.get(m.id)!,
      planned,
      chance: 0.97,
      random: stream('replication'),
      uuid,
    }),
  );

  // --- Model evaluations, 2021–2025. ---------------------------------------------------------
  out.modelEvaluations.push(
    ...modelEvaluationRows(out.models, {
      lifecycleOf: (m) => lifecycles.get(m.id)!,
      years: MODEL_EVALUATION_YEARS,
      minimumDays: NATIONAL_MODEL_RATING_MINIMUM_DAYS,
      random: stream('model-evaluations'),
      uuid,
    }),
  );

  // --- Security teams from 2024-07-01, one per area or pair of small areas (generator/teams.ts). ---
  const teamRandom = stream('security-teams');
  const teamAreas = new Map<string, AreaInfo[]>();
  const packs = new Map<string, TeamSizePack>();
  for (const { commune } of province.communes) {
    const oldProvince = world.unitOn(world.provinceCodeOf(commune), OLD_ERA_LAST_DAY)!;
    const pack = packs.get(oldProvince.code) ?? teamSizePackOf(oldProvince.code, oldProvince.fullName);
    packs.set(oldProvince.code, pack);
    const lowerEducation = LOWER_EDUCATION_PROVINCES.has(oldProvince.code);
    const made = communeTeams(commune, areasOf.get(commune.id) ?? [], {
      random: teamRandom,
      uuid,
      datasetId,
      pairBelow: 200,
      pairChance: 0.5,
      placeCodesOf: (unit) => world.codesOf(unit),
      sizeOf: (households, on) =>
        prescribedTeamSize(
          [pack],
          { provinceCode: pack.provinceCode, households, residents: Math.round(households * 3.8), keyArea: false },
          on,
        ),
      femaleChance: 0.12,
      education: lowerEducation
        ? { PRIMARY: 20, LOWER_SECONDARY: 40, UPPER_SECONDARY: 35, POST_SECONDARY: 5 }
        : { LOWER_SECONDARY: 45, UPPER_SECONDARY: 45, POST_SECONDARY: 10 },
      borderMountainOrEthnicMinorityArea: lowerEducation,
      // About one member in twenty left in 2025 and was replaced, in the same role.
      replacedChance: 0.05,
      person,
      address: addressIn,
    });
    out.securityTeams.push(...made.teams);
    out.securityTeamAreas.push(...made.teamAreas);
    out.teamMembers.push(...made.members);
    for (const [id, covered] of made.covered) teamAreas.set(id, covered);
  }

  // --- Team evaluations, commune by commune of the period's end (Guidance 01). -------------
  const rated = rateTeams(out.securityTeams, {
    years: TEAM_EVALUATION_YEARS,
    placementsOf: (t) => teamAreas.get(t.id)![0]!.placements,
    members: out.teamMembers,
    random: stream('team-evaluations'),
    uuid,
  });
  out.teamEvaluations.push(...rated.teamEvaluations);
  out.teamMemberEvaluations.push(...rated.memberEvaluations);

  // --- Activities, 2021–2025: inspections, outreach, re-integration (generator/activities.ts). ---
  const made: ProvinceMade = { plan, province, state, out, areas, areasOf, planned, teamAreas, stream, placeOn };
  generateProvinceActivities(made, sealPersonal);

  // --- Key areas, exemplars, commendations (2021–2024), people of influence, model partners. ---
  generateProvinceRecognition(made);

  // --- Tips, 2021–2025, sealed with the server's key. -------------------------------------
  if (seal && areas.length > 0) {
    const tipRandom = stream('tips');
    const count = Math.round(areas.length * 0.6);
    for (let i = 0; i < count; i++) {
      const area = areas[tipRandom.int(0, areas.length - 1)]!;
      const occurredOn = tipRandom.date(TIPS_FROM, TIPS_TO);
      const commune = placeOn(area.placements, occurredOn);
      if (!commune) continue;
      const number = state.nextTipNumber(Number(occurredOn.slice(0, 4)));
      const id = uuid('Tip', number);
      const category = tipRandom.pick(TIP_CATEGORIES);
      const text = tipRandom.pick(TIP_TEXTS[category]).replace('{area}', area.name).replace('{commune}', commune.fullName);
      const informant = tipRandom.chance(0.55)
        ? state.people.next(tipRandom, tipRandom.chance(0.4), birthDateFor(tipRandom, occurredOn, tipRandom.int(20, 65)))
        : null;
      const contact = informant ? `${informant.fullName}, ${informant.phone}` : null;
      const received = addDays(occurredOn, tipRandom.int(0, 2));
      const receivedAt = `${received > NATIONAL_AS_OF ? NATIONAL_AS_OF : received}T${String(tipRandom.int(0, 23)).padStart(2, '0')}:${String(tipRandom.int(0, 59)).padStart(2, '0')}:00.000Z`;
      const officer = `commune-officer@${commune.code}`;
      // A path through core's TIP_TRANSITIONS, shorter for recent tips.
      const recent = occurredOn >= '2025-11-01';
      const path = tipRandom.weighted<string>(
        recent ? { R: 50, RV: 40, RVF: 10 } : { RVS: 45, RVFS: 15, RFS: 10, RVX: 12, RX: 5, RVF: 5, RV: 5, R: 3 },
      );
      const planned = [...path].map(
        (c) => ({ R: 'RECEIVED', V: 'VERIFYING', F: 'FORWARDED', S: 'RESOLVED', X: 'REJECTED' })[c] as TipStatus,
      );
      // Each step a day or more after the last, none after NATIONAL_AS_OF (a tip is then left where it stands).
      const statuses: TipStatus[] = [];
      let date = receivedAt.slice(0, 10);
      for (const [k, status] of planned.entries()) {
        if (k > 0) date = addDays(date, tipRandom.int(1, 20));
        if (date > NATIONAL_AS_OF) break;
        statuses.push(status);
        out.tipEvents.push({
          id: uuid('TipEvent', `${id}/${k + 1}`),
          tipId: id,
          status,
          date,
          actor: k === 0 ? 'system' : officer,
          note: null,
          createdAt: k === 0 ? receivedAt : `${date}T03:${String(k).padStart(2, '0')}:00.000Z`,
        });
      }
      out.tips.push({
        id,
        number,
        secretHash: sha256(uuid('TipSecret', number)),
        category,
        communeId: commune.id,
        placeCodes: world.placeCodesUntilToday(commune),
        occurredOn,
        bodyCiphertext: seal(text, { column: 'Tip.text', tipNumber: number }),
        contactCiphertext: contact === null ? null : seal(contact, { column: 'Tip.contact', tipNumber: number }),
        status: statuses.at(-1)!,
        receivedAt,
        datasetId,
      });
      if (tipRandom.chance(0.3)) {
        const n = tipRandom.int(1, 3);
        for (let k = 0; k < n; k++) {
          const author = k % 2 === 0 ? 'OFFICER' : 'INFORMANT';
          const at = addDays(receivedAt.slice(0, 10), k + 1);
          if (at > NATIONAL_AS_OF) break;
          out.tipMessages.push({
            id: uuid('TipMessage', `${id}/${k + 1}`),
            tipId: id,
            author,
            officer: author === 'OFFICER' ? officer : null,
            bodyCiphertext: seal(tipRandom.pick(author === 'OFFICER' ? TIP_OFFICER_MESSAGES : TIP_INFORMANT_MESSAGES), {
              column: 'TipMessage.text',
              tipId: id,
            }),
            createdAt: `${at}T04:${String(k).padStart(2, '0')}:00.000Z`,
          });
        }
      }
    }
  }
  return out;
}

/** What `generateProvince` hands its activities: the province's areas, models and teams as made. */
interface ProvinceMade {
  readonly plan: NationalPlan;
  readonly province: ProvincePlan;
  readonly state: RunState;
  readonly out: GeneratedTables;
  readonly areas: readonly AreaInfo[];
  readonly areasOf: ReadonlyMap<string, AreaInfo[]>;
  readonly planned: ReadonlyMap<string, PlannedEvent[]>;
  readonly teamAreas: ReadonlyMap<string, AreaInfo[]>;
  readonly stream: (name: string) => Random;
  readonly placeOn: (placements: readonly Placement[], date: Day) => DemoUnit | undefined;
}

/**
 * A province's activities for each of ACTIVITY_YEARS, as the demo's for 2024: a commune
 * takes part in a year with the chance min(1, its areas ÷ the country's areas per commune
 * at scale 1), so that the whole is about the scale times what every commune of the
 * country does in a year (the demo's volumes per commune). Models are inspected only in a
 * year they are established through, teams only from two weeks after theirs. A record dated after
 * OLD_ERA_LAST_DAY is filed under the commune of that date (its area's placement, else
 * the commune's successor); its placeCodes already hold both eras' codes.
 */
function generateProvinceActivities(made: ProvinceMade, sealPersonal: Seal | undefined): void {
  const { plan, province, state, out, areasOf, planned, teamAreas, stream, placeOn } = made;
  const { world, datasetId } = plan;
  const uuid = nationalUuid(plan.options.seed);
  const areasPerCommune = NATIONAL_AREAS_AT_SCALE_1 / plan.communesNationwide;
  const codesOfArea = new Map(made.areas.map((a) => [a.id, [...new Set(a.placements.flatMap((p) => world.codesOf(p.unit)))]]));
  const areaById = new Map(made.areas.map((a) => [a.id, a]));
  const modelsOf = new Map<string, Array<{ id: string; from: Day; to: Day | null }>>();
  for (const m of out.models) {
    if (!m.residentialAreaId) continue;
    const events = planned.get(m.id)!;
    const established = events.find((e) => e.kind === 'ESTABLISH');
    if (established)
      push(modelsOf, m.residentialAreaId, {
        id: m.id,
        from: established.date,
        to: events.find((e) => e.kind === 'DISSOLVE')?.date ?? null,
      });
  }
  const teamsOf = new Map<string, SecurityTeamRow[]>();
  for (const t of out.securityTeams) push(teamsOf, t.communeId, t);
  const participation = stream('activities');
  const activities = {
    inspections: [] as InspectionRow[],
    followUps: [] as FollowUpRow[],
    outreach: [] as OutreachRow[],
    reintegration: [] as ReintegrationDraft[],
  };
  for (const year of ACTIVITY_YEARS) {
    const communes: ActivityCommune[] = [];
    for (const { commune, areas: n } of province.communes) {
      if (!participation.chance(Math.min(1, n / areasPerCommune))) continue;
      const mine = areasOf.get(commune.id) ?? [];
      communes.push({
        id: commune.id,
        code: commune.code,
        fullName: commune.fullName,
        placeCodes: mine.length > 0 ? [...new Set(mine.flatMap((a) => codesOfArea.get(a.id)!))] : world.codesOf(commune),
        areas: mine.map((a) => ({
          id: a.id,
          placeCodes: codesOfArea.get(a.id)!,
          // Models established before the year's inspections start (1 February) and not dissolved before they end.
          models: (modelsOf.get(a.id) ?? [])
            .filter((m) => m.from <= `${year}-02-01` && (m.to === null || m.to > `${year}-12-31`))
            .map((m) => m.id),
        })),
        teams: (teamsOf.get(commune.id) ?? [])
          .filter((t) => t.establishedOn <= `${year}-11-30`)
          .map((t) => {
            const area = teamAreas.get(t.id)![0]!;
            return { id: t.id, areaId: area.id, placeCodes: codesOfArea.get(area.id)!, inspectableFrom: addDays(t.establishedOn, 14) };
          }),
        border: BORDER_PROVINCES.has(world.provinceCodeOf(commune)),
      });
    }
    // The demo's share: 40 of its 111 communes have cases in a year (rounded at random).
    const share = (communes.length * 40) / 111;
    const generated = generateActivities(communes, {
      year,
      datasetId,
      uuid,
      keyPrefix: `${year}/`,
      random: {
        inspections: stream(`inspections/${year}`),
        outreach: stream(`outreach/${year}`),
        reintegration: stream(`reintegration/${year}`),
      },
      sessionsAround: false,
      reintegrationCommunes: Math.floor(share) + (participation.chance(share - Math.floor(share)) ? 1 : 0),
      returnedFrom: `${year}-01-01`,
      until: NATIONAL_AS_OF,
      citizenSerial: () => state.citizenSerial++,
      noteAuthor: (c) => `commune-officer@${c.code}`,
    });
    for (const k of Object.keys(activities) as Array<keyof typeof activities>) (activities[k] as object[]).push(...generated[k]);
  }

  // After OLD_ERA_LAST_DAY: the commune of the day.
  const communeOn = (communeId: string, areaId: string | null, date: Day): DemoUnit => {
    const area = areaId ? areaById.get(areaId) : undefined;
    const unit = area
      ? placeOn(area.placements, date)
      : world.mainChain(world.byId.get(communeId)!).find((u) => intervalContains({ from: u.validFrom, to: u.validTo }, date));
    return unit ?? world.byId.get(communeId)!;
  };
  const withCodesOf = (codes: string[], unit: DemoUnit) => [...new Set([...codes, ...world.codesOf(unit)])];
  const inspectionById = new Map<string, InspectionRow>();
  for (const i of activities.inspections) {
    inspectionById.set(i.id, i);
    if (i.plannedOn <= OLD_ERA_LAST_DAY) continue;
    const unit = communeOn(i.unitId, i.residentialAreaId, i.plannedOn);
    Object.assign(i, { unitId: unit.id, unitCode: unit.code, placeCodes: withCodesOf(i.placeCodes, unit) });
  }
  for (const f of activities.followUps) {
    f.placeCodes = [...inspectionById.get(f.inspectionId)!.placeCodes];
    // Nothing is closed after NATIONAL_AS_OF: such a follow-up is still open on that day.
    if (f.closedOn !== null && f.closedOn > NATIONAL_AS_OF) Object.assign(f, { status: 'OPEN', closedOn: null, note: null });
  }
  for (const r of [
    ...activities.outreach.map((x) => ({ row: x, on: x.heldOn })),
    ...activities.reintegration.map((x) => ({ row: x, on: x.returnedOn })),
  ]) {
    if (r.on <= OLD_ERA_LAST_DAY) continue;
    const unit = communeOn(r.row.communeId, r.row.residentialAreaId, r.on);
    Object.assign(r.row, { communeId: unit.id, communeCode: unit.code, placeCodes: withCodesOf(r.row.placeCodes, unit) });
  }
  out.inspections.push(...activities.inspections);
  out.inspectionFollowUps.push(...activities.followUps);
  out.outreachActivities.push(...activities.outreach);
  if (sealPersonal) {
    const sealed = sealReintegration(activities.reintegration, sealPersonal);
    out.reintegrationCases.push(...sealed.cases);
    out.reintegrationMentors.push(...sealed.mentors);
    out.reintegrationNotes.push(...sealed.notes);
  }
}

/**
 * The recognition of each old-era province within a province of today (generator/
 * recognition.ts, as the demo's): key areas, exemplars and commendations for each of
 * RECOGNITION_YEARS by its authorities then, people of influence and model partners once.
 */
function generateProvinceRecognition(made: ProvinceMade): void {
  const { plan, province, out, areasOf } = made;
  const { world, datasetId } = plan;
  const seed = plan.options.seed;
  const byOldProvince = new Map<string, DemoUnit[]>();
  for (const { commune } of province.communes) push(byOldProvince, world.provinceCodeOf(commune), commune);
  for (const code of [...byOldProvince.keys()].sort()) {
    const communes = byOldProvince.get(code)!;
    const oldProvince = world.unitOn(code, OLD_ERA_LAST_DAY)!;
    const districts = [...new Map(communes.map((c) => world.unitOn(c.parentCode!, OLD_ERA_LAST_DAY)!).map((d) => [d.id, d])).values()].sort(
      (a, b) => a.code.localeCompare(b.code),
    );
    const communeIds = new Set(communes.map((c) => c.id));
    const areaIds = new Set(communes.flatMap((c) => (areasOf.get(c.id) ?? []).map((a) => a.id)));
    const rows = {
      residentialAreaPlacements: out.residentialAreaPlacements.filter((p) => areaIds.has(p.residentialAreaId)),
      models: out.models.filter((m) => m.residentialAreaId !== null && areaIds.has(m.residentialAreaId)),
      securityTeams: out.securityTeams.filter((t) => communeIds.has(t.communeId)),
      securityTeamAreas: out.securityTeamAreas,
      teamMembers: out.teamMembers,
    };
    for (const [i, year] of RECOGNITION_YEARS.entries()) {
      const made = generateRecognition(
        { province: oldProvince, districts, communes, rows },
        {
          year,
          datasetId,
          uuid: nationalUuid(seed),
          keyPrefix: `${year}/`,
          random: (stream) => new Random(seed, `national/recognition/${year}/${stream}`),
          peopleAndPartners: i === 0,
          teamsFormedByDecision: true,
        },
      );
      out.keyAreas.push(...made.keyAreas);
      out.exemplars.push(...made.exemplars);
      out.commendations.push(...made.commendations);
      out.influentialPeople.push(...made.influentialPeople);
      out.modelPartners.push(...made.modelPartners);
    }
  }
}

/**
 * Core's coverage input for one province's rows on `asOf` (the units are all of `world`'s):
 * what the generator checks and records as the figures it wrote.
 */
export function provinceCoverageData(world: World, rows: GeneratedTables, asOf: IsoDate): CoverageData {
  return coverageDataOf(world.byId.values(), rows, asOf);
}
