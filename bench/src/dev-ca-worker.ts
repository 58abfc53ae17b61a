import { spawn } from 'node:child_process';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { ensureCertificates } from '@tandem/dev/m365-emulator';

/**
 * Runs `bench/src/<file>` in a child process that trusts the emulator's dev CA (Node reads
 * NODE_EXTRA_CA_CERTS only at start, and the Graph client and MSAL must trust it) and returns the JSON
 * object the worker prints as its last line.
 */
export async function runDevCaWorker<T>(file: string, what: string): Promise<T> {
  const tls = await ensureCertificates();
  const worker = join(dirname(fileURLToPath(import.meta.url)), file);
  const child = spawn(process.execPath, ['--conditions=tandem-source', '--import', 'tsx', worker], {
    env: { ...process.env, NODE_EXTRA_CA_CERTS: tls.caCertPath },
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  let out = '';
  child.stdout.on('data', (chunk: Buffer) => (out += chunk.toString('utf8')));
  const code = await new Promise<number | null>((resolve) => child.on('exit', resolve));
  const last = out.trim().split('\n').at(-1) ?? '';
  if (code !== 0 || !last.startsWith('{'))
    throw new Error(`The ${what} benchmark worker failed (exit ${code}).`);
  return JSON.parse(last) as T;
}
