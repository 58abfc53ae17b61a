/** Fault settings for notification delivery, changed at run time through `/_admin/faults/notifications`. */
export interface NotificationFaults {
  /** Share (0..1) of change notifications never sent, as if Graph lost them. */
  dropShare: number;
  /** Share (0..1) of change notifications held back by `delayMs` before their first attempt. */
  delayShare: number;
  delayMs: number;
  /**
   * Whether a dropped notification is followed by a `missed` lifecycle notification, as Graph sends
   * when it could not deliver; off, the loss is silent and only a delta reconcile finds it.
   */
  missedOnDrop: boolean;
}

export const NO_FAULTS: NotificationFaults = { dropShare: 0, delayShare: 0, delayMs: 0, missedOnDrop: false };

/**
 * Picks which notifications a share applies to without randomness: with a share of 0.25 exactly
 * every fourth notification is hit, so fault tests stay deterministic.
 */
export class ShareAccumulator {
  private total = 0;

  hit(share: number): boolean {
    if (share <= 0) return false;
    this.total += share;
    if (this.total < 1) return false;
    this.total -= 1;
    return true;
  }
}

export type FaultsField = keyof NotificationFaults;

export class InvalidFaultsError extends Error {
  readonly code = 'INVALID_FAULTS';
  constructor(
    readonly field: FaultsField,
    message: string,
  ) {
    super(message);
  }
}

/** Merges a partial update into the current settings, rejecting values outside their range. */
export function updateFaults(
  current: NotificationFaults,
  update: Record<string, unknown>,
): NotificationFaults {
  const next = { ...current };
  for (const field of ['dropShare', 'delayShare'] as const) {
    if (update[field] === undefined) continue;
    const value = update[field];
    if (typeof value !== 'number' || !(value >= 0 && value <= 1)) {
      throw new InvalidFaultsError(field, `${field} must be a number from 0 to 1`);
    }
    next[field] = value;
  }
  if (update.delayMs !== undefined) {
    const value = update.delayMs;
    if (typeof value !== 'number' || !Number.isInteger(value) || value < 0 || value > 4 * 3600_000) {
      throw new InvalidFaultsError('delayMs', 'delayMs must be an integer from 0 to 14400000');
    }
    next.delayMs = value;
  }
  if (update.missedOnDrop !== undefined) {
    if (typeof update.missedOnDrop !== 'boolean') {
      throw new InvalidFaultsError('missedOnDrop', 'missedOnDrop must be true or false');
    }
    next.missedOnDrop = update.missedOnDrop;
  }
  return next;
}
