import { createServer, type Server } from 'node:net';
import { isPortFree, takenPorts } from './ports.js';

function listen(): Promise<{ server: Server; port: number }> {
  return new Promise((resolve) => {
    const server = createServer();
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      if (typeof address !== 'object' || address === null) throw new Error('no address');
      resolve({ server, port: address.port });
    });
  });
}

describe('when the stack checks its ports before starting', () => {
  it('reports a port somebody listens on as taken, and free again once released', async () => {
    const { server, port } = await listen();
    expect(await isPortFree(port)).toBe(false);
    expect(await takenPorts([port])).toEqual([port]);
    await new Promise((done) => server.close(done));
    expect(await isPortFree(port)).toBe(true);
    expect(await takenPorts([port])).toEqual([]);
  });
});
