/**
 * The model sections both generators share (the demo's one province and each province of
 * the national data): the rows of a model and its lifecycle, which models an area or an
 * organization builds, the members of the squads, replication points and yearly
 * evaluations. Each section draws from the random stream it is given, in a fixed order, so
 * a generator's rows depend only on its seed; what differs between the two generators
 * (chances, years, catalogues, how a unit is named) is passed in.
 */
import {
  canRateModel,
  stateOn,
  type IsoDate,
  type Lifecycle,
  type ModelBuilder,
  type OrganizationKind,
  type EnterpriseSize,
} from '@antq/core';
import { lowerFirst } from '../demo/names.js';
import type { Random } from '../demo/random.js';
import { lifecycleFor, type Fate, type LifecycleWindow, type PlannedEvent } from './lifecycle.js';
import type { FakePerson } from './people.js';
import { birthDateFor } from './people.js';
import type { LifecycleEventRow, ModelEvaluationRow, ModelMemberRow, ModelRow, ModelTypeRow, ReplicationPointRow, Uuid } from './rows.js';
import type { DemoUnit } from './units.js';

type Day = IsoDate;

/** Who builds the models of a residential area (organizations' are built by their security unit). */
const BUILDERS: Readonly<Partial<Record<ModelBuilder, number>>> = {
  POLICE: 40,
  FATHERLAND_FRONT: 20,
  MASS_ORGANIZATION: 15,
  RESIDENTS: 20,
  OTHER: 5,
};
/** The first model of an area: one of the five of the report. */
const PRIMARY_TYPES = { TO_AN_NINH_NHAN_DAN: 35, KDC_KHONG_TOI_PHAM: 25, TO_HOA_GIAI: 15, DOI_DAN_PHONG: 15, TO_LIEN_GIA_TU_QUAN: 10 };
/** Members a model of the type records (types not listed: none). */
const MEMBER_RANGES: Readonly<Record<string, readonly [number, number]>> = {
  TO_AN_NINH_NHAN_DAN: [5, 15],
  DOI_DAN_PHONG: [8, 20],
  TO_XUNG_KICH: [5, 12],
  DOI_XE_OM_TU_QUAN: [6, 20],
  TO_LIEN_GIA_TU_QUAN: [5, 15],
  DONG_HO_TU_QUAN: [20, 80],
  TO_HOA_GIAI: [5, 9],
  TU_QUAN_DUONG_BIEN: [5, 12],
};
/** The types whose members are recorded person by person: the crime-prevention squads and motorbike-taxi teams. */
const SQUAD_TYPES: ReadonlySet<string> = new Set(['TO_XUNG_KICH', 'DOI_XE_OM_TU_QUAN']);

/** What hosts a model: a residential area or an organization, with its commune versions. */
export type ModelHost =
  | { readonly kind: 'RESIDENTIAL_AREA'; readonly id: string; readonly name: string }
  | { readonly kind: 'ORGANIZATION'; readonly id: string; readonly name: string };

/** A model to add: its type, host and fate, who built it and how many members it records. */
export interface ModelDraft {
  readonly type: string;
  readonly host: ModelHost;
  readonly fate: Fate;
  readonly builtBy: ModelBuilder;
  readonly memberCount: number | null;
}

/** How a generator turns drafts into model and lifecycle rows. */
export interface ModelMaker {
  readonly types: ReadonlyMap<string, Pick<ModelTypeRow, 'id' | 'name'>>;
  readonly window: LifecycleWindow;
  readonly random: Random;
  readonly uuid: Uuid;
  readonly datasetId: string;
  /** The commune whose people's committee decides an event of the model on `date`. */
  readonly issuerOn: (host: ModelHost, date: Day) => DemoUnit;
  /** The next decision number of the run. */
  readonly nextDecision: () => number;
}

