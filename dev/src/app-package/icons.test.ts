import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { PNG } from 'pngjs';
import { iconProblems } from './icon-checks.js';
import { ICON_FILES } from './icons/tandem-mark.js';
import { repoRoot } from './testing/repo.js';

const appPackage = join(repoRoot, 'appPackage');

describe('the committed icons', () => {
  it.each(ICON_FILES.map((icon) => [icon.path, icon] as const))(
    '%s is exactly what the drawing script draws',
    (_, icon) => {
      const committed = PNG.sync.read(readFileSync(join(appPackage, icon.path)));
      const drawn = icon.draw();
      expect([committed.width, committed.height]).toEqual([icon.size, icon.size]);
      expect(Buffer.from(committed.data).equals(Buffer.from(drawn.data))).toBe(true);
    },
  );

  it('color.png is 192×192 and opaque where the tile is', () => {
    const data = readFileSync(join(appPackage, 'color.png'));
    expect(iconProblems('color.png', data, { size: 192 })).toEqual([]);
    const png = PNG.sync.read(data);
    const centre = (96 * 192 + 20) * 4;
    expect(png.data[centre + 3]).toBe(255);
  });

  it('outline.png is 32×32, white on transparency only, and not empty', () => {
    const data = readFileSync(join(appPackage, 'outline.png'));
    expect(iconProblems('outline.png', data, { size: 32, outline: true })).toEqual([]);
    const png = PNG.sync.read(data);
    const opaque = [...Array(32 * 32).keys()].filter((i) => png.data[i * 4 + 3] === 255).length;
    expect(opaque).toBeGreaterThan(32 * 32 * 0.1);
  });
});

describe('iconProblems', () => {
  it('reports a wrong size and a coloured pixel in an outline icon', () => {
    const png = new PNG({ width: 32, height: 31 });
    png.data.fill(0);
    png.data.set([255, 0, 0, 255], 0);
    const problems = iconProblems('outline.png', PNG.sync.write(png), { size: 32, outline: true });
    expect(problems).toEqual([
      'outline.png is 32×31; it must be 32×32.',
      'outline.png has 1 visible pixels that are not white.',
    ]);
  });

  it('reports an outline icon without transparency', () => {
    const png = new PNG({ width: 32, height: 32 });
    png.data.fill(255);
    expect(iconProblems('outline.png', PNG.sync.write(png), { size: 32, outline: true })).toEqual([
      'outline.png has no transparent pixel; the outline icon must be white on transparency.',
    ]);
  });

  it('reports bytes that are not a PNG', () => {
    expect(iconProblems('color.png', Buffer.from('GIF89a'), { size: 192 })[0]).toMatch(/not a readable PNG/);
  });
});
