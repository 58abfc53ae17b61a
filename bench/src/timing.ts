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

export interface RunTimes {
  /** Wall-clock milliseconds of each measured run: what a caller waits. */
  wall: number[];
  /**
   * CPU milliseconds the process spent in each run (all its threads, so GC helpers count). On a
   * machine shared with other work this shows the code's own cost when wall time is inflated by
   * waiting for a core.
   */
  cpu: number[];
}

/** Times each measured run of `work`. */
export function timeRuns(work: () => unknown, options: TimingOptions): RunTimes {
  for (let i = 0; i < options.warmup; i++) work();
  const wall: number[] = [];
  const cpu: number[] = [];
  for (let i = 0; i < options.runs; i++) {
    const cpuStarted = process.cpuUsage();
    const started = performance.now();
    work();
    wall.push(performance.now() - started);
    const used = process.cpuUsage(cpuStarted);
    cpu.push((used.user + used.system) / 1000);
  }
  return { wall, cpu };
}

/** Rounds for display and JSON: three significant decimals are plenty for milliseconds. */
export function round(value: number, decimals = 3): number {
  const factor = 10 ** decimals;
  return Math.round(value * factor) / factor;
}
