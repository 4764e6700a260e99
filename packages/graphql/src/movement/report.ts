/**
 * The movement report's sentences, written from coverage figures, in Vietnamese or
 * English, as a provincial police report words them ("Tỉnh Bình Phước có 14 loại mô
 * hình …; 866/866 khu dân cư đã xây dựng mô hình …"). Pure: no I/O, no clock.
 */
import { searchKey, UNIT_KIND_LABELS, type CoverageFigures, type IsoDate, type UnitKind } from '@antq/core';

export type ReportLanguage = 'VI' | 'EN';

export interface ReportInput {
  readonly unit: { readonly name: string; readonly fullName: string; readonly kind: string };
  readonly asOf: IsoDate;
  readonly figures: CoverageFigures;
  /** The model types with an active model in the unit, with how many. */
  readonly modelTypes: ReadonlyArray<{ readonly name: string; readonly activeModels: number }>;
  /** The figures are those of the unit's key areas only. */
  readonly keyAreasOnly?: boolean;
}

/** The model types the provincial report names first, in its order (DOMAIN.md). */
export const REPORTED_FIRST = [
  'Tổ an ninh nhân dân',
  'Đội dân phòng',
  'Tổ xung kích phòng, chống tội phạm',
  'Đội xe ôm tự quản',
  'Khu dân cư không có tội phạm ẩn náu hoạt động',
] as const;

/** How many model types the report names. */
export const NAMED_TYPES = 5;

/** `dd/mm/yyyy`, as dates are written in Vietnam. */
export function vietnameseDate(date: IsoDate): string {
  const [y, m, d] = date.split('-');
  return `${d}/${m}/${y}`;
}

/**
 * The active model types the report names: those the provincial report names first, in
 * its order, then the others by number of active models (then name), at most `NAMED_TYPES`.
 */
export function namedModelTypes(types: ReportInput['modelTypes']): string[] {
  const rank = new Map<string, number>(REPORTED_FIRST.map((name, i) => [searchKey(name), i]));
  const rankOf = (name: string) => rank.get(searchKey(name)) ?? Number.POSITIVE_INFINITY;
  return [...types]
    .filter((t) => t.activeModels > 0)
    .sort((a, b) => rankOf(a.name) - rankOf(b.name) || b.activeModels - a.activeModels || a.name.localeCompare(b.name, 'vi'))
    .slice(0, NAMED_TYPES)
    .map((t) => t.name);
}

/** "Bình Phước province", "Bù Đăng rural district", "Hồ Chí Minh City". */
function englishUnitName(unit: ReportInput['unit']): string {
  if (unit.kind === 'THANH_PHO_TRUC_THUOC_TRUNG_UONG' || unit.kind === 'THANH_PHO_THUOC_TINH') return `${unit.name} City`;
  const label = UNIT_KIND_LABELS[unit.kind as UnitKind]?.en;
  return label ? `${unit.name} ${label.toLowerCase()}` : unit.fullName;
}

/** The report's sentences. Numbers are grouped as in Vietnam in Vietnamese (2.180) and as in English in English (2,180). */
export function movementReportText(input: ReportInput, language: ReportLanguage = 'VI'): string {
  return movementReportSentences(input, language).join(' ');
}

/** The report's sentences about coverage, one string each. */
export function movementReportSentences(input: ReportInput, language: ReportLanguage = 'VI'): string[] {
  const { figures: f, asOf } = input;
  const keyVi = input.keyAreasOnly ? ' tại các địa bàn trọng điểm' : '';
  const keyEn = input.keyAreasOnly ? ' in its key areas' : '';
  const named = namedModelTypes(input.modelTypes).map((n) => `"${n}"`);
  const date = vietnameseDate(asOf);
  if (language === 'EN') {
    const n = (x: number) => x.toLocaleString('en-GB');
    const kinds = f.modelTypes === 1 ? 'kind of model' : 'kinds of models';
    const sentences = [
      `As of ${date}, ${englishUnitName(input.unit)} has${keyEn} ${n(f.modelTypes)} ${kinds} in crime prevention and security-and-order work, ` +
        `built by the police or with their guidance; ${n(f.residentialAreasWithActiveModel)}/${n(f.residentialAreas)} residential areas have built models.`,
    ];
    if (named.length > 0) {
      sentences.push(`Some models are maintained and active: ${named.join(', ')}${f.modelTypes > named.length ? '…' : '.'}`);
    }
    sentences.push(`${n(f.activeModels)} ${f.activeModels === 1 ? 'model is' : 'models are'} active in all.`);
    return sentences;
  }
  const n = (x: number) => x.toLocaleString('vi-VN');
  const sentences = [
    `Tính đến ngày ${date}, ${input.unit.fullName}${keyVi} có ${n(f.modelTypes)} loại mô hình phòng ngừa tội phạm, bảo đảm an ninh, trật tự ` +
      `do lực lượng Công an xây dựng hoặc hướng dẫn xây dựng; ${n(f.residentialAreasWithActiveModel)}/${n(f.residentialAreas)} khu dân cư đã xây dựng mô hình.`,
  ];
  if (named.length > 0) {
    sentences.push(`Một số mô hình được duy trì hoạt động: ${named.join(', ')}${f.modelTypes > named.length ? '…' : '.'}`);
  }
  sentences.push(`Tổng cộng ${n(f.activeModels)} mô hình đang hoạt động.`);
  return sentences;
}
