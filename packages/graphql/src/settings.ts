/**
 * Server settings, chosen by whoever runs the server: parameters of the movement's rules
 * that no national text fixes, and of the HTTP service (the largest request body, the
 * metrics endpoint, the time a stopping server gives the requests in flight, the rate limits). Each has a documented default; `antq serve` reads them from the
 * environment, an embedding program passes them to `createAntqYoga({ settings })`.
 */

export interface ServerSettings {
  /**
   * Days a model must have been ACTIVE (summed over its active spells, suspensions not
   * counted) by the end of a period before it may be rated for that period (core's
   * `canRateModel`). DOMAIN.md found no national figure; the default is 180 days (six
   * months), the span a model is commonly given to run before a first review.
   * Environment: `ANTQ_MODEL_RATING_MIN_ACTIVE_DAYS`.
   */
  readonly minimumActiveDaysToRateModel: number;
  /**
   * The largest request body, in bytes, counted as it streams in (a missing or wrong
   * Content-Length does not get past it); a larger one is refused with HTTP 413 and
   * `PAYLOAD_TOO_LARGE` (http/body-limit.ts). Default 1 MiB: room for the longest
   * operation the token limit lets through and any mutation's variables (a tip's text is at
   * most 5,000 characters). An import's upload (multipart) keeps its own, larger limit.
   * Environment: `ANTQ_MAX_BODY_BYTES`.
   */
  readonly maxBodyBytes: number;
  /**
   * The token that `GET /metrics` (Prometheus, http/metrics.ts) must be sent with, as
   * `Authorization: Bearer <token>`; null (the default) turns the endpoint off. At least
   * 16 characters (`openssl rand -base64 24` makes one). Environment: `ANTQ_METRICS_TOKEN`.
   */
  readonly metricsToken: string | null;
  /**
   * How long, in milliseconds, `antq serve` lets the requests in flight finish after SIGTERM
   * or SIGINT (http/shutdown.ts): it stops accepting connections at once, and cuts those
   * still open when this time is up; then it closes the database and exits 0. Default
   * 10,000 (10 s), under the 30 s most orchestrators wait before they kill.
   * Environment: `ANTQ_SHUTDOWN_TIMEOUT_MS`.
   */
  readonly shutdownTimeoutMs: number;
  /**
   * Wrong secrets a client may send to the informant's tip look-up (`informantTip`,
   * `addTipMessage`) in a window before it is refused with HTTP 429 `RATE_LIMITED` and
   * `Retry-After` until the window ends (http/rate-limits.ts); 0 turns the limit off.
   * The client is the signed-in viewer, else the address the request came from; the same
   * refusal whether or not the tip exists. Default 40. Environment: `ANTQ_RATE_LIMIT_TIP_FAILURES`.
   */
  readonly tipLookupFailuresPerWindow: number;
  /**
   * Credentials that are not valid (a bearer token refused, an API key unknown or revoked)
   * one address may send in a window before its credentials are refused with 429
   * `RATE_LIMITED` and `Retry-After`; requests without credentials are not held. 0 turns
   * the limit off. Default 20. Environment: `ANTQ_RATE_LIMIT_SIGN_IN_FAILURES`.
   */
  readonly signInFailuresPerWindow: number;
  /**
   * The window of both limits, in seconds, counted from a client's first failure in it.
   * Default 900 (15 minutes). Counted in memory, per process: with `--workers N` each
   * worker counts apart (a client gets up to N times the limit). Environment:
   * `ANTQ_RATE_LIMIT_WINDOW_SECONDS`.
   */
  readonly rateLimitWindowSeconds: number;
  /**
   * Behind a reverse proxy or load balancer: take the client's address from the last entry
   * of `X-Forwarded-For` (the one the proxy added) instead of the connection's. Off by
   * default: a client could write the header itself. Environment: `ANTQ_TRUST_PROXY=1`.
   */
  readonly trustProxy: boolean;
  /**
   * How long a mutation's answer is kept under the client's `Idempotency-Key` header
   * (mutation/idempotency.ts), in seconds: a retry with the key within it is answered from
   * the first and writes nothing; after it, the key can be used again. Default 86400 (24 h).
   * Environment: `ANTQ_IDEMPOTENCY_KEY_TTL_SECONDS`.
   */
  readonly idempotencyKeyTtlSeconds: number;
}

