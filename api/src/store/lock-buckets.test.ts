import { lockBuckets, lockRowKey } from './lock-buckets.js';

const at = (time: string) => `2026-04-15T${time}:00.000Z`;
const keys = (start: string, end: string, before = 0, after = 0) =>
  lockBuckets({ start: at(start), end: at(end), bufferBeforeMinutes: before, bufferAfterMinutes: after }).map(
    (b) => lockRowKey(b).slice('lock|2026-04-15T'.length, -'.000Z'.length - 3),
  );

describe('lock buckets', () => {
  test.each([
    ['an aligned half hour', '09:00', '09:30', 0, 0, ['09:00', '09:05', '09:10', '09:15', '09:20', '09:25']],
    ['buffers widen the span', '09:00', '09:10', 5, 10, ['08:55', '09:00', '09:05', '09:10', '09:15']],
    ['odd minutes lock every bucket touched', '09:02', '09:07', 0, 0, ['09:00', '09:05']],
    ['an end on a boundary does not take the next bucket', '09:03', '09:10', 0, 0, ['09:00', '09:05']],
  ])('%s', (_name, start, end, before, after, expected) => {
    expect(keys(start, end, before, after)).toEqual(expected);
  });

  it('refuses a span that ends before it starts', () => {
    expect(() => keys('10:00', '09:00')).toThrow(RangeError);
  });
});
