import type { Point } from './decimate';

/**
 * The loss chart's log y axis: a domain from a tick at or below the lowest positive value to one at
 * or above the highest, so the top is labelled. Three or more decades get a tick at every decade
 * (every second or third past ten, so about ten labels); a narrower range gets ticks at 1, 2 and 5
 * times each power of ten. Losses that reach 0 (or below) cannot sit on a log axis: the chart draws
 * them at the floor, the domain's bottom.
 */
export interface LogAxis {
  domain: [number, number];
  ticks: number[];
}

const MANTISSAS = [1, 2, 5];
const MAX_DECADE_TICKS = 10;

/** 1-2-5 values from the largest at or below `lo` to the smallest at or above `hi`. */
function oneTwoFive(lo: number, hi: number): number[] {
  const ticks: number[] = [];
  for (let e = Math.floor(Math.log10(lo)) - 1; e <= Math.ceil(Math.log10(hi)); e++)
    for (const m of MANTISSAS) ticks.push(Number((m * 10 ** e).toPrecision(12)));
  const below = ticks.filter((t) => t <= lo * (1 + 1e-9));
  const above = ticks.filter((t) => t >= hi * (1 - 1e-9));
  const first = below[below.length - 1];
  const last = above[0];
  return ticks.filter((t) => t >= first && t <= last);
}

export function logAxis(minPositive: number, max: number): LogAxis {
  if (!(minPositive > 0) || !Number.isFinite(minPositive)) return { domain: [0.1, 10], ticks: [0.1, 1, 10] };
  const hi = Number.isFinite(max) && max > minPositive ? max : minPositive;
  const loExp = Math.floor(Math.log10(minPositive) + 1e-9);
  const hiExp = Math.ceil(Math.log10(hi) - 1e-9);
  if (hiExp - loExp >= 3) {
    // At most about ten labels: past ten decades, a tick every second (third, …) one.
    const every = Math.ceil((hiExp - loExp) / MAX_DECADE_TICKS);
    const ticks: number[] = [];
    for (let e = hiExp; ; e -= every) {
      ticks.unshift(Number((10 ** e).toPrecision(12)));
      if (e <= loExp) break;
    }
    const floor = ticks[0];
    return { domain: [floor, ticks[ticks.length - 1]], ticks };
  }
  let ticks = oneTwoFive(minPositive, hi);
  if (ticks.length < 2) ticks = oneTwoFive(minPositive / 2, hi * 2);
  return { domain: [ticks[0], ticks[ticks.length - 1]], ticks };
}

/** Lowest positive and highest finite y over the point lists (NaN when none is positive). */
export function positiveRange(lists: readonly (readonly Point[])[], extra: readonly number[] = []): [number, number] {
  let lo = Infinity;
  let hi = -Infinity;
  const see = (y: number) => {
    if (!Number.isFinite(y) || y <= 0) return;
    if (y < lo) lo = y;
    if (y > hi) hi = y;
  };
  for (const list of lists) for (const p of list) see(p.y);
  extra.forEach(see);
  return Number.isFinite(lo) ? [lo, hi] : [NaN, NaN];
}

/** The points with every y ≤ 0 drawn at `floor` (the same array when none is). */
export function clampToFloor(points: Point[], floor: number): Point[] {
  return points.some((p) => p.y <= 0) ? points.map((p) => (p.y <= 0 ? { x: p.x, y: floor } : p)) : points;
}
