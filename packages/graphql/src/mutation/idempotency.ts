/**
 * Idempotency keys: a client that may retry a mutation (a timeout, a dropped connection)
 * sends an `Idempotency-Key` header (1 to 255 printable ASCII characters, a UUID is usual).
 * The pipeline (define.ts) then, for every mutation, once:
 *  - before anything else, looks the key up for this client (the signed-in viewer, else the
 *    address, stored only as a hash): found with the same mutation and input, the first
 *    success is answered again and nothing runs or is written; found with another mutation
 *    or input, the request is refused (`IDEMPOTENCY_KEY_REUSED`, HTTP 422);
 *  - on success, stores the answer (sealed with the data key: it can hold a tip's secret)
 *    in the act's own transaction, so an answer is stored exactly when its write commits;
 *  - a concurrent duplicate waits on the unique (client, key) index, fails there once the
 *    first commits, its transaction rolled back (nothing written twice), and is answered
 *    from the first.
 * Refused acts (typed errors) are not stored: a retry runs again. Keys expire after the
 * server's `idempotencyKeyTtlSeconds` (24 h by default); expired rows are purged as new
 * ones are written.
 */
import { createHash } from 'node:crypto';
import type { Prisma } from '@antq/db';
import type { Context } from '../context.js';
import { badInput, idempotencyKeyReused } from '../errors.js';
import { clientKey } from '../http/rate-limits.js';
import { open, seal } from '../security/crypto.js';

const HEADER = 'idempotency-key';
const KEY = /^[\x21-\x7e]{1,255}$/;

/** Expired rows removed at most per write, so that a purge never makes one mutation slow. */
const PURGE_BATCH = 100;

/** The request's `Idempotency-Key`, or null without one; a malformed one is BAD_USER_INPUT. */
export function idempotencyKeyOf(request: Request): string | null {
  const key = request.headers.get(HEADER);
  if (key === null) return null;
  if (!KEY.test(key))
    throw badInput(
      'Idempotency-Key phải gồm 1 đến 255 ký tự ASCII in được (thường là một UUID). / ' +
        'The Idempotency-Key must be 1 to 255 printable ASCII characters (a UUID is usual).',
      { reason: 'IDEMPOTENCY_KEY' },
    );
  return key;
}

const sha256 = (s: string) => createHash('sha256').update(s).digest('hex');

/** What one keyed act is: who, which key, and what it asks (its mutation and input). */
export interface Claim {
  readonly clientHash: string;
  readonly key: string;
  readonly operation: string;
  readonly fingerprint: string;
}

/** The act's claim on the request's key, or null when the request has none. */
export function claimOf(ctx: Context, operation: string, input: unknown): Claim | null {
  if (!ctx.idempotencyKey) return null;
  return {
    clientHash: sha256(clientKey(ctx.viewer, ctx.clientAddress)),
    key: ctx.idempotencyKey,
    operation,
    fingerprint: sha256(JSON.stringify([operation, input])),
  };
}

// The success value as JSON, with the values JSON loses (dates, bytes, big integers) tagged.
function encode(value: unknown): string {
  return JSON.stringify(value, function (this: Record<string, unknown>, key, shown: unknown) {
    const raw = this[key];
    if (raw instanceof Date) return { $date: raw.toISOString() };
    if (raw instanceof Uint8Array) return { $bytes: Buffer.from(raw).toString('base64') };
    if (typeof raw === 'bigint') return { $bigint: raw.toString() };
    return shown;
  });
}
function decode<S>(text: string): S {
  return JSON.parse(text, (_key, value: unknown) => {
    if (value && typeof value === 'object' && !Array.isArray(value)) {
      const v = value as Record<string, unknown>;
      const keys = Object.keys(v);
      if (keys.length === 1 && typeof v.$date === 'string') return new Date(v.$date);
      if (keys.length === 1 && typeof v.$bytes === 'string') return new Uint8Array(Buffer.from(v.$bytes, 'base64'));
      if (keys.length === 1 && typeof v.$bigint === 'string') return BigInt(v.$bigint);
    }
    return value;
  }) as S;
}

const sealedAs = (claim: Claim) => `idempotency:${claim.clientHash}:${claim.key}`;

/**
 * The first answer under the claim's key, if one is stored and not expired (`{ result }`);
 * none: null; stored for another mutation or input: IDEMPOTENCY_KEY_REUSED.
 */
export async function storedAnswer<S>(ctx: Context, claim: Claim): Promise<{ result: S } | null> {
  const row = await ctx.db.prisma.idempotencyKey.findUnique({
    where: { clientHash_key: { clientHash: claim.clientHash, key: claim.key } },
    select: { fingerprint: true, result: true, expiresAt: true },
  });
  if (!row || row.expiresAt <= new Date()) return null;
  if (row.fingerprint !== claim.fingerprint) throw idempotencyKeyReused();
  return { result: decode<S>(open(ctx.secrets.dataKey, row.result, sealedAs(claim))) };
}

/** Stores the act's answer under its key, in the act's transaction (after purging what expired). */
export async function storeAnswer(tx: Prisma.TransactionClient, ctx: Context, claim: Claim, result: unknown): Promise<void> {
  const now = new Date();
  await tx.$executeRaw`
    DELETE FROM "IdempotencyKey"
    WHERE "expiresAt" <= ${now}
      AND (("clientHash" = ${claim.clientHash} AND "key" = ${claim.key})
        OR "id" IN (SELECT "id" FROM "IdempotencyKey" WHERE "expiresAt" <= ${now} ORDER BY "expiresAt" LIMIT ${PURGE_BATCH}))`;
  await tx.idempotencyKey.create({
    data: {
      clientHash: claim.clientHash,
      key: claim.key,
      operation: claim.operation,
      fingerprint: claim.fingerprint,
      result: seal(ctx.secrets.dataKey, encode(result), sealedAs(claim)),
      expiresAt: new Date(now.getTime() + ctx.settings.idempotencyKeyTtlSeconds * 1000),
    },
  });
}

/** Whether `error` is a concurrent duplicate's failure on the unique (client, key): its answer is the first's. */
export function isDuplicateClaim(error: unknown): boolean {
  const e = error as { code?: unknown; meta?: { modelName?: unknown; driverAdapterError?: { cause?: { constraint?: unknown } } } };
  if (e?.code !== 'P2002') return false;
  if (e.meta?.modelName === 'IdempotencyKey') return true;
  return JSON.stringify(e.meta?.driverAdapterError?.cause?.constraint ?? null).includes('IdempotencyKey');
}
