import type { Bounds, LandscapePicture } from '../picture';
import type { PictureBuilder } from '../types';
import { LANDSCAPES } from './functions';
import type { LandscapeId } from './spec';
import { landscapeState } from './task';

/** Grid side of the heat map. */
export const HEAT_GRID = 128;

/** The drawn region: the function's own, widened to contain the start with a margin. */
export function landscapeBounds(id: LandscapeId, start: [number, number]): Bounds {
  const [x0, x1, y0, y1] = LANDSCAPES[id].bounds;
  const mx = 0.08 * (x1 - x0);
  const my = 0.08 * (y1 - y0);
  return [Math.min(x0, start[0] - mx), Math.max(x1, start[0] + mx), Math.min(y0, start[1] - my), Math.max(y1, start[1] + my)];
}

/** log10(1 + f) on an n × n grid of cell centres, row 0 at yMin (every minimum here is 0). */
export function heatMap(id: LandscapeId, bounds: Bounds, n = HEAT_GRID): Float32Array {
  const { f } = LANDSCAPES[id];
  const [x0, x1, y0, y1] = bounds;
  const heat = new Float32Array(n * n);
  for (let r = 0; r < n; r++)
    for (let c = 0; c < n; c++) {
      const x = x0 + ((c + 0.5) * (x1 - x0)) / n;
      const y = y0 + ((r + 0.5) * (y1 - y0)) / n;
      heat[r * n + c] = Math.log10(1 + Math.max(0, f(x, y)));
    }
  return heat;
}

const heatCache = new Map<string, Float32Array>();

export const landscapePicture: PictureBuilder = async (lanes, step) => {
  const { id, start } = landscapeState.of(lanes[0]);
  const bounds = landscapeBounds(id, start);
  const key = `${id}:${bounds.join(',')}`;
  let heat = heatCache.get(key);
  if (!heat) {
    heat = heatMap(id, bounds);
    heatCache.clear();
    heatCache.set(key, heat);
  }
  const reads = await Promise.all(lanes.map((lane) => landscapeState.of(lane).recorder.read()));
  const picture: LandscapePicture = {
    kind: 'landscape',
    step,
    bounds,
    gridSize: HEAT_GRID,
    heat: heat.slice(),
    minima: Float32Array.from(LANDSCAPES[id].minima.flat()),
    start,
    paths: reads.map((r) => r.path),
    probes: reads.map((r) => r.probes),
  };
  return picture;
};
