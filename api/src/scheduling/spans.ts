/** A half-open span of instants `[start, end)` in epoch ms. */
export interface Span {
  start: number;
  end: number;
}

/** Two half-open spans share time of positive length (touching is not overlapping). */
export function overlaps(a: Span, start: number, end: number): boolean {
  return a.start < end && start < a.end;
}

/**
 * Disjoint spans, ascending: `[base + starts[i] s, base + ends[i] s)` for `i < length`. Spans that
 * overlapped or touched have been joined, so both arrays ascend and a cursor can sweep them once.
 */
export interface MergedSpans {
  base: number;
  /** Whole seconds after `base`. */
  starts: Uint32Array;
  ends: Uint32Array;
  length: number;
}

/** Span `i` of a merged list, in epoch ms. */
export function spanAt(spans: MergedSpans, i: number): Span {
  return { start: spans.base + spans.starts[i]! * 1000, end: spans.base + spans.ends[i]! * 1000 };
}

const MAX_SECONDS = 0xffff_ffff;

/**
 * Collects spans without an object per span (busy lists reach tens of thousands of items) and
 * merges them: their union is where more spans have started than ended, so sorting starts and ends
 * separately and sweeping both gives it in O(n log n).
 *
 * Spans are kept as whole seconds after `base` in 32-bit arrays, whose native sort is several times
 * faster than a float sort. Starts round down and ends round up, which changes no answer about
 * spans with whole-second bounds (every candidate, buffer and working-hour bound is whole minutes);
 * spans are clipped to `[base, base + 2³² s)`, so `base` must not be after any instant asked about.
 */
export class SpanCollector {
  private starts: Uint32Array;
  private ends: Uint32Array;
  private count = 0;

  /** `capacity` is a hint (how many spans will likely be added), not a limit. */
  constructor(
    private readonly base: number,
    capacity = 64,
  ) {
    this.starts = new Uint32Array(Math.max(capacity, 1));
    this.ends = new Uint32Array(Math.max(capacity, 1));
  }

  add(start: number, end: number): void {
    const from = Math.max(0, Math.floor((start - this.base) / 1000));
    const to = Math.min(MAX_SECONDS, Math.ceil((end - this.base) / 1000));
    if (to <= from) return;
    if (this.count === this.starts.length) {
      const starts = new Uint32Array(this.count * 2);
      const ends = new Uint32Array(this.count * 2);
      starts.set(this.starts);
      ends.set(this.ends);
      this.starts = starts;
      this.ends = ends;
    }
    this.starts[this.count] = from;
    this.ends[this.count] = to;
    this.count++;
  }

  /** Merges in place (the collector is spent afterwards): the union never has more spans than were read. */
  merge(): MergedSpans {
    const n = this.count;
    const starts = this.starts.subarray(0, n).sort();
    const ends = this.ends.subarray(0, n).sort();
    let length = 0;
    let open = 0;
    let i = 0;
    let j = 0;
    while (j < n) {
      // At equal times a start goes first, so touching spans join. Writing at `length` is safe:
      // length ≤ i and length ≤ j, and only later indexes are still to be read.
      if (i < n && starts[i]! <= ends[j]!) {
        if (open === 0) starts[length] = starts[i]!;
        open++;
        i++;
      } else {
        open--;
        if (open === 0) ends[length++] = ends[j]!;
        j++;
      }
    }
    this.count = 0;
    return { base: this.base, starts, ends, length };
  }
}

/** Merges a few spans given as objects (see SpanCollector for `base`). */
export function mergeSpans(spans: readonly Span[], base: number): MergedSpans {
  const collector = new SpanCollector(base, spans.length);
  for (const span of spans) collector.add(span.start, span.end);
  return collector.merge();
}

/**
 * Answers questions about merged spans for queries that mostly move forward: each answer resumes
 * where the previous one stopped, so a sweep over ascending candidates costs one pass. A query that
 * moves backwards restarts with a binary search.
 */
export class SpanCursor {
  private index = 0;
  private lastFrom = -Infinity;

  constructor(private readonly spans: MergedSpans) {}

  /** The index of the first span that ends after `from`, advancing the cursor. */
  private seek(fromMs: number): number {
    const { ends, length } = this.spans;
    // In the list's own unit: a span ending at second e ends after `fromMs` exactly when e > from.
    const from = (fromMs - this.spans.base) / 1000;
    if (from < this.lastFrom) {
      let low = 0;
      let high = length;
      while (low < high) {
        const middle = (low + high) >>> 1;
        if (ends[middle]! <= from) low = middle + 1;
        else high = middle;
      }
      this.index = low;
    }
    this.lastFrom = from;
    let i = this.index;
    while (i < length && ends[i]! <= from) i++;
    this.index = i;
    return i;
  }

  /** True when `[start, end)` (epoch ms) overlaps some span. */
  overlaps(start: number, end: number): boolean {
    const i = this.seek(start);
    const { base, starts, length } = this.spans;
    return i < length && base + starts[i]! * 1000 < end;
  }

  /** True when `[start, end)` (epoch ms) lies inside one span (spans are merged, so inside the union). */
  contains(start: number, end: number): boolean {
    const i = this.seek(start);
    const { base, starts, ends, length } = this.spans;
    return i < length && base + starts[i]! * 1000 <= start && end <= base + ends[i]! * 1000;
  }
}
