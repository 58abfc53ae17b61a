import { NO_FAULTS, ShareAccumulator, type NotificationFaults } from './faults.js';
import type { NotificationItem } from './types.js';

export interface RetryPolicy {
  /** Delay before the second attempt; each further attempt doubles it. */
  initialDelayMs: number;
  maxDelayMs: number;
  /** Graph keeps retrying for up to 4 hours, then drops the notification. */
  maxAgeMs: number;
}

export interface DeliveryOptions {
  /** Notifications for one URL that arrive within this window go out in one POST. */
  batchWindowMs?: number;
  maxBatchSize?: number;
  /** Graph's publisher gives up on a POST after 3 s and counts it as failed. */
  requestTimeoutMs?: number;
  concurrencyPerUrl?: number;
  retry?: Partial<RetryPolicy>;
  faults?: () => NotificationFaults;
  /** Told about notifications that will never arrive: dropped by a fault, or given up after retries. */
  onUndelivered?: (items: NotificationItem[], reason: 'dropped' | 'abandoned') => void;
  now?: () => number;
}

export interface DeliveryAttempt {
  url: string;
  notifications: number;
  attempt: number;
  /** HTTP status, or `null` when the request failed or timed out. */
  status: number | null;
  error: string | null;
  /** Delay before the next attempt, `null` when delivered or abandoned. */
  retryInMs: number | null;
  at: string;
}

export interface DeliveryStats {
  delivered: number;
  dropped: number;
  delayed: number;
  failedAttempts: number;
  abandoned: number;
}

interface Batch {
  url: string;
  items: NotificationItem[];
  attempt: number;
  firstTriedAt: number;
}

interface UrlState {
  pending: NotificationItem[];
  timer: NodeJS.Timeout | null;
  inFlight: number;
}

const DEFAULT_RETRY: RetryPolicy = { initialDelayMs: 1_000, maxDelayMs: 60_000, maxAgeMs: 4 * 3600_000 };
const LOG_LIMIT = 500;

/**
 * Delivers change and lifecycle notifications the way Graph's publisher does: batched per URL,
 * POSTed as `{"value":[…]}`, retried with exponential backoff until a 2xx arrives or the retry
 * window closes. Faults (drop, delay) apply per change notification before its first attempt.
 */
export class DeliveryQueue {
  private readonly batchWindowMs: number;
  private readonly maxBatchSize: number;
  private readonly requestTimeoutMs: number;
  private readonly concurrencyPerUrl: number;
  private readonly retry: RetryPolicy;
  private readonly faults: () => NotificationFaults;
  private readonly onUndelivered: (items: NotificationItem[], reason: 'dropped' | 'abandoned') => void;
  private readonly drops = new ShareAccumulator();
  private readonly delays = new ShareAccumulator();
  private readonly now: () => number;
  private readonly urls = new Map<string, UrlState>();
  private readonly timers = new Set<NodeJS.Timeout>();
  private readonly waiters: (() => void)[] = [];
  private readonly log: DeliveryAttempt[] = [];
  private outstanding = 0;
  private closed = false;
  readonly stats: DeliveryStats = { delivered: 0, dropped: 0, delayed: 0, failedAttempts: 0, abandoned: 0 };

  constructor(options: DeliveryOptions = {}) {
    this.batchWindowMs = options.batchWindowMs ?? 10;
    this.maxBatchSize = options.maxBatchSize ?? 100;
    this.requestTimeoutMs = options.requestTimeoutMs ?? 3_000;
    this.concurrencyPerUrl = options.concurrencyPerUrl ?? 4;
    this.retry = { ...DEFAULT_RETRY, ...options.retry };
    this.faults = options.faults ?? (() => NO_FAULTS);
    this.onUndelivered = options.onUndelivered ?? (() => undefined);
    this.now = options.now ?? Date.now;
  }

  /** Queues one notification for `url`; it leaves with the next batch for that URL. */
  enqueue(url: string, item: NotificationItem): void {
    if (this.closed) return;
    // Faults stand for lost or late change notifications; lifecycle notifications always go out.
    const faults = 'changeType' in item ? this.faults() : NO_FAULTS;
    if (this.drops.hit(faults.dropShare)) {
      this.stats.dropped += 1;
      this.onUndelivered([item], 'dropped');
      return;
    }
    if (faults.delayMs > 0 && this.delays.hit(faults.delayShare)) {
      this.stats.delayed += 1;
      this.outstanding += 1;
      this.later(faults.delayMs, () => {
        this.outstanding -= 1;
        this.addPending(url, item);
      });
      return;
    }
    this.addPending(url, item);
  }

