// The front end as a process of the local stack (`npm start`): Vite's dev server over addin/, on a fixed
// port, with the build inputs (VITE_TANDEM_*) that the stack passes in the environment.
import { fileURLToPath } from 'node:url';
import { createServer } from 'vite';

const root = fileURLToPath(new URL('../../../addin/', import.meta.url));
const port = Number(process.env.TANDEM_WEB_PORT || 5173);

const server = await createServer({
  root,
  configFile: `${root}vite.config.ts`,
  server: { host: '127.0.0.1', port, strictPort: true },
  clearScreen: false,
  logLevel: 'warn',
});
await server.listen();
console.log(`Front end at http://127.0.0.1:${port}/`);

const stop = () => void server.close().then(() => process.exit(0));
process.once('SIGINT', stop);
process.once('SIGTERM', stop);
