#!/usr/bin/env node
/**
 * The `antq` command line.
 *   antq                             print the usage (as do `antq help [command]` and `--help` on every command)
 *   antq serve [--workers N|auto]    start the GraphQL server (SIGTERM or SIGINT stops it gracefully)
 *   antq migrate                     apply pending migrations
 *   antq import admin-units [dir]    import the administrative units and their lineage
 *   antq import <kind> <file> …      import residential areas, models or team members from a spreadsheet
 *   antq import template <kind> …    write the spreadsheet template of a kind
 *   antq seed demo [--seed N]        load the Bình Phước demo data (idempotent)
 *   antq seed national [--scale S] [--province P] [--seed N] [--no-tips] | --remove
 *                                    load (or remove) national-scale generated data
 *   antq coverage rebuild|check      recompute the coverage steps of every commune, or compare them
 *   antq token --role R --unit C     print a signed token (development and tests)
 *   antq api-key issue|revoke …      manage partner agencies' API keys
 * Environment: DATABASE_URL (PostgreSQL; default: embedded PGlite), DATABASE_REPLICA_URL (a
 * streaming replica that answers reads, with read-your-writes; ANTQ_REPLICA_MAX_LAG_MS, 10000), ANTQ_DATA_DIR
 * (default .antq-data), PORT (4000), HOST (0.0.0.0), ANTQ_ADMIN_UNITS_DIR,
 * ANTQ_JWT_SECRET and ANTQ_DATA_KEY (required with DATABASE_URL), ANTQ_JWKS_URL,
 * ANTQ_MODEL_RATING_MIN_ACTIVE_DAYS (days a model runs ACTIVE before it is rated; 180),
 * ANTQ_MAX_BODY_BYTES (the largest request body; 1048576, an import's upload has its own),
 * ANTQ_METRICS_TOKEN (turns /metrics on, behind this bearer token), ANTQ_SHUTDOWN_TIMEOUT_MS
 * (how long a stopping server lets requests in flight finish; 10000), OTEL_EXPORTER_OTLP_ENDPOINT
 * (turns on OpenTelemetry traces), ANTQ_RATE_LIMIT_TIP_FAILURES (40), ANTQ_RATE_LIMIT_SIGN_IN_FAILURES (20),
 * ANTQ_RATE_LIMIT_WINDOW_SECONDS (900), ANTQ_TRUST_PROXY, ANTQ_IDEMPOTENCY_KEY_TTL_SECONDS (86400).
 */
import cluster from 'node:cluster';
import { readFile } from 'node:fs/promises';
import { Command, CommanderError } from 'commander';
import { officerRoleOfClaim, PARTNER_SCOPES, type PartnerScope } from '@antq/core';
import {
  AdminUnitsFileError,
  checkCoverageSteps,
  adminUnitsDirOverride,
  importAdminUnits,
  maintainPeriodically,
  migrate,
  NationalSeedRefused,
  openDatabase,
  refreshCoverageSteps,
  removeNational,
  replicaIgnored,
  seedDemo,
  seedNational,
  targetFromEnv,
  type Database,
} from '@antq/db';
import type { Secrets } from './auth/secrets.js';
import { issueApiKey, operationsOfFile, registerPersistedOperations, revokeApiKey } from './auth/api-keys.js';
import { issueToken, UNIT_CODE_OF_ROLE } from './auth/tokens.js';
import { cliViewer, ImportUsageError, KIND_ARGS, runImport, writeTemplate } from './imports/cli.js';
import { runPrimary, workerCount, WorkersRefused } from './http/cluster.js';
import { listen, shownUrl } from './http/serve.js';
import { stopGracefullyOnSignal } from './http/shutdown.js';
import { startTracing, type Tracing } from './http/tracing.js';
import { createAntqYoga } from './http/yoga.js';
import { paceGarbageCollectionForEmbedded } from './embedded-heap.js';
import { antqSchema } from './schema.js';
import { settingsFromEnv, type ServerSettings } from './settings.js';
import { dataDirOf, prepareDatabase, sealWith, serverSecrets } from './startup.js';
import { tipSealer } from './tips/sealing.js';

const log = (message: string) => console.error(`[antq] ${message}`);

class UsageError extends Error {}