  /** Resolves once nothing is pending, in flight, delayed or waiting for a retry. */
  idle(): Promise<void> {
    if (this.outstanding === 0) return Promise.resolve();
    return new Promise((resolve) => this.waiters.push(resolve));
  }

  /** The most recent attempts, oldest first. */
  attempts(): readonly DeliveryAttempt[] {
    return this.log;
  }

  close(): void {
    this.closed = true;
    for (const timer of this.timers) clearTimeout(timer);
    this.timers.clear();
    for (const state of this.urls.values()) if (state.timer) clearTimeout(state.timer);
    this.urls.clear();
    this.outstanding = 0;
    this.settle();
  }

  private addPending(url: string, item: NotificationItem): void {
    if (this.closed) return;
    const state = this.stateOf(url);
    state.pending.push(item);
    this.outstanding += 1;
    if (state.pending.length >= this.maxBatchSize) {
      this.flush(url);
    } else if (!state.timer) {
      state.timer = setTimeout(() => {
        state.timer = null;
        this.flush(url);
      }, this.batchWindowMs);
    }
  }

  private stateOf(url: string): UrlState {
    let state = this.urls.get(url);
    if (!state) {
      state = { pending: [], timer: null, inFlight: 0 };
      this.urls.set(url, state);
    }
    return state;
  }

  private flush(url: string): void {
    const state = this.urls.get(url);
    if (!state) return;
    while (state.pending.length > 0 && state.inFlight < this.concurrencyPerUrl) {
      const items = state.pending.splice(0, this.maxBatchSize);
      void this.send({ url, items, attempt: 1, firstTriedAt: this.now() });
    }
  }

  private async send(batch: Batch): Promise<void> {
    const state = this.stateOf(batch.url);
    state.inFlight += 1;
    let status: number | null = null;
    let error: string | null = null;
    try {
      const response = await fetch(batch.url, {
        method: 'POST',
        headers: { 'Content-Type': 'application/json; charset=utf-8' },
        body: JSON.stringify({ value: batch.items }),
        signal: AbortSignal.timeout(this.requestTimeoutMs),
      });
      status = response.status;
      await response.arrayBuffer().catch(() => undefined);
    } catch (caught) {
      const { name, message } = (caught ?? {}) as { name?: unknown; message?: unknown };
      error = `${String(name ?? 'Error')}: ${String(message ?? caught)}`;
    }
    state.inFlight -= 1;
    if (this.closed) return;
    const delivered = status !== null && status >= 200 && status < 300;
    let retryInMs: number | null = null;
    if (delivered) {
      this.stats.delivered += batch.items.length;
      this.outstanding -= batch.items.length;
    } else {
      this.stats.failedAttempts += 1;
      const delay = Math.min(this.retry.initialDelayMs * 2 ** (batch.attempt - 1), this.retry.maxDelayMs);
      if (this.now() + delay - batch.firstTriedAt > this.retry.maxAgeMs) {
        this.stats.abandoned += batch.items.length;
        this.outstanding -= batch.items.length;
        this.onUndelivered(batch.items, 'abandoned');
      } else {
        retryInMs = delay;
        this.later(delay, () => void this.send({ ...batch, attempt: batch.attempt + 1 }));
      }
    }
    this.record({
      url: batch.url,
      notifications: batch.items.length,
      attempt: batch.attempt,
      status,
      error,
      retryInMs,
      at: new Date(this.now()).toISOString(),
    });
    if (state.pending.length > 0 && !state.timer) this.flush(batch.url);
    this.settle();
  }

  private later(delayMs: number, run: () => void): void {
    const timer = setTimeout(() => {
      this.timers.delete(timer);
      run();
    }, delayMs);
    this.timers.add(timer);
  }

  private record(attempt: DeliveryAttempt): void {
    this.log.push(attempt);
    if (this.log.length > LOG_LIMIT) this.log.splice(0, this.log.length - LOG_LIMIT);
  }

  private settle(): void {
    if (this.outstanding > 0) return;
    for (const resolve of this.waiters.splice(0)) resolve();
  }
}
