import { performance } from 'node:perf_hooks';

export interface TimingOptions {
  /** Runs discarded before measuring, so the JIT has compiled the hot paths. */
  warmup: number;
  /** Measured runs; the median of these is reported. */
  runs: number;
}

export function median(values: readonly number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = sorted.length >> 1;
  return sorted.length % 2 === 1 ? sorted[middle]! : (sorted[middle - 1]! + sorted[middle]!) / 2;
}

export function percentile(values: readonly number[], p: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1))]!;
}

/** Milliseconds of each measured run of `work`. */
export function timeRuns(work: () => unknown, options: TimingOptions): number[] {
  for (let i = 0; i < options.warmup; i++) work();
  const times: number[] = [];
  for (let i = 0; i < options.runs; i++) {
    const started = performance.now();
    work();
    times.push(performance.now() - started);
  }
  return times;
}

/** Rounds for display and JSON: three significant decimals are plenty for milliseconds. */
export function round(value: number, decimals = 3): number {
  const factor = 10 ** decimals;
  return Math.round(value * factor) / factor;
}
