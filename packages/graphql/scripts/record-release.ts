// Run by `pnpm version-packages` after `changeset version`: when @antq/graphql's version
// changed, schema.graphql becomes the released contract (contract/released.graphql), the
// one later changes are compared with. ANTQ_RELEASE_DATE (YYYY-MM-DD) overrides today.
import { readFileSync, writeFileSync } from 'node:fs';
import { formatReleased, PATHS, readReleased } from './contract.js';

const version = (JSON.parse(readFileSync(PATHS.packageJson, 'utf8')) as { version: string }).version;
const previous = readReleased();
if (previous?.version === version) {
  console.log(`@antq/graphql stays at ${version}: contract/released.graphql unchanged`);
} else {
  const date = process.env.ANTQ_RELEASE_DATE || new Date().toISOString().slice(0, 10);
  if (!/^\d{4}-\d{2}-\d{2}$/.test(date)) throw new Error(`ANTQ_RELEASE_DATE must be YYYY-MM-DD, not "${date}"`);
  writeFileSync(PATHS.released, formatReleased({ version, date, sdl: readFileSync(PATHS.schema, 'utf8') }));
  console.log(`recorded the GraphQL contract of @antq/graphql ${version} (${date}) in contract/released.graphql`);
}
