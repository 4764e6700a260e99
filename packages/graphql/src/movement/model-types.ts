/** Model types (loại mô hình) by ID, for coverage's byModelType and the report. */
import type { ModelType as ModelTypeRow } from '@antq/db';
import DataLoader from 'dataloader';
import type { Context } from '../context.js';

export type { ModelTypeRow };

const loaders = new WeakMap<Context, DataLoader<string, ModelTypeRow | null>>();

/** Model types by ID, one statement per request for all of them (request-scoped: keyed by the context). */
export function modelTypeLoader(ctx: Context): DataLoader<string, ModelTypeRow | null> {
  let loader = loaders.get(ctx);
  if (!loader) {
    loader = new DataLoader(async (ids) => {
      const rows = await ctx.db.prisma.modelType.findMany({ where: { id: { in: [...ids] } } });
      const byId = new Map(rows.map((r) => [r.id, r]));
      return ids.map((id) => byId.get(id) ?? null);
    });
    loaders.set(ctx, loader);
  }
  return loader;
}
