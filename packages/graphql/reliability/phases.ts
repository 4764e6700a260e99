/**
 * The requests of the reliability run's load: the bench's reads (bench/operations.ts, on the
 * bench's fixtures) and one write that can be repeated without end, an outreach activity,
 * each carrying a marker of its own (in its topic, and as its Idempotency-Key), so that the
 * acknowledged writes can be looked for in the database afterwards. And the closed loop of
 * callers over fetch whose every request is timed and classified (the restart and SIGTERM
 * phases need to know when each request was sent and how it failed).
 */
import type { Fixtures } from '../bench/fixtures.js';
import { OPERATIONS, type GraphQLRequest } from '../bench/operations.js';

export const OUTREACH = `mutation($input: RecordOutreachActivityInput!) { recordOutreachActivity(input: $input) {
  result { __typename ... on OutreachActivity { id } ... on UserError { code } } } }`;

/** The reads of the mix: the bench's, at their largest page. */
export const MIXED_READS = ['envelope', 'commune-areas', 'model-page', 'coverage-today'];

/** The n-th read of the bench's operations `names`, in turn. */
export function readRequest(fx: Fixtures, n: number, names: readonly string[] = MIXED_READS): GraphQLRequest {
  const op = OPERATIONS.find((o) => o.name === names[n % names.length]) ?? fail(`no bench operation ${names[n % names.length]}`);
  return op.request(fx, op.pageSizes.at(-1) ?? 0);
}

function fail(message: string): never {
  throw new Error(message);
}

/** The write of marker `marker`: one outreach activity in the bench's commune, today. */
export function writeRequest(fx: Fixtures, marker: string): GraphQLRequest {
  return {
    query: OUTREACH,
    variables: {
      input: { communeCode: fx.communeCode, form: 'MEETING', audiences: ['RESIDENTS'], participants: 30, heldOn: fx.today, topic: marker },
    },
  };
}

/** A write is acknowledged when it answers 200, no error, and the activity. */
export function acknowledged(status: number, text: string): boolean {
  if (status !== 200) return false;
  try {
    const body = JSON.parse(text) as { errors?: unknown; data?: { recordOutreachActivity?: { result?: { __typename?: string } } } };
    return !body.errors && body.data?.recordOutreachActivity?.result?.__typename === 'OutreachActivity';
  } catch {
    return false;
  }
}

/** A GraphQL answer without errors (a read, or an acknowledged write). */
export function answeredOk(status: number, text: string): boolean {
  if (status !== 200) return false;
  try {
    return !(JSON.parse(text) as { errors?: unknown }).errors;
  } catch {
    return false;
  }
}

export interface Sent {
  readonly write: boolean;
  readonly marker: string | null;
  /** ms (performance.now()) when sent and answered. */
  readonly sentAt: number;
  readonly doneAt: number;
  readonly status: number;
  /** The error code of a failed answer (extensions.code), or the network error's (ECONNREFUSED…). */
  readonly failure: string | null;
  readonly ok: boolean;
}

/**
 * `callers` callers, each sending its next request when the last returns, until `until()`
 * says stop. `next(n)` gives the n-th request (a write with its marker, or a read).
 */
export async function callers(options: {
  url: string;
  callers: number;
  headers: Record<string, string>;
  next: (n: number) => { request: GraphQLRequest; marker: string | null };
  until: () => boolean;
}): Promise<Sent[]> {
  const sent: Sent[] = [];
  let n = 0;
  const one = async () => {
    while (!options.until()) {
      const { request, marker } = options.next(n++);
      const sentAt = performance.now();
      let status = 0;
      let text = '';
      let failure: string | null = null;
      try {
        const res = await fetch(`${options.url}/graphql`, {
          method: 'POST',
          headers: { 'content-type': 'application/json', ...options.headers, ...(marker ? { 'idempotency-key': marker } : {}) },
          body: JSON.stringify(request),
        });
        status = res.status;
        text = await res.text();
      } catch (error) {
        const cause = (error as { cause?: { code?: string; message?: string } }).cause;
        failure = cause?.code ?? cause?.message ?? (error as Error).message;
      }
      const ok = marker ? acknowledged(status, text) : answeredOk(status, text);
      if (!ok && failure === null) failure = `${status} ${errorCode(text)}`;
      sent.push({ write: marker !== null, marker, sentAt, doneAt: performance.now(), status, failure, ok });
      // A refused connection answers at once: do not spin.
      if (status === 0) await new Promise((r) => setTimeout(r, 20));
    }
  };
  await Promise.all(Array.from({ length: options.callers }, one));
  return sent;
}

function errorCode(text: string): string {
  try {
    const body = JSON.parse(text) as {
      errors?: Array<{ extensions?: { code?: string } }>;
      data?: Record<string, { result?: { __typename?: string; code?: string } } | null>;
    };
    if (body.errors) return body.errors[0]?.extensions?.code ?? 'no code';
    const result = Object.values(body.data ?? {})[0]?.result;
    return result?.code ?? result?.__typename ?? 'unknown';
  } catch {
    return 'not JSON';
  }
}

/** Counts of each failure, most common first. */
export function tally(failures: readonly (string | null)[]): Record<string, number> {
  const out: Record<string, number> = {};
  for (const f of failures) if (f !== null) out[f] = (out[f] ?? 0) + 1;
  return Object.fromEntries(Object.entries(out).sort((a, b) => b[1] - a[1]));
}
