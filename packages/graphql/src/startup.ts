/**
 * Bringing a database up to date before serving: open it (creating the embedded one on
 * first start), apply migrations, and import the administrative units if there are none.
 */
import { resolve } from 'node:path';
import { loadSecrets, type Secrets } from './auth/secrets.js';
import {
  adminUnitsDirOverride,
  importAdminUnits,
  migrate,
  openDatabase,
  seedDemo,
  targetFromEnv,
  type Database,
  type Seal,
} from '@antq/db';
import { seal } from './security/crypto.js';

export interface StartupOptions {
  readonly env?: NodeJS.ProcessEnv;
  /** Where the embedded database and local secrets live. */
  readonly dataDir?: string;
  readonly log?: (message: string) => void;
  /** Seals the demo's personal data (re-integration cases); see `sealWith`. Without it the demo leaves them out. */
  readonly seal?: Seal;
}

/** The demo seed's sealing function for a data key: the API's AES-GCM sealing, so the API opens what the seed wrote. */
export function sealWith(dataKey: Buffer): Seal {
  return (plaintext, context) => seal(dataKey, plaintext, context);
}

/** The data directory: `ANTQ_DATA_DIR`, else `.antq-data` in the working directory. */
export function dataDirOf(env: NodeJS.ProcessEnv = process.env): string {
  return resolve(env.ANTQ_DATA_DIR ?? '.antq-data');
}

/**
 * Opens, migrates and, when empty, fills the database with the real administrative units;
 * on the embedded database, also loads the Bình Phước demo data (once: it is a no-op when
 * loaded; `ANTQ_DEMO=off` skips it). A PostgreSQL database gets demo data only when asked,
 * with `antq seed demo`.
 */
export async function prepareDatabase({
  env = process.env,
  dataDir = dataDirOf(env),
  log = () => {},
  seal: sealDemo,
}: StartupOptions = {}): Promise<Database> {
  const target = targetFromEnv(env, dataDir);
  log(target.kind === 'pglite' ? `opening the embedded database in ${target.dataDir}` : `connecting to PostgreSQL (DATABASE_URL)`);
  const db = await openDatabase(target);
  try {
    const applied = await migrate(db);
    log(applied.length ? `applied migrations: ${applied.join(', ')}` : 'database schema is up to date');
    if ((await db.prisma.adminUnit.count()) === 0) {
      // The units shipped with @antq/db, unless ANTQ_ADMIN_UNITS_DIR names the source files to import instead.
      const dir = adminUnitsDirOverride(env);
      log(`first start: importing the administrative units ${dir ? `from ${dir}` : 'shipped with @antq/db'}`);
      const summary = await importAdminUnits(db, dir, (m) => log(`  ${m}`));
      log(`imported in ${(summary.ms / 1000).toFixed(1)} s`);
    }
    // Once: a database that holds generated data already (the demo of any seed, or the
    // national-scale data, which is never mixed with it) is left as it is.
    if (
      target.kind === 'pglite' &&
      env.ANTQ_DEMO !== 'off' &&
      (await db.prisma.adminUnit.count()) > 0 &&
      (await db.prisma.dataset.count()) === 0
    ) {
      log('first start: loading the Bình Phước demo data (ANTQ_DEMO=off skips it)');
      await seedDemo(db, { progress: (m) => log(`  ${m}`), ...(sealDemo ? { seal: sealDemo } : {}) });
    }
    return db;
  } catch (error) {
    await db.close();
    throw error;
  }
}

/**
 * The server's keys: from the environment, else (on the embedded default only) created on
 * first start in the data directory. A server on PostgreSQL must be given them.
 */
export function serverSecrets(env: NodeJS.ProcessEnv = process.env, dataDir = dataDirOf(env)): Secrets {
  return loadSecrets(env, dataDir, { create: !env.DATABASE_URL?.trim() });
}
