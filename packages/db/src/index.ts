/**
 * @antq/db: storage for antq. The Prisma schema and its migrations, a client on the
 * embedded PGlite or on PostgreSQL, the offline migration runner, the importers and the demo data.
 */
export * from './database.js';
export * from './unavailable.js';
export * from './migrate.js';
export * from './admin-units/index.js';
export * from './demo/index.js';
export * from './national/index.js';
export { TABLES as GENERATED_TABLES } from './generator/bulk.js';
export type { GeneratedTable, GeneratedTables, SealTarget, SealText } from './generator/rows.js';
export { PrismaClient, Prisma } from './generated/prisma/client.js';
export type * from './generated/prisma/client.js';
export * from './sealed.js';
export * from './coverage-steps.js';
export * from './coverage-rows.js';
export * from './maintenance.js';
export * from './hierarchy.js';
export * from './scope-filters.js';
