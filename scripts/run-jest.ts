// `npm test`: makes sure the dev CA of the Microsoft 365 emulator exists, then runs jest with Node
// trusting it (NODE_EXTRA_CA_CERTS is read only at process start, so the child gets it from here).
// Arguments pass through to jest; jest's exit code is ours.
import { spawn } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { ensureCertificates } from '@tandem/dev/m365-emulator';

const root = fileURLToPath(new URL('..', import.meta.url));
const tls = await ensureCertificates();

let caFile = tls.caCertPath;
const inherited = process.env.NODE_EXTRA_CA_CERTS;
if (inherited && inherited !== tls.caCertPath) {
  // Node takes one file: keep the certificates the caller already trusts and add ours.
  caFile = join(tls.dir, 'extra-ca-bundle.pem');
  writeFileSync(
    caFile,
    `${readFileSync(inherited, 'utf8').trimEnd()}\n${readFileSync(tls.caCertPath, 'utf8')}`,
  );
}

const child = spawn(
  process.execPath,
  [
    '--conditions=tandem-source',
    '--experimental-vm-modules',
    '--no-warnings=ExperimentalWarning',
    join(root, 'node_modules/jest/bin/jest.js'),
    ...process.argv.slice(2),
  ],
  { stdio: 'inherit', env: { ...process.env, NODE_EXTRA_CA_CERTS: caFile } },
);

for (const signal of ['SIGINT', 'SIGTERM'] as const) {
  process.on(signal, () => child.kill(signal));
}
child.on('exit', (code, signal) => {
  process.exit(code ?? (signal ? 1 : 0));
});
