/**
 * Which unit a code names on a date, and what lay in a unit's territory on a date through
 * the reorganisations (DOMAIN.md, "The hierarchy changes over time": a unit is a code and a
 * validity interval; merges and splits link predecessors to successors, fully or partly).
 * Every question "records of unit X as of D, seen by this viewer" is answered from these two
 * functions, so every field answers it the same way. Pure: the units and links are given.
 */
import { addDays, intervalContains, type DateInterval, type IsoDate } from '../dates.js';
import type { LineageKind, LineageLink } from './lineage.js';
import type { AdminLevel } from './units.js';

/** One version of a unit, as these rules need it. */
export interface UnitVersion {
  readonly id: string;
  readonly code: string;
  readonly level: AdminLevel;
  /** Official full name with its kind (`Tỉnh Bình Phước`), for messages. */
  readonly fullName: string;
  /** The parent is the unit with this code valid on the same date. */
  readonly parentCode: string | null;
  readonly validity: DateInterval;
}

/** The units and links, indexed once for many questions. */
export interface HierarchyIndex {
  readonly byId: ReadonlyMap<string, UnitVersion>;
  /** Every version of a code, oldest first. */
  readonly byCode: ReadonlyMap<string, readonly UnitVersion[]>;
  /** Every version of every unit whose parent code is the key. */
  readonly byParentCode: ReadonlyMap<string, readonly UnitVersion[]>;
  readonly forward: ReadonlyMap<string, readonly LineageLink[]>;
  readonly backward: ReadonlyMap<string, readonly LineageLink[]>;
  /** The days on which some unit or link starts or some unit has ended, in order: between two, nothing changes. */
  readonly changes: readonly IsoDate[];
  /** Territories already worked out, by unit and period between changes. */
  readonly territories: Map<string, Territory>;
}

export function indexHierarchy(units: Iterable<UnitVersion>, links: Iterable<LineageLink>): HierarchyIndex {
  const byId = new Map<string, UnitVersion>();
  const byCode = new Map<string, UnitVersion[]>();
  const byParentCode = new Map<string, UnitVersion[]>();
  for (const u of units) {
    byId.set(u.id, u);
    push(byCode, u.code, u);
    if (u.parentCode !== null) push(byParentCode, u.parentCode, u);
  }
  for (const versions of byCode.values()) versions.sort((a, b) => (a.validity.from ?? '').localeCompare(b.validity.from ?? ''));
  const forward = new Map<string, LineageLink[]>();
  const backward = new Map<string, LineageLink[]>();
  for (const l of links) {
    push(forward, l.predecessor, l);
    push(backward, l.successor, l);
  }
  const changes = new Set<IsoDate>();
  for (const u of byId.values()) {
    if (u.validity.from !== null) changes.add(u.validity.from);
    if (u.validity.to !== null) changes.add(addDays(u.validity.to, 1));
  }
  for (const list of forward.values()) for (const l of list) changes.add(l.date);
  return { byId, byCode, byParentCode, forward, backward, changes: [...changes].sort(), territories: new Map() };
}

// ─── Which unit a code names on a date ─────────────────────────────────────────────

/** What a code names on a date: the unit, or why none (and what became of it). */
export type UnitResolution =
  | { readonly kind: 'FOUND'; readonly unit: UnitVersion }
  /** The code named a unit on other dates: the nearest version, and what it had become by the date asked (if it had ended). */
  | {
      readonly kind: 'NOT_ON_DATE';
      readonly code: string;
      readonly date: IsoDate;
      readonly nearest: UnitVersion;
      readonly became: ReadonlyArray<{ readonly unit: UnitVersion; readonly kind: LineageKind; readonly on: IsoDate }>;
    }
  | { readonly kind: 'UNKNOWN'; readonly code: string };

