/**
 * antq as the reliability run's child process: the command `pnpm start` runs (the built
 * JavaScript, built first when stale: bench/embedded.ts `startCommands`), with DATABASE_URL
 * to the run's own cluster, a free port of 127.0.0.1 and `--workers N`. Stopped by its PID.
 * The same command line runs the CLI's data commands (import admin-units, seed national).
 */
import { execSync, spawn, type ChildProcess } from 'node:child_process';
import { delimiter, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { startCommands } from '../bench/embedded.js';
import { freePort } from '../test/support/free-port.js';

export interface Antq {
  readonly child: ChildProcess;
  readonly pid: number;
  readonly url: string;
  /** stderr so far (its last 200 kB). */
  log(): string;
  /** With `heapProbe`: collects the server's garbage (reliability/heap-probe.mjs) and resolves with the heap left, MB. */
  heapAfterGc(): Promise<number>;
  readonly exited: Promise<{ code: number | null; signal: NodeJS.Signals | null; at: number }>;
  /** SIGTERM by its PID, then waits for it to exit (SIGKILL after `ms`). */
  stop(ms?: number): Promise<void>;
}

/** The CLI's command line (node, its flags and dist/cli.js), built first when stale, as `pnpm start` does. */
export function antqCommand(repo: string): { program: string; args: string[] } {
  const { before, server } = startCommands(repo);
  for (const command of before)
    execSync(command, {
      cwd: repo,
      env: { ...process.env, PATH: `${join(repo, 'node_modules', '.bin')}${delimiter}${process.env.PATH ?? ''}` },
      stdio: ['ignore', 'ignore', 'inherit'],
    });
  const [program, ...args] = server;
  // The start script's last word is the command (`serve`): the CLI is what is before it.
  return { program: program === 'node' ? process.execPath : program!, args: args.slice(0, -1) };
}

/** Runs one CLI command to its end (import, seed), its output prefixed; throws on a non-zero exit. */
export function runAntq(repo: string, command: string[], env: Record<string, string>, log: (m: string) => void): Promise<void> {
  const { program, args } = antqCommand(repo);
  const child = spawn(program, [...args, ...command], { cwd: repo, env: { ...process.env, ...env }, stdio: ['ignore', 'pipe', 'pipe'] });
  let tail = '';
  const relay = (d: Buffer) => {
    tail = (tail + d.toString()).slice(-4000);
    for (const line of d.toString().split('\n')) if (line.trim()) log(`  ${line.trim()}`);
  };
  child.stdout!.on('data', relay);
  child.stderr!.on('data', relay);
  return new Promise((resolve, reject) =>
    child.once('exit', (code) => (code === 0 ? resolve() : reject(new Error(`antq ${command.join(' ')} exited ${code}: ${tail}`)))),
  );
}

const HEAP_PROBE = fileURLToPath(new URL('./heap-probe.mjs', import.meta.url));

/** Starts `antq serve --workers N` and resolves once it says it is ready (every worker listening) and /ready answers 200. */
export async function startAntq(
  repo: string,
  workers: number,
  env: Record<string, string>,
  log: (m: string) => void,
  { heapProbe = false } = {},
): Promise<Antq> {
  const { program, args } = antqCommand(repo);
  const port = await freePort();
  const probe = heapProbe ? ['--expose-gc', '--import', pathToFileURL(HEAP_PROBE).href] : [];
  const child = spawn(program, [...probe, ...args, 'serve', '--workers', String(workers)], {
    cwd: repo,
    env: { ...process.env, ...env, PORT: String(port), HOST: '127.0.0.1', ANTQ_DEMO: 'off' },
    stdio: ['ignore', 'ignore', 'pipe'],
  });
  let stderr = '';
  child.stderr!.on('data', (d: Buffer) => (stderr = (stderr + d.toString()).slice(-200_000)));
  // The heap probe's answers, in the order asked.
  const probed: Array<(mb: number) => void> = [];
  let partial = '';
  child.stderr!.on('data', (d: Buffer) => {
    const lines = (partial + d.toString()).split('\n');
    partial = lines.pop()!;
    for (const line of lines) {
      const bytes = /^\[heap-probe\] (\d+)$/.exec(line)?.[1];
      if (bytes !== undefined) probed.shift()?.(Math.round(Number(bytes) / 2 ** 20));
    }
  });
  const exited = new Promise<{ code: number | null; signal: NodeJS.Signals | null; at: number }>((resolve) =>
    child.once('exit', (code, signal) => resolve({ code, signal, at: performance.now() })),
  );
  const url = `http://127.0.0.1:${port}`;
  const began = performance.now();
  for (;;) {
    if (child.exitCode !== null) throw new Error(`antq serve exited (${child.exitCode}): ${stderr.slice(-2000)}`);
    if (performance.now() - began > 180_000) {
      child.kill('SIGKILL');
      throw new Error(`antq serve was not ready after 180 s: ${stderr.slice(-2000)}`);
    }
    // With --workers N the primary says it once every worker listens (/ready answers from the first).
    try {
      if (stderr.includes('GraphQL server ready at') && (await fetch(`${url}/ready`)).status === 200) break;
    } catch {
      // Not listening yet.
    }
    await new Promise((r) => setTimeout(r, 100));
  }
  log(`antq serve --workers ${workers}: pid ${child.pid}, ${url} (ready after ${((performance.now() - began) / 1000).toFixed(1)} s)`);
  return {
    child,
    pid: child.pid!,
    url,
    log: () => stderr,
    heapAfterGc: () =>
      new Promise<number>((resolve, reject) => {
        if (!heapProbe) return reject(new Error('started without the heap probe'));
        probed.push(resolve);
        child.kill('SIGUSR2');
      }),
    exited,
    async stop(ms = 20_000) {
      if (child.exitCode !== null || child.signalCode !== null) return;
      const force = setTimeout(() => child.kill('SIGKILL'), ms);
      child.kill('SIGTERM');
      await exited;
      clearTimeout(force);
    },
  };
}
