/**
 * Limits on failures per client, where a client could guess: the informant's tip look-up
 * (a tip number and its secret) and credentials (a bearer token, an API key). Each attempt
 * takes one point from the client's budget for the window before it is tried, and gives it
 * back when it succeeds, so only failures count and parallel guesses cannot slip past the
 * check; a client whose budget is spent is refused with `RATE_LIMITED` (HTTP 429,
 * `Retry-After`, errors.ts) until its window ends, whether or not what it looks for exists.
 *
 * The counters are `rate-limiter-flexible`'s, in memory, per process: a server restart
 * forgets them, and with `antq serve --workers N` each worker counts apart (a client gets up
 * to N times the limit). Settings (settings.ts): `tipLookupFailuresPerWindow`,
 * `signInFailuresPerWindow`, `rateLimitWindowSeconds`, `trustProxy`.
 */
import type { Viewer } from '@antq/core';
import type { Plugin } from 'graphql-yoga';
import { RateLimiterMemory, RateLimiterRes } from 'rate-limiter-flexible';
import { rateLimited } from '../errors.js';
import type { ServerSettings } from '../settings.js';

/** One limit on a client's failures. */
export interface FailureLimit {
  /**
   * Runs `attempt` for `client` unless its failures are spent (then RATE_LIMITED, and
   * `attempt` does not run); `failed(result)` says whether the attempt counts as a failure.
   * An attempt that throws `isFailure` errors counts too; others (the database down) do not.
   */
  attempt<T>(
    client: string,
    attempt: () => Promise<T>,
    failed: (result: T) => boolean,
    isFailure?: (error: unknown) => boolean,
  ): Promise<T>;
}

export interface RateLimits {
  readonly tipLookup: FailureLimit;
  readonly signIn: FailureLimit;
}

const UNLIMITED: FailureLimit = { attempt: (_client, attempt) => attempt() };

/** No limits: the command line's own contexts (an import run by an operator). */
export const NO_RATE_LIMITS: RateLimits = { tipLookup: UNLIMITED, signIn: UNLIMITED };

function failureLimit(points: number, windowSeconds: number): FailureLimit {
  if (points === 0) return UNLIMITED;
  const limiter = new RateLimiterMemory({ points, duration: windowSeconds });
  return {
    async attempt(client, attempt, failed, isFailure = () => false) {
      try {
        await limiter.consume(client);
      } catch (refusal) {
        if (refusal instanceof RateLimiterRes) throw rateLimited(Math.max(1, Math.ceil(refusal.msBeforeNext / 1000)));
        throw refusal;
      }
      let counted = true;
      try {
        const result = await attempt();
        counted = failed(result);
        return result;
      } catch (error) {
        counted = isFailure(error);
        throw error;
      } finally {
        if (!counted) await limiter.reward(client);
      }
    },
  };
}

export function rateLimitsOf(settings: ServerSettings): RateLimits {
  return {
    tipLookup: failureLimit(settings.tipLookupFailuresPerWindow, settings.rateLimitWindowSeconds),
    signIn: failureLimit(settings.signInFailuresPerWindow, settings.rateLimitWindowSeconds),
  };
}

/** What a client is counted as: the signed-in viewer, else its address. */
export function clientKey(viewer: Viewer, address: string): string {
  if (viewer.kind === 'OFFICER') return `officer:${viewer.subject}`;
  if (viewer.kind === 'PARTNER') return `partner:${viewer.keyId}`;
  return `address:${address}`;
}

/** The address each request came from (see {@link useClientAddress}). */
export type ClientAddresses = (request: Request) => string;

/**
 * Notes the address of each request: the connection's (node:http), or with `trustProxy` the
 * last entry of `X-Forwarded-For`; `unknown` when neither is there (`yoga.fetch` in tests
 * without a server context).
 */
export function useClientAddress(trustProxy: boolean): { plugin: Plugin; addressOf: ClientAddresses } {
  const addresses = new WeakMap<Request, string>();
  return {
    addressOf: (request) => addresses.get(request) ?? 'unknown',
    plugin: {
      onRequest({ request, serverContext }) {
        const socket = (serverContext as { req?: { socket?: { remoteAddress?: string } } } | undefined)?.req?.socket;
        const forwarded = trustProxy ? request.headers.get('x-forwarded-for')?.split(',').at(-1)?.trim() : undefined;
        addresses.set(request, forwarded || socket?.remoteAddress || 'unknown');
      },
    },
  };
}
