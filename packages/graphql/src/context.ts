import type { IsoDate, Viewer } from '@antq/core';
import type { Database } from '@antq/db';
import type { Secrets } from './auth/secrets.js';
import { createHierarchyLoaders, type HierarchyLoaders } from './hierarchy/loaders.js';
import { DEFAULT_SETTINGS, type ServerSettings } from './settings.js';

/** What lives as long as the server: the database and the keys. */
export interface ServerServices {
  readonly db: Database;
  readonly secrets: Secrets;
  /** Parameters of the rules (see settings.ts); the defaults when not given. */
  readonly settings?: ServerSettings;
}

/** What every resolver receives: the services, who is asking, today in Vietnam, per-request loaders. */
export interface Context extends ServerServices {
  readonly settings: ServerSettings;
  readonly viewer: Viewer;
  /** Today in Vietnam: the default `asOf` of every question about the hierarchy. */
  readonly today: IsoDate;
  readonly loaders: HierarchyLoaders;
  /** Correlates the audit log with the server's log. */
  readonly requestId: string;
}

/** A fresh context for one request: loaders batch and cache within that request only. */
export function createContext(services: ServerServices, request: { viewer: Viewer; today: IsoDate; requestId: string }): Context {
  return { ...services, settings: services.settings ?? DEFAULT_SETTINGS, ...request, loaders: createHierarchyLoaders(services.db.prisma) };
}
