import type { Context, Middleware } from '@microsoft/microsoft-graph-client';

/**
 * Outlook allows at most four concurrent requests per app and mailbox; a fifth is answered 429. This
 * middleware queues the excess locally instead, per mailbox (`/users/{id}/…`, or `/me/…` for the signed-in
 * user), so a burst never turns into throttling. It sits after the retry handler: a request waiting out a
 * Retry-After holds no slot.
 */
export class MailboxConcurrencyLimiter implements Middleware {
  private next: Middleware | undefined;
  private readonly inFlight = new Map<string, number>();
  private readonly waiting = new Map<string, (() => void)[]>();

  constructor(private readonly limit = 4) {}

  setNext(next: Middleware): void {
    this.next = next;
  }

  async execute(context: Context): Promise<void> {
    if (!this.next) throw new Error('MailboxConcurrencyLimiter must not be the last middleware.');
    const mailbox = mailboxOf(requestUrl(context.request));
    await this.acquire(mailbox);
    try {
      await this.next.execute(context);
    } finally {
      this.release(mailbox);
    }
  }

  /** Requests currently sent for a mailbox; for tests and health. */
  active(mailbox: string): number {
    return this.inFlight.get(mailbox.toLowerCase()) ?? 0;
  }

  private acquire(mailbox: string): Promise<void> {
    const count = this.inFlight.get(mailbox) ?? 0;
    if (count < this.limit) {
      this.inFlight.set(mailbox, count + 1);
      return Promise.resolve();
    }
    return new Promise((resolve) => {
      const queue = this.waiting.get(mailbox) ?? [];
      queue.push(resolve);
      this.waiting.set(mailbox, queue);
    });
  }

  private release(mailbox: string): void {
    const next = this.waiting.get(mailbox)?.shift();
    // The slot passes straight to the next waiter, so the count stays at the limit.
    if (next) return next();
    const count = (this.inFlight.get(mailbox) ?? 1) - 1;
    if (count === 0) this.inFlight.delete(mailbox);
    else this.inFlight.set(mailbox, count);
  }
}

function requestUrl(request: Context['request']): string {
  return typeof request === 'string' ? request : request.url;
}

/** The mailbox a Graph URL addresses: the user id or UPN after `/users/`, `me`, or `tenant` for the rest. */
export function mailboxOf(url: string): string {
  const path = new URL(url).pathname;
  const user = /\/users\/([^/]+)/i.exec(path);
  if (user?.[1]) return decodeURIComponent(user[1]).toLowerCase();
  if (/\/me(\/|$)/i.test(path)) return 'me';
  return 'tenant';
}
