// pnpm contract:check — compares schema.graphql with the last release's SDL, prints every
// breaking and dangerous change, and fails on a breaking change that no pending changeset
// announces, or on a deprecation without a reason, a removal date, or one overdue.
import { readFileSync } from 'node:fs';
import { checkContract, formatReport, PATHS, readPendingChangesets, readReleased } from './contract.js';

try {
  const report = await checkContract({
    current: readFileSync(PATHS.schema, 'utf8'),
    released: readReleased(),
    changesets: readPendingChangesets(),
    version: (JSON.parse(readFileSync(PATHS.packageJson, 'utf8')) as { version: string }).version,
  });
  console.log(formatReport(report));
  process.exitCode = report.ok ? 0 : 1;
} catch (e) {
  console.error(`GraphQL contract: ${(e as Error).message}`);
  process.exitCode = 1;
}
