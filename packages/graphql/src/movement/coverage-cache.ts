/**
 * Coverage kept between requests, correct on every server of a deployment. Computing the
 * country's coverage reads one coverage step per commune (55 ms of SQL at national scale)
 * and rolls them up in core; between two writes that change a step, every request would
 * compute the same answer. Each server keeps what it computed (the rows and the trees of
 * each depth asked) with the version of the data it was computed from, and reuses it while
 * the database's version is the same:
 *
 * - The version is the sum over `CoverageVersion` (migration `coverage_versions`): every
 *   refresh of a commune's steps adds one to its row in the write's own transaction, so the
 *   sum moves at the commit of any write that changed coverage, whichever server or command
 *   made it, and at nothing else. Each request reads it once (one statement, about 1 ms for
 *   the country's 10,000 communes of all eras) before anything of coverage: a viewer who has
 *   just written reads the new figures, on this server or another (read-your-writes), and
 *   nothing waits for a notification that could be late or lost.
 * - The version is read before the rows, so kept rows are never older than their version (a
 *   write committed between the two only makes them newer, and the next request recomputes).
 * - An entry also holds the hierarchy it was computed on: an import of the units through
 *   this server (which makes the hierarchy be read again) leaves nothing computed on the old.
 * - Entries are bounded by the rows they hold (least recently used go first), so that dates
 *   asked at random cannot grow the server's memory without limit.
 */
import type { HierarchyIndex } from '@antq/core';
import type { HierarchyCache } from '@antq/db';
import { createContextCache } from '@pothos/core';
import { LRUCache } from 'lru-cache';
import type { Context } from '../context.js';
import type { CoverageRows, CoverageScope } from './coverage-data.js';

/** Rows (units and communes) all kept coverage may hold at once: the country today is about 6,700, through the lineage of 2024 about 17,000. */
export const KEPT_ROWS = 60_000;

/** What one coverage question was computed into: the rows, then a tree per depth asked. */
export interface KeptCoverage<T> {
  readonly rows: Promise<CoverageRows>;
  readonly trees: Map<number, Promise<T>>;
}

interface Entry<T> extends KeptCoverage<T> {
  readonly version: string;
  readonly hierarchy: HierarchyIndex;
  /** Counted when the rows have arrived (until then, one). */
  size: number;
}

/** One per open database, held by its hierarchy cache (the same object whichever server a request reads from). */
const kept = createContextCache(
  (_database: HierarchyCache) =>
    // eslint-disable-next-line @typescript-eslint/no-explicit-any -- one cache per database for every kind of tree
    new LRUCache<string, Entry<any>>({ maxSize: KEPT_ROWS, sizeCalculation: (e) => e.size }),
);

/** The request's reading of the database's coverage version: once per request, however many coverages it asks. */
const versionOf = createContextCache((ctx: Context) =>
  ctx.db.prisma.$queryRaw<[{ v: string }]>`SELECT coalesce(sum(refreshes), 0)::text AS v FROM "CoverageVersion"`.then(([row]) => row.v),
);

const keyOf = (s: CoverageScope) => `${s.unitCode}|${s.unitsOn}|${s.lineage}|${s.figuresOn}`;

/**
 * The coverage of `s` as this server last computed it, if the data has not changed since;
 * otherwise read now (by `read`) and kept. The caller builds its trees in `trees`.
 */
export async function keptCoverage<T>(ctx: Context, s: CoverageScope, read: () => Promise<CoverageRows>): Promise<KeptCoverage<T>> {
  const version = await versionOf(ctx);
  const cache = kept(ctx.db.hierarchy);
  const key = keyOf(s);
  const found = cache.get(key) as Entry<T> | undefined;
  if (found && found.version === version && found.hierarchy === ctx.hierarchy) return found;
  const entry: Entry<T> = { version, hierarchy: ctx.hierarchy, rows: read(), trees: new Map(), size: 1 };
  cache.set(key, entry);
  entry.rows.then(
    (rows) => {
      // Counted again now that the rows are known (an entry replaced meanwhile is left alone).
      entry.size = rows.units.size + rows.data.communes.length + 1;
      if (cache.peek(key) === entry) cache.set(key, entry);
    },
    () => {
      if (cache.peek(key) === entry) cache.delete(key);
    },
  );
  return entry;
}