/**
 * The commands, parsed by commander: each has its `--help`; `antq` alone prints the usage.
 * Every action answers the exit code.
 */
function program(run: (code: Promise<number>) => void): Command {
  const antq = new Command('antq')
    .description(
      'The antq server and its tools. Environment: DATABASE_URL (PostgreSQL; default the embedded PGlite), DATABASE_REPLICA_URL (a read replica of it: queries read there, a viewer who wrote reads from the primary until the replica has the write), ANTQ_REPLICA_MAX_LAG_MS (the longest that lasts, default 10000), ANTQ_DATA_DIR, PORT, HOST, ANTQ_ADMIN_UNITS_DIR, ANTQ_JWT_SECRET, ANTQ_DATA_KEY, ANTQ_JWKS_URL, ANTQ_MODEL_RATING_MIN_ACTIVE_DAYS, ANTQ_MAX_BODY_BYTES (the largest request body, default 1048576), ANTQ_METRICS_TOKEN (turns /metrics on, behind this bearer token), ANTQ_SHUTDOWN_TIMEOUT_MS (how long a stopping server lets requests in flight finish, default 10000), OTEL_EXPORTER_OTLP_ENDPOINT (turns on OpenTelemetry traces), ANTQ_RATE_LIMIT_TIP_FAILURES, ANTQ_RATE_LIMIT_SIGN_IN_FAILURES, ANTQ_RATE_LIMIT_WINDOW_SECONDS, ANTQ_TRUST_PROXY (rate limits of failures), ANTQ_IDEMPOTENCY_KEY_TTL_SECONDS (how long an Idempotency-Key is kept, default 86400).',
    )
    .showHelpAfterError()
    .exitOverride()
    .allowExcessArguments()
    .action(() => {
      if (antq.args.length) antq.error(`unknown command "${antq.args[0]}"`);
      antq.outputHelp({ error: true });
      run(Promise.resolve(2));
    });
  antq
    .command('serve')
    .description(
      'start the GraphQL server (PORT, HOST, DATABASE_URL, DATABASE_REPLICA_URL, ANTQ_REPLICA_MAX_LAG_MS, ANTQ_DATA_DIR, ANTQ_MAX_BODY_BYTES, ANTQ_METRICS_TOKEN, ANTQ_SHUTDOWN_TIMEOUT_MS, ANTQ_RATE_LIMIT_*, ANTQ_TRUST_PROXY); SIGTERM or SIGINT stops it gracefully',
    )
    .option('--workers <n>', 'processes serving the port: a number, or auto (the available cores); above 1 needs DATABASE_URL', '1')
    .action((o: { workers: string }) => run(serve(o.workers)));
  antq
    .command('migrate')
    .description('apply pending migrations to the database')
    .action(() =>
      run(
        withDatabase(async (db) => {
          const applied = await migrate(db);
          log(applied.length ? `applied: ${applied.join(', ')}` : 'nothing to apply');
          return 0;
        }),
      ),
    );

  const imports = antq.command('import').description('import administrative units, a spreadsheet, or write a template');
  imports
    .command('admin-units [dir]')
    .description(
      'import the administrative units and their lineage (default: the data shipped with @antq/db; a folder or ANTQ_ADMIN_UNITS_DIR imports the source files); idempotent',
    )
    .action((dir?: string) => run(importUnits(dir)));
  imports
    .command('template <kind>')
    .description(`write the template of a kind (${KIND_ARGS.join(', ')}): headers, an example row, a guide`)
    .option('--format <format>', 'csv or xlsx')
    .option('--out <file>', 'where to write it (default: stdout for csv)')
    .action(async (kind: string, o: { format?: string; out?: string }) => run(writeTemplate(kind, o.format, o.out).then(() => 0)));
  for (const kind of KIND_ARGS) {
    imports
      .command(`${kind} <file>`)
      .description(`import ${kind} from a spreadsheet (.xlsx or UTF-8 .csv) as an officer of a unit; exit 1 on any problem`)
      .option('--dry-run', 'report every bad row and write nothing', false)
      .option('--unit <code>', 'the unit you act for: a 2-digit province or 5-digit commune code')
      .option('--national', 'act as a national officer', false)
      .action((file: string, o: { dryRun: boolean; unit?: string; national: boolean }) => {
        const viewer = cliViewer(o);
        const secrets = serverSecrets();
        run(
          withDatabase(async (db) => {
            await migrate(db);
            return runImport(db, secrets, kind, file, viewer, o.dryRun, log);
          }),
        );
      });
  }

  const seed = antq.command('seed').description('load generated data: the Bình Phước demo, or national-scale data');
  seed
    .command('demo')
    .description('load the Bình Phước demo data (idempotent; deterministic by seed)')
    .option('--seed <n>', 'the seed, an integer from 0 to 2147483647')
    .action((o: { seed?: string }) => run(seedDemoCommand(o.seed)));
  seed
    .command('national')
    .description('load national-scale generated data into a database with the units and no other movement data (or --remove it)')
    .option('--scale <s>', 'above 0, at most 20; 1 is about 100,000 residential areas', '1')
    .option('--province <code>', 'only this province of today (2 digits)')
    .option('--seed <n>', 'the seed, an integer from 0 to 2147483647')
    .option('--no-tips', 'no tips nor re-integration cases (they are sealed with ANTQ_DATA_KEY)')
    .option('--remove', 'remove the national-scale data instead', false)
    .action((o: { scale: string; province?: string; seed?: string; tips: boolean; remove: boolean }) =>
      run(seedNationalCommand({ ...o, 'no-tips': !o.tips })),
    );

  antq
    .command('coverage <action>')
    .description('rebuild: recompute the coverage steps of every commune; check: compare them with a recomputation, exit 1 if they differ')
    .action((action: string) =>
      run(
        withDatabase(async (db) => {
          await migrate(db);
          return coverageSteps(db, action);
        }),
      ),
    );

  antq
    .command('token')
    .description('print a signed token alone on stdout (development and tests)')
    .requiredOption('--role <role>', 'national, province-officer, commune-officer or area-leader')
    .option('--unit <code>', 'the officer’s unit: 2-digit province, 5-digit commune')
    .option('--area <id>', 'an area leader’s residential area')
    .option('--ttl <ttl>', 'lifetime: 30m, 1h, 7d', '1h')
    .option('--subject <name>', 'the subject (default: role@unit)')
    .action((o: { role: string; unit?: string; area?: string; ttl: string; subject?: string }) => run(printToken(o)));

  const keys = antq.command('api-key').description('manage partner agencies’ API keys');
  keys
    .command('issue')
    .description('issue a partner key (printed once, stored hashed)')
    .requiredOption('--name <agency>', 'the agency')
    .requiredOption('--scopes <list>', `comma-separated: ${PARTNER_SCOPES.join(', ')}`)
    .option('--unit <code>', 'limit the key to this unit')
    .option('--persisted-only', 'the key runs only its registered operations', false)
    .action((o: { name: string; scopes: string; unit?: string; persistedOnly: boolean }) =>
      run(apiKey(['issue'], { ...o, 'persisted-only': o.persistedOnly })),
    );
  keys
    .command('revoke <prefix>')
    .description('revoke a partner key')
    .action((prefix: string) => run(apiKey(['revoke', prefix], {})));
  keys
    .command('operations <prefix> <files...>')
    .description('register the operations of .graphql files or persisted-documents.json manifests for a key; prints their hashes')
    .action((prefix: string, files: string[]) => run(apiKey(['operations', prefix, ...files], {})));

  antq
    .command('help [command...]')
    .description('show the usage of antq or of a command')
    .action((path: string[] = []) => {
      let at: Command = antq;
      for (const name of path) at = at.commands.find((c) => c.name() === name) ?? at;
      at.outputHelp();
      run(Promise.resolve(0));
    });
  antq.addHelpCommand(false);
  return antq;
}

