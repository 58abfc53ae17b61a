import { parseArgs } from 'node:util';
import { startEmulator } from './index.js';

// Runs the emulator on its own: `node --import tsx dev/src/m365-emulator/main.ts --port 8443 --state .tandem/m365.json`.
const { values } = parseArgs({
  options: {
    port: { type: 'string', default: '0' },
    state: { type: 'string' },
  },
});
const port = Number(values.port);
if (!Number.isInteger(port) || port < 0 || port > 65535) {
  console.error(`--port must be a port number, got '${values.port}'`);
  process.exit(2);
}

const emulator = await startEmulator({ port, ...(values.state ? { stateFile: values.state } : {}) });
console.log(`Microsoft 365 emulator on ${emulator.origin}`);
console.log(`  Graph:     ${emulator.graphBaseUrl}`);
console.log(`  Authority: ${emulator.authorityHost}/${emulator.tenantId}`);
console.log(`  CA:        ${emulator.caCertPath} (NODE_EXTRA_CA_CERTS)`);

const shutdown = () => {
  void emulator.stop().then(() => process.exit(0));
};
process.once('SIGINT', shutdown);
process.once('SIGTERM', shutdown);
