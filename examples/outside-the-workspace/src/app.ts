// A service of your own on the published packages: an embedded database in memory with the
// migrations @antq/db ships, a province written through its Prisma client, and the antq
// GraphQL API answering in-process (`yoga.fetch`, no port), with @antq/core's search key.
import { randomBytes } from 'node:crypto';
import { searchKey } from '@antq/core';
import { migrate, openDatabase } from '@antq/db';
import { antqSchema, createAntqYoga } from '@antq/graphql';

const db = await openDatabase({ kind: 'pglite', dataDir: 'memory' });
try {
  const applied = await migrate(db);
  console.log(`migrations applied: ${applied.length}`);

  await db.prisma.adminUnit.create({
    data: {
      code: '70',
      level: 'PROVINCE',
      kind: 'TINH',
      name: 'Bình Phước',
      fullName: 'Tỉnh Bình Phước',
      validFrom: null,
      validTo: new Date('2025-06-30'),
      searchText: searchKey('Bình Phước Tỉnh Bình Phước'),
    },
  });

  const fields = Object.keys(antqSchema().getQueryType()?.getFields() ?? {});
  console.log(`schema: Query has ${fields.length} fields, adminUnit among them: ${fields.includes('adminUnit')}`);

  const yoga = createAntqYoga({ db, secrets: { jwtSecret: randomBytes(32), dataKey: randomBytes(32) }, graphiql: false, log: () => {} });
  const response = await yoga.fetch('http://localhost/graphql', {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({
      query:
        '{ adminUnit(code: "70", asOf: "2024-06-01") { fullName level } adminUnits(search: "binh phuoc", asOf: "2024-06-01") { totalCount } }',
    }),
  });
  console.log(JSON.stringify(await response.json()));
} finally {
  await db.close();
}
