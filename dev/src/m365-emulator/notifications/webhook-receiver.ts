import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { NotificationItem } from './types.js';

/** How the receiver answers Graph's validation request. */
export type ValidationBehaviour = 'echo' | 'wrongBody' | 'jsonContentType' | 'status500' | 'hang';

export interface ReceivedPost {
  path: string;
  query: Record<string, string>;
  items: NotificationItem[];
}

/**
 * A local webhook endpoint (plain HTTP on 127.0.0.1) that answers the validation handshake and
 * records every notification POST. Tests and benchmarks point subscriptions at it.
 */
export class WebhookReceiver {
  readonly posts: ReceivedPost[] = [];
  /** The decoded validation tokens received, in order. */
  readonly validations: string[] = [];
  /** Notification POSTs answered with a scripted non-2xx status. */
  readonly rejected: ReceivedPost[] = [];
  validation: ValidationBehaviour = 'echo';
  /** Statuses for the next notification POSTs, consumed in order (0 = never answer); 202 once empty. */
  readonly scriptedStatuses: number[] = [];
  private server: Server | null = null;
  private waiters: { count: number; resolve: () => void }[] = [];
  private hanging: ServerResponse[] = [];
  baseUrl = '';

  static async start(): Promise<WebhookReceiver> {
    const receiver = new WebhookReceiver();
    await receiver.listen();
    return receiver;
  }

  /** Every notification received so far, in arrival order. */
  get items(): NotificationItem[] {
    return this.posts.flatMap((post) => post.items);
  }

  url(path = '/notifications'): string {
    return `${this.baseUrl}${path}`;
  }

  /** Resolves once at least `count` notifications have arrived. */
  waitForItems(count: number): Promise<void> {
    if (this.items.length >= count) return Promise.resolve();
    return new Promise((resolve) => this.waiters.push({ count, resolve }));
  }

  async stop(): Promise<void> {
    for (const response of this.hanging.splice(0)) response.destroy();
    const server = this.server;
    this.server = null;
    if (!server) return;
    server.closeAllConnections();
    await new Promise<void>((resolve) => server.close(() => resolve()));
  }

  private listen(): Promise<void> {
    const server = createServer((request, response) => void this.handle(request, response));
    this.server = server;
    return new Promise((resolve) => {
      server.listen(0, '127.0.0.1', () => {
        this.baseUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
        resolve();
      });
    });
  }

  private async handle(request: IncomingMessage, response: ServerResponse): Promise<void> {
    const chunks: Buffer[] = [];
    for await (const chunk of request) chunks.push(chunk as Buffer);
    const url = new URL(request.url ?? '/', this.baseUrl);
    const token = url.searchParams.get('validationToken');
    if (token !== null) {
      this.validations.push(token);
      this.answerValidation(token, response);
      return;
    }
    const body = JSON.parse(Buffer.concat(chunks).toString('utf8') || '{}') as { value?: NotificationItem[] };
    const status = this.scriptedStatuses.shift() ?? 202;
    if (status === 0) {
      this.hanging.push(response);
      return;
    }
    const post = { path: url.pathname, query: Object.fromEntries(url.searchParams), items: body.value ?? [] };
    if (status < 200 || status >= 300) {
      this.rejected.push(post);
    } else {
      this.posts.push(post);
      const total = this.items.length;
      this.waiters = this.waiters.filter((waiter) => {
        if (total < waiter.count) return true;
        waiter.resolve();
        return false;
      });
    }
    response.writeHead(status).end();
  }

  private answerValidation(token: string, response: ServerResponse): void {
    switch (this.validation) {
      case 'echo':
        response.writeHead(200, { 'Content-Type': 'text/plain; charset=utf-8' }).end(token);
        return;
      case 'wrongBody':
        response.writeHead(200, { 'Content-Type': 'text/plain' }).end(encodeURIComponent(token));
        return;
      case 'jsonContentType':
        response.writeHead(200, { 'Content-Type': 'application/json' }).end(token);
        return;
      case 'status500':
        response.writeHead(500).end();
        return;
      case 'hang':
        this.hanging.push(response);
        return;
    }
  }
}
