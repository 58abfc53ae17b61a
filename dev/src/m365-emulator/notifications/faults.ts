/** Fault settings for notification delivery, changed at run time through `/_admin/faults/notifications`. */
export interface NotificationFaults {
  /** Share (0..1) of notifications never sent, as if Graph lost them. */
  dropShare: number;
  /** Share (0..1) of notifications held back by `delayMs` before their first attempt. */
  delayShare: number;
  delayMs: number;
}

export const NO_FAULTS: NotificationFaults = { dropShare: 0, delayShare: 0, delayMs: 0 };

/**
 * A small seeded generator (mulberry32), so a fault run with a given seed drops the same
 * notifications every time and tests stay deterministic.
 */
export function seededRandom(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
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
  return next;
}
