/**
 * antq's server in a child process of the bench, for `pnpm bench --peer`: the servers compared
 * run alike, each in its own process on the same Node binary, with the load generator in
 * another. `antq` is the server `antq serve` runs (createAntqYoga: every plugin);
 * `bare` is graphql-yoga with antq's same executable schema and none of antq's plugins
 * (no limits, persisted operations, metrics, request log, authentication nor context): the
 * envelope's floor.
 *
 *   node --import tsx bench/peer/antq-server.ts antq|bare
 *
 * Environment: DATABASE_URL, PORT, ANTQ_BENCH_JWT_SECRET and ANTQ_BENCH_DATA_KEY (base64, the
 * bench's own). Prints `listening <url>` on stdout once it serves; stops on SIGTERM.
 */
import { createServer } from 'node:http';
import { openDatabase } from '@antq/db';
import { createYoga } from 'graphql-yoga';
import { createAntqYoga } from '../../src/http/yoga.js';
import { listen } from '../../src/http/serve.js';
import { antqSchema } from '../../src/schema.js';

const mode = process.argv[2];
const port = Number(process.env.PORT);
const url = process.env.DATABASE_URL ?? '';
if (!port || !url || (mode !== 'antq' && mode !== 'bare')) throw new Error('antq-server: antq|bare, with DATABASE_URL and PORT');

let stop: () => Promise<unknown>;
if (mode === 'antq') {
  const db = await openDatabase({ kind: 'postgres', url });
  const secrets = {
    jwtSecret: Buffer.from(process.env.ANTQ_BENCH_JWT_SECRET ?? '', 'base64'),
    dataKey: Buffer.from(process.env.ANTQ_BENCH_DATA_KEY ?? '', 'base64'),
  };
  const yoga = createAntqYoga({ db, secrets, graphiql: false, log: () => {} });
  const listening = await listen(yoga, port, '127.0.0.1');
  stop = async () => (await listening.close(), await db.close());
} else {
  const yoga = createYoga({ schema: antqSchema(), graphqlEndpoint: '/graphql', graphiql: false, landingPage: false, logging: false });
  const server = createServer(yoga);
  await new Promise<void>((resolve) => server.listen(port, '127.0.0.1', resolve));
  stop = () => new Promise((resolve) => server.close(resolve));
}
console.log(`listening http://127.0.0.1:${port}/graphql`);
process.on('SIGTERM', () => void stop().then(() => process.exit(0)));
