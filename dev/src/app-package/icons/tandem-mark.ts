import type { PNG } from 'pngjs';
import { hex, rasterize, ring, roundedSquare, TRANSPARENT, type Layer, type Rgba } from './raster.js';

/** Tandem's colours: the manifest's accentColor is the colour icon's background. */
export const BRAND = {
  indigo: '#2F3E9E',
  mint: '#6FE3C1',
  white: '#FFFFFF',
} as const;

/**
 * The Tandem mark: two interlocking rings — two calendars kept in step — woven over and under, so
 * the left ring passes over the right one at the top crossing and under it at the bottom crossing.
 */
export interface MarkGeometry {
  /** Centre-line radius of each ring, in icon widths. */
  radius: number;
  /** Horizontal distance of each ring's centre from the icon's centre. */
  offset: number;
  /** Stroke width of each ring. */
  stroke: number;
  /** Clear space cut around the ring that passes over the other one. */
  gap: number;
}

interface MarkColors {
  left: Rgba;
  right: Rgba;
  /** What the gap shows: the background colour, or transparency. */
  gap: Rgba;
}

function markLayers(g: MarkGeometry, colors: MarkColors): Layer[] {
  const leftX = 0.5 - g.offset;
  const rightX = 0.5 + g.offset;
  const crossingY = 0.5 + Math.sqrt(g.radius * g.radius - g.offset * g.offset);
  const nearBottomCrossing = (x: number, y: number) => Math.hypot(x - 0.5, y - crossingY) <= g.stroke * 2.2;

  const left = ring(leftX, 0.5, g.radius, g.stroke);
  const right = ring(rightX, 0.5, g.radius, g.stroke);
  const leftGap = ring(leftX, 0.5, g.radius, g.stroke + 2 * g.gap);
  const rightGap = ring(rightX, 0.5, g.radius, g.stroke + 2 * g.gap);

  return [
    { color: colors.right, covers: right },
    { color: colors.gap, covers: leftGap },
    { color: colors.left, covers: left },
    // Weave: at the bottom crossing the right ring comes back on top.
    { color: colors.gap, covers: (x, y) => nearBottomCrossing(x, y) && rightGap(x, y) && !right(x, y) },
    { color: colors.right, covers: (x, y) => nearBottomCrossing(x, y) && right(x, y) },
  ];
}

/** The 192×192 colour icon: the mark in white and mint on an indigo tile. */
export function drawColorIcon(): PNG {
  const background = hex(BRAND.indigo);
  const tile: Layer = { color: background, covers: roundedSquare(0, 0.18) };
  const mark = markLayers(
    { radius: 0.21, offset: 0.11, stroke: 0.072, gap: 0.018 },
    { left: hex(BRAND.white), right: hex(BRAND.mint), gap: background },
  );
  return rasterize(192, [tile, ...mark]);
}

/** The 32×32 outline icon: the mark in white on transparency, as Teams requires. */
export function drawOutlineIcon(): PNG {
  const white = hex(BRAND.white);
  return rasterize(
    32,
    markLayers(
      { radius: 0.3, offset: 0.155, stroke: 0.105, gap: 0.05 },
      { left: white, right: white, gap: TRANSPARENT },
    ),
  );
}

/** Outlook ribbon and add-in icons: the coloured mark on transparency, heavier strokes when small. */
export function drawRibbonIcon(size: number): PNG {
  const stroke = size <= 16 ? 0.14 : size <= 32 ? 0.12 : 0.1;
  const gap = size <= 16 ? 0.06 : 0.045;
  return rasterize(
    size,
    markLayers(
      { radius: 0.32 - stroke / 4, offset: 0.16, stroke, gap },
      { left: hex(BRAND.indigo), right: hex('#1FA883'), gap: TRANSPARENT },
    ),
  );
}

/** Every icon the app package and the Outlook ribbon use, by file path relative to appPackage/. */
export const ICON_FILES: ReadonlyArray<{ path: string; size: number; draw: () => PNG }> = [
  { path: 'color.png', size: 192, draw: drawColorIcon },
  { path: 'outline.png', size: 32, draw: drawOutlineIcon },
  ...[16, 32, 80].map((size) => ({
    path: `assets/tandem-${size}.png`,
    size,
    draw: () => drawRibbonIcon(size),
  })),
];
