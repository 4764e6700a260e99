/**
 * The one decision behind every read: for a unit code (or none), a date and a viewer, which
 * unit the code names on that date and what of it the viewer may see, through the lineage
 * (an officer of today's Đồng Nai sees what lay in Bình Phước in 2024; an officer of a new
 * commune sees every residential area that became part of it, in every era). The db package
 * turns a `ReadScope` into one SQL filter per kind of record; nothing else decides.
 */
import type { IsoDate } from '../dates.js';
import type { Label } from '../labels.js';
import {
  resolveUnit,
  territoryOn,
  type HierarchyIndex,
  type Territory,
  type UnitResolution,
  type UnitVersion,
} from '../hierarchy/territory.js';
import { authorize, jurisdictionOf, type DenialReason, type Operation, type Resource, type Viewer } from './policy.js';

/** A unit on a date, with its territory then. */
export interface ScopedUnit {
  readonly unit: UnitVersion;
  readonly date: IsoDate;
  readonly territory: Territory;
}

/** What may be read, or why nothing may. */
export type ReadScope =
  /** The code names no unit on the date (`resolution` says whether it did on another, and what it became). */
  | { readonly kind: 'NOT_FOUND'; readonly resolution: Exclude<UnitResolution, { kind: 'FOUND' }> }
  | { readonly kind: 'FORBIDDEN'; readonly reason: DenialReason }
  | {
      readonly kind: 'SCOPE';
      /** The unit asked about; null when none was. */
      readonly unit: ScopedUnit | null;
      /** The viewer's jurisdiction, today's unit and everything that became part of it; null: no narrowing. */
      readonly viewer: ScopedUnit | null;
      /** An area leader's one residential area. */
      readonly areaId: string | null;
    };

export interface ScopeQuestion {
  readonly viewer: Viewer;
  readonly resource: Resource;
  readonly operation: Operation;
  /** The unit asked about; null or absent: wherever the viewer may see. */
  readonly unitCode?: string | null;
  /** The date the unit code is read on (`asOf`, or a period's last day). */
  readonly date: IsoDate;
  /** Today: the date the viewer's own unit is read on. */
  readonly today: IsoDate;
}

/**
 * Why a code names no unit on a date, for the caller: in Vietnamese and English, naming the
 * argument, and what the unit became where it had ended ("merged into 75 on 2025-07-01").
 */
export function unresolvedMessage(resolution: Exclude<UnitResolution, { kind: 'FOUND' }>, argument: string): Label {
  if (resolution.kind === 'UNKNOWN') {
    return {
      vi: `Không có đơn vị hành chính nào mã "${resolution.code}" (đối số ${argument}).`,
      en: `No administrative unit has code "${resolution.code}" (argument ${argument}).`,
    };
  }
  const { code, date, nearest, became } = resolution;
  const head = {
    vi: `Mã "${code}" (đối số ${argument}) không phải đơn vị nào vào ngày ${date}`,
    en: `Code "${code}" (argument ${argument}) named no unit on ${date}`,
  };
  if (nearest.validity.from !== null && date < nearest.validity.from) {
    return {
      vi: `${head.vi}: ${nearest.fullName} có từ ngày ${nearest.validity.from}.`,
      en: `${head.en}: ${nearest.fullName} exists from ${nearest.validity.from}.`,
    };
  }
  if (!became.length) {
    return {
      vi: `${head.vi}: ${nearest.fullName} chấm dứt sau ngày ${nearest.validity.to}.`,
      en: `${head.en}: ${nearest.fullName} ended after ${nearest.validity.to}.`,
    };
  }
  const on = became[0]!.on;
  const names = became.map((b) => `${b.unit.code} (${b.unit.fullName})`).join(', ');
  const whole = became.length === 1 && became[0]!.kind === 'FULL';
  return {
    vi: `${head.vi}: từ ngày ${on}, ${nearest.fullName} ${whole ? 'đã nhập vào' : 'đã chia, nhập vào'} ${names}.`,
    en: `${head.en}: on ${on}, ${nearest.fullName} was ${whole ? 'merged into' : 'split into or partly merged into'} ${names}.`,
  };
}

/** Decides {@link ReadScope} for a question. */
export function readScope(index: HierarchyIndex, q: ScopeQuestion): ReadScope {
  const allowed = authorize(q.viewer, q.resource, q.operation);
  if (!allowed.allowed) return { kind: 'FORBIDDEN', reason: allowed.reason };
  let unit: ScopedUnit | null = null;
  if (q.unitCode != null) {
    const found = resolveUnit(index, q.unitCode, q.date);
    if (found.kind !== 'FOUND') return { kind: 'NOT_FOUND', resolution: found };
    unit = { unit: found.unit, date: q.date, territory: territoryOn(index, found.unit, q.date) };
  }
  const jurisdiction = jurisdictionOf(q.viewer, q.resource, q.operation);
  if (jurisdiction.kind === 'NOWHERE') return { kind: 'FORBIDDEN', reason: 'OUTSIDE_JURISDICTION' };
  if (jurisdiction.kind === 'EVERYWHERE' || jurisdiction.unitCode === null) {
    return { kind: 'SCOPE', unit, viewer: null, areaId: jurisdiction.kind === 'WITHIN' ? jurisdiction.areaId : null };
  }
  const own = resolveUnit(index, jurisdiction.unitCode, q.today);
  if (own.kind !== 'FOUND') return { kind: 'FORBIDDEN', reason: 'OUTSIDE_JURISDICTION' };
  const viewer: ScopedUnit = { unit: own.unit, date: q.today, territory: territoryOn(index, own.unit, q.today) };
  if (unit && !overlap(unit, viewer)) return { kind: 'FORBIDDEN', reason: 'OUTSIDE_JURISDICTION' };
  // A unit wholly inside the jurisdiction needs no second filter.
  const inside = unit !== null && viewer.territory.full.has(unit.unit.id);
  return { kind: 'SCOPE', unit, viewer: inside ? null : viewer, areaId: jurisdiction.areaId };
}

/** Whether any of `unit`'s territory lies in the viewer's. */
function overlap(unit: ScopedUnit, viewer: ScopedUnit): boolean {
  const theirs = viewer.territory;
  for (const id of unit.territory.full) if (theirs.full.has(id) || theirs.partial.has(id)) return true;
  for (const id of unit.territory.partial) if (theirs.full.has(id) || theirs.partial.has(id)) return true;
  // A unit of a later date than today's jurisdiction (asOf in the future) against today's units.
  return theirs.full.has(unit.unit.id);
}
