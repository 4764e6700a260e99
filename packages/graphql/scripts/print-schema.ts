/**
 * Writes the schema's SDL to packages/graphql/schema.graphql: the contract clients generate
 * their types from. `printSchema` of the sorted `antqSchema()`, and a trailing newline.
 *   tsx scripts/print-schema.ts
 */
import { writeFileSync } from 'node:fs';
import { printSchema } from 'graphql';
import { antqSchema } from '../src/schema.js';

const path = new URL('../schema.graphql', import.meta.url);
writeFileSync(path, `${printSchema(antqSchema())}\n`);
console.error(`wrote ${path.pathname}`);