async function seedDemoCommand(seedArg: string | undefined): Promise<number> {
  return withDatabase(async (db) => {
    await migrate(db);
    if ((await db.prisma.adminUnit.count()) === 0) throw new UsageError('import the administrative units first: antq import admin-units');
    const seed = seedArg === undefined ? undefined : Number(seedArg);
    if (seed !== undefined && !(Number.isInteger(seed) && seed >= 0 && seed <= 2 ** 31 - 1))
      throw new UsageError('--seed must be an integer from 0 to 2147483647');
    // Re-integration cases are personal data: written sealed with the server's key, or not at all.
    const dataKey = (() => {
      try {
        return serverSecrets().dataKey;
      } catch {
        log('no data key (ANTQ_DATA_KEY): the demo’s re-integration cases are left out');
        return null;
      }
    })();
    await seedDemo(db, { ...(seed === undefined ? {} : { seed }), progress: log, ...(dataKey ? { seal: sealWith(dataKey) } : {}) });
    return 0;
  });
}

/**
 * `antq serve`: one process serving (the default), or with `--workers N` a primary that
 * prepares the database once (migrations, a first start's import) and then forks the
 * workers that serve it (http/cluster.ts). Each serving process stops gracefully on
 * SIGTERM or SIGINT (http/shutdown.ts).
 */