export const DEFAULT_SETTINGS: ServerSettings = {
  minimumActiveDaysToRateModel: 180,
  maxBodyBytes: 1024 * 1024,
  metricsToken: null,
  shutdownTimeoutMs: 10_000,
  tipLookupFailuresPerWindow: 40,
  signInFailuresPerWindow: 20,
  rateLimitWindowSeconds: 900,
  trustProxy: false,
  idempotencyKeyTtlSeconds: 24 * 60 * 60,
};

const MIN_METRICS_TOKEN_LENGTH = 16;

/** The settings with those given over the defaults; a value out of its range is refused, naming the setting. */
export function serverSettings(given: Partial<ServerSettings> = {}): ServerSettings {
  const settings: ServerSettings = {
    ...DEFAULT_SETTINGS,
    ...Object.fromEntries(Object.entries(given).filter(([, v]) => v !== undefined)),
  };
  if (!Number.isInteger(settings.minimumActiveDaysToRateModel) || settings.minimumActiveDaysToRateModel < 0) {
    throw new Error(
      `minimumActiveDaysToRateModel must be a whole number of days, 0 or more (got ${String(settings.minimumActiveDaysToRateModel)})`,
    );
  }
  if (!Number.isInteger(settings.maxBodyBytes) || settings.maxBodyBytes < 1) {
    throw new Error(`maxBodyBytes must be a whole number of bytes, 1 or more (got ${String(settings.maxBodyBytes)})`);
  }
  for (const name of ['tipLookupFailuresPerWindow', 'signInFailuresPerWindow'] as const) {
    if (!Number.isInteger(settings[name]) || settings[name] < 0) {
      throw new Error(`${name} must be a whole number of failures, 0 (off) or more (got ${String(settings[name])})`);
    }
  }
  if (!(settings.rateLimitWindowSeconds > 0) || !Number.isFinite(settings.rateLimitWindowSeconds)) {
    throw new Error(`rateLimitWindowSeconds must be a number of seconds above 0 (got ${String(settings.rateLimitWindowSeconds)})`);
  }
  if (!(settings.idempotencyKeyTtlSeconds > 0) || !Number.isFinite(settings.idempotencyKeyTtlSeconds)) {
    throw new Error(`idempotencyKeyTtlSeconds must be a number of seconds above 0 (got ${String(settings.idempotencyKeyTtlSeconds)})`);
  }
  if (
    settings.metricsToken !== null &&
    (typeof settings.metricsToken !== 'string' || settings.metricsToken.length < MIN_METRICS_TOKEN_LENGTH)
  ) {
    // The token itself is not repeated: it is a credential.
    throw new Error(
      `metricsToken must be at least ${MIN_METRICS_TOKEN_LENGTH} characters long (openssl rand -base64 24 makes one), or null`,
    );
  }
  if (!Number.isInteger(settings.shutdownTimeoutMs) || settings.shutdownTimeoutMs < 0) {
    throw new Error(`shutdownTimeoutMs must be a whole number of milliseconds, 0 or more (got ${String(settings.shutdownTimeoutMs)})`);
  }
  return settings;
}

/** The settings from the environment (see each setting for its variable); an empty variable is as one not set. */
export function settingsFromEnv(env: NodeJS.ProcessEnv = process.env): ServerSettings {
  const given = (name: string) => (env[name] === undefined || env[name] === '' ? undefined : env[name]);
  const number = (name: string) => (given(name) === undefined ? undefined : Number(given(name)));
  return serverSettings({
    minimumActiveDaysToRateModel: number('ANTQ_MODEL_RATING_MIN_ACTIVE_DAYS'),
    maxBodyBytes: number('ANTQ_MAX_BODY_BYTES'),
    metricsToken: given('ANTQ_METRICS_TOKEN')?.trim() || undefined,
    shutdownTimeoutMs: number('ANTQ_SHUTDOWN_TIMEOUT_MS'),
    tipLookupFailuresPerWindow: number('ANTQ_RATE_LIMIT_TIP_FAILURES'),
    signInFailuresPerWindow: number('ANTQ_RATE_LIMIT_SIGN_IN_FAILURES'),
    rateLimitWindowSeconds: number('ANTQ_RATE_LIMIT_WINDOW_SECONDS'),
    trustProxy:
      given('ANTQ_TRUST_PROXY') === undefined ? undefined : ['1', 'true', 'yes', 'on'].includes(given('ANTQ_TRUST_PROXY')!.toLowerCase()),
  });
}
