// pnpm start runs the server from the packages' built JavaScript (dist/), not through tsx:
// a start after the first then takes about half the time (no TypeScript loader, whose
// hooks run for every module) and less memory. This builds the JavaScript of each package
// whose dist/ is missing or older than its sources (a fresh clone, a pull, an edit), and
// does nothing otherwise. It builds without type declarations
// (seconds, not a minute): `pnpm build` makes the publishable output, types included.
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));
// Each package's dist/ imports the others by name (they are not bundled in), so each is built on its own.
const PACKAGES = ['core', 'db', 'graphql'];
const tsdown = join(root, 'node_modules', '.bin', process.platform === 'win32' ? 'tsdown.cmd' : 'tsdown');

/** The newest modification time of a file under `path` (a file or a folder), ms. */
function newest(path) {
  if (!existsSync(path)) return 0;
  const stat = statSync(path);
  if (!stat.isDirectory()) return stat.mtimeMs;
  return Math.max(stat.mtimeMs, ...readdirSync(path).map((name) => newest(join(path, name))));
}

for (const name of PACKAGES) {
  const dir = join(root, 'packages', name);
  const built = existsSync(join(dir, 'dist', 'index.js')) ? statSync(join(dir, 'dist', 'index.js')).mtimeMs : 0;
  const sources = Math.max(newest(join(dir, 'src')), newest(join(dir, 'package.json')), newest(join(dir, 'tsdown.config.ts')));
  if (built >= sources) continue;
  console.error(`[antq] building packages/${name} (its dist/ is ${built ? 'older than its sources' : 'missing'})`);
  const result = spawnSync(tsdown, ['--no-dts', '--logLevel', 'warn'], { cwd: dir, stdio: 'inherit' });
  if (result.status !== 0) {
    console.error(`[antq] building packages/${name} failed${result.error ? `: ${result.error.message}` : ''}`);
    process.exit(result.status ?? 1);
  }
}
