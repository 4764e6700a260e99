/**
 * The server's side, as its operators run it (here in-process, on the embedded database):
 * start antq, issue the agency a key, and register the agency's operations for that key.
 * On a real server the same is `antq api-key issue … --persisted-only` and `antq api-key
 * operations <prefix> …`. The partner's own code (src/client, src/agency.ts) never imports this.
 */
import { readFileSync } from 'node:fs';
import {
  antqSchema,
  createAntqYoga,
  issueApiKey,
  listen,
  operationsOfFile,
  prepareDatabase,
  registerPersistedOperations,
  revokeApiKey,
  serverSecrets,
} from '@antq/graphql';

type PartnerScope = Parameters<typeof issueApiKey>[1]['scopes'][number];

const MANIFEST = new URL('./generated/persisted-documents.json', import.meta.url);

/** The operations GraphQL Code Generator wrote for this client: hash → printed document. */
export function persistedDocuments(): Record<string, string> {
  return JSON.parse(readFileSync(MANIFEST, 'utf8')) as Record<string, string>;
}

export interface LocalServer {
  readonly url: string;
  /** Issues a key (printed once in real life); answers it and its prefix. */
  issueKey(options: {
    name: string;
    scopes: PartnerScope[];
    unitCode?: string;
    persistedOnly?: boolean;
  }): Promise<{ key: string; prefix: string }>;
  /** Registers documents (default: all of this client's) for the key; answers their hashes. */
  registerOperations(prefix: string, documents?: readonly string[]): Promise<string[]>;
  revokeKey(prefix: string): Promise<boolean>;
  stop(): Promise<void>;
}

/**
 * Starts antq on the embedded database in `dataDir` (the first start imports the
 * administrative units and the Bình Phước demo data: 20 to 40 s), on 127.0.0.1:`port`.
 */
export async function startLocalServer({
  dataDir,
  port = 0,
  log = () => {},
}: {
  dataDir: string;
  port?: number;
  log?: (m: string) => void;
}): Promise<LocalServer> {
  const env = { ...process.env, DATABASE_URL: '', ANTQ_DEMO: 'on' };
  const secrets = serverSecrets(env, dataDir);
  const db = await prepareDatabase({ env, dataDir, log });
  const server = await listen(createAntqYoga({ db, secrets, graphiql: false, log: () => {} }), port, '127.0.0.1');
  return {
    url: server.url,
    async issueKey({ name, scopes, unitCode, persistedOnly = true }) {
      const { key, prefix } = await issueApiKey(db.prisma, {
        name,
        scopes,
        unitCode: unitCode ?? null,
        persistedOnly,
        issuedBy: 'example-partner-client',
      });
      return { key, prefix };
    },
    // As `antq api-key operations <prefix> src/generated/persisted-documents.json` does.
    async registerOperations(prefix, documents = operationsOfFile(MANIFEST.pathname, readFileSync(MANIFEST, 'utf8'))) {
      return registerPersistedOperations(db.prisma, prefix, documents, antqSchema());
    },
    revokeKey: (prefix) => revokeApiKey(db.prisma, prefix),
    async stop() {
      await server.close();
      await db.close();
    },
  };
}
