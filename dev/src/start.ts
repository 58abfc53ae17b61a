// `npm start`: the whole local stack on one machine, no cloud. Starts every service of the stack that
// exists, waits until each answers, prints where to go, and stops everything on Ctrl-C. Data is kept
// under .tandem/data for the next start; `npm start -- --reset` starts clean.
import { mkdirSync, rmSync } from 'node:fs';
import { resolve } from 'node:path';
import { ensureCertificates } from './m365-emulator/index.js';
import { demoPageKinds, emulatorSignIn, ensureDemoPages, type DemoPageLink } from './stack/demo-pages.js';
import { takenPorts } from './stack/ports.js';
import { registerBotWithEmulator } from './stack/register-bot.js';
import { presentServices, startService, waitUntilReady, type RunningService } from './stack/service.js';
import { botSettings, stackPorts, stackServices, stackUrls, type StackLayout } from './stack/layout.js';

const root = resolve(import.meta.dirname, '../..');
const layout: StackLayout = { root, dataDir: resolve(root, '.tandem/data') };

if (process.argv.includes('--reset')) rmSync(layout.dataDir, { recursive: true, force: true });
mkdirSync(layout.dataDir, { recursive: true });

const specs = presentServices(stackServices(layout));
const busy = await takenPorts(specs.flatMap((s) => s.ports));
if (busy.length > 0) {
  const owners = busy.map((port) => `${port} (${specs.find((s) => s.ports.includes(port))?.name})`);
  console.error(
    busy.length === 1
      ? `Port ${owners[0]} is already in use: stop whatever holds it (perhaps another npm start).`
      : `Ports ${owners.join(', ')} are already in use: stop whatever holds them (perhaps another npm start).`,
  );
  process.exit(1);
}

// Every service talks HTTPS to the emulator, so every child trusts its locally generated CA.
const tls = await ensureCertificates();
const childEnv = { ...process.env, NODE_EXTRA_CA_CERTS: tls.caCertPath };

const running: RunningService[] = [];
let stopping = false;
function stopAll(code: number): void {
  if (stopping) return;
  stopping = true;
  for (const { child } of running) if (child.exitCode === null) child.kill('SIGTERM');
  setTimeout(() => process.exit(code), 1_500).unref();
  Promise.all(running.map(({ child }) => new Promise((done) => child.once('exit', done)))).then(() =>
    process.exit(code),
  );
}
process.on('SIGINT', () => stopAll(0));
process.on('SIGTERM', () => stopAll(0));

// Services start in order: each later one may need the earlier ones (storage and identity first).
for (const [index, spec] of specs.entries()) {
  const service = startService(spec, index, childEnv);
  running.push(service);
  service.child.once('exit', (code) => {
    if (!stopping) {
      console.error(`${spec.name} stopped (exit ${code}); stopping the stack.`);
      stopAll(1);
    }
  });
  try {
    await waitUntilReady(service);
    if (spec.name === 'bot') await registerBot();
  } catch (error) {
    console.error(error instanceof Error ? error.message : error);
    stopAll(1);
  }
}

if (!stopping) {
  const pages =
    specs.some((s) => s.name === 'web') && specs.some((s) => s.name === 'api') ? await demoPages() : [];
  const urls = stackUrls(layout, specs);
  // Adele's booking pages are grouped under one heading, the rest one line each.
  const rows: [string, string][] = [
    ...(pages.length > 0 ? [['Booking pages (public, by Adele Vance):', ''] as [string, string]] : []),
    ...pages.map((p): [string, string] => [`  ${p.title} (${demoPageKinds[p.kind]})`, p.url]),
    ...Object.entries(urls),
  ];
  const width = Math.max(...rows.map(([what]) => what.length)) + 2;
  console.log('\nTandem is running. Ctrl-C stops everything.\n');
  for (const [what, url] of rows) console.log(`  ${what.padEnd(width)} ${url}`.trimEnd());
  console.log('');
}

/** Points the emulated Teams channel at the local bot (its messaging endpoint and app id). */
function registerBot(): Promise<void> {
  return registerBotWithEmulator({
    emulatorOrigin: `https://localhost:${stackPorts.emulator}`,
    caCertPath: tls.caCertPath,
    endpoint: `http://127.0.0.1:${stackPorts.bot}/api/messages`,
    appId: botSettings().TANDEM_BOT_APP_ID!,
  });
}

/** Adele's demo pages, made through the API on the first start (found by slug afterwards). */
async function demoPages(): Promise<DemoPageLink[]> {
  try {
    return await ensureDemoPages({
      apiOrigin: `http://127.0.0.1:${stackPorts.api}`,
      webOrigin: `http://127.0.0.1:${stackPorts.web}`,
      signIn: emulatorSignIn({
        emulatorOrigin: `https://localhost:${stackPorts.emulator}`,
        caCertPath: tls.caCertPath,
      }),
    });
  } catch (error) {
    console.error(
      `The demo booking pages could not be prepared: ${error instanceof Error ? error.message : error}`,
    );
    return [];
  }
}
