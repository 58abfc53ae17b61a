import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { goalRatio, meetsGoal, type BenchResult, type BenchRow } from './bench-result.js';

// The benchmark harness behind `npm run bench [-- <name>…]`; the shape a benchmark exports is
// documented in bench-result.ts.

const sourceDir = dirname(fileURLToPath(import.meta.url));
const benchDir = dirname(sourceDir);
const resultsJson = join(benchDir, 'results.json');
const resultsMd = join(benchDir, 'results.md');
const SUFFIX = '.bench.ts';

interface StoredResult {
  title: string;
  rows: BenchRow[];
  measuredAt: string;
}

function available(): string[] {
  return readdirSync(sourceDir)
    .filter((file) => file.endsWith(SUFFIX))
    .map((file) => file.slice(0, -SUFFIX.length))
    .sort();
}

function isBenchResult(value: unknown): value is BenchResult {
  const result = value as BenchResult | undefined;
  return (
    typeof result === 'object' &&
    result !== null &&
    typeof result.title === 'string' &&
    Array.isArray(result.rows) &&
    typeof result.json === 'object'
  );
}

async function runOne(name: string): Promise<BenchResult> {
  const module = (await import(pathToFileURL(join(sourceDir, name + SUFFIX)).href)) as {
    run?: () => Promise<unknown>;
  };
  if (typeof module.run !== 'function') throw new Error(`${name}${SUFFIX} does not export run().`);
  const result = await module.run();
  if (!isBenchResult(result))
    throw new Error(`${name}${SUFFIX}: run() did not return { title, rows, json }.`);
  return result;
}

function text(value: number | undefined): string {
  if (value === undefined) return '';
  if (Number.isInteger(value) || Math.abs(value) >= 1000) return String(Math.round(value));
  return value
    .toPrecision(4)
    .replace(/(\.\d*?)0+$/, '$1')
    .replace(/\.$/, '');
}

function tableLines(rows: { figure: string; row: BenchRow }[]): string[] {
  const lines = ['| figure | value | goal | ratio value/goal |', '| --- | ---: | ---: | ---: |'];
  for (const { figure, row } of rows) {
    const goal = row.goal === undefined ? '' : (row.direction === 'atLeast' ? '≥ ' : '≤ ') + text(row.goal);
    const met = meetsGoal(row);
    const ratio = text(goalRatio(row)) + (met === undefined ? '' : met ? ' ✓' : ' ✗');
    lines.push(`| ${figure} | ${text(row.value)} | ${goal} | ${ratio} |`);
  }
  return lines;
}

function printTable(name: string, result: BenchResult): void {
  console.log(`\n${result.title} (${name})`);
  for (const line of tableLines(
    result.rows.map((row) => ({
      figure: row.description ? `${row.figure} — ${row.description}` : row.figure,
      row,
    })),
  )) {
    console.log(line);
  }
}

// results.md carries its own rows as data in a trailing comment, so a single-benchmark run can
// rewrite the table without losing the rows of the benchmarks it did not run.
const DATA_OPEN = '<!-- bench-data ';
const DATA_CLOSE = ' -->';

interface Stored {
  results: Record<string, StoredResult>;
  json: Record<string, BenchResult['json']>;
}

function readStored(): Stored {
  if (!existsSync(resultsMd)) return { results: {}, json: {} };
  const markdown = readFileSync(resultsMd, 'utf8');
  const at = markdown.lastIndexOf(DATA_OPEN);
  if (at < 0) return { results: {}, json: {} };
  const data = markdown.slice(at + DATA_OPEN.length, markdown.indexOf(DATA_CLOSE, at));
  try {
    return JSON.parse(data) as Stored;
  } catch {
    return { results: {}, json: {} };
  }
}

function writeResults(all: Stored): void {
  const stored = all.results;
  // results.json (git-ignored) holds the latest machine-readable figures of every benchmark.
  writeFileSync(resultsJson, JSON.stringify(all.json, null, 2) + '\n');
  const rows = Object.keys(stored)
    .sort()
    .flatMap((name) => stored[name]!.rows.map((row) => ({ figure: `${name}.${row.figure}`, row })));
  const measured = Object.keys(stored)
    .sort()
    .map((name) => `- ${name}: ${stored[name]!.title}, measured ${stored[name]!.measuredAt}`);
  const markdown = [
    '# Benchmark results',
    '',
    'Written by `npm run bench`; each benchmark keeps its rows until it runs again.',
    '',
    ...tableLines(rows),
    '',
    ...measured,
    '',
    DATA_OPEN + JSON.stringify(all) + DATA_CLOSE,
    '',
  ];
  writeFileSync(resultsMd, markdown.join('\n'));
}

async function main(): Promise<number> {
  const all = available();
  const asked = process.argv.slice(2).filter((arg) => !arg.startsWith('-'));
  const unknown = asked.filter((name) => !all.includes(name));
  if (unknown.length > 0) {
    console.error(`Unknown benchmark(s): ${unknown.join(', ')}. Available: ${all.join(', ')}.`);
    return 2;
  }
  const names = asked.length > 0 ? asked : all;
  const stored = readStored();
  const results: Record<string, BenchResult> = {};
  for (const name of names) {
    const result = await runOne(name);
    results[name] = result;
    printTable(name, result);
    // measuredAt is the harness's own record keeping, not a benchmark figure.
    stored.results[name] = { title: result.title, rows: result.rows, measuredAt: new Date().toISOString() };
    stored.json[name] = result.json;
    writeResults(stored);
  }
  console.log('');
  const only = names.length === 1 ? results[names[0]!]!.json : undefined;
  console.log(JSON.stringify(only ?? Object.fromEntries(names.map((name) => [name, results[name]!.json]))));
  return 0;
}

// Exit once output is flushed: a benchmark that leaves a server or timer behind must not hang the run.
const exit = (code: number) => process.stdout.write('', () => process.exit(code));
main().then(exit, (error: unknown) => {
  console.error(error);
  exit(1);
});
