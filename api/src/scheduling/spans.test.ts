import { mergeSpans, spanAt, SpanCursor, type Span } from './spans.js';

const MIN = 60_000;
const BASE = Date.UTC(2026, 2, 2);
/** Minutes after BASE → a span. */
const span = (from: number, to: number): Span => ({ start: BASE + from * MIN, end: BASE + to * MIN });
const asMinutes = (spans: ReturnType<typeof mergeSpans>) =>
  Array.from({ length: spans.length }, (_, i) => spanAt(spans, i)).map((s) => [
    (s.start - BASE) / MIN,
    (s.end - BASE) / MIN,
  ]);

describe('mergeSpans', () => {
  test.each([
    [
      'disjoint stay apart',
      [span(0, 10), span(20, 30)],
      [
        [0, 10],
        [20, 30],
      ],
    ],
    ['touching join', [span(0, 10), span(10, 20)], [[0, 20]]],
    ['overlapping join', [span(0, 15), span(10, 20)], [[0, 20]]],
    ['contained disappear', [span(0, 30), span(10, 20)], [[0, 30]]],
    [
      'order does not matter',
      [span(40, 50), span(0, 10), span(5, 12)],
      [
        [0, 12],
        [40, 50],
      ],
    ],
    ['empty spans are dropped', [span(5, 5), span(20, 30)], [[20, 30]]],
    ['a chain joins into one', [span(0, 10), span(30, 40), span(10, 30)], [[0, 40]]],
    ['nothing in, nothing out', [], []],
  ])('%s', (_name, spans, expected) => {
    expect(asMinutes(mergeSpans(spans, BASE))).toEqual(expected);
  });

  it('keeps instants with seconds exact for whole-minute questions', () => {
    const merged = mergeSpans([{ start: BASE + 30_500, end: BASE + 60_500 }], BASE);
    const cursor = new SpanCursor(merged);
    expect(cursor.overlaps(BASE, BASE + 30_000)).toBe(false); // ends where the span starts (to the second)
    expect(cursor.overlaps(BASE + 60_000, BASE + 120_000)).toBe(true); // the last half second overlaps
  });
});

describe('SpanCursor', () => {
  const cursor = () => new SpanCursor(mergeSpans([span(10, 20), span(30, 40)], BASE));

  test.each([
    // [from, to) in minutes, overlaps, contained
    [0, 10, false, false],
    [5, 11, true, false],
    [10, 20, true, true],
    [12, 18, true, true],
    [19, 31, true, false],
    [20, 30, false, false],
    [40, 50, false, false],
    [35, 45, true, false],
  ])('[%i, %i) overlaps: %s, inside one span: %s', (from, to, overlaps, contained) => {
    expect(cursor().overlaps(BASE + from * MIN, BASE + to * MIN)).toBe(overlaps);
    expect(cursor().contains(BASE + from * MIN, BASE + to * MIN)).toBe(contained);
  });

  it('answers a sweep forward and then a question further back', () => {
    const c = cursor();
    expect([0, 12, 25, 33, 45].map((m) => c.overlaps(BASE + m * MIN, BASE + (m + 1) * MIN))).toEqual([
      false,
      true,
      false,
      true,
      false,
    ]);
    expect(c.contains(BASE + 11 * MIN, BASE + 12 * MIN)).toBe(true);
  });
});
