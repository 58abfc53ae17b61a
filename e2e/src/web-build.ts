// The front end as a visitor's browser gets it: a production Vite build of addin/ with the stack's
// build inputs baked in, served as static files on a free loopback port.
import { spawn } from 'node:child_process';
import { createReadStream } from 'node:fs';
import { mkdtemp, rm, stat } from 'node:fs/promises';
import { createServer, type Server } from 'node:http';
import { createRequire } from 'node:module';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { dirname, extname, join, normalize, resolve, sep } from 'node:path';
import { fileURLToPath } from 'node:url';

const addinDir = fileURLToPath(new URL('../../addin/', import.meta.url));

/** The `VITE_TANDEM_*` inputs the front end reads at build time (see addin/src/config.ts). */
export interface FrontEndInputs {
  apiBaseUrl: string;
  aadClientId: string;
  apiScope: string;
  authority: string;
}

export interface BuiltFrontEnd {
  dir: string;
  remove(): Promise<void>;
}

/** Runs `vite build` for addin/ into a fresh temporary folder (the checkout's addin/dist is left alone). */
export async function buildFrontEnd(inputs: FrontEndInputs): Promise<BuiltFrontEnd> {
  // vite's package exports do not name its command; its folder is found through its package.json.
  const vite = join(
    dirname(createRequire(join(addinDir, 'package.json')).resolve('vite/package.json')),
    'bin/vite.js',
  );
  const dir = await mkdtemp(join(tmpdir(), 'tandem-web-'));
  const child = spawn(
    process.execPath,
    [vite, 'build', '--outDir', dir, '--emptyOutDir', '--logLevel', 'warn'],
    {
      cwd: addinDir,
      env: {
        ...process.env,
        VITE_TANDEM_API_BASE_URL: inputs.apiBaseUrl,
        VITE_TANDEM_AAD_CLIENT_ID: inputs.aadClientId,
        VITE_TANDEM_API_SCOPE: inputs.apiScope,
        VITE_TANDEM_AUTHORITY: inputs.authority,
      },
      stdio: ['ignore', 'pipe', 'pipe'],
    },
  );
  let output = '';
  child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString('utf8')));
  child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString('utf8')));
  const code = await new Promise<number | null>((done) => child.on('exit', done));
  if (code !== 0) {
    await rm(dir, { recursive: true, force: true });
    throw new Error(`The front-end build failed (exit ${code}):\n${output}`);
  }
  return { dir, remove: () => rm(dir, { recursive: true, force: true }) };
}

const contentTypes: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json',
  '.png': 'image/png',
  '.svg': 'image/svg+xml',
  '.ico': 'image/x-icon',
  '.woff2': 'font/woff2',
  '.map': 'application/json',
};

export interface StaticSite {
  /** `http://127.0.0.1:{port}` */
  origin: string;
  stop(): Promise<void>;
}

/** Serves a folder over HTTP on a free port (`/` is index.html), as a static web host would. */
export async function serveStatic(dir: string): Promise<StaticSite> {
  const root = resolve(dir);
  const server: Server = createServer((req, res) => {
    const path = decodeURIComponent(new URL(req.url ?? '/', 'http://localhost').pathname);
    const file = normalize(join(root, path.endsWith('/') ? `${path}index.html` : path));
    if (!file.startsWith(root + sep)) {
      res.writeHead(403).end();
      return;
    }
    stat(file).then(
      (info) => {
        if (!info.isFile()) {
          res.writeHead(404).end();
          return;
        }
        const type = contentTypes[extname(file)] ?? 'application/octet-stream';
        // Hashed assets may be cached; pages are always revalidated, as a static host serves them.
        const cache = path.startsWith('/assets/') ? 'public, max-age=31536000, immutable' : 'no-cache';
        res.writeHead(200, { 'content-type': type, 'content-length': info.size, 'cache-control': cache });
        createReadStream(file).pipe(res);
      },
      () => res.writeHead(404, { 'content-type': 'text/plain' }).end('Not found'),
    );
  });
  await new Promise<void>((done, fail) => {
    server.once('error', fail);
    server.listen(0, '127.0.0.1', () => done());
  });
  const { port } = server.address() as AddressInfo;
  return {
    origin: `http://127.0.0.1:${port}`,
    async stop() {
      server.closeAllConnections();
      await new Promise<void>((done) => server.close(() => done()));
    },
  };
}