async function serve(workersArg: string): Promise<number> {
  const started = performance.now();
  const settings = settingsFromEnv();
  const embedded = targetFromEnv(process.env, dataDirOf()).kind === 'pglite';
  const ignored = cluster.isWorker ? null : replicaIgnored(process.env);
  if (ignored) log(ignored);
  const port = Number(process.env.PORT ?? 4000);
  const host = process.env.HOST ?? '0.0.0.0';
  if (cluster.isWorker) return serveAsWorker(settings, port, host);
  const workers = (() => {
    try {
      return workerCount(workersArg, embedded);
    } catch (error) {
      throw error instanceof WorkersRefused ? new UsageError(error.message) : error;
    }
  })();
  if (embedded) paceGarbageCollectionForEmbedded();
  const secrets = serverSecrets();
  const db = await prepareDatabase({ log, seal: sealWith(secrets.dataKey) });
  if (workers > 1) {
    await db.close();
    return runPrimary({ workers, timeoutMs: settings.shutdownTimeoutMs, url: shownUrl(host, port), log, started });
  }
  // PGlite has no autovacuum: the embedded server does its work (@antq/db maintenance.ts).
  const maintenance = embedded ? maintainPeriodically(db, { log }) : null;
  const tracing = await startTracing({ log });
  const server = await listen(serverYoga(db, secrets, settings, tracing), port, host, (http) =>
    stopGracefullyOnSignal(http, {
      timeoutMs: settings.shutdownTimeoutMs,
      log,
      cleanup: async () => {
        await maintenance?.stop();
        await db.close();
        await tracing?.shutdown();
      },
    }),
  );
  log(`GraphQL server ready at ${server.url} (GraphiQL in a browser) after ${((performance.now() - started) / 1000).toFixed(1)} s`);
  return new Promise<number>(() => {});
}

/** A worker of `antq serve --workers N`: its own pool on the database the primary prepared; the primary logs it. */
async function serveAsWorker(settings: ServerSettings, port: number, host: string): Promise<number> {
  const say = (message: string) => log(`worker ${cluster.worker!.id}: ${message}`);
  const secrets = serverSecrets();
  const db = await openDatabase(targetFromEnv(process.env, dataDirOf()));
  const tracing = await startTracing({ log: say });
  // Stopping gracefully from before the primary hears that this worker listens (and may forward a signal).
  await listen(serverYoga(db, secrets, settings, tracing), port, host, (http) =>
    stopGracefullyOnSignal(http, {
      timeoutMs: settings.shutdownTimeoutMs,
      log: say,
      cleanup: async () => {
        await db.close();
        await tracing?.shutdown();
      },
    }),
  );
  return new Promise<number>(() => {});
}

function serverYoga(db: Database, secrets: Secrets, settings: ServerSettings, tracing: Tracing | null) {
  return createAntqYoga({
    db,
    secrets,
    settings,
    ...(tracing ? { tracing: tracing.plugin } : {}),
    clusterMetrics: cluster.isWorker,
    ...(process.env.ANTQ_JWKS_URL
      ? { jwks: { url: process.env.ANTQ_JWKS_URL, issuer: process.env.ANTQ_JWT_ISSUER, audience: process.env.ANTQ_JWT_AUDIENCE } }
      : {}),
  });
}

async function withDatabase(run: (db: Database) => Promise<number>): Promise<number> {
  const db = await openDatabase(targetFromEnv(process.env, dataDirOf()));
  try {
    return await run(db);
  } finally {
    await db.close();
  }
}