export function resolveUnit(index: HierarchyIndex, code: string, date: IsoDate): UnitResolution {
  const versions = index.byCode.get(code.trim()) ?? [];
  const unit = versions.find((v) => intervalContains(v.validity, date));
  if (unit) return { kind: 'FOUND', unit };
  if (!versions.length) return { kind: 'UNKNOWN', code: code.trim() };
  const earlier = versions.filter((v) => v.validity.to !== null && v.validity.to < date).at(-1);
  const nearest = earlier ?? versions[0]!;
  return { kind: 'NOT_ON_DATE', code: code.trim(), date, nearest, became: earlier ? successorsOn(index, earlier, date) : [] };
}

/** The units valid on `date` that `unit` (ended before it) had passed into, with the first link's day. */
function successorsOn(index: HierarchyIndex, unit: UnitVersion, date: IsoDate) {
  const found = new Map<string, { unit: UnitVersion; kind: LineageKind; on: IsoDate }>();
  const walk = (id: string, kind: LineageKind, on: IsoDate | null, seen: ReadonlySet<string>): void => {
    const here = index.byId.get(id);
    if (here && id !== unit.id && intervalContains(here.validity, date)) {
      if (found.get(id)?.kind !== 'FULL') found.set(id, { unit: here, kind, on: on ?? date });
      return;
    }
    for (const l of index.forward.get(id) ?? []) {
      if (l.date > date || seen.has(l.successor)) continue;
      walk(l.successor, kind === 'FULL' && l.kind === 'FULL' ? 'FULL' : 'PARTIAL', on ?? l.date, new Set(seen).add(l.successor));
    }
  };
  walk(unit.id, 'FULL', null, new Set([unit.id]));
  return [...found.values()].sort((a, b) => a.unit.code.localeCompare(b.unit.code));
}

// ─── What lay in a unit's territory ────────────────────────────────────────────────

/**
 * The versions of units, of `date` and of every era before it, whose territory on `date`
 * lies in a unit's: `full` when all of it does (the unit itself and everything below it on
 * `date`, and every predecessor that passed wholly into them), `partial` for communes only
 * part of which did (a commune split between two new ones belongs partly to each).
 */
export interface Territory {
  readonly full: ReadonlySet<string>;
  readonly partial: ReadonlySet<string>;
  /** The communes of `full`. */
  readonly communes: ReadonlySet<string>;
  /** The codes of the units of `full` at the unit's own level (70 and 75 for today's Đồng Nai). */
  readonly codes: ReadonlySet<string>;
}

/** Whether `version` (an ID) lies in the territory, wholly or partly. */
export const touches = (territory: Territory, version: string): boolean => territory.full.has(version) || territory.partial.has(version);

/** `unit` (valid on `date`) and the units below it that held on `date`. */
export function subtreeOn(index: HierarchyIndex, unit: UnitVersion, date: IsoDate): UnitVersion[] {
  const out: UnitVersion[] = [unit];
  for (let i = 0; i < out.length; i++) {
    for (const child of index.byParentCode.get(out[i]!.code) ?? []) {
      if (child.level !== out[i]!.level && intervalContains(child.validity, date)) out.push(child);
    }
  }
  return out;
}

/** Versions below `unit` during its own validity (every era of its children). */
function descendantsDuring(index: HierarchyIndex, unit: UnitVersion): UnitVersion[] {
  const out: UnitVersion[] = [];
  const queue = [unit];
  while (queue.length) {
    const parent = queue.pop()!;
    for (const child of index.byParentCode.get(parent.code) ?? []) {
      if (child.level !== parent.level && overlaps(child.validity, parent.validity)) {
        out.push(child);
        queue.push(child);
      }
    }
  }
  return out;
}

/**
 * Where the territory of `unit` lay on `date`: the communes valid then that it was, or had
 * passed into; `complete` is false when part of it went where no link says.
 */
