/**
 * Load: autocannon against the HTTP server, and the same closed loop (a fixed number of
 * callers, each starting its next call when the last one returns) for the baseline's SQL.
 */
import autocannon from 'autocannon';

export interface Figures {
  readonly requests: number;
  readonly errors: number;
  readonly p50: number;
  readonly p99: number;
  readonly rps: number;
}

export interface Load {
  readonly connections: number;
  readonly seconds: number;
}

/** What one connection's requests share (autocannon's per-connection context): one request at a time on it. */
export type ConnectionContext = Record<string, unknown>;

/** Per request: its body and headers of its own, and the answer (the reliability run counts acknowledged writes). */
export interface PerRequest {
  readonly headers?: (context: ConnectionContext) => Record<string, string>;
  readonly onResponse?: (status: number, body: string, context: ConnectionContext) => void;
}

/** Runs autocannon: for `seconds`, or `amount` requests when given (a write consumes its fixtures). */
export async function httpLoad(
  url: string,
  load: Load,
  body: (context: ConnectionContext) => string,
  headers: Record<string, string>,
  amount?: number,
  each: PerRequest = {},
): Promise<Figures> {
  const result = await autocannon({
    url,
    method: 'POST',
    connections: load.connections,
    // A slow operation under load must be measured, not dropped as a timeout.
    timeout: 300,
    ...(amount === undefined ? { duration: load.seconds } : { amount }),
    headers: { 'content-type': 'application/json', ...headers },
    requests: [
      {
        setupRequest: (req, context) => {
          const shared = context as ConnectionContext;
          const text = body(shared);
          return { ...req, body: text, ...(each.headers ? { headers: { ...req.headers, ...each.headers(shared) } } : {}) };
        },
        ...(each.onResponse
          ? { onResponse: (status: number, text: string, context: object) => each.onResponse!(status, text, context as ConnectionContext) }
          : {}),
      },
    ],
  });
  return {
    requests: result.requests.total,
    errors: result.errors + result.timeouts + result.non2xx,
    p50: result.latency.p50,
    p99: result.latency.p99,
    rps: result.requests.average,
  };
}

/** The baseline's loop: `connections` callers, for `seconds` or until `amount` calls. */
export async function closedLoop(load: Load, call: () => Promise<unknown>, amount?: number): Promise<Figures> {
  const latencies: number[] = [];
  let errors = 0;
  let started = 0;
  const start = performance.now();
  const deadline = start + load.seconds * 1000;
  const more = () => (amount === undefined ? performance.now() < deadline : started < amount);
  const caller = async () => {
    while (more()) {
      started += 1;
      const t = performance.now();
      try {
        await call();
        latencies.push(performance.now() - t);
      } catch (error) {
        errors += 1;
        if (errors === 1) console.error(`[bench] baseline error: ${(error as Error).message}`);
      }
    }
  };
  await Promise.all(Array.from({ length: load.connections }, caller));
  const elapsed = (performance.now() - start) / 1000;
  latencies.sort((a, b) => a - b);
  const at = (q: number) => (latencies.length ? latencies[Math.min(latencies.length - 1, Math.floor(q * latencies.length))]! : NaN);
  return { requests: latencies.length, errors, p50: at(0.5), p99: at(0.99), rps: latencies.length / elapsed };
}
