import { createServer, type Server } from 'node:http';
import { rawErrorResponse } from './error-response.js';
import type { AntqYoga } from './yoga.js';

export interface Listening {
  readonly server: Server;
  readonly url: string;
  close(): Promise<void>;
}

/**
 * Serves `yoga` on node:http at `host`:`port` (port 0: any free port). `prepare` sees the
 * server before it listens: what must hold from its first connection (a graceful stop on
 * SIGTERM, shutdown.ts) is set up there, not after a client may have been told it is ready.
 */
export async function listen(yoga: AntqYoga, port: number, host: string, prepare?: (server: Server) => void): Promise<Listening> {
  const server = createServer(yoga);
  // A request Node's parser refuses (headers or URL too long, not HTTP) is answered as every
  // other refusal of this server, with a code, not with Node's bare status line.
  server.on('clientError', (error: NodeJS.ErrnoException, socket) => {
    if (error.code === 'ECONNRESET' || !socket.writable) return void socket.destroy();
    const tooLarge = error.code === 'HPE_HEADER_OVERFLOW';
    socket.end(
      tooLarge
        ? rawErrorResponse('HEADERS_TOO_LARGE', 'Đầu yêu cầu (hoặc địa chỉ) quá dài. / The request’s headers (or its URL) are too long.')
        : rawErrorResponse('BAD_USER_INPUT', 'Yêu cầu HTTP không hợp lệ. / The request is not valid HTTP.'),
    );
  });
  prepare?.(server);
  // Keep idle connections longer than the usual clients and load balancers (60 s), so that
  // the server is never the side that closes a connection a client is about to reuse.
  server.keepAliveTimeout = 65_000;
  server.headersTimeout = 66_000;
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, host, () => resolve());
  });
  const address = server.address();
  const actualPort = typeof address === 'object' && address ? address.port : port;
  return {
    server,
    url: shownUrl(host, actualPort),
    close: () =>
      new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      }),
  };
}

/** The URL of the GraphQL endpoint at `host`:`port`, as a person on the machine opens it. */
export function shownUrl(host: string, port: number): string {
  return `http://${host === '0.0.0.0' || host === '::' ? 'localhost' : host}:${port}/graphql`;
}
