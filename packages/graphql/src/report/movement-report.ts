/**
 * The movement report of a unit and period: who may read it, its scope (the unit on the
 * period's last day, its key areas when asked), and its sections, loaded together. The
 * GraphQL fields and the XLSX/CSV downloads all go through `movementReportFor`, so the
 * rule and the figures are the same wherever the report is read.
 */
import { isIsoDate, unitCodeSchema, type IsoDate } from '@antq/core';
import { wholeUnitOf } from '../access.js';
import type { Context } from '../context.js';
import { invalidArgument, periodOutOfOrder } from '../errors.js';
import { unitAndAbove } from '../hierarchy/place.js';
import type { AdminUnitRow } from '../hierarchy/rows.js';
import { keyAreaCodes } from './scope-sql.js';
import { figureScopeOf, type FigureScope, type ReportSection, type SectionLoader } from './section.js';
import { SECTION_LOADERS } from './sections.js';

export interface MovementReportArgs {
  readonly unitCode: string;
  readonly from: string;
  readonly to: string;
  readonly keyAreasOnly?: boolean | null;
}

export interface MovementReport {
  readonly unit: AdminUnitRow;
  readonly from: IsoDate;
  readonly to: IsoDate;
  readonly keyAreasOnly: boolean;
  /** How many key areas the figures were narrowed to (keyAreasOnly), else null. */
  readonly keyAreaCount: number | null;
  readonly sections: readonly ReportSection[];
}

/** The scope's checks: a unit code, two real dates in order. Messages in Vietnamese and English, naming the argument. */
export function checkReportArgs(args: MovementReportArgs): { unitCode: string; from: IsoDate; to: IsoDate; keyAreasOnly: boolean } {
  const unitCode = args.unitCode.trim();
  if (!unitCodeSchema.safeParse(unitCode).success)
    throw invalidArgument('INVALID_UNIT_CODE', 'unitCode', unitCode, {
      vi: `Đối số unitCode phải là mã đơn vị hành chính 2, 3 hoặc 5 chữ số, nhận được ${JSON.stringify(unitCode)}.`,
      en: `Argument unitCode must be a 2-, 3- or 5-digit unit code, got ${JSON.stringify(unitCode)}.`,
    });
  for (const field of ['from', 'to'] as const) {
    if (!isIsoDate(args[field]))
      throw invalidArgument('INVALID_DATE', field, args[field], {
        vi: `Ngày không hợp lệ cho đối số ${field}: ${JSON.stringify(args[field])} (cần một ngày có thật dạng YYYY-MM-DD).`,
        en: `Invalid date for argument ${field}: ${JSON.stringify(args[field])} (expected a real date written YYYY-MM-DD).`,
      });
  }
  const from = args.from as IsoDate;
  const to = args.to as IsoDate;
  if (from > to) throw periodOutOfOrder(from, to);
  return { unitCode, from, to, keyAreasOnly: args.keyAreasOnly ?? false };
}

/** Whether the viewer may read the full movement report of the unit (on `to`). */
export function mayReadReport(ctx: Context, unitCode: string, to: IsoDate): boolean {
  try {
    wholeUnitOf(ctx, 'MOVEMENT_REPORT', 'READ', { code: unitCode, date: to });
    return true;
  } catch {
    return false;
  }
}

/**
 * The report, for a viewer who may read it (MOVEMENT_REPORT READ at the unit: its officers
 * and those above, partners granted aggregates): errors are GraphQL errors with a code
 * (BAD_USER_INPUT, NOT_FOUND, FORBIDDEN). A fixed number of statements: the unit and its
 * ancestors (one per level), the key areas, then every section's own, run together.
 */
export async function movementReportFor(
  ctx: Context,
  args: MovementReportArgs,
  loaders: readonly SectionLoader[] = SECTION_LOADERS,
): Promise<MovementReport> {
  const { unitCode, from, to, keyAreasOnly } = checkReportArgs(args);
  const { unit } = wholeUnitOf(ctx, 'MOVEMENT_REPORT', 'READ', { code: unitCode, date: to, argument: 'unitCode' });
  const found = (await unitAndAbove(ctx, unitCode, to))!;
  const prisma = ctx.db.prisma;
  const base = figureScopeOf(unit!, from, to);
  const keyAreas = keyAreasOnly ? await keyAreaCodes(prisma, base) : null;
  const scope: FigureScope = keyAreas ? { ...base, onlyUnder: keyAreas } : base;
  const sections = await Promise.all(loaders.map((load) => load(prisma, scope)));
  return { unit: found.unit, from, to, keyAreasOnly, keyAreaCount: keyAreas?.length ?? null, sections };
}

/** The report as one text: every section's sentences in order. */
export function reportText(report: Pick<MovementReport, 'sections'>, language: 'VI' | 'EN'): string {
  return report.sections.flatMap((s) => (language === 'EN' ? s.sentences.en : s.sentences.vi)).join(' ');
}
