import { createAntqYoga, listen, prepareDatabase, sealWith, serverSecrets, type Listening } from '@antq/graphql';

export interface Started {
  readonly server: Listening;
  stop(): Promise<void>;
}

/**
 * Starts antq from your own program: the embedded database in `dataDir` (created,
 * migrated and filled with the administrative units on first start), served at `port`.
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
  const env = { ...process.env, DATABASE_URL: '' };
  const secrets = serverSecrets(env, dataDir); // created in dataDir on first start
  // The demo's personal data (re-integration cases) is sealed with the server's data key.
  const db = await prepareDatabase({ env, dataDir, log, seal: sealWith(secrets.dataKey) });
  const server = await listen(createAntqYoga({ db, secrets }), port, '127.0.0.1');
  return {
    server,
    async stop() {
      await server.close();
      await db.close();
    },
  };
}
