import { GraphError } from './errors.js';
import { throttled } from './throttle.js';

/** Injected Graph failures, set through `/_admin/faults`. Shares are applied deterministically. */
export interface GraphFaults {
  /** Share (0..1) of Graph requests answered 429 with Retry-After. */
  throttleShare: number;
  /** Share (0..1) of Graph requests answered 503. */
  unavailableShare: number;
  /** Share (0..1) of Graph requests answered 403 ErrorAccessDenied (the mailbox refuses the app). */
  deniedShare: number;
  retryAfterSeconds: number;
  /** Extra latency added to every Graph request, in milliseconds (makes concurrency observable). */
  delayMs: number;
}

export const NO_FAULTS: GraphFaults = {
  throttleShare: 0,
  unavailableShare: 0,
  deniedShare: 0,
  retryAfterSeconds: 1,
  delayMs: 0,
};

/**
 * Decides which requests fail. An accumulator instead of randomness: with a share of 0.5 exactly
 * every second request fails, so tests that use faults stay deterministic.
 */
export class FaultInjector {
  private settings: GraphFaults = { ...NO_FAULTS };
  private throttleAcc = 0;
  private unavailableAcc = 0;
  private deniedAcc = 0;
  private held: { promise: Promise<void>; release: () => void } | null = null;
  /** How many failures were injected since the last `set`/`reset`. */
  readonly injected = { throttled: 0, unavailable: 0, denied: 0 };

  get current(): GraphFaults {
    return { ...this.settings };
  }

  set(patch: Partial<GraphFaults>): GraphFaults {
    for (const [key, value] of Object.entries(patch) as Array<[keyof GraphFaults, unknown]>) {
      if (!(key in NO_FAULTS)) throw new GraphError(400, 'ErrorInvalidRequest', `Unknown fault '${key}'.`);
      if (typeof value !== 'number' || !Number.isFinite(value) || value < 0)
        throw new GraphError(
          400,
          'ErrorInvalidRequest',
          `Invalid value for '${key}': expected a number ≥ 0.`,
        );
      if (key.endsWith('Share') && value > 1)
        throw new GraphError(
          400,
          'ErrorInvalidRequest',
          `Invalid value for '${key}': a share is between 0 and 1.`,
        );
    }
    this.settings = { ...this.settings, ...patch };
    this.throttleAcc = 0;
    this.unavailableAcc = 0;
    this.deniedAcc = 0;
    this.injected.throttled = 0;
    this.injected.unavailable = 0;
    this.injected.denied = 0;
    return this.current;
  }

  reset(): void {
    this.set(NO_FAULTS);
    this.release();
  }

  /**
   * Holds every Graph request that got past authentication and throttling until `release()`:
   * requests stay "in flight", which makes the per-mailbox concurrency limit observable.
   */
  hold(): void {
    if (this.held) return;
    let release!: () => void;
    const promise = new Promise<void>((resolve) => (release = resolve));
    this.held = { promise, release };
  }

  release(): void {
    this.held?.release();
    this.held = null;
  }

  /** Resolves at once unless requests are held. */
  gate(): Promise<void> {
    return this.held?.promise ?? Promise.resolve();
  }

  /** Throws the injected failure for this request, if it is one that should fail. */
  check(): void {
    this.throttleAcc += this.settings.throttleShare;
    if (this.throttleAcc >= 1) {
      this.throttleAcc -= 1;
      this.injected.throttled += 1;
      throw throttled('Application is over its MailboxConcurrency limit.', this.settings.retryAfterSeconds);
    }
    this.unavailableAcc += this.settings.unavailableShare;
    if (this.unavailableAcc >= 1) {
      this.unavailableAcc -= 1;
      this.injected.unavailable += 1;
      throw new GraphError(
        503,
        'ServiceUnavailable',
        'The service is temporarily unavailable. Please retry later.',
        { 'retry-after': String(this.settings.retryAfterSeconds) },
      );
    }
    this.deniedAcc += this.settings.deniedShare;
    if (this.deniedAcc >= 1) {
      this.deniedAcc -= 1;
      this.injected.denied += 1;
      throw new GraphError(403, 'ErrorAccessDenied', 'Access is denied. Check credentials and try again.');
    }
  }
}
