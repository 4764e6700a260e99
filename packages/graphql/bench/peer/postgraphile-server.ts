/**
 * PostGraphile 5 over the antq database, as a user would start it (the amber preset, the
 * `public` schema, no plugins of ours), for `pnpm bench --peer postgraphile`. Run by a Node
 * >= 22 binary as a child process of the bench (PostGraphile 5 fails every data query on
 * Node 20): `node bench/peer/postgraphile-server.ts` (Node 24 strips the types itself).
 *
 * Environment: DATABASE_URL, PORT, ANTQ_BENCH_PEER_POOL (the pool's size). Prints
 * `listening <url>` on stdout once it serves; stops on SIGTERM.
 */
import { createServer } from 'node:http';
import { postgraphile } from 'postgraphile';
import { makePgService } from 'postgraphile/adaptors/pg';
import { grafserv } from 'postgraphile/grafserv/node';
import { PostGraphileAmberPreset } from 'postgraphile/presets/amber';

const connectionString = process.env.DATABASE_URL ?? '';
const port = Number(process.env.PORT);
if (!connectionString || !port) throw new Error('postgraphile-server: set DATABASE_URL and PORT');

const pgl = postgraphile({
  extends: [PostGraphileAmberPreset],
  pgServices: [
    makePgService({ connectionString, schemas: ['public'], poolConfig: { max: Number(process.env.ANTQ_BENCH_PEER_POOL ?? 8) } }),
  ],
  grafserv: { port, host: '127.0.0.1', graphqlPath: '/graphql', graphiql: false },
  grafast: { explain: false },
});
const serv = pgl.createServ(grafserv);
const server = createServer();
await serv.addTo(server);
await new Promise<void>((resolve) => server.listen(port, '127.0.0.1', resolve));
// The schema is built on the first request otherwise: build it now, so the first measured request does not pay for it.
await pgl.getSchema();
console.log(`listening http://127.0.0.1:${port}/graphql`);
process.on('SIGTERM', () => {
  server.close();
  void Promise.resolve(pgl.release()).then(() => process.exit(0));
});