function footprintOn(index: HierarchyIndex, unit: UnitVersion, date: IsoDate): { communes: Set<string>; complete: boolean } {
  const communes = new Set<string>();
  let complete = true;
  const follow = (start: UnitVersion): void => {
    const queue = [start.id];
    const seen = new Set(queue);
    while (queue.length) {
      const id = queue.pop()!;
      const here = index.byId.get(id)!;
      if (intervalContains(here.validity, date)) {
        communes.add(id);
        continue;
      }
      const next = (index.forward.get(id) ?? []).filter((l) => l.date <= date && index.byId.get(l.successor)?.level === 'COMMUNE');
      if (!next.length) complete = false;
      for (const l of next) if (!seen.has(l.successor)) queue.push((seen.add(l.successor), l.successor));
    }
  };
  const starts = unit.level === 'COMMUNE' ? [unit] : descendantsDuring(index, unit).filter((u) => u.level === 'COMMUNE');
  for (const c of starts) if (c.validity.from === null || c.validity.from <= date) follow(c);
  return { communes, complete };
}

/** The territory of `unit` (valid on `date`) on `date`, with everything of earlier eras that lay in it. */
export function territoryOn(index: HierarchyIndex, unit: UnitVersion, date: IsoDate): Territory {
  const key = `${unit.id}@${index.changes.filter((c) => c <= date).length}`;
  let found = index.territories.get(key);
  if (!found) index.territories.set(key, (found = workOutTerritory(index, unit, date)));
  return found;
}

function workOutTerritory(index: HierarchyIndex, unit: UnitVersion, date: IsoDate): Territory {
  const subtree = subtreeOn(index, unit, date);
  const full = new Set(subtree.map((u) => u.id));
  const partial = new Set<string>();
  const communes = new Set(subtree.filter((u) => u.level === 'COMMUNE').map((u) => u.id));
  // Everything that passed into the subtree, then the units above those predecessors.
  const candidates = new Map<string, UnitVersion>();
  const queue = [...full];
  while (queue.length) {
    for (const l of index.backward.get(queue.pop()!) ?? []) {
      const p = index.byId.get(l.predecessor);
      if (l.date > date || !p || candidates.has(p.id) || full.has(p.id)) continue;
      candidates.set(p.id, p);
      queue.push(p.id);
    }
  }
  for (const c of [...candidates.values()]) {
    for (const above of ancestorsDuring(index, c)) if (!full.has(above.id)) candidates.set(above.id, above);
  }
  for (const c of candidates.values()) {
    const fp = footprintOn(index, c, date);
    const inside = [...fp.communes].filter((id) => communes.has(id)).length;
    if (fp.complete && inside === fp.communes.size && inside > 0) full.add(c.id);
    else if (inside > 0 && c.level === 'COMMUNE') partial.add(c.id);
  }
  const versions = [...full].map((id) => index.byId.get(id)!);
  return {
    full,
    partial,
    communes: new Set(versions.filter((u) => u.level === 'COMMUNE').map((u) => u.id)),
    codes: new Set(versions.filter((u) => u.level === unit.level).map((u) => u.code)),
  };
}

/** The units above `unit` while it held (each parent version overlapping its validity). */
function ancestorsDuring(index: HierarchyIndex, unit: UnitVersion): UnitVersion[] {
  const out: UnitVersion[] = [];
  let level: UnitVersion[] = [unit];
  while (level.length) {
    const next: UnitVersion[] = [];
    for (const u of level) {
      if (u.parentCode === null) continue;
      for (const p of index.byCode.get(u.parentCode) ?? []) {
        if (p.level !== u.level && overlaps(p.validity, u.validity) && !out.includes(p)) next.push(p);
      }
    }
    out.push(...next);
    level = next;
  }
  return out;
}

const overlaps = (a: DateInterval, b: DateInterval): boolean =>
  (a.from === null || b.to === null || a.from <= b.to) && (b.from === null || a.to === null || b.from <= a.to);

function push<K, V>(map: Map<K, V[]>, key: K, value: V): void {
  const list = map.get(key);
  if (list) list.push(value);
  else map.set(key, [value]);
}
