// Azurite as a process of the local stack (`npm start`): fixed ports, data kept under
// TANDEM_AZURITE_DIR when set (in memory otherwise). Stops cleanly on SIGINT/SIGTERM.
import { startAzurite } from './index.js';

function port(name: string, fallback: number): number {
  const raw = process.env[name];
  if (raw === undefined || raw === '') return fallback;
  const value = Number(raw);
  if (!Number.isInteger(value) || value < 0 || value > 65_535) {
    throw new Error(`${name} must be a port number (0–65535), got "${raw}".`);
  }
  return value;
}

const storage = await startAzurite({
  tablePort: port('TANDEM_AZURITE_TABLE_PORT', 10002),
  queuePort: port('TANDEM_AZURITE_QUEUE_PORT', 10001),
  dataDir: process.env.TANDEM_AZURITE_DIR || undefined,
});
console.log(`Azurite tables at ${storage.tableEndpoint}, queues at ${storage.queueEndpoint}`);
console.log(`AzureWebJobsStorage=${storage.connectionString}`);

const stop = () => void storage.stop().then(() => process.exit(0));
process.once('SIGINT', stop);
process.once('SIGTERM', stop);
