import { createHash } from 'node:crypto';
import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { beforeAll, expect, it } from 'vitest';
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
  const names = (await readdir(MIGRATIONS_DIR, { withFileTypes: true })).filter((e) => e.isDirectory()).map((e) => e.name).sort();
  onDisk = await Promise.all(
    names.map(async (name) => ({
      name,
      sha256: createHash('sha256').update(await readFile(join(MIGRATIONS_DIR, name, 'migration.sql'))).digest('hex'),
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
      const rows = await getDb().prisma.$queryRawUnsafe<MigrationRow[]>(`select * from _prisma_migrations order by started_at, migration_name`);
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
  },
  { migrated: false },
);
