import type { Context } from './context.js';
import { checkPageSize, connectionComplexity } from './pagination.js';

/** A table as a filtered list reads it: counted, and paged, by one filter. */
interface ListedTable<Where, Order, Row> {
  count(args: { where: Where }): Promise<number>;
  findMany(args: { where: Where; orderBy: Order }): Promise<Row[]>;
}

/**
 * What every top-level list connection (plugin-prisma's) shares beyond its type, scope and
 * arguments: keyed by ID, its complexity by page size, its rows counted and paged by one
 * filter in one order; the count and the page each check the page size, as either may run
 * alone (a selection of totalCount only skips the page).
 */
export function filteredList<Args, Where, Order, Row>(
  table: (prisma: Context['db']['prisma']) => ListedTable<Where, Order, Row>,
  where: (ctx: Context, args: Args) => Where,
  orderBy: Order,
) {
  type Paged = Args & { first?: number | null; last?: number | null };
  return {
    cursor: 'id' as const,
    complexity: connectionComplexity,
    totalCount: (_parent: unknown, args: Paged, ctx: Context) => (
      checkPageSize(args),
      table(ctx.db.prisma).count({ where: where(ctx, args) })
    ),
    resolve: (query: object, _parent: unknown, args: Paged, ctx: Context) => (
      checkPageSize(args),
      table(ctx.db.prisma).findMany({ ...query, where: where(ctx, args), orderBy })
    ),
  };
}
