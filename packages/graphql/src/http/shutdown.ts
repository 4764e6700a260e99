/**
 * Graceful shutdown of a serving process (`antq serve`, or each of its workers): on SIGTERM
 * or SIGINT it stops accepting connections at once, lets the requests in flight finish for
 * at most `timeoutMs` (then cuts the connections still open), runs `cleanup` (the database
 * pool) and exits 0; a failing cleanup exits 1. @godaddy/terminus does it, on stoppable:
 * idle keep-alive connections are closed at once and busy ones as soon as their response is
 * sent; a second signal during the shutdown changes nothing.
 */
import type { Server } from 'node:http';
import { createTerminus } from '@godaddy/terminus';

/** The signals that stop a server gracefully. */
export const SHUTDOWN_SIGNALS = ['SIGTERM', 'SIGINT'] as const;

export interface ShutdownOptions {
  /** How long the requests in flight may take to finish (ServerSettings.shutdownTimeoutMs). */
  readonly timeoutMs: number;
  /** Run once no request is left: close the database. */
  readonly cleanup: () => Promise<void>;
  readonly log: (message: string) => void;
}

/** Stops `server` gracefully on the first of SHUTDOWN_SIGNALS (see the module's comment). */
export function stopGracefullyOnSignal(server: Server, { timeoutMs, cleanup, log }: ShutdownOptions): void {
  let started: number | null = null;
  for (const signal of SHUTDOWN_SIGNALS) {
    // Before terminus's own listener, which does the work: this one says what is happening.
    process.on(signal, () => {
      if (started !== null) return;
      started = performance.now();
      log(`${signal}: stopping (no new connections; requests in flight have ${seconds(timeoutMs)} to finish)`);
    });
  }
  createTerminus(server, {
    signals: [...SHUTDOWN_SIGNALS],
    timeout: timeoutMs,
    useExit0: true,
    onSignal: cleanup,
    onShutdown: async () => log(`stopped in ${seconds(performance.now() - (started ?? performance.now()))}`),
    logger: (message, error) => log(`${message}: ${error.stack ?? error.message}`),
  });
}

const seconds = (ms: number) => `${(ms / 1000).toFixed(1)} s`;
