/**
 * Migrations without the native schema engine. Prisma's CLI downloads a native engine
 * from a host our machines cannot reach, so we drive Prisma's own WebAssembly build of
 * the same engine through the driver adapter. `applyMigrations` records what it applies
 * in `_prisma_migrations` exactly as `prisma migrate deploy` does: the two can be used
 * on the same database interchangeably.
 */
import { readdir, readFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { PGlite } from '@electric-sql/pglite';
import { postgreSplitterOptions, splitQuery } from 'dbgate-query-splitter';
import {
  bindMigrationAwareSqlAdapterFactory,
  type SqlDriverAdapter,
  type SqlMigrationAwareDriverAdapterFactory,
} from '@prisma/driver-adapter-utils';
import * as engineGlue from '@prisma/schema-engine-wasm/schema_engine_bg';
import type { MigrationList, SchemaEngine } from '@prisma/schema-engine-wasm/schema_engine_bg';
import { PrismaPGlite } from 'pglite-prisma-adapter';
import type { Database } from './database.js';

/** The folder holding schema/ (one file per part of the domain) and migrations/, shipped with the package. */
export const PRISMA_DIR = fileURLToPath(new URL('../prisma/', import.meta.url));
export const SCHEMA_DIR = join(PRISMA_DIR, 'schema');
export const MIGRATIONS_DIR = join(PRISMA_DIR, 'migrations');

let wasmReady: Promise<void> | undefined;

// @types/node does not declare the WebAssembly global; this is the one call we make.
declare const WebAssembly: {
  instantiate(bytes: Uint8Array, imports: object): Promise<{ instance: { exports: object } }>;
};

/** Instantiates the WebAssembly engine once per process. */
function loadWasm(): Promise<void> {
  wasmReady ??= (async () => {
    const entry = createRequire(import.meta.url).resolve('@prisma/schema-engine-wasm');
    const bytes = await readFile(join(dirname(entry), 'schema_engine_bg.wasm'));
    const { instance } = await WebAssembly.instantiate(bytes, { './schema_engine_bg.js': engineGlue });
    engineGlue.__wbg_set_wasm(instance.exports);
    (instance.exports as { __wbindgen_start(): void }).__wbindgen_start();
  })();
  return wasmReady;
}

/**
 * @prisma/adapter-pg runs a migration script by cutting it at every `;`, which breaks a
 * function or DO body (`$fn$ … ; … $fn$`) into pieces PostgreSQL refuses. This connection
 * runs each statement as PostgreSQL delimits it instead (dollar quotes, strings and
 * comments respected). PGlite's adapter hands the script over whole and needs nothing.
 */
function wholeStatements(connection: SqlDriverAdapter): SqlDriverAdapter {
  if (connection.adapterName !== '@prisma/adapter-pg') return connection;
  const executeScript = async (script: string) => {
    for (const sql of splitQuery(script, postgreSplitterOptions)) {
      await connection.executeRaw({ sql: typeof sql === 'string' ? sql : sql.text, args: [], argTypes: [] });
    }
  };
  return Object.assign(Object.create(connection) as SqlDriverAdapter, { executeScript });
}

async function withEngine<T>(
  adapter: SqlMigrationAwareDriverAdapterFactory,
  schema: readonly SchemaFile[],
  run: (engine: SchemaEngine) => Promise<T>,
): Promise<T> {
  await loadWasm();
  // The engine connects through the factory but never disposes what it opened: on
  // PostgreSQL that left a pool whose session held Prisma's migration advisory lock, so
  // the next `migrate` in the process waited 10 s for it. Track and dispose them here.
  const opened: SqlDriverAdapter[] = [];
  const track = async (connecting: Promise<SqlDriverAdapter>) => {
    const connection = await connecting;
    opened.push(connection);
    return wholeStatements(connection);
  };
  const tracked: SqlMigrationAwareDriverAdapterFactory = {
    provider: adapter.provider,
    adapterName: adapter.adapterName,
    connect: () => track(adapter.connect()),
    connectToShadowDb: () => track(adapter.connectToShadowDb()),
  };
  const engine = await engineGlue.SchemaEngine.new(
    { datamodels: schema.map((f) => [f.path, f.content] as [string, string]) },
    () => {},
    bindMigrationAwareSqlAdapterFactory(tracked),
  );
  try {
    return await run(engine);
  } finally {
    engine.free();
    await Promise.allSettled(opened.map((connection) => connection.dispose()));
  }
}

/** One file of the Prisma schema. */
export interface SchemaFile {
  readonly path: string;
  readonly content: string;
}

/** The schema's files, in name order. */
export async function readSchema(dir = SCHEMA_DIR): Promise<SchemaFile[]> {
  const names = (await readdir(dir)).filter((n) => n.endsWith('.prisma')).sort();
  return Promise.all(names.map(async (n) => ({ path: join(dir, n), content: await readFile(join(dir, n), 'utf8') })));
}

/** The migrations on disk, in order, as the engine wants them. */
export async function readMigrations(dir = MIGRATIONS_DIR): Promise<MigrationList> {
  const entries = await readdir(dir, { withFileTypes: true }).catch(() => []);
  const names = entries
    .filter((e) => e.isDirectory())
    .map((e) => e.name)
    .sort();
  const lock = await readFile(join(dir, 'migration_lock.toml'), 'utf8').catch(() => null);
  return {
    baseDir: dir,
    lockfile: { path: 'migration_lock.toml', content: lock },
    shadowDbInitScript: '',
    migrationDirectories: await Promise.all(
      names.map(async (name) => ({
        path: name,
        migrationFile: {
          path: 'migration.sql',
          content: await readFile(join(dir, name, 'migration.sql'), 'utf8').then(
            (value) => ({ tag: 'ok' as const, value }),
            (error: Error) => ({ tag: 'error' as const, value: error.message }),
          ),
        },
      })),
    ),
  };
}

/** Applies the migrations that `db` lacks; returns the names of those applied. */
export async function migrate(db: Database, dir = MIGRATIONS_DIR): Promise<string[]> {
  const migrationsList = await readMigrations(dir);
  if (await upToDate(db, migrationsList)) return [];
  const schema = await readSchema();
  const { appliedMigrationNames } = await withEngine(db.adapter, schema, (engine) =>
    engine.applyMigrations({ migrationsList, filters: { externalTables: [], externalEnums: [] } }),
  );
  return appliedMigrationNames;
}

/**
 * Whether `db` has finished every migration on disk and none has failed, read from
 * `_prisma_migrations`. Then the engine would apply nothing, and the
 * WebAssembly engine (about 0.5 s and 20 MB to start) is not loaded: every start of a
 * server after the first takes this path. Anything else (a fresh database, a pending or a
 * failed migration) goes to the engine, which applies or reports it.
 */
async function upToDate(db: Database, migrationsList: MigrationList): Promise<boolean> {
  const [found] = await db.prisma.$queryRawUnsafe<Array<{ table: string | null }>>(
    `SELECT to_regclass('_prisma_migrations')::text AS "table"`,
  );
  if (!found?.table) return false;
  const rows = await db.prisma.$queryRawUnsafe<Array<{ migration_name: string; finished: boolean }>>(
    `SELECT migration_name, finished_at IS NOT NULL AS finished FROM _prisma_migrations WHERE rolled_back_at IS NULL`,
  );
  if (rows.some((r) => !r.finished)) return false;
  const finished = new Set(rows.map((r) => r.migration_name));
  return migrationsList.migrationDirectories.every((m) => finished.has(m.path));
}

/**
 * The SQL that would bring a database built from the migrations up to `schema`
 * (default: the files of prisma/schema/); empty when the two agree. Runs the migrations on a fresh
 * in-memory PGlite (the shadow database), so it needs no server.
 */
export async function pendingSchemaChange(schema?: SchemaFile[], dir = MIGRATIONS_DIR): Promise<string> {
  const datamodel = schema ?? (await readSchema());
  // One in-memory PGlite serves as the shadow database (PGlite's own factory would start
  // a second one for that and never close it; each takes seconds to start).
  const shadowHost = new PGlite();
  const shadow = new PrismaPGlite(shadowHost);
  const factory: SqlMigrationAwareDriverAdapterFactory = {
    provider: shadow.provider,
    adapterName: shadow.adapterName,
    connect: () => shadow.connect(),
    connectToShadowDb: () => shadow.connect(),
  };
  try {
    const result = await withEngine(factory, datamodel, async (engine) =>
      engine.diff({
        from: { tag: 'migrations', ...(await readMigrations(dir)) },
        to: { tag: 'schemaDatamodel', files: datamodel.map((f) => ({ path: f.path, content: f.content })) },
        script: true,
        exitCode: null,
        filters: { externalTables: [], externalEnums: [] },
      }),
    );
    const sql = result.stdout ?? '';
    // What the engine writes when there is nothing to do; anything else is a change.
    return sql.trim() === '' || sql.trim() === EMPTY_MIGRATION ? '' : sql;
  } finally {
    await shadowHost.close();
  }
}

/** The whole of the script `diff` writes when the two sides agree. */
const EMPTY_MIGRATION = '-- This is an empty migration.';
