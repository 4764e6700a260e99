/**
 * The server's secrets: the key that signs tokens and the key that encrypts informants'
 * data at rest. From the environment (`ANTQ_JWT_SECRET`, `ANTQ_DATA_KEY`); on the embedded
 * default they are created on first start in the data directory, readable by its owner only.
 */
import { randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

export interface Secrets {
  /** HS256 key for the tokens this server issues (at least 32 bytes). */
  readonly jwtSecret: Uint8Array;
  /** AES-256-GCM key for informants' contacts and tip texts (32 bytes). */
  readonly dataKey: Buffer;
}

export class SecretsError extends Error {
  override readonly name = 'SecretsError';
}

const FILE = 'secrets.json';

/** Reads the secrets from `env`, else from (or, the first time, into) `dataDir` when `createIn` allows. */
export function loadSecrets(env: NodeJS.ProcessEnv, dataDir: string, { create }: { create: boolean }): Secrets {
  const fromEnv = secretsFromEnv(env);
  if (fromEnv) return fromEnv;
  const path = join(dataDir, FILE);
  if (existsSync(path)) {
    const stored = JSON.parse(readFileSync(path, 'utf8')) as { jwtSecret: string; dataKey: string };
    return { jwtSecret: Buffer.from(stored.jwtSecret, 'base64'), dataKey: Buffer.from(stored.dataKey, 'base64') };
  }
  if (!create) {
    throw new SecretsError(
      'ANTQ_JWT_SECRET and ANTQ_DATA_KEY must be set when DATABASE_URL is: every replica of the server needs the same keys (generate each with `openssl rand -base64 32`).',
    );
  }
  const secrets = { jwtSecret: randomBytes(32), dataKey: randomBytes(32) };
  mkdirSync(dataDir, { recursive: true });
  writeFileSync(path, JSON.stringify({ jwtSecret: secrets.jwtSecret.toString('base64'), dataKey: secrets.dataKey.toString('base64') }), {
    mode: 0o600,
  });
  return secrets;
}

function secretsFromEnv(env: NodeJS.ProcessEnv): Secrets | null {
  const jwt = env.ANTQ_JWT_SECRET;
  const data = env.ANTQ_DATA_KEY;
  if (!jwt && !data) return null;
  if (!jwt || !data) throw new SecretsError('set both ANTQ_JWT_SECRET and ANTQ_DATA_KEY, or neither');
  if (Buffer.byteLength(jwt) < 32) throw new SecretsError('ANTQ_JWT_SECRET must be at least 32 bytes long');
  const dataKey = Buffer.from(data, 'base64');
  if (dataKey.length !== 32) throw new SecretsError('ANTQ_DATA_KEY must be 32 bytes, base64-encoded (openssl rand -base64 32)');
  return { jwtSecret: Buffer.from(jwt), dataKey };
}
