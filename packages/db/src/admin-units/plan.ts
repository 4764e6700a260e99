/**
 * From snapshots to units through time. Each snapshot states the units of one era; a
 * unit that an era keeps unchanged (same code, level, parent and name up to tone-mark
 * placement, and no reorganisation recorded for it) stays one unit across eras; any other
 * change under the same code (a rename, a reclassification such as Tỉnh → Thành phố)
 * ends the old unit and starts a new one linked to it. Pure: no I/O.
 */
import { addDays, nameKey, searchKey, unitKindOf, type IsoDate, type LineageKind } from '@antq/core';
import { AdminUnitsFileError, type SourceLink, type SourceUnit } from './sources.js';

/** One era: the snapshot that states it and, for a reform, the lineage into it. */
export interface EraInput {
  /** First day of the era; null for the earliest, which holds since before our records. */
  from: IsoDate | null;
  file: string;
  units: SourceUnit[];
  lineage?: { file: string; links: SourceLink[]; splits?: { file: string; pairs: Array<[string, string]> } };
}

export interface PlannedUnit extends SourceUnit {
  kind: string;
  validFrom: IsoDate | null;
  validTo: IsoDate | null;
  searchText: string;
}

export interface PlannedLink {
  predecessor: PlannedUnit;
  successor: PlannedUnit;
  kind: LineageKind;
  date: IsoDate;
}

export interface Plan {
  units: PlannedUnit[];
  links: PlannedLink[];
  /** Disagreements in the sources that were reported and skipped, not hidden. */
  warnings: string[];
}

/** Plans the units and links of all eras, oldest first. */
export function planAdminUnits(eras: EraInput[]): Plan {
  const units: PlannedUnit[] = [];
  const links: PlannedLink[] = [];
  const warnings: string[] = [];
  let current = new Map<string, PlannedUnit>();
  const spellings = spellingsByCode(eras);

  for (const era of eras) {
    const next = new Map<string, PlannedUnit>();
    const into = groupBy(era.lineage?.links ?? [], (l) => l.newCode);
    const outOf = groupBy(era.lineage?.links ?? [], (l) => l.oldCode);

    for (const original of era.units) {
      const source = withCapitalisedKind(repaired(original, era.file, spellings));
      if (source.fullName !== original.fullName || source.name !== original.name) {
        warnings.push(`${era.file}: unit ${source.code}: "${original.fullName}" read as "${source.fullName}"`);
      }
      const kind = unitKindOf(source.fullName, source.level);
      if (!kind) {
        throw new AdminUnitsFileError(
          era.file,
          `unit ${source.code} (${source.fullName})`,
          `the name does not start with a kind of ${source.level.toLowerCase()}`,
        );
      }
      const previous = current.get(source.code);
      if (previous && era.from && unchanged(previous, source, into.get(source.code), outOf.get(source.code))) {
        // Same unit: take the era's official spelling (it may move a tone mark).
        Object.assign(previous, {
          name: source.name,
          fullName: source.fullName,
          nameEn: source.nameEn,
          fullNameEn: source.fullNameEn,
          searchText: searchTextOf(source),
        });
        next.set(source.code, previous);
        continue;
      }
      const unit: PlannedUnit = { ...source, kind, validFrom: era.from, validTo: null, searchText: searchTextOf(source) };
      units.push(unit);
      next.set(source.code, unit);
      if (!era.from) continue;
      if (era.lineage) {
        for (const l of into.get(source.code) ?? []) {
          const predecessor = current.get(l.oldCode);
          if (predecessor) links.push({ predecessor, successor: unit, kind: l.kind, date: era.from });
          else
            warnings.push(`${era.lineage.file}: ${l.oldCode} → ${source.code}: no unit ${l.oldCode} held before ${era.from}; link skipped`);
        }
      } else if (previous && previous.level === source.level) {
        // A change under the same code with no recorded reorganisation: a rename or reclassification.
        links.push({ predecessor: previous, successor: unit, kind: 'FULL', date: era.from });
      }
    }

    if (era.from) {
      const lastDay = addDays(era.from, -1);
      for (const [code, unit] of current) if (next.get(code) !== unit) unit.validTo = lastDay;
    }
    if (era.lineage) {
      for (const l of era.lineage.links)
        if (!next.has(l.newCode))
          warnings.push(`${era.lineage.file}: ${l.oldCode} → ${l.newCode}: no unit ${l.newCode} in ${era.file}; link skipped`);
      if (era.lineage.splits) warnings.push(...crossCheck(era.lineage.links, era.lineage.splits));
    }
    current = next;
  }
  return { units, links, warnings };
}

