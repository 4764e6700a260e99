/**
 * API keys for partner agencies: `antq_pk_<prefix>_<secret>`. The prefix finds the key and
 * may be shown in lists and logs; only a SHA-256 of the secret is stored, compared in
 * constant time. Revoked keys stop working at once.
 */
import { createHash, randomBytes, timingSafeEqual } from 'node:crypto';
import { PARTNER_SCOPES, type PartnerScope, type Viewer } from '@antq/core';
import type { PrismaClient } from '@antq/db';
import { parse, validate, type GraphQLSchema } from 'graphql';
import { AuthenticationError } from './tokens.js';

const KEY = /^antq_pk_([A-Za-z0-9]{12})_([A-Za-z0-9_-]{43})$/;

export interface IssuedKey {
  readonly id: string;
  readonly prefix: string;
  /** The whole key: shown once, never stored. */
  readonly key: string;
}

export function looksLikeApiKey(credential: string): boolean {
  return credential.startsWith('antq_pk_');
}

const sha256 = (s: string) => createHash('sha256').update(s).digest('hex');

/** Issues a key for `name` with `scopes`, optionally limited to a unit. */
export async function issueApiKey(
  prisma: PrismaClient,
  {
    name,
    scopes,
    unitCode = null,
    persistedOnly = false,
    issuedBy,
  }: { name: string; scopes: PartnerScope[]; unitCode?: string | null; persistedOnly?: boolean; issuedBy: string },
): Promise<IssuedKey> {
  const unknown = scopes.filter((s) => !(PARTNER_SCOPES as readonly string[]).includes(s));
  if (unknown.length) throw new Error(`unknown scopes: ${unknown.join(', ')} (known: ${PARTNER_SCOPES.join(', ')})`);
  const prefix = randomBytes(9).toString('base64url').replace(/[-_]/g, 'x').slice(0, 12);
  const secret = randomBytes(32).toString('base64url');
  const row = await prisma.apiKey.create({ data: { prefix, secretHash: sha256(secret), name, scopes, unitCode, persistedOnly, issuedBy } });
  return { id: row.id, prefix, key: `antq_pk_${prefix}_${secret}` };
}

/** Revokes the key with `prefix`; true when there was a live key to revoke. */
export async function revokeApiKey(prisma: PrismaClient, prefix: string): Promise<boolean> {
  const { count } = await prisma.apiKey.updateMany({ where: { prefix, revokedAt: null }, data: { revokedAt: new Date() } });
  return count > 0;
}

/** The partner a key belongs to, or an AuthenticationError that says no more than "not valid". */
export async function partnerOfKey(
  prisma: PrismaClient,
  key: string,
): Promise<Extract<Viewer, { kind: 'PARTNER' }> & { persistedOnly: boolean }> {
  const invalid = new AuthenticationError(
    'API_KEY_INVALID',
    'Khóa API không hợp lệ hoặc đã bị thu hồi: xin khóa mới từ quản trị (`antq api-key issue`). / ' +
      'The API key is not valid or has been revoked: ask your administrator for a new one (`antq api-key issue`).',
  );
  const m = KEY.exec(key);
  if (!m) throw invalid;
  const row = await prisma.apiKey.findUnique({ where: { prefix: m[1]! } });
  const given = Buffer.from(sha256(m[2]!), 'hex');
  const stored = Buffer.from(row?.secretHash ?? '0'.repeat(64), 'hex');
  if (!row || row.revokedAt || !timingSafeEqual(given, stored)) throw invalid;
  return {
    kind: 'PARTNER',
    keyId: row.prefix,
    name: row.name,
    scopes: row.scopes.filter((s): s is PartnerScope => (PARTNER_SCOPES as readonly string[]).includes(s)),
    unitCode: row.unitCode,
    persistedOnly: row.persistedOnly,
  };
}

/**
 * Registers the operations a partner's key may run (persisted operations, Apollo's
 * protocol: the client sends `extensions.persistedQuery.sha256Hash`). Each document must
 * parse and validate against `schema`; answers the hash of each, in order. Registering the
 * same document again changes nothing.
 */
export async function registerPersistedOperations(
  prisma: PrismaClient,
  prefix: string,
  documents: readonly string[],
  schema: GraphQLSchema,
): Promise<string[]> {
  const key = await prisma.apiKey.findUnique({ where: { prefix } });
  if (!key || key.revokedAt) throw new Error(`no live API key ${prefix}`);
  const problems = documents.flatMap((document, i) => {
    try {
      return validate(schema, parse(document)).map((e) => `operation ${i + 1}: ${e.message}`);
    } catch (error) {
      return [`operation ${i + 1}: ${(error as Error).message}`];
    }
  });
  if (problems.length) throw new Error(`nothing registered:\n${problems.join('\n')}`);
  const hashes = documents.map((d) => sha256(d));
  await prisma.persistedOperation.createMany({
    data: documents.map((document, i) => ({ apiKeyId: key.id, hash: hashes[i]!, document })),
    skipDuplicates: true,
  });
  return hashes;
}

/**
 * The operations in a file given to `antq api-key operations`: a `.graphql` file is one
 * document; a `.json` file is a manifest of hash → document, as GraphQL Code Generator's
 * client preset writes it (`persisted-documents.json`), where each hash must be the hex
 * SHA-256 of its document (what the server registers it under, and the client sends).
 */
export function operationsOfFile(fileName: string, text: string): string[] {
  if (!fileName.endsWith('.json')) return [text];
  let manifest: unknown;
  try {
    manifest = JSON.parse(text);
  } catch (error) {
    throw new Error(`${fileName}: not JSON (${(error as Error).message})`);
  }
  if (typeof manifest !== 'object' || manifest === null || Array.isArray(manifest))
    throw new Error(`${fileName}: expected an object of hash → document`);
  return Object.entries(manifest).map(([hash, document]) => {
    if (typeof document !== 'string') throw new Error(`${fileName}: the document of ${hash} is not a string`);
    if (sha256(document) !== hash)
      throw new Error(
        `${fileName}: ${hash} is not the SHA-256 (hex) of its document; generate the manifest with hashAlgorithm sha256 in hex`,
      );
    return document;
  });
}
