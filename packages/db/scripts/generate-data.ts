// Generates the administrative units shipped with @antq/db (data/admin-units/) from the
// published source files (see data/admin-units/README.md):
//   pnpm --filter @antq/db generate-data [dir]
// `dir` defaults to ANTQ_ADMIN_UNITS_DIR, else the first shared/data/admin-units found beside
// or above the working directory. The output is deterministic; `pnpm test` checks that the
// shipped files equal what this produces whenever the sources are present.
import { readdirSync, statSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { findAdminUnitsDir } from '../src/admin-units/import.js';
import { readShippedPlan, shippedDataDir, writeShippedData } from '../src/admin-units/shipped.js';

const dir = process.argv[2] ? resolve(process.argv[2]) : findAdminUnitsDir(process.env, process.env.INIT_CWD ?? process.cwd());
if (!dir) {
  console.error('the source files were not found: pnpm --filter @antq/db generate-data <dir>, or set ANTQ_ADMIN_UNITS_DIR');
  process.exit(2);
}
const kb = (bytes: number) => `${(bytes / 1024).toFixed(0)} KiB`;
const sourceBytes = readdirSync(dir)
  .filter((f) => f.endsWith('.json'))
  .reduce((sum, f) => sum + statSync(join(dir, f)).size, 0);

let started = performance.now();
const { text, bytes } = await writeShippedData(dir);
const generateMs = performance.now() - started;
started = performance.now();
const { plan } = readShippedPlan();
const loadMs = performance.now() - started;
console.log(
  `${shippedDataDir()}: ${plan.units.length} units, ${plan.links.length} lineage links, ${plan.warnings.length} source defects reported\n` +
    `sources ${kb(sourceBytes)} (JSON) → plan ${kb(Buffer.byteLength(text))} (JSON) → ${kb(bytes)} (Brotli); generated in ${(generateMs / 1000).toFixed(1)} s, loaded in ${(loadMs / 1000).toFixed(2)} s`,
);
