/**
 * The three packages as a user gets them from npm: built, packed with `pnpm pack` (which
 * applies publishConfig and replaces `workspace:*` with versions), installed with npm in a
 * scratch project outside the workspace; then the app in src/ is type-checked against the
 * published declarations, compiled, and run by plain Node.
 */
import { execFileSync } from 'node:child_process';
import { cpSync, existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, expect, it } from 'vitest';

const root = new URL('../../../', import.meta.url).pathname;
const tsc = join(root, 'node_modules/.bin/tsc');
const PACKAGES = ['core', 'db', 'graphql'] as const;
let scratch: string;
const tarballs: Record<string, string> = {};
const timings: string[] = [];

const run = (cmd: string, args: string[], cwd: string) => execFileSync(cmd, args, { cwd, stdio: 'pipe', encoding: 'utf8' });
function timed<T>(what: string, f: () => T): T {
  const start = performance.now();
  const result = f();
  timings.push(`${what} ${((performance.now() - start) / 1000).toFixed(1)} s`);
  return result;
}

/** The modification times of the files under `dir`. */
function mtimes(dir: string): number[] {
  return readdirSync(dir, { withFileTypes: true, recursive: true })
    .filter((e) => e.isFile())
    .map((e) => statSync(join(e.parentPath, e.name)).mtimeMs);
}

/** Whether a package's dist was built after its last change (`pnpm test` has just built it). */
function isBuilt(name: string): boolean {
  const dir = join(root, 'packages', name);
  if (!existsSync(join(dir, 'dist'))) return false;
  return Math.max(...mtimes(join(dir, 'src')), statSync(join(dir, 'package.json')).mtimeMs) <= Math.min(...mtimes(join(dir, 'dist')));
}

beforeAll(() => {
  scratch = mkdtempSync(join(tmpdir(), 'antq-outside-'));
  if (!PACKAGES.every(isBuilt)) timed('build', () => run('npx', ['-y', 'pnpm@12.4.2', 'build'], root));
  timed('pack', () => run('npx', ['-y', 'pnpm@12.4.2', '-r', '--filter', './packages/*', 'pack', '--pack-destination', scratch], root));
  for (const name of PACKAGES) tarballs[name] = readdirSync(scratch).find((f) => f.startsWith(`antq-${name}-`) && f.endsWith('.tgz'))!;
  const dependencies = Object.fromEntries(PACKAGES.map((name) => [`@antq/${name}`, `file:./${tarballs[name]}`]));
  // @types/node for the app's node:crypto: a user's project has it; it is not ours to ship.
  writeFileSync(
    join(scratch, 'package.json'),
    JSON.stringify({ name: 'outside', private: true, type: 'module', dependencies, devDependencies: { '@types/node': '^20.19.0' } }),
  );
  timed('npm install', () => run('npm', ['install', '--no-audit', '--no-fund', '--loglevel=error'], scratch));
  cpSync(new URL('../src/app.ts', import.meta.url).pathname, join(scratch, 'app.ts'));
  writeFileSync(
    join(scratch, 'tsconfig.json'),
    JSON.stringify({
      compilerOptions: {
        module: 'NodeNext',
        moduleResolution: 'NodeNext',
        target: 'ES2023',
        strict: true,
        skipLibCheck: true,
        types: ['node'],
        outDir: 'out',
      },
      files: ['app.ts'],
    }),
  );
}, 600_000);

afterAll(() => {
  console.log(`[outside-the-workspace] ${timings.join(', ')}`);
  rmSync(scratch, { recursive: true, force: true });
});

it('packs built files only, with versions in place of workspace ranges', () => {
  const manifest = (name: string) => JSON.parse(readFileSync(join(scratch, 'node_modules/@antq', name, 'package.json'), 'utf8'));
  const version = (name: string) => manifest(name).version as string;
  expect(manifest('db').dependencies['@antq/core']).toBe(version('core'));
  expect(manifest('graphql').dependencies).toMatchObject({ '@antq/core': version('core'), '@antq/db': version('db') });
  for (const name of PACKAGES) {
    const files = readdirSync(join(scratch, 'node_modules/@antq', name));
    expect(files).toContain('dist');
    expect(files).not.toContain('src');
    expect(files).toContain('CHANGELOG.md');
  }
  // The migrations run from the package, the administrative units and their licences ship
  // with it, and the published contract ships with the API.
  expect(readdirSync(join(scratch, 'node_modules/@antq/db/prisma/migrations')).length).toBeGreaterThan(1);
  expect(readdirSync(join(scratch, 'node_modules/@antq/db/data/admin-units')).sort()).toEqual([
    'LICENSE-dvhcvn-20250701.txt',
    'LICENSE-vietnamese-provinces-database.txt',
    'README.md',
    'admin-units.json.br',
  ]);
  expect(existsSync(join(scratch, 'node_modules/@antq/graphql/schema.graphql'))).toBe(true);
});

it('type-checks the app against the published declarations', () => {
  expect(() => run(tsc, ['-p', '.'], scratch)).not.toThrow();
});

it('runs the app in plain Node: migrations, the shipped administrative units, Prisma client and the GraphQL API from the tarballs', () => {
  const lines = run('node', ['out/app.js'], scratch).trim().split('\n');
  expect(lines[0]).toMatch(/^migrations applied: [1-9]\d*$/);
  expect(lines[1]).toBe('units: 14150, lineage links: 10650, source defects reported: 21');
  expect(lines[2]).toBe('search key of Tỉnh Bình Phước found: true');
  expect(lines[3]).toBe('schema: Query has ' + lines[3]!.match(/has (\d+) fields/)![1] + ' fields, adminUnit among them: true');
  expect(JSON.parse(lines[4]!).data).toEqual({
    adminUnit: { fullName: 'Tỉnh Bình Phước', level: 'PROVINCE' },
    old: { totalCount: 63 },
    today: { totalCount: 34 },
  });
});

it('installs the antq command', () => {
  const out = run(join(scratch, 'node_modules/.bin/antq'), ['help'], scratch);
  expect(out).toMatch(/serve/);
});
