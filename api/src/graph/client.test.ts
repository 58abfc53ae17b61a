import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { createGraphClient } from './client.js';
import { MailboxConcurrencyLimiter, mailboxOf } from './mailbox-concurrency.js';

/** A plain local HTTP server standing in for Graph's transport behaviour: it counts what arrives. */
function startServer(handler: Parameters<typeof createServer>[1]): Promise<{ server: Server; url: string }> {
  return new Promise((resolve) => {
    const server = createServer(handler);
    server.listen(0, '127.0.0.1', () =>
      resolve({ server, url: `http://127.0.0.1:${(server.address() as AddressInfo).port}` }),
    );
  });
}

describe('the Graph client factory', () => {
  let server: Server | undefined;
  afterEach(() => new Promise<void>((done) => (server ? server.close(() => done()) : done())));

  it('never has more than four requests in flight for one mailbox, while other mailboxes proceed', async () => {
    const inFlight = new Map<string, number>();
    const peak = new Map<string, number>();
    const started = await startServer((req, res) => {
      const mailbox = mailboxOf(`http://x${req.url}`);
      inFlight.set(mailbox, (inFlight.get(mailbox) ?? 0) + 1);
      peak.set(mailbox, Math.max(peak.get(mailbox) ?? 0, inFlight.get(mailbox)!));
      setTimeout(() => {
        inFlight.set(mailbox, inFlight.get(mailbox)! - 1);
        res.writeHead(200, { 'content-type': 'application/json' }).end('{"value":[]}');
      }, 30);
    });
    server = started.server;
    const graph = createGraphClient({
      baseUrl: started.url,
      accessToken: async () => 'token',
      limiter: new MailboxConcurrencyLimiter(4),
    });
    const calls = ['alice@contoso.com', 'bob@contoso.com'].flatMap((user) =>
      Array.from({ length: 12 }, () => graph.api(`/users/${user}/events`).get()),
    );
    await Promise.all(calls);
    expect(peak.get('alice@contoso.com')).toBe(4);
    expect(peak.get('bob@contoso.com')).toBe(4);
  });

  it('waits out 429 answers as Retry-After says and returns the eventual answer', async () => {
    let attempts = 0;
    const started = await startServer((_req, res) => {
      attempts += 1;
      if (attempts <= 2) {
        res.writeHead(429, { 'retry-after': '0', 'content-type': 'application/json' });
        res.end('{"error":{"code":"TooManyRequests","message":"Slow down"}}');
        return;
      }
      res.writeHead(200, { 'content-type': 'application/json' }).end('{"id":"me"}');
    });
    server = started.server;
    const graph = createGraphClient({ baseUrl: started.url, accessToken: async () => 'abc' });
    await expect(graph.api('/me').get()).resolves.toEqual({ id: 'me' });
    expect(attempts).toBe(3);
  });
});

describe('which mailbox a request addresses', () => {
  test.each([
    ['https://graph.microsoft.com/v1.0/users/Alice%40contoso.com/calendarView', 'alice@contoso.com'],
    ['https://graph.microsoft.com/v1.0/me/events', 'me'],
    ['https://graph.microsoft.com/v1.0/subscriptions', 'tenant'],
  ])('%s → %s', (url, mailbox) => {
    expect(mailboxOf(url)).toBe(mailbox);
  });
});
