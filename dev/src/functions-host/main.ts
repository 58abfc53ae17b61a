// `npm start`: the API on a fixed port against local Azurite (or any AzureWebJobsStorage set).
import { azuriteConnectionString } from '../azurite/index.js';
import { createServices, lazyServices } from '@tandem/api/functions';
import { startFunctionsHost } from './index.js';

const env = { ...process.env };
env.AzureWebJobsStorage ||= azuriteConnectionString({
  tablePort: Number(env.TANDEM_AZURITE_TABLE_PORT || 10002),
  queuePort: Number(env.TANDEM_AZURITE_QUEUE_PORT || 10001),
});

const host = await startFunctionsHost({
  services: lazyServices(() => createServices(env)),
  env,
  port: Number(env.TANDEM_API_PORT || 7071),
  corsOrigins: (env.TANDEM_CORS_ORIGINS || '*').split(',').map((o) => o.trim()),
});
console.log(`Functions host at ${host.url}/api/ (OpenAPI: ${host.url}/api/openapi.json)`);

const stop = () => void host.stop().then(() => process.exit(0));
process.once('SIGINT', stop);
process.once('SIGTERM', stop);
