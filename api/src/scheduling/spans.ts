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
 * Sorts spans and joins those that overlap or touch, dropping empty ones: the result is ascending
 * by start and by end, which lets a cursor sweep it once.
 */
export function mergeSpans(spans: Span[]): Span[] {
  const sorted = spans.filter((span) => span.end > span.start).sort((a, b) => a.start - b.start);
  const merged: Span[] = [];
  for (const span of sorted) {
    const last = merged[merged.length - 1];
    if (last !== undefined && span.start <= last.end) {
      if (span.end > last.end) last.end = span.end;
    } else {
      merged.push({ start: span.start, end: span.end });
    }
  }
  return merged;
}

/**
 * Answers questions about a merged span list for queries that mostly move forward: each answer
 * resumes where the previous one stopped, so a sweep over ascending candidates costs one pass. A
 * query that moves backwards restarts with a binary search.
 */
export class SpanCursor {
  private index = 0;
  private lastFrom = -Infinity;

  constructor(private readonly spans: readonly Span[]) {}

  /** The first span that ends after `from` (index into the list), advancing the cursor. */
  private seek(from: number): number {
    const spans = this.spans;
    if (from < this.lastFrom) {
      let low = 0;
      let high = spans.length;
      while (low < high) {
        const middle = (low + high) >>> 1;
        if (spans[middle]!.end <= from) low = middle + 1;
        else high = middle;
      }
      this.index = low;
    }
    this.lastFrom = from;
    let i = this.index;
    while (i < spans.length && spans[i]!.end <= from) i++;
    this.index = i;
    return i;
  }

  /** True when `[start, end)` overlaps some span. */
  overlaps(start: number, end: number): boolean {
    const span = this.spans[this.seek(start)];
    return span !== undefined && span.start < end;
  }

  /** True when `[start, end)` lies inside one span (spans are merged, so inside the union). */
  contains(start: number, end: number): boolean {
    const span = this.spans[this.seek(start)];
    return span !== undefined && span.start <= start && end <= span.end;
  }
}
