import { createServer } from 'node:net';

/** A port of 127.0.0.1 nobody listens on now (the OS picks it): for servers the tests and the reliability run start. */
export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = createServer();
    probe.once('error', reject);
    probe.listen(0, '127.0.0.1', () => {
      const { port } = probe.address() as { port: number };
      probe.close(() => resolve(port));
    });
  });
}
