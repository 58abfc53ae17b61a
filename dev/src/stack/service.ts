import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync } from 'node:fs';
import { setTimeout as delay } from 'node:timers/promises';

/** One process of the local stack. */
export interface ServiceSpec {
  name: string;
  /** A TypeScript entry run with tsx and the tandem-source condition. */
  entry: string;
  args?: string[];
  env?: Record<string, string>;
  /** Ports the service binds; checked before anything starts. */
  ports: number[];
  /** Polled until it answers (any HTTP status counts: the service is up). */
  readyUrl: string;
}

export interface RunningService {
  spec: ServiceSpec;
  child: ChildProcess;
}

const colours = [36, 35, 33, 32, 34, 31];

/** Starts a service as a child process whose output is prefixed with its name. */
export function startService(spec: ServiceSpec, index: number, env: NodeJS.ProcessEnv): RunningService {
  const child = spawn(
    process.execPath,
    ['--conditions=tandem-source', '--import', 'tsx', spec.entry, ...(spec.args ?? [])],
    { env: { ...env, ...spec.env }, stdio: ['ignore', 'pipe', 'pipe'] },
  );
  const prefix = `\x1b[${colours[index % colours.length]}m${spec.name.padEnd(10)}\x1b[0m│ `;
  const relay = (stream: NodeJS.WritableStream) => (chunk: Buffer) => {
    for (const line of chunk.toString().split('\n')) if (line.trim()) stream.write(prefix + line + '\n');
  };
  child.stdout?.on('data', relay(process.stdout));
  child.stderr?.on('data', relay(process.stderr));
  return { spec, child };
}

/** Waits until the service's readiness URL answers, failing early if its process exits. */
export async function waitUntilReady(service: RunningService, timeoutMs = 60_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  let exited = false;
  service.child.once('exit', () => (exited = true));
  while (Date.now() < deadline) {
    if (exited) throw new Error(`${service.spec.name} exited before it was ready (see its log above).`);
    try {
      await fetch(service.spec.readyUrl, { signal: AbortSignal.timeout(2_000) });
      return;
    } catch {
      await delay(200);
    }
  }
  throw new Error(
    `${service.spec.name} did not answer at ${service.spec.readyUrl} within ${timeoutMs / 1000} s.`,
  );
}

/** Keeps only the services whose entry file exists: the stack grows as the product does. */
export function presentServices(specs: readonly ServiceSpec[]): ServiceSpec[] {
  return specs.filter((spec) => existsSync(spec.entry));
}