/** The rows of one model: the model, its lifecycle plan (drawn from `maker.random`) and its events. */
export function makeModel(
  maker: ModelMaker,
  draft: ModelDraft,
  id: string,
): { row: ModelRow; plan: PlannedEvent[]; events: LifecycleEventRow[] } {
  const plan = lifecycleFor(draft.fate, maker.random, maker.window);
  const type = maker.types.get(draft.type)!;
  const { host } = draft;
  const row: ModelRow = {
    id,
    name: `${type.name} ${host.kind === 'RESIDENTIAL_AREA' ? lowerFirst(host.name) : host.name}`,
    modelTypeId: type.id,
    hostKind: host.kind,
    residentialAreaId: host.kind === 'RESIDENTIAL_AREA' ? host.id : null,
    communeId: null,
    organizationId: host.kind === 'ORGANIZATION' ? host.id : null,
    foundedOn: (plan.find((e) => e.kind === 'ESTABLISH') ?? plan[0]!).date,
    builtBy: draft.builtBy,
    memberCount: draft.memberCount,
    datasetId: maker.datasetId,
  };
  const events = plan.map((e, i): LifecycleEventRow => {
    const decided = e.kind === 'APPROVE' || e.kind === 'ESTABLISH' || e.kind === 'DISSOLVE';
    return {
      id: maker.uuid('LifecycleEvent', `${id}/${i + 1}`),
      modelId: id,
      kind: e.kind,
      date: e.date,
      seq: i + 1,
      decisionNumber: decided ? `${maker.nextDecision()}/QĐ-UBND` : null,
      decisionDate: decided ? e.date : null,
      decisionIssuer: decided ? `Ủy ban nhân dân ${lowerFirst(maker.issuerOn(host, e.date).fullName)}` : null,
      note: null,
      recordedAt: `${e.date}T02:00:00.000Z`,
    };
  });
  return { row, plan, events };
}

/** How the models of an area are drawn. */
export interface AreaModelOdds {
  /** The chance an area has a first model at all (absent: every area has one, without a draw). */
  readonly primaryChance?: number;
  /** The chance of each further type (the types an area may host, in catalogue order). */
  readonly extraChance: (type: string) => number;
  readonly extraFates: Readonly<Partial<Record<Fate, number>>>;
  /** Whether the first model's type is drawn again among the further ones (a second model of it is then dropped). */
  readonly primaryDrawnAgain: boolean;
}

/**
 * Draws the models of one area from `random`: a first one active on the day the data stands,
 * then further types by chance. Each is handed to `add` as soon as it is drawn (its
 * lifecycle is drawn next, from the same stream).
 */
export function drawAreaModels(
  host: ModelHost,
  areaTypes: readonly string[],
  odds: AreaModelOdds,
  random: Random,
  add: (draft: ModelDraft) => void,
): void {
  const draft = (type: string, fate: Fate) =>
    add({ type, host, fate, builtBy: builderOf(random), memberCount: memberCountOf(type, random) });
  let primary: string | undefined;
  if (odds.primaryChance === undefined || random.chance(odds.primaryChance)) {
    primary = random.weighted<string>(PRIMARY_TYPES);
    draft(primary, random.chance(0.12) ? 'ACTIVE_AFTER_PAUSE' : 'ACTIVE');
  }
  for (const type of areaTypes) {
    if ((!odds.primaryDrawnAgain && type === primary) || !random.chance(odds.extraChance(type))) continue;
    draft(type, random.weighted<Fate>(odds.extraFates));
  }
}

/** How the models of an organization are drawn. */
export interface OrganizationModelOdds {
  /** The fates of a medium or large enterprise's "safe enterprise" model. */
  readonly enterpriseFates: Readonly<Partial<Record<Fate, number>>>;
  /** A school's "safe school" model: its chance and fates (absent: schools build none). */
  readonly school?: { readonly chance: number; readonly fates: Readonly<Partial<Record<Fate, number>>> };
}

/** Draws the models of one organization from `random`, built by its security unit, handing each to `add` as drawn. */
export function drawOrganizationModels(
  host: ModelHost,
  org: { readonly kind: OrganizationKind; readonly size: EnterpriseSize | null },
  odds: OrganizationModelOdds,
  random: Random,
  add: (draft: ModelDraft) => void,
): void {
  const draft = (type: string, fate: Fate) => add({ type, host, fate, builtBy: 'AGENCY_SECURITY_UNIT', memberCount: null });
  if (org.kind === 'ENTERPRISE' && (org.size === 'MEDIUM' || org.size === 'LARGE')) {
    draft('DOANH_NGHIEP_AN_TOAN', random.weighted<Fate>(odds.enterpriseFates));
    if (random.chance(0.3)) draft('CAMERA_AN_NINH', 'ACTIVE');
  }
  if (org.kind === 'SCHOOL' && odds.school && random.chance(odds.school.chance))
    draft('TRUONG_HOC_AN_TOAN', random.weighted<Fate>(odds.school.fates));
}

/** Who built an area's model. */
export const builderOf = (random: Random): ModelBuilder => random.weighted<ModelBuilder>(BUILDERS);

/** How many members a model of `type` records (null: the type records none). */
export function memberCountOf(type: string, random: Random): number | null {
  const r = MEMBER_RANGES[type];
  return r ? random.int(r[0], r[1]) : null;
}

