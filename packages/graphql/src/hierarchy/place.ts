import { intervalContains, type IsoDate } from '@antq/core';
import type { Context } from '../context.js';
import { userErrors } from '../errors.js';
import { validityOf, type AdminUnitRow } from './rows.js';

/** A commune on a date and the codes of it and every unit above it (for jurisdiction checks). */
export interface Place {
  readonly commune: AdminUnitRow;
  readonly codes: string[];
}

/** The unit with `code` on `date` and the codes of it and every unit above it then, or null if none held then. */
export async function unitAndAbove(ctx: Context, code: string, date: IsoDate): Promise<{ unit: AdminUnitRow; codes: string[] } | null> {
  const unit = await ctx.loaders.byCodeOn.load({ code, date });
  if (!unit) return null;
  const codes = [unit.code];
  for (let parent = unit.parentCode; parent;) {
    codes.push(parent);
    parent = (await ctx.loaders.byCodeOn.load({ code: parent, date }))?.parentCode ?? null;
  }
  return { unit, codes };
}

/** The commune with `code` on `date` and its ancestors' codes, or null if no such commune held then. */
export async function communePlace(ctx: Context, code: string, date: IsoDate): Promise<Place | null> {
  const found = await unitAndAbove(ctx, code, date);
  return found && found.unit.level === 'COMMUNE' ? { commune: found.unit, codes: found.codes } : null;
}

/** The commune a new record names: `code` on `date`, or NOT_FOUND naming the code and the day. */
export async function namedCommune(ctx: Context, code: string, date: IsoDate): Promise<Place> {
  const place = await communePlace(ctx, code, date);
  if (!place) throw userErrors.notFound({ vi: `xã, phường có mã ${code} vào ngày ${date}`, en: `commune ${code} on ${date}` });
  return place;
}

/**
 * The codes under which a record placed in `commune` (a unit of any date) is found today:
 * its own place then, and the place of every unit it has since passed into, fully or
 * partly. A tip about 2024 in old Bình Phước is thus seen by the officers of today's Đồng
 * Nai as well as under its old codes.
 */
export async function placeCodesUntil(ctx: Context, place: Place, today: IsoDate): Promise<string[]> {
  const codes = new Set(place.codes);
  let frontier = [place.commune];
  for (let step = 0; step < 5 && frontier.length; step++) {
    const next: AdminUnitRow[] = [];
    for (const unit of frontier) {
      if (intervalContains(validityOf(unit), today)) continue;
      for (const link of await ctx.loaders.successors.load(unit.id)) {
        if (link.row.level !== 'COMMUNE') continue;
        if (intervalContains(validityOf(link.row), today)) {
          for (const code of (await communePlace(ctx, link.row.code, today))?.codes ?? []) codes.add(code);
        } else next.push(link.row);
      }
    }
    frontier = next;
  }
  return [...codes];
}