function unchanged(previous: PlannedUnit, source: SourceUnit, into?: SourceLink[], outOf?: SourceLink[]): boolean {
  const sameTerritory =
    (!into && !outOf) || (into?.length === 1 && into[0]!.oldCode === source.code && into[0]!.kind === 'FULL' && outOf?.length === 1);
  return (
    sameTerritory &&
    previous.level === source.level &&
    previous.parentCode === source.parentCode &&
    nameKey(previous.fullName) === nameKey(source.fullName)
  );
}

/** The two lineage files should state the same pairs; each one that is in only one is reported. */
function crossCheck(links: SourceLink[], splits: { file: string; pairs: Array<[string, string]> }): string[] {
  const merged = new Set(links.map((l) => `${l.oldCode}>${l.newCode}`));
  const split = new Set(splits.pairs.map(([o, n]) => `${o}>${n}`));
  const onlyIn = (a: Set<string>, b: Set<string>) => [...a].filter((x) => !b.has(x));
  return [
    ...onlyIn(split, merged).map((p) => `${splits.file}: ${p.replace('>', ' → ')} is not in the merges file`),
    ...onlyIn(merged, split).map((p) => `${splits.file}: ${p.replace('>', ' → ')} from the merges file is missing`),
  ];
}

const LOST = /\uFFFD+/g;

/** Every spelling of each code's names across the snapshots, to mend a damaged one. */
function spellingsByCode(eras: EraInput[]): Map<string, Set<string>> {
  const map = new Map<string, Set<string>>();
  for (const era of eras)
    for (const u of era.units)
      for (const n of [u.name, u.fullName]) if (!n.includes('\uFFFD')) (map.get(u.code) ?? map.set(u.code, new Set()).get(u.code)!).add(n);
  return map;
}

/**
 * A few source names lost characters to a bad encoding (`Phư��ng Tĩnh Gia`). Such a name
 * is mended from the same code's spelling in another snapshot when exactly one spelling
 * fits the damaged one; otherwise the file is rejected, naming the record.
 */
function repaired(u: SourceUnit, file: string, spellings: Map<string, Set<string>>): SourceUnit {
  const mend = (damaged: string): string => {
    if (!damaged.includes('\uFFFD')) return damaged;
    const pattern = new RegExp(
      `^${damaged
        .split(LOST)
        .map((part) => part.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'))
        .join('.{1,3}')}$`,
      'u',
    );
    const fits = [...(spellings.get(u.code) ?? [])].filter((n) => pattern.test(n));
    if (fits.length !== 1)
      throw new AdminUnitsFileError(
        file,
        `unit ${u.code}`,
        `the name "${damaged}" has characters lost to a bad encoding and no other snapshot spells it`,
      );
    return fits[0]!;
  };
  const name = mend(u.name);
  const fullName = mend(u.fullName);
  return name === u.name && fullName === u.fullName ? u : { ...u, name, fullName };
}

/** A few source names write the kind in lower case (`xã Bắc Sơn`); official names capitalise it. */
function withCapitalisedKind(u: SourceUnit): SourceUnit {
  const first = u.fullName.charAt(0);
  const upper = first.toLocaleUpperCase('vi');
  return first === upper ? u : { ...u, fullName: upper + u.fullName.slice(1) };
}

/** The text a unit is searched by: its full and short names, accents folded. */
export function searchTextOf(u: Pick<SourceUnit, 'name' | 'fullName'>): string {
  return `${searchKey(u.fullName)} | ${searchKey(u.name)}`;
}

function groupBy<T>(items: T[], key: (item: T) => string): Map<string, T[]> {
  const map = new Map<string, T[]>();
  for (const item of items) {
    const list = map.get(key(item));
    if (list) list.push(item);
    else map.set(key(item), [item]);
  }
  return map;
}
