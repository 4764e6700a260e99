import type { IsoDate } from '@antq/core';
import type { Database } from '@antq/db';
import { createHierarchyLoaders, type HierarchyLoaders } from './hierarchy/loaders.js';

/** What every resolver receives: the database, today's date in Vietnam, per-request loaders. */
export interface Context {
  readonly db: Database;
  /** Today in Vietnam: the default `asOf` of every question about the hierarchy. */
  readonly today: IsoDate;
  readonly loaders: HierarchyLoaders;
}

/** A fresh context for one request: loaders batch and cache within that request only. */
export function createContext(db: Database, today: IsoDate): Context {
  return { db, today, loaders: createHierarchyLoaders(db.prisma) };
}
