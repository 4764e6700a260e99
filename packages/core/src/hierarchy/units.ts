import { clampToInterval, intervalContains, type DateInterval, type IsoDate } from '../dates.js';

/** The three levels of the hierarchy. Districts exist only until 2025-06-30. */
export type AdminLevel = 'PROVINCE' | 'DISTRICT' | 'COMMUNE';

/** The legal kinds of administrative unit, by level. */
export type UnitKind =
  | 'TINH' // tỉnh
  | 'THANH_PHO_TRUC_THUOC_TRUNG_UONG' // thành phố trực thuộc trung ương
  | 'HUYEN' // huyện
  | 'QUAN' // quận
  | 'THI_XA' // thị xã
  | 'THANH_PHO_THUOC_TINH' // thành phố thuộc tỉnh (or thuộc thành phố trực thuộc trung ương)
  | 'XA' // xã
  | 'PHUONG' // phường
  | 'THI_TRAN' // thị trấn
  | 'DAC_KHU'; // đặc khu (special zone, from 2025-07-01)

/** Vietnamese and English labels of each unit kind. */
export const UNIT_KIND_LABELS: Readonly<Record<UnitKind, { vi: string; en: string }>> = {
  TINH: { vi: 'Tỉnh', en: 'Province' },
  THANH_PHO_TRUC_THUOC_TRUNG_UONG: { vi: 'Thành phố trực thuộc trung ương', en: 'Centrally-run city' },
  HUYEN: { vi: 'Huyện', en: 'Rural district' },
  QUAN: { vi: 'Quận', en: 'Urban district' },
  THI_XA: { vi: 'Thị xã', en: 'District-level town' },
  THANH_PHO_THUOC_TINH: { vi: 'Thành phố thuộc tỉnh', en: 'Provincial city' },
  XA: { vi: 'Xã', en: 'Commune' },
  PHUONG: { vi: 'Phường', en: 'Ward' },
  THI_TRAN: { vi: 'Thị trấn', en: 'Township' },
  DAC_KHU: { vi: 'Đặc khu', en: 'Special zone' },
};

/** Vietnamese and English labels of each level. */
export const ADMIN_LEVEL_LABELS: Readonly<Record<AdminLevel, { vi: string; en: string }>> = {
  PROVINCE: { vi: 'Cấp tỉnh', en: 'Province level' },
  DISTRICT: { vi: 'Cấp huyện', en: 'District level' },
  COMMUNE: { vi: 'Cấp xã', en: 'Commune level' },
};

// Longest prefixes first, so that "Thành phố" is not mistaken for a shorter word.
const KIND_PREFIXES: ReadonlyArray<readonly [string, Partial<Record<AdminLevel, UnitKind>>]> = [
  ['Thành phố', { PROVINCE: 'THANH_PHO_TRUC_THUOC_TRUNG_UONG', DISTRICT: 'THANH_PHO_THUOC_TINH' }],
  ['Thị trấn', { COMMUNE: 'THI_TRAN' }],
  ['Thị xã', { DISTRICT: 'THI_XA' }],
  ['Đặc khu', { COMMUNE: 'DAC_KHU' }],
  ['Phường', { COMMUNE: 'PHUONG' }],
  ['Huyện', { DISTRICT: 'HUYEN' }],
  ['Tỉnh', { PROVINCE: 'TINH' }],
  ['Quận', { DISTRICT: 'QUAN' }],
  ['Xã', { COMMUNE: 'XA' }],
];

/**
 * The kind of a unit from its official full name (the kind word in any case) and level (`Thành phố Đồng Nai` at
 * province level is a centrally-run city), or `null` when the name does not start with
 * a kind that exists at that level.
 */
export function unitKindOf(fullName: string, level: AdminLevel): UnitKind | null {
  const name = fullName.normalize('NFC').trim().toLocaleLowerCase('vi');
  for (const [prefix, kinds] of KIND_PREFIXES) {
    if (name.startsWith(`${prefix.toLocaleLowerCase('vi')} `)) return kinds[level] ?? null;
  }
  return null;
}

/** The level below `level` on `date`: districts were abolished on 2025-07-01. */
export function childLevel(level: AdminLevel, date: IsoDate): AdminLevel | null {
  if (level === 'COMMUNE') return null;
  if (level === 'DISTRICT') return 'COMMUNE';
  return date < DISTRICTS_ABOLISHED_ON ? 'DISTRICT' : 'COMMUNE';
}

/** Resolution 202/2025/QH15: the two-level local government starts on this day. */
export const DISTRICTS_ABOLISHED_ON: IsoDate = '2025-07-01';

/** An administrative unit: a code plus the interval in which it held, with its name and place. */
export interface AdminUnit {
  readonly code: string;
  readonly level: AdminLevel;
  readonly kind: UnitKind;
  /** Short name (`Bình Phước`). */
  readonly name: string;
  /** Official full name with kind (`Tỉnh Bình Phước`). */
  readonly fullName: string;
  /** Code of the parent unit; the parent is the unit with that code valid on the same date. */
  readonly parentCode: string | null;
  readonly validity: DateInterval;
}

/** Whether `unit` held on `date`. */
export function isValidOn(unit: Pick<AdminUnit, 'validity'>, date: IsoDate): boolean {
  return intervalContains(unit.validity, date);
}

/** The units that held on `date`, in the order given. */
export function unitsValidOn<U extends Pick<AdminUnit, 'validity'>>(units: Iterable<U>, date: IsoDate): U[] {
  return [...units].filter((u) => isValidOn(u, date));
}

/** The unit with `code` that held on `date`, if any. Codes are reused across eras. */
export function unitOn<U extends Pick<AdminUnit, 'code' | 'validity'>>(units: Iterable<U>, code: string, date: IsoDate): U | undefined {
  for (const u of units) if (u.code === code && isValidOn(u, date)) return u;
  return undefined;
}

/**
 * The date a unit is seen on when it is reached without one (by its ID): the date asked
 * when the unit held then, else the nearest day on which it held.
 */
export function viewDate(unit: Pick<AdminUnit, 'validity'>, asked: IsoDate): IsoDate {
  return clampToInterval(asked, unit.validity);
}
