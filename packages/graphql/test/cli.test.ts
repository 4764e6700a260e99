/**
 * The `antq` command's arguments (parsed by commander): alone it prints its usage instead of
 * starting a server, every command has `--help`, a mistake is exit 2 with what was wrong,
 * and the README's command table names the commands there are.
 */
import { execFile } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';

const CLI = new URL('../src/cli.ts', import.meta.url).pathname;
const README = readFileSync(new URL('../../../README.md', import.meta.url), 'utf8');

function antq(...args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  return new Promise((resolve) => {
    execFile(
      process.execPath,
      ['--import', 'tsx', CLI, ...args],
      { timeout: 60_000, env: { ...process.env, ANTQ_DATA_DIR: '/nonexistent' } },
      (error, stdout, stderr) => resolve({ code: error ? (typeof error.code === 'number' ? error.code : 1) : 0, stdout, stderr }),
    );
  });
}

describe('antq', () => {
  it('alone prints its usage and exits 2, starting nothing', async () => {
    const { code, stdout, stderr } = await antq();
    expect(code).toBe(2);
    expect(stdout).toBe('');
    expect(stderr).toMatch(/^Usage: antq/);
    for (const command of ['serve', 'migrate', 'import', 'seed', 'coverage', 'token', 'api-key', 'help'])
      expect(stderr).toContain(`  ${command}`);
  });

  it.each([
    ['token', ['--role <role>', '--unit <code>', '--ttl <ttl>']],
    ['seed national', ['--scale <s>', '--province <code>', '--no-tips', '--remove']],
    ['import residential-areas', ['<file>', '--dry-run', '--unit <code>', '--national']],
    ['api-key issue', ['--name <agency>', '--scopes <list>', '--persisted-only']],
  ])('%s --help says its options', async (command, options) => {
    const { code, stdout } = await antq(...command.split(' '), '--help');
    expect(code).toBe(0);
    expect(stdout).toContain(`Usage: antq ${command}`);
    for (const option of options) expect(stdout).toContain(option);
  });

  it('a mistake is exit 2 with what was wrong', async () => {
    const [unknown, option, role] = await Promise.all([
      antq('bogus'),
      antq('token', '--role', 'national', '--frobnicate'),
      antq('token', '--role', 'admin'),
    ]);
    expect(unknown.code).toBe(2);
    expect(unknown.stderr).toContain('unknown command "bogus"');
    expect(option.code).toBe(2);
    expect(option.stderr).toContain("unknown option '--frobnicate'");
    expect(role.code).toBe(2);
    expect(role.stderr).toContain('--role must be one of');
  });

  it('the README’s command table names the commands there are', async () => {
    const table = README.slice(README.indexOf('## The `antq` command'), README.indexOf('## Building on antq'));
    const { stderr } = await antq();
    const listed = [...stderr.slice(stderr.indexOf('Commands:')).matchAll(/^ {2}([a-z-]+)/gm)].map((m) => m[1]);
    for (const command of listed) expect(table).toContain(`\`${command}`);
  });
});
