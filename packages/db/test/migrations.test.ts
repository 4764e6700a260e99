import { createHash } from 'node:crypto';
import { cp, mkdir, mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { SqlMigrationAwareDriverAdapterFactory } from '@prisma/driver-adapter-utils';
import { beforeAll, expect, it } from 'vitest';
import type { Database } from '../src/database.js';
import { MIGRATIONS_DIR, migrate } from '../src/migrate.js';
import { getDatamodel } from '../src/pothos.js';
import { describeEachDatabase } from './support/databases.js';

interface MigrationRow {
  id: string;
  checksum: string;
  finished_at: Date | null;
  migration_name: string;
  logs: string | null;
  rolled_back_at: Date | null;
  started_at: Date;
  applied_steps_count: number;
}

let onDisk: Array<{ name: string; sha256: string }>;
beforeAll(async () => {
  const names = (await readdir(MIGRATIONS_DIR, { withFileTypes: true }))
    .filter((e) => e.isDirectory())
    .map((e) => e.name)
    .sort();
  onDisk = await Promise.all(
    names.map(async (name) => ({
      name,
      sha256: createHash('sha256')
        .update(await readFile(join(MIGRATIONS_DIR, name, 'migration.sql')))
        .digest('hex'),
    })),
  );
});

describeEachDatabase(
  'migrations',
  (getDb) => {
    it('migrates a fresh database, applying every migration on disk in order', async () => {
      expect(onDisk.length).toBeGreaterThan(0);
      expect(await migrate(getDb())).toEqual(onDisk.map((m) => m.name));
      const tables = await getDb().prisma.$queryRawUnsafe<Array<{ table_name: string }>>(
        `select table_name from information_schema.tables where table_schema = current_schema() order by table_name`,
      );
      // One table per model of the schema, and Prisma's own record of migrations.
      const models = Object.keys(getDatamodel().datamodel.models);
      expect(tables.map((t) => t.table_name)).toEqual([...models, '_prisma_migrations'].sort());
      expect(models).toEqual(expect.arrayContaining(['AdminUnit', 'LineageLink', 'ImportRun', 'Tip', 'AuditEntry', 'ApiKey']));
    });

    it('applies nothing when run again', async () => {
      expect(await migrate(getDb())).toEqual([]);
    });

    it('records the migrations as `prisma migrate deploy` does', async () => {
      const rows = await getDb().prisma.$queryRawUnsafe<MigrationRow[]>(
        `select * from _prisma_migrations order by started_at, migration_name`,
      );
      expect(rows.map((r) => ({ name: r.migration_name, sha256: r.checksum }))).toEqual(onDisk);
      for (const row of rows) {
        expect(row.id).toMatch(/^[0-9a-f-]{36}$/);
        expect(row.finished_at).toBeInstanceOf(Date);
        expect(row.finished_at!.getTime()).toBeGreaterThanOrEqual(row.started_at.getTime());
        expect(row.rolled_back_at).toBeNull();
        expect(row.logs).toBeNull();
        expect(row.applied_steps_count).toBe(1);
      }
      // The columns and types of the table that `prisma migrate deploy` creates.
      const columns = await getDb().prisma.$queryRawUnsafe<Array<{ column_name: string; data_type: string; is_nullable: string }>>(
        `select column_name, data_type, is_nullable from information_schema.columns
          where table_name = '_prisma_migrations' and table_schema = current_schema() order by ordinal_position`,
      );
      expect(columns).toEqual([
        { column_name: 'id', data_type: 'character varying', is_nullable: 'NO' },
        { column_name: 'checksum', data_type: 'character varying', is_nullable: 'NO' },
        { column_name: 'finished_at', data_type: 'timestamp with time zone', is_nullable: 'YES' },
        { column_name: 'migration_name', data_type: 'character varying', is_nullable: 'NO' },
        { column_name: 'logs', data_type: 'text', is_nullable: 'YES' },
        { column_name: 'rolled_back_at', data_type: 'timestamp with time zone', is_nullable: 'YES' },
        { column_name: 'started_at', data_type: 'timestamp with time zone', is_nullable: 'NO' },
        { column_name: 'applied_steps_count', data_type: 'integer', is_nullable: 'NO' },
      ]);
    });

    it('answers from _prisma_migrations, without starting the engine, when every migration is applied', async () => {
      // The engine reaches the database only through the adapter: one that refuses proves it was not started.
      const refuse = () => Promise.reject(new Error('the migration engine was started'));
      const adapter: SqlMigrationAwareDriverAdapterFactory = {
        provider: getDb().adapter.provider,
        adapterName: getDb().adapter.adapterName,
        connect: refuse,
        connectToShadowDb: refuse,
      };
      const withoutEngine: Database = { ...getDb(), adapter };
      expect(await migrate(withoutEngine)).toEqual([]);
    });

    it('applies a migration added on disk, and then answers without the engine again', async () => {
      const dir = await mkdtemp(join(tmpdir(), 'antq-migrations-'));
      try {
        await cp(MIGRATIONS_DIR, dir, { recursive: true });
        await mkdir(join(dir, '99990101000000_probe'));
        await writeFile(join(dir, '99990101000000_probe', 'migration.sql'), 'CREATE TABLE "MigrationProbe" ("id" INTEGER NOT NULL);\n');
        expect(await migrate(getDb(), dir)).toEqual(['99990101000000_probe']);
        expect(await migrate(getDb(), dir)).toEqual([]);
      } finally {
        await getDb().prisma.$executeRawUnsafe(`DROP TABLE IF EXISTS "MigrationProbe"`);
        await getDb().prisma.$executeRawUnsafe(`DELETE FROM _prisma_migrations WHERE migration_name = '99990101000000_probe'`);
        await rm(dir, { recursive: true, force: true });
      }
    });

    it('leaves a failed migration to the engine, which refuses to go on', async () => {
      const last = onDisk.at(-1)!.name;
      await getDb().prisma.$executeRawUnsafe(`UPDATE _prisma_migrations SET finished_at = NULL WHERE migration_name = '${last}'`);
      try {
        await expect(migrate(getDb())).rejects.toThrow(last);
      } finally {
        await getDb().prisma.$executeRawUnsafe(`UPDATE _prisma_migrations SET finished_at = started_at WHERE migration_name = '${last}'`);
      }
      expect(await migrate(getDb())).toEqual([]);
    });
  },
  { migrated: false },
);
