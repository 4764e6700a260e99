/**
 * `totalCount` of a related connection (plugin-prisma `relatedConnection`), counted for the
 * parents of a page in one statement.
 *
 * The plugin's own `totalCount: true` asks Prisma for `_count` of the relation, which Prisma
 * turns into `LEFT JOIN (SELECT fk, COUNT(*) FROM child WHERE … GROUP BY fk)`: an aggregate
 * of every child row in the country, joined to the page afterwards (PostgreSQL does not push
 * the page's ids into it). A commune's 50 areas then counted all ~150,000 models. Here the
 * count is one `GROUP BY fk` restricted to the parents of the page (`fk IN (…)`, an index
 * scan), batched by a per-request loader: one statement per connection field and request,
 * whatever the page size.
 */
import { createContextCache } from '@pothos/core';
import type { FieldMap } from '@pothos/core';
import DataLoader from 'dataloader';
import type { AntqTypes } from './builder.js';
import type { Context } from './context.js';

/** Children per parent id, for some parent ids; a parent with none may be left out. */
export type CountByParent = (ctx: Context, parentIds: string[]) => Promise<Iterable<readonly [parentId: string | null, count: number]>>;

const loaders = createContextCache((_ctx: Context) => new Map<string, DataLoader<string, number>>());

function loaderOf(ctx: Context, key: string, count: CountByParent): DataLoader<string, number> {
  const byKey = loaders(ctx);
  let loader = byKey.get(key);
  if (!loader) {
    loader = new DataLoader<string, number>(async (ids) => {
      const counts = new Map<string | null, number>(await count(ctx, [...ids]));
      return ids.map((id) => counts.get(id) ?? 0);
    });
    byKey.set(key, loader);
  }
  return loader;
}

/** The connection object plugin-prisma builds for a related connection: it keeps the parent row. */
interface RelatedConnectionShape {
  readonly parent: { readonly id: string };
}

/**
 * Connection options for `t.relatedConnection(name, options, totalCountPerPage(…))` (leave the
 * plugin's `totalCount` out): the same `totalCount: Int!` field, counted by `count` for every
 * parent of the request at once. `key` names the relation (one loader per relation and request);
 * `count` must apply the same filter as the connection's `query.where`.
 */
export function totalCountPerPage(
  key: string,
  count: CountByParent,
): { fields: (t: PothosSchemaTypes.ObjectFieldBuilder<AntqTypes, object>) => FieldMap } {
  return {
    fields: (t: PothosSchemaTypes.ObjectFieldBuilder<AntqTypes, object>) => ({
      totalCount: t.int({
        nullable: false,
        resolve: (connection: object, _args: object, ctx: Context) =>
          loaderOf(ctx, key, count).load((connection as RelatedConnectionShape).parent.id),
      }),
    }),
  };
}
