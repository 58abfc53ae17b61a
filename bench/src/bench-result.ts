/**
 * The shape every benchmark shares. A benchmark is a file `bench/src/<name>.bench.ts` exporting
 *
 *   export async function run(): Promise<BenchResult>
 *
 * `npm run bench` runs every such file in name order; `npm run bench -- <name> [<name>…]` runs
 * only those. The harness prints each result's table, records its rows in bench/results.md (rows
 * of the benchmarks not run this time are kept), and prints `json` as the very last line of a
 * single-benchmark run (all results keyed by name when several ran), so scripts can read it.
 */
export interface BenchResult {
  /** A heading for the human table, e.g. "Scheduling engine". */
  title: string;
  rows: BenchRow[];
  /** Flat figures for machines: `{ "single_p50_ms": 0.8, … }`. */
  json: Record<string, number | string | boolean | null>;
}

export interface BenchRow {
  /** The figure's key (usually the same as in `json`), e.g. `single_p50_ms`. */
  figure: string;
  value: number;
  /** A short human description, e.g. "one host, 60 days, 3,000 busy items (p50)". */
  description?: string;
  /** The goal the value is measured against, if any. */
  goal?: number;
  /** `atMost` (default): lower is better, met when value ≤ goal. `atLeast`: met when value ≥ goal. */
  direction?: 'atMost' | 'atLeast';
}

/** value / goal, so ≤ 1 meets an `atMost` goal and ≥ 1 meets an `atLeast` one. */
export function goalRatio(row: BenchRow): number | undefined {
  return row.goal === undefined || row.goal === 0 ? undefined : row.value / row.goal;
}

export function meetsGoal(row: BenchRow): boolean | undefined {
  if (row.goal === undefined) return undefined;
  return row.direction === 'atLeast' ? row.value >= row.goal : row.value <= row.goal;
}
