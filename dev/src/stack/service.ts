import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync } from 'node:fs';
import { connect } from 'node:net';
import { createInterface } from 'node:readline';
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
  /** The port that accepts connections once the service is ready (servers listen after their setup). */
  readyPort: number;
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
  // Colour only on a terminal: escape codes make a log written to a file hard to read.
  const name = spec.name.padEnd(10);
  const prefix = `${process.stdout.isTTY ? `\x1b[${colours[index % colours.length]}m${name}\x1b[0m` : name}│ `;
  // Whole lines only: a chunk may end mid-line, and half a line under each prefix is unreadable.
  const relay = (from: NodeJS.ReadableStream | null, to: NodeJS.WritableStream) => {
    if (!from) return;
    createInterface({ input: from, crlfDelay: Infinity }).on('line', (line) => {
      if (line.trim()) to.write(prefix + line + '\n');
    });
  };
  relay(child.stdout, process.stdout);
  relay(child.stderr, process.stderr);
  return { spec, child };
}

/** Waits until the service accepts connections on its ready port, failing early if its process exits. */
export async function waitUntilReady(service: RunningService, timeoutMs = 60_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  let exited = false;
  service.child.once('exit', () => (exited = true));
  while (Date.now() < deadline) {
    if (exited) throw new Error(`${service.spec.name} exited before it was ready (see its log above).`);
    if (await accepts(service.spec.readyPort)) return;
    await delay(200);
  }
  throw new Error(
    `${service.spec.name} did not listen on port ${service.spec.readyPort} within ${timeoutMs / 1000} s.`,
  );
}

/** Keeps only the services whose entry file exists: the stack grows as the product does. */
export function presentServices(specs: readonly ServiceSpec[]): ServiceSpec[] {
  return specs.filter((spec) => existsSync(spec.entry));
}

function accepts(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = connect({ port, host: '127.0.0.1' });
    socket.once('connect', () => {
      socket.destroy();
      resolve(true);
    });
    socket.once('error', () => resolve(false));
  });
}
