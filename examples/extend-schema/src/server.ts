import { createAntqYoga, listen, migrateExtensions, prepareDatabase, serverSecrets, type Listening } from '@antq/graphql';
import { fireInspections } from './extension.js';

export interface Started {
  readonly server: Listening;
  stop(): Promise<void>;
}

/**
 * antq with the fire-safety team's extension: antq's database (embedded in `dataDir`,
 * created and filled on first start), the extension's own tables beside it, and the
 * combined schema served at `port`.
 */
export async function start({
  dataDir,
  port,
  log = () => {},
}: {
  dataDir: string;
  port: number;
  log?: (m: string) => void;
}): Promise<Started> {
  const env = { ...process.env, DATABASE_URL: process.env.DATABASE_URL ?? '' };
  const secrets = serverSecrets(env, dataDir);
  const db = await prepareDatabase({ env, dataDir, log });
  await migrateExtensions(db, [fireInspections]);
  const server = await listen(createAntqYoga({ db, secrets, extensions: [fireInspections] }), port, '127.0.0.1');
  return {
    server,
    async stop() {
      await server.close();
      await db.close();
    },
  };
}
