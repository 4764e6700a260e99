/**
 * Graceful shutdown of a serving process (`antq serve`, or each of its workers). On SIGTERM
 * or SIGINT it:
 *   1. stops accepting connections at once (once it has accepted those a client made before
 *      the signal);
 *   2. keeps the connections already open for IDLE_GRACE_MS more: a request that arrives on
 *      one meanwhile is served, with `Connection: close`. A client may have written its
 *      request on a keep-alive connection just before the signal while this process was
 *      busy: closing every connection without a request in progress at once (what Node's
 *      `server.close()`, stoppable and terminus do) resets such a connection and fails a
 *      request that was sent before the signal. After the grace, a connection with no
 *      request in progress is closed; a busy one is closed after its response;
 *   3. cuts what is still open when `timeoutMs` is up;
 *   4. runs `cleanup` (the database pool) once no connection is left, and exits 0; a failing
 *      cleanup exits 1. A second signal during the shutdown changes nothing.
 */
import type { Server } from 'node:http';
import { Server as NetServer, type Socket } from 'node:net';

/** The signals that stop a server gracefully. */
export const SHUTDOWN_SIGNALS = ['SIGTERM', 'SIGINT'] as const;

/** How long connections open at the signal are kept for a request already on its way. */
export const IDLE_GRACE_MS = 1_000;

export interface ShutdownOptions {
  /** How long the requests in flight may take to finish (ServerSettings.shutdownTimeoutMs). */
  readonly timeoutMs: number;
  /** Run once no connection is left: close the database. */
  readonly cleanup: () => Promise<void>;
  readonly log: (message: string) => void;
}

/** Stops `server` gracefully on the first of SHUTDOWN_SIGNALS (see the module's comment). */
export function stopGracefullyOnSignal(server: Server, { timeoutMs, cleanup, log }: ShutdownOptions): void {
  /** The requests being answered on each open connection. */
  const inProgress = new Map<Socket, number>();
  let stopping = false;
  let graceOver = false;
  const closeIfIdle = (socket: Socket) => {
    if (graceOver && inProgress.get(socket) === 0) socket.end();
  };
  server.on('connection', (socket: Socket) => {
    inProgress.set(socket, 0);
    socket.once('close', () => inProgress.delete(socket));
  });
  // First of the listeners: the header is set before yoga may send any.
  server.prependListener('request', (request, response) => {
    const socket = request.socket;
    inProgress.set(socket, (inProgress.get(socket) ?? 0) + 1);
    if (stopping) response.setHeader('connection', 'close');
    response.once('close', () => {
      if (!inProgress.has(socket)) return;
      inProgress.set(socket, inProgress.get(socket)! - 1);
      if (stopping) closeIfIdle(socket);
    });
  });

  const stop = (signal: NodeJS.Signals) => {
    if (stopping) return;
    stopping = true;
    const started = performance.now();
    log(`${signal}: stopping (no new connections; requests in flight have ${seconds(timeoutMs)} to finish)`);
    // net.Server's close, not http.Server's: that one also destroys every connection without
    // a request in progress at once, the race of step 2. The callback runs once none is left.
    // After the I/O of this turn of the event loop: a busy process may not have accepted
    // connections a client made before the signal, which closing the listener would reset.
    const closed = new Promise<void>((resolve) => setImmediate(() => NetServer.prototype.close.call(server, () => resolve())));
    const grace = setTimeout(
      () => {
        graceOver = true;
        for (const socket of inProgress.keys()) closeIfIdle(socket);
      },
      Math.min(IDLE_GRACE_MS, timeoutMs),
    );
    const cut = setTimeout(() => {
      if (inProgress.size) log(`${inProgress.size} connections still open after ${seconds(timeoutMs)}: cut`);
      for (const socket of inProgress.keys()) socket.destroy();
    }, timeoutMs);
    closed
      .then(() => {
        clearTimeout(grace);
        clearTimeout(cut);
        return cleanup();
      })
      .then(
        () => {
          log(`stopped in ${seconds(performance.now() - started)}`);
          process.exit(0);
        },
        (error: Error) => {
          log(`stopping failed: ${error.stack ?? error.message}`);
          process.exit(1);
        },
      );
  };
  for (const signal of SHUTDOWN_SIGNALS) process.on(signal, () => stop(signal));
}

const seconds = (ms: number) => `${(ms / 1000).toFixed(1)} s`;
