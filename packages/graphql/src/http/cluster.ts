/**
 * `antq serve --workers N`: a primary process that serves nothing itself and N workers
 * (node:cluster) that share the port, each with its own database pool. The primary:
 *   - logs each worker as it starts listening, then that the server is ready;
 *   - restarts a worker that exits when it was not asked to, at most MAX_RESTARTS times in
 *     RESTART_WINDOW_MS (a worker that cannot start would otherwise be restarted forever);
 *     past that it stops the others and exits 1;
 *   - on SIGTERM or SIGINT forwards the signal to every worker (each stops gracefully, see
 *     shutdown.ts) and exits 0 once all have exited 0; a worker still running
 *     `timeoutMs` + STOP_MARGIN_MS later is killed, and the primary exits 1.
 * `/metrics` of a worker answers the whole server's figures: the worker asks the primary,
 * which gathers every worker's registry with prom-client's AggregatorRegistry (counters and
 * histograms summed, the pools' gauges too) — see `clusterScrape`.
 * The embedded database (PGlite) has one owner, so it is served by one process: see
 * `workerCount`.
 */
import cluster, { type Worker } from 'node:cluster';
import { randomUUID } from 'node:crypto';
import { availableParallelism } from 'node:os';
import { AggregatorRegistry, type Registry } from 'prom-client';
import { SHUTDOWN_SIGNALS } from './shutdown.js';

export const MAX_RESTARTS = 5;
export const RESTART_WINDOW_MS = 60_000;
/** What a worker is given beyond the requests' time to close its database and exit. */
export const STOP_MARGIN_MS = 10_000;

export class WorkersRefused extends Error {}

/**
 * The number of workers `--workers` asks for: a whole number from 1, or `auto` (the cores
 * this process may use, os.availableParallelism()). With the embedded database it is 1:
 * PGlite lives inside the one process that opened its data directory, so `auto` is 1 there
 * and a number above 1 is refused.
 */
export function workerCount(given: string, embedded: boolean): number {
  if (given === 'auto') return embedded ? 1 : availableParallelism();
  const n = Number(given);
  if (!/^\d+$/.test(given) || !Number.isSafeInteger(n) || n < 1) {
    throw new WorkersRefused(`--workers must be a whole number from 1, or auto (the available cores); got "${given}"`);
  }
  if (embedded && n > 1) {
    throw new WorkersRefused(
      `--workers ${n} needs PostgreSQL (DATABASE_URL): the embedded database lives inside one process, which cannot share it with workers. ` +
        'Serve the embedded database with one process (the default), or set DATABASE_URL.',
    );
  }
  return n;
}

export interface PrimaryOptions {
  readonly workers: number;
  /** ServerSettings.shutdownTimeoutMs: the workers' time for their requests in flight. */
  readonly timeoutMs: number;
  /** Where the workers listen, for the log. */
  readonly url: string;
  readonly log: (message: string) => void;
  /** When `antq serve` started (performance.now()), for the log. */
  readonly started: number;
}

/** Runs the primary (see the module's comment); resolves with the exit code once every worker has exited. */
export function runPrimary({ workers, timeoutMs, url, log, started }: PrimaryOptions): Promise<number> {
  const restarts: number[] = [];
  let listening = 0;
  let stopping: { code: number } | null = null;

  return new Promise<number>((resolve) => {
    const living = () => Object.values(cluster.workers ?? {}).filter((w): w is Worker => w !== undefined);
    const stop = (signal: NodeJS.Signals, code: number) => {
      if (stopping) return;
      stopping = { code };
      log(`${signal}: stopping ${living().length} workers`);
      for (const worker of living()) worker.process.kill(signal);
      setTimeout(() => {
        for (const worker of living()) {
          log(`worker ${worker.id} did not stop in time: killed`);
          worker.process.kill('SIGKILL');
        }
        stopping!.code = 1;
      }, timeoutMs + STOP_MARGIN_MS).unref();
    };

    cluster.on('listening', (worker) => {
      log(`worker ${worker.id} started (pid ${worker.process.pid})`);
      if (++listening === workers) {
        log(`GraphQL server ready at ${url} with ${workers} workers after ${((performance.now() - started) / 1000).toFixed(1)} s`);
      }
    });
    cluster.on('exit', (worker, code, signal) => {
      const how = signal ? `by ${signal}` : `with code ${code}`;
      if (stopping) {
        log(`worker ${worker.id} stopped ${how}`);
        if (code !== 0) stopping.code = 1;
        if (living().length === 0) {
          log('all workers stopped');
          resolve(stopping.code);
        }
        return;
      }
      const now = performance.now();
      while (restarts.length && restarts[0]! < now - RESTART_WINDOW_MS) restarts.shift();
      if (restarts.length >= MAX_RESTARTS) {
        log(`worker ${worker.id} exited ${how}: ${MAX_RESTARTS} restarts in the last ${RESTART_WINDOW_MS / 1000} s already, stopping`);
        stop('SIGTERM', 1);
        if (living().length === 0) resolve(1);
        return;
      }
      restarts.push(now);
      const replacement = cluster.fork();
      log(`worker ${worker.id} exited ${how}: restarting it as worker ${replacement.id}`);
    });

    // A worker's /metrics: the sum over all workers' registries, gathered by prom-client.
    const aggregator = new AggregatorRegistry();
    cluster.on('message', (worker, message: { type?: unknown; id?: unknown }) => {
      if (message?.type !== METRICS_REQUEST || typeof message.id !== 'string') return;
      const id = message.id;
      aggregator.clusterMetrics().then(
        (text) => worker.isConnected() && worker.send({ type: METRICS_ANSWER, id, text }),
        (error: Error) => worker.isConnected() && worker.send({ type: METRICS_ANSWER, id, error: error.message }),
      );
    });
    for (const signal of SHUTDOWN_SIGNALS) process.on(signal, () => stop(signal, 0));
    for (let i = 0; i < workers; i++) cluster.fork();
  });
}

const METRICS_REQUEST = 'antq:metrics-request';
const METRICS_ANSWER = 'antq:metrics-answer';
/** How long a worker waits for the primary's figures (prom-client gives the workers 5 s). */
const METRICS_WAIT_MS = 6_000;

/**
 * In a worker: offers `registry` to the primary's aggregation, and answers the function that
 * asks the primary for the figures of all the workers (Prometheus text).
 */
export function clusterScrape(registry: Registry): () => Promise<string> {
  new AggregatorRegistry(); // answers the primary's requests for this worker's figures
  AggregatorRegistry.setRegistries([registry]);
  return () =>
    new Promise<string>((resolve, reject) => {
      const id = randomUUID();
      const timer = setTimeout(() => done(new Error('the primary did not answer with the metrics in time')), METRICS_WAIT_MS);
      const onMessage = (message: { type?: unknown; id?: unknown; text?: unknown; error?: unknown }) => {
        if (message?.type !== METRICS_ANSWER || message.id !== id) return;
        if (typeof message.text === 'string') done(null, message.text);
        else done(new Error(`the primary could not gather the metrics: ${String(message.error)}`));
      };
      const done = (error: Error | null, text?: string) => {
        clearTimeout(timer);
        process.off('message', onMessage);
        if (error) reject(error);
        else resolve(text!);
      };
      process.on('message', onMessage);
      process.send!({ type: METRICS_REQUEST, id });
    });
}
