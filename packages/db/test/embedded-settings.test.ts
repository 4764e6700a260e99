import { afterAll, beforeAll, expect, it } from 'vitest';
import { EMBEDDED_SHARED_BUFFERS, openDatabase, type Database } from '../src/database.js';

let db: Database;
beforeAll(async () => {
  db = await openDatabase({ kind: 'pglite', dataDir: 'memory' });
});
afterAll(async () => {
  await db.close();
});

it('runs the embedded database with a small buffer cache rather than PostgreSQL’s 128 MB', async () => {
  const [row] = await db.prisma.$queryRawUnsafe<Array<{ shared_buffers: string }>>('SHOW shared_buffers');
  expect(row!.shared_buffers).toBe(EMBEDDED_SHARED_BUFFERS);
  expect(EMBEDDED_SHARED_BUFFERS).toBe('32MB');
});
