// A TCP port nobody listens on at this instant, on the loopback address.
import { createServer } from 'node:net';

export function freeLoopbackPort(avoid: number[] = []): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      server.close(() => {
        if (port === 0) reject(new Error('no free loopback port'));
        else if (avoid.includes(port)) resolve(freeLoopbackPort(avoid));
        else resolve(port);
      });
    });
  });
}
