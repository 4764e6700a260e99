// pnpm release:check — each publishable package as npm would receive it: packed with
// `pnpm pack` (publishConfig applied, workspace ranges replaced), then linted by publint
// (strict: warnings fail) and checked by "Are the types wrong?" (attw) for ESM consumers
// (node16 from ESM and bundlers; the packages are ESM only, see their READMEs), offline.
// Needs the packages built first (`pnpm build`).
import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { publint } from 'publint';
import { formatMessage } from 'publint/utils';

const root = fileURLToPath(new URL('..', import.meta.url));
const PACKAGES = ['core', 'db', 'graphql'];
// Entry points that are files to read, not modules to import: no types to check.
const ASSETS = { graphql: ['./schema.graphql'] };
const attw = join(root, 'node_modules', '.bin', process.platform === 'win32' ? 'attw.cmd' : 'attw');
// The pnpm that runs this script (a binary, or a script for Node), else the repository's.
const execpath = process.env.npm_execpath ?? '';
const pnpm = !/pnpm/.test(execpath)
  ? ['npx', ['-y', 'pnpm@12.4.2']]
  : /\.[cm]?js$/.test(execpath)
    ? [process.execPath, [execpath]]
    : [execpath, []];

const scratch = mkdtempSync(join(tmpdir(), 'antq-release-check-'));
let failed = 0;
const timings = [];
let last = performance.now();
const seconds = () => {
  const now = performance.now();
  const s = `${((now - last) / 1000).toFixed(1)} s`;
  last = now;
  return s;
};
try {
  for (const name of PACKAGES)
    if (!existsSync(join(root, 'packages', name, 'dist'))) throw new Error(`packages/${name}/dist is missing: run pnpm build first`);
  execFileSync(pnpm[0], [...pnpm[1], '-r', '--filter', './packages/*', 'pack', '--pack-destination', scratch], {
    cwd: root,
    stdio: 'pipe',
  });
  timings.push(`pack ${seconds()}`);
  for (const name of PACKAGES) {
    const tarball = join(
      scratch,
      readdirSync(scratch).find((f) => f.startsWith(`antq-${name}-`) && f.endsWith('.tgz')),
    );
    const bytes = readFileSync(tarball);
    const { messages, pkg } = await publint({
      pack: { tarball: bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength) },
      strict: true,
      level: 'suggestion',
    });
    const problems = messages.map((m) => `  publint ${m.type}: ${formatMessage(m, pkg) ?? m.code}`);
    // Suggestions are printed; errors (and warnings, in strict mode) fail.
    failed += messages.filter((m) => m.type !== 'suggestion').length;

    const types = spawnSync(
      attw,
      [
        tarball,
        '--profile',
        'esm-only',
        '--no-definitely-typed',
        '--format',
        'ascii',
        '--no-color',
        '--no-emoji',
        ...(ASSETS[name] ? ['--exclude-entrypoints', ...ASSETS[name]] : []),
      ],
      { encoding: 'utf8' },
    );
    if (types.status !== 0) {
      failed++;
      problems.push(`  attw: ${(types.stdout + types.stderr).trim().replaceAll('\n', '\n    ')}`);
    }
    timings.push(`check ${name} ${seconds()}`);
    console.log(
      `${pkg.name}@${pkg.version}: ${problems.length ? `\n${problems.join('\n')}` : 'publint ok, types ok (node16 ESM, bundler)'}`,
    );
  }
  console.log(`(${timings.join(', ')})`);
} finally {
  rmSync(scratch, { recursive: true, force: true });
}
if (failed) {
  console.error(`release check: ${failed} problem(s)`);
  process.exitCode = 1;
}
