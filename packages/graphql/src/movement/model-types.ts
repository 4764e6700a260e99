/** Model types (loại mô hình) by ID, for coverage's byModelType and the report. */
import type { ModelType as ModelTypeRow } from '@antq/db';
import { createContextCache } from '@pothos/core';
import DataLoader from 'dataloader';
import type { Context } from '../context.js';

export type { ModelTypeRow };

/** Model types by ID, one statement per request for all of them (request-scoped: one per context). */
export const modelTypeLoader = createContextCache(
  (ctx: Context) =>
    new DataLoader<string, ModelTypeRow | null>(async (ids) => {
      const rows = await ctx.db.prisma.modelType.findMany({ where: { id: { in: [...ids] } } });
      const byId = new Map(rows.map((r) => [r.id, r]));
      return ids.map((id) => byId.get(id) ?? null);
    }),
);
