import type { IsoDate } from '@antq/core';
import type { Context } from '../context.js';
import type { AdminUnitRow } from './rows.js';

/** A commune on a date and the codes of it and every unit above it (for jurisdiction checks). */
export interface Place {
  readonly commune: AdminUnitRow;
  readonly codes: string[];
}

/** The commune with `code` on `date` and its ancestors' codes, or null if no such commune held then. */
export async function communePlace(ctx: Context, code: string, date: IsoDate): Promise<Place | null> {
  const commune = await ctx.loaders.byCodeOn.load({ code, date });
  if (!commune || commune.level !== 'COMMUNE') return null;
  const codes = [commune.code];
  for (let parent = commune.parentCode; parent; ) {
    codes.push(parent);
    parent = (await ctx.loaders.byCodeOn.load({ code: parent, date }))?.parentCode ?? null;
  }
  return { commune, codes };
}
