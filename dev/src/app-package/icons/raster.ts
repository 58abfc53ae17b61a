import { PNG } from 'pngjs';

/** Straight (non-premultiplied) RGBA, each channel 0–255. */
export interface Rgba {
  r: number;
  g: number;
  b: number;
  a: number;
}

/** A layer paints `color` wherever `covers(x, y)` is true; x and y are in the unit square (0–1). */
export interface Layer {
  color: Rgba;
  covers(x: number, y: number): boolean;
}

export const TRANSPARENT: Rgba = { r: 0, g: 0, b: 0, a: 0 };

/**
 * Renders layers (first = bottom) into a PNG of `size`×`size` pixels. Each pixel is the average of
 * `samples`×`samples` sub-pixel points, so curved edges are smooth at 16 px as well as at 192 px.
 * Colours are averaged premultiplied, so a white shape on transparency stays pure white at its edges
 * (only alpha ramps), which is what Teams requires of the outline icon.
 */
export function rasterize(size: number, layers: readonly Layer[], samples = 6): PNG {
  const png = new PNG({ width: size, height: size });
  const count = samples * samples;
  for (let py = 0; py < size; py++) {
    for (let px = 0; px < size; px++) {
      let r = 0;
      let g = 0;
      let b = 0;
      let a = 0;
      for (let sy = 0; sy < samples; sy++) {
        for (let sx = 0; sx < samples; sx++) {
          const x = (px + (sx + 0.5) / samples) / size;
          const y = (py + (sy + 0.5) / samples) / size;
          const c = topColor(layers, x, y);
          const alpha = c.a / 255;
          r += c.r * alpha;
          g += c.g * alpha;
          b += c.b * alpha;
          a += alpha;
        }
      }
      const i = (py * size + px) * 4;
      const coverage = a / count;
      png.data[i] = a > 0 ? Math.round(r / a) : 0;
      png.data[i + 1] = a > 0 ? Math.round(g / a) : 0;
      png.data[i + 2] = a > 0 ? Math.round(b / a) : 0;
      png.data[i + 3] = Math.round(coverage * 255);
    }
  }
  return png;
}

function topColor(layers: readonly Layer[], x: number, y: number): Rgba {
  for (let i = layers.length - 1; i >= 0; i--) {
    const layer = layers[i]!;
    if (layer.covers(x, y)) return layer.color;
  }
  return TRANSPARENT;
}

/** A ring (annulus) centred at (cx, cy) with centre-line radius `radius` and stroke `width`. */
export function ring(cx: number, cy: number, radius: number, width: number) {
  const inner = Math.max(0, radius - width / 2) ** 2;
  const outer = (radius + width / 2) ** 2;
  return (x: number, y: number): boolean => {
    const d = (x - cx) * (x - cx) + (y - cy) * (y - cy);
    return d >= inner && d <= outer;
  };
}

/** A square with rounded corners covering [inset, 1 - inset] on both axes. */
export function roundedSquare(inset: number, cornerRadius: number) {
  const lo = inset + cornerRadius;
  const hi = 1 - inset - cornerRadius;
  return (x: number, y: number): boolean => {
    if (x < inset || x > 1 - inset || y < inset || y > 1 - inset) return false;
    const dx = x < lo ? lo - x : x > hi ? x - hi : 0;
    const dy = y < lo ? lo - y : y > hi ? y - hi : 0;
    return dx * dx + dy * dy <= cornerRadius * cornerRadius;
  };
}

export function hex(color: string, alpha = 255): Rgba {
  const m = /^#([0-9a-f]{2})([0-9a-f]{2})([0-9a-f]{2})$/i.exec(color);
  if (!m) throw new TypeError(`Not a #rrggbb colour: ${color}`);
  return { r: parseInt(m[1]!, 16), g: parseInt(m[2]!, 16), b: parseInt(m[3]!, 16), a: alpha };
}
