#!/usr/bin/env node
/**
 * The `antq` command line.
 *   antq serve                       start the GraphQL server (default command)
 *   antq migrate                     apply pending migrations
 *   antq import admin-units [dir]    import the administrative units and their lineage
 * Environment: DATABASE_URL (PostgreSQL; default: embedded PGlite), ANTQ_DATA_DIR
 * (default .antq-data), PORT (4000), HOST (0.0.0.0), ANTQ_ADMIN_UNITS_DIR.
 */
import { parseArgs } from 'node:util';
import { AdminUnitsFileError, findAdminUnitsDir, importAdminUnits, migrate, openDatabase, targetFromEnv } from '@antq/db';
import { listen } from './http/serve.js';
import { createAntqYoga } from './http/yoga.js';
import { dataDirOf, prepareDatabase } from './startup.js';

const USAGE = `usage: antq <command>
  serve                       start the GraphQL server (PORT, HOST, DATABASE_URL, ANTQ_DATA_DIR)
  migrate                     apply pending migrations to the database
  import admin-units [dir]    import administrative units (default: shared/data/admin-units)
  help                        show this text`;

const log = (message: string) => console.error(`[antq] ${message}`);

async function main(argv: string[]): Promise<number> {
  const { positionals } = parseArgs({ args: argv, allowPositionals: true, strict: true });
  const [command = 'serve', ...rest] = positionals;
  switch (command) {
    case 'serve':
      return serve();
    case 'migrate': {
      const db = await openDatabase(targetFromEnv(process.env, dataDirOf()));
      try {
        const applied = await migrate(db);
        log(applied.length ? `applied: ${applied.join(', ')}` : 'nothing to apply');
        return 0;
      } finally {
        await db.close();
      }
    }
    case 'import':
      if (rest[0] === 'admin-units') return importUnits(rest[1]);
      console.error(`unknown import kind "${rest[0] ?? ''}"\n${USAGE}`);
      return 2;
    case 'help':
    case '--help':
      console.log(USAGE);
      return 0;
    default:
      console.error(`unknown command "${command}"\n${USAGE}`);
      return 2;
  }
}

async function serve(): Promise<number> {
  const started = performance.now();
  const db = await prepareDatabase({ log });
  const yoga = createAntqYoga({ db });
  const port = Number(process.env.PORT ?? 4000);
  const host = process.env.HOST ?? '0.0.0.0';
  const server = await listen(yoga, port, host);
  log(`GraphQL server ready at ${server.url} (GraphiQL in a browser) after ${((performance.now() - started) / 1000).toFixed(1)} s`);
  const stop = async (signal: string) => {
    log(`${signal}: stopping`);
    await server.close();
    await db.close();
    process.exit(0);
  };
  process.once('SIGINT', () => void stop('SIGINT'));
  process.once('SIGTERM', () => void stop('SIGTERM'));
  return new Promise<number>(() => {});
}

async function importUnits(dirArg: string | undefined): Promise<number> {
  const dir = dirArg ?? findAdminUnitsDir();
  if (!dir) {
    console.error('no folder given and none found: antq import admin-units <dir>');
    return 2;
  }
  const db = await openDatabase(targetFromEnv(process.env, dataDirOf()));
  try {
    await migrate(db);
    const summary = await importAdminUnits(db, dir, log);
    log(`done in ${(summary.ms / 1000).toFixed(1)} s`);
    return 0;
  } catch (error) {
    if (error instanceof AdminUnitsFileError) {
      log(`rejected, nothing written: ${error.message}`);
      return 1;
    }
    throw error;
  } finally {
    await db.close();
  }
}

main(process.argv.slice(2)).then(
  (code) => process.exit(code),
  (error: unknown) => {
    log(error instanceof Error ? (error.stack ?? error.message) : String(error));
    process.exit(1);
  },
);
