// Generates the Prisma client and the Pothos types from prisma/schema.prisma, offline.
// `prisma generate` never runs the native schema engine, but the CLI insists that one
// exists and would download it from a host these machines cannot reach: pointing
// PRISMA_SCHEMA_ENGINE_BINARY at any existing file satisfies it (see DESIGN.md).
import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';

const here = fileURLToPath(import.meta.url);
const result = spawnSync('prisma', ['generate'], {
  cwd: fileURLToPath(new URL('..', import.meta.url)),
  stdio: 'inherit',
  shell: process.platform === 'win32',
  env: {
    ...process.env,
    PRISMA_SCHEMA_ENGINE_BINARY: process.env.PRISMA_SCHEMA_ENGINE_BINARY ?? here,
    PRISMA_HIDE_UPDATE_MESSAGE: '1',
    CHECKPOINT_DISABLE: '1',
  },
});
process.exit(result.status ?? 1);
