import type { AvailabilityQuery, Explanation, IsoInstant, Slot } from './types.js';

// Placeholder signatures; the engine is being written against docs/scheduling.md.
export function availableSlots(_query: AvailabilityQuery): Slot[] {
  throw new Error('not implemented');
}

export function explain(_query: AvailabilityQuery, _start: IsoInstant): Explanation {
  throw new Error('not implemented');
}

export function chooseMember(_query: AvailabilityQuery, _start: IsoInstant): string | undefined {
  throw new Error('not implemented');
}
