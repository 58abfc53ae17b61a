import { readFileSync, readdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import react from '@vitejs/plugin-react';
import { defineConfig, loadEnv, type Plugin } from 'vite';

const here = (path: string) => fileURLToPath(new URL(path, import.meta.url));

// The Teams app manifest points Outlook's ribbon at /assets/tandem-{16,32,80}.png on this site.
function ribbonIcons(): Plugin {
  const dir = here('../appPackage/assets/');
  return {
    name: 'tandem-ribbon-icons',
    generateBundle() {
      for (const file of readdirSync(dir).filter((f) => f.endsWith('.png'))) {
        this.emitFile({ type: 'asset', fileName: `assets/${file}`, source: readFileSync(dir + file) });
      }
    },
  };
}

// When the API lives on another origin, the invitee pages open their connection to it while the
// script is still loading (the booking page's first requests go out before React starts).
function preconnectApi(apiBaseUrl: string | undefined): Plugin {
  const origin = apiBaseUrl && URL.canParse(apiBaseUrl) ? new URL(apiBaseUrl).origin : undefined;
  return {
    name: 'tandem-preconnect-api',
    transformIndexHtml(html, context) {
      if (!origin || !/(index|manage)\.html$/.test(context.filename)) return html;
      return [{ tag: 'link', attrs: { rel: 'preconnect', href: origin, crossorigin: '' }, injectTo: 'head' }];
    },
  };
}

export default defineConfig(({ mode }) => ({
  plugins: [
    react(),
    ribbonIcons(),
    preconnectApi(loadEnv(mode, here('.'), 'VITE_').VITE_TANDEM_API_BASE_URL),
  ],
  base: './',
  build: {
    outDir: 'dist',
    emptyOutDir: true,
    target: 'es2022',
    rollupOptions: {
      input: {
        index: here('index.html'),
        manage: here('manage.html'),
        tab: here('tab.html'),
        taskpane: here('taskpane.html'),
        privacy: here('privacy.html'),
        terms: here('terms.html'),
      },
    },
  },
  server: { host: '127.0.0.1' },
}));
