// A service of your own on the published packages: an embedded database in memory with the
// migrations and the administrative units @antq/db ships, read through its Prisma client, and
// the antq GraphQL API answering in-process (`yoga.fetch`, no port), with @antq/core's search key.
import { randomBytes } from 'node:crypto';
import { searchKey } from '@antq/core';
import { importAdminUnits, migrate, openDatabase } from '@antq/db';
import { antqSchema, createAntqYoga } from '@antq/graphql';

const db = await openDatabase({ kind: 'pglite', dataDir: 'memory' });
try {
  const applied = await migrate(db);
  console.log(`migrations applied: ${applied.length}`);

  // No folder: the units shipped in the package (three eras, the 2025 lineage).
  const imported = await importAdminUnits(db);
  const [units, links] = [await db.prisma.adminUnit.count(), await db.prisma.lineageLink.count()];
  console.log(`units: ${units}, lineage links: ${links}, source defects reported: ${imported.warnings.length}`);
  const key = searchKey('Tỉnh Bình Phước');
  console.log(
    `search key of Tỉnh Bình Phước found: ${(await db.prisma.adminUnit.count({ where: { searchText: { contains: key } } })) > 0}`,
  );

  const fields = Object.keys(antqSchema().getQueryType()?.getFields() ?? {});
  console.log(`schema: Query has ${fields.length} fields, adminUnit among them: ${fields.includes('adminUnit')}`);

  const yoga = createAntqYoga({ db, secrets: { jwtSecret: randomBytes(32), dataKey: randomBytes(32) }, graphiql: false, log: () => {} });
  const response = await yoga.fetch('http://localhost/graphql', {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({
      query:
        '{ adminUnit(code: "70", asOf: "2024-06-01") { fullName level } old: adminUnits(level: PROVINCE, asOf: "2024-12-31") { totalCount } today: adminUnits(level: PROVINCE) { totalCount } }',
    }),
  });
  console.log(JSON.stringify(await response.json()));
} finally {
  await db.close();
}
