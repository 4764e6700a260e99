// Generates the Prisma client and the Pothos types from prisma/schema/, offline.
// `prisma generate` never runs the native schema engine, but the CLI insists that one
// exists and would download it from a host these machines cannot reach: pointing
// PRISMA_SCHEMA_ENGINE_BINARY at any existing file satisfies it (see DESIGN.md).
import { spawnSync } from 'node:child_process';
import { delimiter, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const here = fileURLToPath(import.meta.url);
const root = fileURLToPath(new URL('..', import.meta.url));
const bin = join(root, 'node_modules', '.bin');
const result = spawnSync(join(bin, process.platform === 'win32' ? 'prisma.cmd' : 'prisma'), ['generate'], {
  cwd: root,
  stdio: 'inherit',
  env: {
    ...process.env,
    // The generators (prisma-pothos-types) are found on PATH.
    PATH: `${bin}${delimiter}${process.env.PATH ?? ''}`,
    PRISMA_SCHEMA_ENGINE_BINARY: process.env.PRISMA_SCHEMA_ENGINE_BINARY ?? here,
    PRISMA_HIDE_UPDATE_MESSAGE: '1',
    CHECKPOINT_DISABLE: '1',
  },
});
if (result.error) console.error(`prisma generate could not start: ${result.error.message}`);
process.exit(result.status ?? 1);
