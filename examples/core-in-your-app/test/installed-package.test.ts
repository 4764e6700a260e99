/**
 * @antq/core as an outside project gets it: packed from its built files, installed with
 * npm into a scratch project outside the workspace, then imported by Node and checked by
 * TypeScript against its published declarations.
 */
import { execFileSync } from 'node:child_process';
import { cpSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, expect, it } from 'vitest';

const core = new URL('../../../packages/core/', import.meta.url).pathname;
const tsc = new URL('../../../node_modules/.bin/tsc', import.meta.url).pathname;
let scratch: string;

beforeAll(() => {
  scratch = mkdtempSync(join(tmpdir(), 'antq-core-outside-'));
  const run = (cmd: string, args: string[], cwd: string) => execFileSync(cmd, args, { cwd, stdio: 'pipe', encoding: 'utf8' });
  run('npx', ['-y', 'pnpm@12.4.2', 'build'], core);
  run('npx', ['-y', 'pnpm@12.4.2', 'pack', '--pack-destination', scratch], core);
  const tarball = readdirSync(scratch).find((f) => f.endsWith('.tgz'))!;
  writeFileSync(
    join(scratch, 'package.json'),
    JSON.stringify({ name: 'outside', private: true, type: 'module', dependencies: { '@antq/core': `file:./${tarball}` } }),
  );
  run('npm', ['install', '--no-audit', '--no-fund', '--loglevel=error'], scratch);
  cpSync(new URL('../src/app.ts', import.meta.url).pathname, join(scratch, 'app.ts'));
  writeFileSync(
    join(scratch, 'tsconfig.json'),
    JSON.stringify({
      compilerOptions: {
        module: 'NodeNext',
        moduleResolution: 'NodeNext',
        target: 'ES2023',
        strict: true,
        noEmit: true,
        skipLibCheck: false,
        types: [],
      },
      files: ['app.ts'],
    }),
  );
}, 300_000);

afterAll(() => rmSync(scratch, { recursive: true, force: true }));

it('ships only built files with an exports map', () => {
  const manifest = JSON.parse(
    execFileSync('node', ['-p', 'JSON.stringify(require("./node_modules/@antq/core/package.json"))'], { cwd: scratch, encoding: 'utf8' }),
  );
  expect(manifest.exports['.']).toEqual({ types: './dist/index.d.ts', import: './dist/index.js' });
  expect(readdirSync(join(scratch, 'node_modules/@antq/core')).sort()).toEqual([
    'CHANGELOG.md',
    'LICENSE',
    'README.md',
    'dist',
    'package.json',
  ]);
});

it('imports and runs in plain Node', () => {
  const out = execFileSync(
    'node',
    [
      '--input-type=module',
      '-e',
      "import { checkMemberEligibility, nameKey } from '@antq/core'; console.log(nameKey('Hòa') === nameKey('Hoà'), checkMemberEligibility({ birthDate: '1990-01-01', cleanRecord: true, education: 'LOWER_SECONDARY', residentSince: '2010-01-01', hasHealthCertificate: true }, { date: '2025-03-01', borderMountainOrEthnicMinorityArea: false }).pass)",
    ],
    { cwd: scratch, encoding: 'utf8' },
  );
  expect(out.trim()).toBe('true true');
});

it('type-checks an app against the published declarations', () => {
  expect(() => execFileSync(tsc, ['-p', '.'], { cwd: scratch, encoding: 'utf8', stdio: 'pipe' })).not.toThrow();
});
