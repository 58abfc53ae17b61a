import { GraphError } from './errors.js';

export interface MailboxBudget {
  /** Requests allowed per window per (app, mailbox). Graph documents 10,000 per 10 minutes. */
  requests: number;
  windowSeconds: number;
}

export const DEFAULT_BUDGET: MailboxBudget = { requests: 10_000, windowSeconds: 600 };
export const MAX_CONCURRENT_PER_MAILBOX = 4;

interface Window {
  startedAt: number;
  count: number;
}

/** Outlook's per-mailbox limits: concurrency and a request budget per window, both answered with 429. */
export class MailboxThrottle {
  private readonly inFlight = new Map<string, number>();
  private readonly windows = new Map<string, Window>();
  private readonly budgets = new Map<string, MailboxBudget>();
  defaultBudget: MailboxBudget = { ...DEFAULT_BUDGET };

  /** A budget for one mailbox (all apps), e.g. to make a test hit the limit after 3 requests. */
  setBudget(mailboxId: string, budget: MailboxBudget | null): void {
    if (budget) this.budgets.set(mailboxId, budget);
    else this.budgets.delete(mailboxId);
    for (const key of [...this.windows.keys()]) if (key.endsWith(`|${mailboxId}`)) this.windows.delete(key);
  }

  /** Counts a request in; throws 429 ApplicationThrottled with Retry-After. Call the returned release when done. */
  acquire(appId: string, mailboxId: string, now = Date.now()): () => void {
    const budget = this.budgets.get(mailboxId) ?? this.defaultBudget;
    const key = `${appId}|${mailboxId}`;
    let window = this.windows.get(key);
    if (!window || now - window.startedAt >= budget.windowSeconds * 1000) {
      window = { startedAt: now, count: 0 };
      this.windows.set(key, window);
    }
    if (window.count >= budget.requests) {
      const retryAfter = Math.max(
        1,
        Math.ceil((window.startedAt + budget.windowSeconds * 1000 - now) / 1000),
      );
      throw throttled(
        `Application is over its MailboxRequestsLimit (${budget.requests} requests per ${budget.windowSeconds} s).`,
        retryAfter,
      );
    }
    const running = this.inFlight.get(mailboxId) ?? 0;
    if (running >= MAX_CONCURRENT_PER_MAILBOX)
      throw throttled('Application is over its MailboxConcurrency limit.', 1);
    window.count += 1;
    this.inFlight.set(mailboxId, running + 1);
    let released = false;
    return () => {
      if (released) return;
      released = true;
      this.inFlight.set(mailboxId, (this.inFlight.get(mailboxId) ?? 1) - 1);
    };
  }
}

export function throttled(message: string, retryAfterSeconds: number): GraphError {
  return new GraphError(429, 'ApplicationThrottled', message, { 'retry-after': String(retryAfterSeconds) });
}
