import { IANAZone } from 'luxon';
import { civilOf, DAY_MS, dayNumberOf, MINUTE_MS } from './time-text.js';

/** A zone's offsets over one UTC year: `offsets[0]` from the year's start, `offsets[i + 1]` from `changes[i]`. */
export interface YearOfChanges {
  start: number;
  end: number;
  changes: number[];
  offsets: number[];
}

// Real zones never change offset twice within this step; a pair of changes inside one step that
// ends on a different offset is still found, because the search resumes after each change it finds.
const SAMPLE_STEP_MS = DAY_MS;
// Zone rules are fixed for the life of the process, so what was learned about a zone-year stays
// true; the bound only keeps queries over many distant years from growing memory without end.
const MAX_REMEMBERED = 4096;
const remembered = new Map<string, YearOfChanges>();
const knownZones = new Map<string, boolean>();

/** True when `name` is an IANA zone the runtime knows (answers are remembered: asking Intl is slow). */
export function isKnownZone(name: string): boolean {
  let known = knownZones.get(name);
  if (known === undefined) {
    known = IANAZone.isValidZone(name);
    if (knownZones.size >= MAX_REMEMBERED) knownZones.clear();
    knownZones.set(name, known);
  }
  return known;
}

/** The UTC year an instant falls in. */
export function utcYearOf(ms: number): number {
  return civilOf(Math.floor(ms / DAY_MS)).year;
}

function learnYear(zone: IANAZone, year: number): YearOfChanges {
  const start = dayNumberOf(year, 1, 1) * DAY_MS;
  const end = dayNumberOf(year + 1, 1, 1) * DAY_MS;
  let previous = start;
  let previousOffset = zone.offset(previous);
  const changes: number[] = [];
  const offsets = [previousOffset];
  while (previous < end) {
    const next = Math.min(previous + SAMPLE_STEP_MS, end);
    const nextOffset = zone.offset(next);
    while (nextOffset !== previousOffset) {
      // Minute-precise search for the first instant in (previous, next] with another offset.
      let low = previous;
      let high = next;
      while (high - low > MINUTE_MS) {
        const middle = low + Math.floor((high - low) / 2 / MINUTE_MS) * MINUTE_MS;
        if (zone.offset(middle) === previousOffset) low = middle;
        else high = middle;
      }
      if (high >= end) break; // belongs to the next year, which starts on the new offset
      previousOffset = zone.offset(high);
      changes.push(high);
      offsets.push(previousOffset);
      previous = high;
    }
    previous = next;
  }
  return { start, end, changes, offsets };
}

/**
 * The offset changes of a zone in one UTC year, found once per process by daily samples and a
 * minute-precise search (asking the platform for an offset costs microseconds).
 */
export function changesInYear(zoneName: string, year: number): YearOfChanges {
  const key = `${zoneName}\u0000${year}`;
  let known = remembered.get(key);
  if (known === undefined) {
    known = learnYear(IANAZone.create(zoneName), year);
    if (remembered.size >= MAX_REMEMBERED) remembered.clear();
    remembered.set(key, known);
  }
  return known;
}
