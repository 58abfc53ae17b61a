// Redraws every icon of appPackage/ from the Tandem mark. The PNGs are committed; run this after
// changing the mark: `node --import tsx dev/src/app-package/icons/draw-icons.ts`.
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { PNG } from 'pngjs';
import { ICON_FILES } from './tandem-mark.js';

const appPackageDir = join(dirname(fileURLToPath(import.meta.url)), '../../../../appPackage');

for (const icon of ICON_FILES) {
  const target = join(appPackageDir, icon.path);
  mkdirSync(dirname(target), { recursive: true });
  writeFileSync(target, PNG.sync.write(icon.draw(), { colorType: 6 }));
  console.log(`wrote appPackage/${icon.path} (${icon.size}×${icon.size})`);
}
