import { invalidArgument } from './errors.js';

/** Page sizes of every connection (see DESIGN.md, API conventions). */
export const DEFAULT_PAGE_SIZE = 20;
export const MAX_PAGE_SIZE = 100;

/** A validated forward page: how many rows to show, and the key to start after. */
export interface Page {
  readonly first: number;
  readonly after: string | null;
}

const CURSOR_PREFIX = 'k:';

/** Cursors are opaque to clients: base64url of a key that sorts the connection. */
export function encodeCursor(key: string): string {
  return Buffer.from(CURSOR_PREFIX + key, 'utf8').toString('base64url');
}

/**
 * Checks the page size of a connection (`first` or `last`), or fails with a message a
 * client can act on; answers the size. Connections built by plugin-prisma check only this:
 * their cursors are the plugin's own.
 */
export function checkPageSize(args: { first?: number | null; last?: number | null }): number {
  for (const name of ['first', 'last'] as const) {
    const value = args[name];
    if (value != null && (!Number.isInteger(value) || value < 0 || value > MAX_PAGE_SIZE)) {
      throw invalidArgument('PAGE_SIZE', name, value, {
        vi: `Đối số ${name} phải từ 0 đến ${MAX_PAGE_SIZE}, nhận được ${value}: xem tiếp các trang sau bằng "after".`,
        en: `Argument ${name} must be from 0 to ${MAX_PAGE_SIZE}, got ${value}: page through longer lists with "after".`,
      });
    }
  }
  return args.first ?? args.last ?? DEFAULT_PAGE_SIZE;
}

/** What a connection costs in the query's complexity: one, times the page asked for. */
export const connectionComplexity = (args: { first?: number | null }) => ({ field: 1, multiplier: args.first ?? DEFAULT_PAGE_SIZE });

/** Reads `first` and `after` of a connection with our own keyset cursors. */
export function pageOf(args: { first?: number | null; after?: string | null }): Page {
  const first = checkPageSize(args);
  if (args.after == null) return { first, after: null };
  const decoded = Buffer.from(args.after, 'base64url').toString('utf8');
  if (!decoded.startsWith(CURSOR_PREFIX)) {
    throw invalidArgument('INVALID_CURSOR', 'after', args.after, {
      vi: `Đối số after không phải con trỏ của danh sách này: ${JSON.stringify(args.after)}; hãy truyền endCursor của trang trước.`,
      en: `Argument after is not a cursor of this list: ${JSON.stringify(args.after)}; pass the endCursor of the previous page.`,
    });
  }
  return { first, after: decoded.slice(CURSOR_PREFIX.length) };
}

/** The shape of a connection page before it is exposed: rows in order, more after them or not. */
export interface ConnectionPage<T> {
  readonly nodes: readonly T[];
  readonly hasNextPage: boolean;
  readonly hasPreviousPage: boolean;
  readonly totalCount: number;
}

/** Turns a page of rows into a Relay connection with cursors from `keyOf`. */
export function toConnection<T>(page: ConnectionPage<T>, keyOf: (node: T) => string) {
  const edges = page.nodes.map((node) => ({ node, cursor: encodeCursor(keyOf(node)) }));
  return {
    edges,
    totalCount: page.totalCount,
    pageInfo: {
      hasNextPage: page.hasNextPage,
      hasPreviousPage: page.hasPreviousPage,
      startCursor: edges[0]?.cursor ?? null,
      endCursor: edges.at(-1)?.cursor ?? null,
    },
  };
}
