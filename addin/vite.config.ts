import { readFileSync, readdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import react from '@vitejs/plugin-react';
import { defineConfig, type Plugin } from 'vite';

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

export default defineConfig({
  plugins: [react(), ribbonIcons()],
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
});