/** The members of the squads (SQUAD_TYPES) hosted by an area, where their number is recorded: joined when the model was established. */
export function squadMemberRows<A>(
  models: readonly ModelRow[],
  o: {
    readonly typeCodeOf: (model: ModelRow) => string;
    readonly areaOf: (model: ModelRow) => A | undefined;
    readonly planned: ReadonlyMap<string, readonly PlannedEvent[]>;
    readonly random: Random;
    readonly person: (random: Random, female: boolean, birthDate: Day) => FakePerson;
    readonly address: (random: Random, area: A, on: Day) => string;
    readonly uuid: Uuid;
  },
): ModelMemberRow[] {
  const { random } = o;
  const rows: ModelMemberRow[] = [];
  for (const m of models) {
    const area = o.areaOf(m);
    if (!SQUAD_TYPES.has(o.typeCodeOf(m)) || area === undefined || m.memberCount === null) continue;
    const plan = o.planned.get(m.id)!;
    const established = plan.find((e) => e.kind === 'ESTABLISH');
    if (!established) continue;
    const dissolved = plan.find((e) => e.kind === 'DISSOLVE');
    for (let i = 0; i < m.memberCount; i++) {
      const person = o.person(random, random.chance(0.08), birthDateFor(random, established.date, random.int(22, 58)));
      rows.push({
        id: o.uuid('ModelMember', `${m.id}/${i + 1}`),
        modelId: m.id,
        ...person,
        position: i === 0 ? 'Tổ trưởng' : i === 1 ? 'Tổ phó' : 'Thành viên',
        address: o.address(random, area, established.date),
        joinedOn: established.date,
        leftOn: dissolved?.date ?? null,
      });
    }
  }
  return rows;
}

/**
 * Replication points: in each group (a district and a type; groups in the order of their
 * keys), the model activated first is the source, and each later one proposed after that
 * replicates it with `chance`.
 */
export function replicationPointRows(
  models: readonly ModelRow[],
  o: {
    readonly groupOf: (model: ModelRow) => string;
    readonly planned: ReadonlyMap<string, readonly PlannedEvent[]>;
    readonly chance: number;
    readonly random: Random;
    readonly uuid: Uuid;
  },
): ReplicationPointRow[] {
  const activated = (id: string) => o.planned.get(id)!.find((e) => e.kind === 'ACTIVATE')?.date;
  const groups = new Map<string, ModelRow[]>();
  for (const m of models) {
    if (!activated(m.id)) continue;
    push(groups, o.groupOf(m), m);
  }
  const rows: ReplicationPointRow[] = [];
  for (const key of [...groups.keys()].sort()) {
    const list = groups.get(key)!.sort((a, b) => activated(a.id)!.localeCompare(activated(b.id)!) || a.id.localeCompare(b.id));
    const source = list[0]!;
    for (const replica of list.slice(1)) {
      const proposed = o.planned.get(replica.id)![0]!.date;
      if (proposed <= activated(source.id)! || !o.random.chance(o.chance)) continue;
      rows.push({
        id: o.uuid('ReplicationPoint', `${source.id}/${replica.id}`),
        sourceModelId: source.id,
        replicaModelId: replica.id,
        replicatedOn: replica.foundedOn,
      });
    }
  }
  return rows;
}

/** Each model's evaluation for each of `years`, in December, where core allows one (active or suspended, run long enough). */
export function modelEvaluationRows(
  models: readonly ModelRow[],
  o: {
    readonly lifecycleOf: (model: ModelRow) => Lifecycle;
    readonly years: readonly number[];
    readonly minimumDays: number;
    readonly random: Random;
    readonly uuid: Uuid;
  },
): ModelEvaluationRow[] {
  const rows: ModelEvaluationRow[] = [];
  for (const m of models) {
    const lifecycle = o.lifecycleOf(m);
    for (const year of o.years) {
      const evaluatedOn = o.random.date(`${year}-12-05`, `${year}-12-28`);
      const state = stateOn(lifecycle, evaluatedOn);
      if ((state !== 'ACTIVE' && state !== 'SUSPENDED') || !canRateModel(lifecycle, evaluatedOn, o.minimumDays).pass) continue;
      const effective = state === 'ACTIVE' && o.random.chance(0.88);
      rows.push({
        id: o.uuid('ModelEvaluation', `${m.id}/${year}`),
        modelId: m.id,
        periodFrom: `${year}-01-01`,
        periodTo: `${year}-12-31`,
        evaluatedOn,
        outcome: effective ? 'EFFECTIVE' : 'NOT_EFFECTIVE',
        note: state === 'SUSPENDED' ? 'Mô hình đang tạm ngưng hoạt động' : null,
      });
    }
  }
  return rows;
}

/** Appends `value` to the list under `key` (in place: lists here grow to thousands). */
export function push<K, V>(map: Map<K, V[]>, key: K, value: V): void {
  const list = map.get(key);
  if (list) list.push(value);
  else map.set(key, [value]);
}
