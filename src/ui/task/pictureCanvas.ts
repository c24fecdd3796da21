import { useEffect, useRef } from 'react';
import type { Bounds } from '../../core/tasks/picture';

/**
 * Canvas drawing for the task pictures: a ref'd canvas redrawn when its data changes (pictures arrive
 * at most ~3 times a second, and each draw is a few thousand pixels), sized for the screen's
 * pixel ratio. Nothing here blocks: no readbacks, no layout loops.
 */
export function useCanvas(width: number, height: number, draw: (ctx: CanvasRenderingContext2D) => void) {
  const ref = useRef<HTMLCanvasElement>(null);
  useEffect(() => {
    const canvas = ref.current;
    const ctx = canvas?.getContext('2d');
    if (!canvas || !ctx) return;
    const ratio = Math.min(2, window.devicePixelRatio || 1);
    if (canvas.width !== Math.round(width * ratio)) canvas.width = Math.round(width * ratio);
    if (canvas.height !== Math.round(height * ratio)) canvas.height = Math.round(height * ratio);
    ctx.setTransform(ratio, 0, 0, ratio, 0, 0);
    ctx.clearRect(0, 0, width, height);
    draw(ctx);
  }, [width, height, draw]);
  return ref;
}

export type Rgb = [number, number, number];

const lerp = (a: Rgb, b: Rgb, t: number): Rgb => [a[0] + (b[0] - a[0]) * t, a[1] + (b[1] - a[1]) * t, a[2] + (b[2] - a[2]) * t];

/** A colour ramp through the given stops, t in [0, 1]. */
export function ramp(stops: Rgb[]): (t: number) => Rgb {
  return (t) => {
    const x = Math.min(1, Math.max(0, Number.isFinite(t) ? t : 0)) * (stops.length - 1);
    const i = Math.min(stops.length - 2, Math.floor(x));
    return lerp(stops[i], stops[i + 1], x - i);
  };
}

/** Landscapes: dark valleys, pale ridges (lane colours stay readable on top). */
export const terrain = ramp([
  [24, 32, 52],
  [62, 84, 120],
  [132, 156, 180],
  [214, 222, 228],
  [250, 246, 236],
]);

/** Two classes: orange (class 0) through white to blue (class 1). */
export const diverging = ramp([
  [234, 128, 52],
  [250, 236, 220],
  [245, 247, 250],
  [214, 228, 250],
  [56, 120, 220],
]);

export const CLASS_COLOURS = ['#c2410c', '#1d4ed8'];

/**
 * Paint an n × n grid (row 0 at the bottom) into a w × h area with one ImageData and a smoothed,
 * scaled draw (contour lines, where wanted, are drawn over it as vectors: contours.ts).
 */
export function paintGrid(ctx: CanvasRenderingContext2D, values: Float32Array, n: number, w: number, h: number, colour: (t: number) => Rgb): void {
  let lo = Infinity;
  let hi = -Infinity;
  for (const v of values)
    if (Number.isFinite(v)) {
      lo = Math.min(lo, v);
      hi = Math.max(hi, v);
    }
  const span = hi > lo ? hi - lo : 1;
  const image = new ImageData(n, n);
  for (let r = 0; r < n; r++)
    for (let c = 0; c < n; c++) {
      const i = r * n + c;
      const [red, green, blue] = colour((values[i] - lo) / span);
      const o = 4 * ((n - 1 - r) * n + c); // flip: row 0 is yMin, drawn at the bottom
      image.data[o] = red;
      image.data[o + 1] = green;
      image.data[o + 2] = blue;
      image.data[o + 3] = 255;
    }
  const tile = document.createElement('canvas');
  tile.width = n;
  tile.height = n;
  tile.getContext('2d')!.putImageData(image, 0, 0);
  ctx.imageSmoothingEnabled = true;
  ctx.drawImage(tile, 0, 0, w, h);
}

/** Plane → pixel mapping for a bounds rectangle drawn in w × h. */
export function planeToPixel(bounds: Bounds, w: number, h: number) {
  const [x0, x1, y0, y1] = bounds;
  return {
    px: (x: number) => ((x - x0) / (x1 - x0)) * w,
    py: (y: number) => h - ((y - y0) / (y1 - y0)) * h,
    fromPixel: (u: number, v: number): [number, number] => [x0 + (u / w) * (x1 - x0), y0 + ((h - v) / h) * (y1 - y0)],
  };
}

/** Grey images [k × side²] (values in [0, 1], or 0…255 when `bytes`) side by side, each `size` px. */
export function paintImages(ctx: CanvasRenderingContext2D, pixels: ArrayLike<number>, side: number, count: number, size: number, gap: number, bytes = false): void {
  const image = new ImageData(side, side);
  const tile = document.createElement('canvas');
  tile.width = side;
  tile.height = side;
  const tileCtx = tile.getContext('2d')!;
  ctx.imageSmoothingEnabled = false;
  for (let k = 0; k < count; k++) {
    for (let p = 0; p < side * side; p++) {
      const v = pixels[k * side * side + p];
      const g = 255 - Math.round(Math.min(1, Math.max(0, bytes ? v / 255 : v)) * 255); // ink dark on paper
      image.data.set([g, g, g, 255], 4 * p);
    }
    tileCtx.putImageData(image, 0, 0);
    ctx.drawImage(tile, k * (size + gap), 0, size, size);
  }
}
