import { availableSlots, type AvailabilityQuery, type Slot } from '@tandem/api/scheduling';
import { availableParallelism, loadavg } from 'node:os';
import type { BenchResult, BenchRow } from './bench-result.js';
import { roundRobinQuery, singleHostQuery } from './engine-inputs.js';
import { median, percentile, round, timeRuns } from './timing.js';

const RUNS = { warmup: 15, runs: 41 };
const ORACLE_RUNS = { warmup: 1, runs: 3 };

type OracleModule = { oracleSlots: (query: AvailabilityQuery) => Slot[] };

/** The brute-force oracle of the engine's tests, when it is part of this checkout. */
async function loadOracle(): Promise<OracleModule | undefined> {
  try {
    // A computed specifier: the oracle is test code, absent from builds that ship without tests.
    const specifier = '@tandem/api/scheduling/testing';
    const module = (await import(specifier)) as Partial<OracleModule>;
    return typeof module.oracleSlots === 'function' ? (module as OracleModule) : undefined;
  } catch {
    return undefined;
  }
}

/**
 * Scheduling engine speed on seeded synthetic calendars: one host over 60 days with 3,000 busy
 * items, a 50-member round-robin team over 30 days with 25,000, growth from 3,000 to 48,000 items,
 * and the minute-by-minute oracle's time on the single-host input for scale.
 */
export async function run(): Promise<BenchResult> {
  const single = singleHostQuery(3_000);
  const single16 = singleHostQuery(48_000);
  const team = roundRobinQuery(50, 25_000);

  const singleTimes = timeRuns(() => availableSlots(single), RUNS);
  const single16Times = timeRuns(() => availableSlots(single16), RUNS);
  const teamTimes = timeRuns(() => availableSlots(team), RUNS);
  const singleP50 = median(singleTimes.wall);
  const teamP50 = median(teamTimes.wall);
  const growth = median(single16Times.wall) / singleP50;

  const rows: BenchRow[] = [
    {
      figure: 'single_p50_ms',
      value: round(singleP50),
      goal: 2,
      description: 'one host, 60 days, 3 calendars, 3,000 busy items, 30-min slots (p50 ms)',
    },
    {
      figure: 'team_p50_ms',
      value: round(teamP50),
      goal: 25,
      description: '50-member round-robin, 30 days, 25,000 busy items (p50 ms)',
    },
    {
      figure: 'growth_16x',
      value: round(growth, 2),
      goal: 24,
      description: 'p50 at 48,000 items / p50 at 3,000 items',
    },
  ];
  const json: BenchResult['json'] = {
    single_p50_ms: round(singleP50),
    team_p50_ms: round(teamP50),
    growth_16x: round(growth, 2),
    single_p95_ms: round(percentile(singleTimes.wall, 95)),
    team_p95_ms: round(percentile(teamTimes.wall, 95)),
    single_16x_p50_ms: round(median(single16Times.wall)),
    single_cpu_p50_ms: round(median(singleTimes.cpu)),
    team_cpu_p50_ms: round(median(teamTimes.cpu)),
    growth_16x_cpu: round(median(single16Times.cpu) / median(singleTimes.cpu), 2),
    single_slots: availableSlots(single).length,
    team_slots: availableSlots(team).length,
    runs: RUNS.runs,
    // Wall times on a shared machine stretch with its load; these say how busy it was.
    load_average_1m: round(loadavg()[0]!, 2),
    cores: availableParallelism(),
  };

  const oracle = await loadOracle();
  if (oracle !== undefined) {
    let oracleAnswer: Slot[] = [];
    const oracleP50 = median(timeRuns(() => (oracleAnswer = oracle.oracleSlots(single)), ORACLE_RUNS).wall);
    // A fast wrong answer is worth nothing: the same run checks the engine gives the oracle's slots.
    json.oracle_agrees = JSON.stringify(oracleAnswer) === JSON.stringify(availableSlots(single));
    const ratio = oracleP50 / singleP50;
    rows.push({
      figure: 'oracle_ratio',
      value: round(ratio, 1),
      description: 'oracle time / engine time, same single-host input',
    });
    json.oracle_ratio = round(ratio, 1);
    json.oracle_p50_ms = round(oracleP50, 1);
  } else {
    json.oracle_ratio = null;
  }
  return { title: 'Scheduling engine', rows, json };
}