async function importUnits(dirArg: string | undefined): Promise<number> {
  // The source files in dir (or ANTQ_ADMIN_UNITS_DIR), else the units shipped with @antq/db.
  const dir = dirArg ?? adminUnitsDirOverride();
  return withDatabase(async (db) => {
    await migrate(db);
    try {
      const summary = await importAdminUnits(db, dir, log);
      log(`done in ${(summary.ms / 1000).toFixed(1)} s`);
      return 0;
    } catch (error) {
      if (!(error instanceof AdminUnitsFileError)) throw error;
      log(`rejected, nothing written: ${error.message}`);
      return 1;
    }
  });
}

/** `antq seed national`: checks the arguments, then loads (or removes) the generated data. */
async function seedNationalCommand(values: {
  scale?: string;
  province?: string;
  seed?: string;
  'no-tips'?: boolean;
  remove?: boolean;
}): Promise<number> {
  if (values.remove) {
    return withDatabase(async (db) => {
      const removed = await removeNational(db);
      log(removed ? 'removed the national-scale data' : 'no national-scale data to remove');
      return 0;
    });
  }
  const scale = values.scale === undefined ? 1 : Number(values.scale);
  if (!(Number.isFinite(scale) && scale > 0 && scale <= 20))
    throw new UsageError('--scale must be a number above 0 and at most 20 (1: about 100,000 residential areas)');
  if (values.province !== undefined && !/^\d{2}$/.test(values.province))
    throw new UsageError('--province must be the 2-digit code of a province of today (e.g. 75)');
  const seed = values.seed === undefined ? undefined : Number(values.seed);
  if (seed !== undefined && !(Number.isInteger(seed) && seed >= 0 && seed <= 2 ** 31 - 1))
    throw new UsageError('--seed must be an integer from 0 to 2147483647');
  // Tips and re-integration cases are sealed with the key the server will open them with; without it, none are made.
  const dataKey = values['no-tips'] ? undefined : serverSecrets().dataKey;
  const seal = dataKey ? tipSealer(dataKey) : undefined;
  const sealPersonal = dataKey ? sealWith(dataKey) : undefined;
  return withDatabase(async (db) => {
    await migrate(db);
    if ((await db.prisma.adminUnit.count()) === 0) throw new UsageError('import the administrative units first: antq import admin-units');
    try {
      await seedNational(db, {
        scale,
        ...(values.province === undefined ? {} : { province: values.province }),
        ...(seed === undefined ? {} : { seed }),
        ...(seal ? { seal } : {}),
        ...(sealPersonal ? { sealPersonal } : {}),
        progress: log,
      });
      return 0;
    } catch (error) {
      if (!(error instanceof NationalSeedRefused)) throw error;
      log(error.message);
      return 1;
    }
  });
}

/**
 * The coverage steps are kept by triggers on every write; `rebuild` recomputes them all (after
 * restoring a dump made without them, say) and `check` compares them with a recomputation,
 * failing when they differ.
 */
async function coverageSteps(db: Database, action: string | undefined): Promise<number> {
  const started = performance.now();
  const took = () => `${((performance.now() - started) / 1000).toFixed(1)} s`;
  if (action === 'rebuild') {
    log('coverage: recomputing the steps of every commune');
    await db.prisma.$transaction((tx) => refreshCoverageSteps(tx, 'all'), { timeout: 60 * 60_000 });
    const { rows } = await checkCoverageSteps(db.prisma);
    log(`coverage: ${rows} steps written in ${took()}`);
    return 0;
  }
  if (action === 'check') {
    log('coverage: comparing the stored steps with a recomputation from the rows');
    const { rows, missing, extra } = await checkCoverageSteps(db.prisma);
    if (missing + extra === 0) {
      log(`coverage: the ${rows} stored steps are right (${took()})`);
      return 0;
    }
    log(`coverage: ${missing} steps missing and ${extra} wrong of ${rows} stored (${took()}): run antq coverage rebuild`);
    return 1;
  }
  throw new UsageError(`unknown coverage action "${action ?? ''}": antq coverage rebuild | antq coverage check`);
}

