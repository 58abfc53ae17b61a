import { createServer } from 'node:https';
import type { AddressInfo } from 'node:net';

/**
 * A baseline for the emulator benchmark: an HTTPS server that does nothing but JSON.stringify one of
 * the given pages per request and send it. Each page's `@odata.nextLink` is rewritten to point at
 * the next page here, so a client follows the same paging it follows against the emulator.
 */
export async function jsonTransportServer(
  tls: { cert: string; key: string },
  pages: readonly unknown[],
): Promise<{ firstUrl: string; close: () => Promise<void> }> {
  let origin = '';
  const server = createServer({ cert: tls.cert, key: tls.key }, (req, res) => {
    const index = Number(new URL(req.url ?? '/', origin).searchParams.get('page') ?? '0');
    const page = pages[index] as Record<string, unknown> | undefined;
    if (page === undefined) {
      res.writeHead(404).end();
      return;
    }
    const body = JSON.stringify({
      ...page,
      '@odata.nextLink': index + 1 < pages.length ? `${origin}/view?page=${index + 1}` : undefined,
    });
    res.writeHead(200, { 'content-type': 'application/json' }).end(body);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  origin = `https://localhost:${(server.address() as AddressInfo).port}`;
  return {
    firstUrl: `${origin}/view?page=0`,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
