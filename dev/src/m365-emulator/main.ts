import { existsSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { DEMO_API_APP, DEMO_WEB_APP, seedDemoTenant } from './demo-tenant.js';
import { EmulatorStore, startEmulator } from './index.js';

// Runs the emulator on its own:
//   node --import tsx dev/src/m365-emulator/main.ts --port 4443 --state .tandem/data/m365.json [--empty]
// A new state starts with the demo tenant unless --empty is given.
const { values } = parseArgs({
  options: {
    port: { type: 'string', default: '0' },
    state: { type: 'string' },
    empty: { type: 'boolean', default: false },
  },
});
const port = Number(values.port);
if (!Number.isInteger(port) || port < 0 || port > 65535) {
  console.error(`--port must be a port number, got '${values.port}'`);
  process.exit(2);
}

const store = new EmulatorStore();
if (values.state && existsSync(values.state)) store.loadFromFile(values.state);
if (!values.empty) seedDemoTenant(store);

const emulator = await startEmulator({ port, store, ...(values.state ? { stateFile: values.state } : {}) });
// The seeded (or loaded) state is written at once, so a crash does not lose the demo calendars' ids.
emulator.save();
console.log(`Microsoft 365 emulator on ${emulator.origin}`);
console.log(`  Graph:     ${emulator.graphBaseUrl}`);
console.log(`  Authority: ${emulator.authorityHost}/${emulator.tenantId}`);
console.log(`  CA:        ${emulator.caCertPath} (NODE_EXTRA_CA_CERTS)`);
if (!values.empty) {
  console.log(`  API app:   ${DEMO_API_APP.clientId} (${DEMO_API_APP.identifierUri}/access_as_user)`);
  console.log(`  Web app:   ${DEMO_WEB_APP.clientId}`);
  console.log(
    `  Users:     ${store
      .listUsers()
      .map((u) => u.userPrincipalName)
      .join(', ')}`,
  );
}

const shutdown = () => {
  void emulator.stop().then(() => process.exit(0));
};
process.once('SIGINT', shutdown);
process.once('SIGTERM', shutdown);
