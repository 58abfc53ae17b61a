import { PNG } from 'pngjs';

/** What is wrong with an icon file for its role, as sentences; empty when it is fine. */
export function iconProblems(
  file: string,
  data: Buffer,
  expected: { size: number; outline?: boolean },
): string[] {
  let png: PNG;
  try {
    png = PNG.sync.read(data);
  } catch (error) {
    return [`${file} is not a readable PNG (${(error as Error).message}).`];
  }
  const problems: string[] = [];
  if (png.width !== expected.size || png.height !== expected.size) {
    problems.push(`${file} is ${png.width}×${png.height}; it must be ${expected.size}×${expected.size}.`);
  }
  if (expected.outline) {
    let transparent = 0;
    let notWhite = 0;
    for (let i = 0; i < png.data.length; i += 4) {
      const alpha = png.data[i + 3]!;
      if (alpha === 0) transparent++;
      else if (png.data[i] !== 255 || png.data[i + 1] !== 255 || png.data[i + 2] !== 255) notWhite++;
    }
    if (transparent === 0)
      problems.push(`${file} has no transparent pixel; the outline icon must be white on transparency.`);
    if (notWhite > 0) problems.push(`${file} has ${notWhite} visible pixels that are not white.`);
  }
  return problems;
}