/** Tokens for development and tests: the same key the server checks them with. */
async function printToken(values: { role?: string; unit?: string; area?: string; ttl?: string; subject?: string }): Promise<number> {
  const role = values.role ? officerRoleOfClaim(values.role) : null;
  if (!role) throw new UsageError('--role must be one of national, province-officer, commune-officer, area-leader (partners use API keys)');
  const unit = values.unit?.trim() ?? null;
  const expected = role === 'NATIONAL' ? null : UNIT_CODE_OF_ROLE[role];
  if (expected === null && unit) throw new UsageError('a national token has no --unit');
  if (expected && !(unit && expected.test(unit)))
    throw new UsageError(
      `--unit must be a ${role === 'PROVINCE_OFFICER' ? '2-digit province' : '5-digit commune'} code for ${values.role}`,
    );
  if (role === 'AREA_LEADER' && !values.area) throw new UsageError('an area leader token needs --area <residential area id>');
  if (!/^\d+[smhdw]$/.test(values.ttl ?? '')) throw new UsageError('--ttl is a number and a unit: 30m, 1h, 7d');
  const token = await issueToken(serverSecrets().jwtSecret, {
    role,
    unitCode: unit,
    areaId: values.area ?? null,
    subject: values.subject ?? `${values.role}${unit ? `@${unit}` : ''}`,
    ttl: values.ttl!,
  });
  process.stdout.write(`${token}\n`);
  return 0;
}

async function apiKey(
  rest: string[],
  values: { name?: string; scopes?: string; unit?: string; 'persisted-only'?: boolean },
): Promise<number> {
  const [action, prefix] = rest;
  if (action === 'issue') {
    if (!values.name?.trim()) throw new UsageError('--name <agency> is required');
    const scopes = (values.scopes ?? '')
      .split(',')
      .map((s) => s.trim())
      .filter(Boolean);
    const unknown = scopes.filter((s) => !(PARTNER_SCOPES as readonly string[]).includes(s));
    if (!scopes.length || unknown.length)
      throw new UsageError(
        `--scopes must list some of ${PARTNER_SCOPES.join(', ')}${unknown.length ? `; unknown: ${unknown.join(', ')}` : ''}`,
      );
    return withDatabase(async (db) => {
      await migrate(db);
      const issued = await issueApiKey(db.prisma, {
        name: values.name!.trim(),
        scopes: scopes as PartnerScope[],
        unitCode: values.unit ?? null,
        persistedOnly: values['persisted-only'] ?? false,
        issuedBy: 'cli',
      });
      log(`issued key ${issued.prefix} for ${values.name}: store it now, it is not shown again`);
      process.stdout.write(`${issued.key}\n`);
      return 0;
    });
  }
  if (action === 'revoke' && prefix) {
    return withDatabase(async (db) => {
      const done = await revokeApiKey(db.prisma, prefix);
      log(done ? `revoked ${prefix}` : `no live key ${prefix}`);
      return done ? 0 : 1;
    });
  }
  if (action === 'operations' && prefix && rest.length > 2) {
    const files = rest.slice(2);
    const perFile = await Promise.all(
      files.map(async (file) => {
        try {
          return operationsOfFile(file, await readFile(file, 'utf8'));
        } catch (error) {
          throw new UsageError((error as Error).message);
        }
      }),
    );
    const fileOf = perFile.flatMap((documents, i) => documents.map(() => files[i]!));
    return withDatabase(async (db) => {
      const hashes = await registerPersistedOperations(db.prisma, prefix, perFile.flat(), antqSchema());
      hashes.forEach((hash, i) => process.stdout.write(`${hash}  ${fileOf[i]}\n`));
      log(`registered ${hashes.length} operations for ${prefix}`);
      return 0;
    });
  }
  throw new UsageError('api-key issue --name … --scopes … | api-key revoke <prefix> | api-key operations <prefix> <file...>');
}

function exitWith(error: unknown): never {
  if (error instanceof CommanderError) process.exit(error.exitCode === 0 ? 0 : 2); // commander has said what was wrong
  if (error instanceof UsageError || error instanceof ImportUsageError || (error instanceof Error && error.name === 'SecretsError')) {
    console.error(`antq: ${(error as Error).message}\n(antq help, or antq <command> --help)`);
    process.exit(2);
  }
  log(error instanceof Error ? (error.stack ?? error.message) : String(error));
  process.exit(1);
}

try {
  program((code) => {
    code.then((c) => {
      // serve never settles: the server runs until a signal stops it.
      process.exit(c);
    }, exitWith);
  }).parse(process.argv);
} catch (error) {
  exitWith(error);
}
