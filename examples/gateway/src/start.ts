/**
 * The three processes of this example, in one: antq as a federation subgraph, the
 * partner's patrol service, and the gateway in front of both.
 */
import { createServer, type Server } from 'node:http';
import type { Database } from '@antq/db';
import { createAntqYoga, listen, type Secrets } from '@antq/graphql';
import { composeSupergraph, createGateway } from './gateway.js';
import { createPatrolService, type Patrol } from './patrols.js';

export interface Ports {
  readonly antq: number;
  readonly patrols: number;
  readonly gateway: number;
}

export interface Running {
  readonly urls: { readonly antq: string; readonly patrols: string; readonly gateway: string };
  stop(): Promise<void>;
}

/** Starts antq's subgraph over `db`, the patrol service over `patrols`, and the gateway (port 0: any free port). */
export async function startAll({
  db,
  secrets,
  patrols,
  ports,
  host = '127.0.0.1',
  clock,
}: {
  db: Database;
  secrets: Secrets;
  patrols: readonly Patrol[];
  ports: Ports;
  host?: string;
  clock?: () => Date;
}): Promise<Running> {
  const antq = await listen(
    createAntqYoga({ db, secrets, federation: true, graphiql: false, log: () => {}, ...(clock ? { clock } : {}) }),
    ports.antq,
    host,
  );
  const patrolService = await serve(createPatrolService({ patrols, jwtSecret: secrets.jwtSecret }), ports.patrols, host);
  const stops = [antq.close, patrolService.close];
  try {
    const supergraph = await composeSupergraph([
      { name: 'antq', url: antq.url },
      { name: 'patrols', url: patrolService.url },
    ]);
    const gateway = createGateway(supergraph);
    const served = await serve(gateway, ports.gateway, host);
    stops.unshift(served.close, async () => {
      await gateway.dispose();
    });
    return {
      urls: { antq: antq.url, patrols: patrolService.url, gateway: served.url },
      async stop() {
        for (const stop of stops) await stop();
      },
    };
  } catch (error) {
    for (const stop of stops) await stop();
    throw error;
  }
}

async function serve(
  handler: Parameters<typeof createServer>[1],
  port: number,
  host: string,
): Promise<{ url: string; close: () => Promise<void> }> {
  const server: Server = createServer(handler);
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, host, () => resolve());
  });
  const address = server.address();
  const url = `http://${host}:${typeof address === 'object' && address ? address.port : port}/graphql`;
  return {
    url,
    close: () =>
      new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      }),
  };
}
