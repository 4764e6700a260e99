// pnpm --filter @antq/graphql schema:print — writes the published contract, schema.graphql:
// the sorted SDL of the code, exactly as the contract test compares it.
import { writeFileSync } from 'node:fs';
import { pathToFileURL } from 'node:url';
import { printSchema } from 'graphql';
import { antqSchema } from '../src/schema.js';
import { PATHS } from './contract.js';

/** The text of schema.graphql: the printed, sorted schema and a final newline. */
export function printedSchema(): string {
  return `${printSchema(antqSchema())}\n`;
}

// Run as a script (not imported by the contract test): write the file.
if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  writeFileSync(PATHS.schema, printedSchema());
  console.log(`wrote ${PATHS.schema}`);
}
