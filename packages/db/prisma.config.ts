// Where Prisma's CLI finds the schema (one file per part of the domain) and the
// migrations; the URL is only needed by `prisma migrate deploy` against PostgreSQL.
import { defineConfig } from 'prisma/config';

export default defineConfig({
  schema: 'prisma/schema',
  migrations: { path: 'prisma/migrations' },
  datasource: { url: process.env.DATABASE_URL ?? 'postgresql://localhost/antq' },
});
