import type { ParamSpec } from '../core/catalog/types';
import { optimizerSpec } from '../core/catalog/optimizers';
import { fitToSpec } from '../core/catalog/types';

/** Numbers as a reader wants them: 4 significant digits, exponents for tiny or huge values. */
export function formatNumber(x: number): string {
  if (!Number.isFinite(x)) return Number.isNaN(x) ? '—' : String(x);
  if (x === 0) return '0';
  const a = Math.abs(x);
  if (a >= 1e5 || a < 1e-3) return x.toExponential(2).replace(/\.?0+e/, 'e');
  if (Number.isInteger(x)) return String(x);
  return String(Number(x.toPrecision(4)));
}

/** Slider positions for log specs: 0…LOG_TICKS across [log min, log max]. */
const LOG_TICKS = 1000;

export interface SliderScale {
  min: number;
  max: number;
  step: number;
  toSlider: (value: number) => number;
  fromSlider: (position: number) => number;
}

/** How a ParamSpec maps onto an `<input type="range">`: log specs move in log space. */
export function sliderScale(spec: ParamSpec): SliderScale {
  const fit = (v: number) => fitToSpec(spec, v).value;
  if (spec.log && spec.min > 0) {
    const lo = Math.log(spec.min);
    const span = Math.log(spec.max) - lo;
    return {
      min: 0,
      max: LOG_TICKS,
      step: 1,
      toSlider: (v) => Math.round(((Math.log(Math.max(v, spec.min)) - lo) / span) * LOG_TICKS),
      // Three significant digits keep values readable in links (0.0213, not 0.021297…).
      fromSlider: (p) => fit(Number(Math.exp(lo + (p / LOG_TICKS) * span).toPrecision(3))),
    };
  }
  if (spec.integer) return { min: spec.min, max: spec.max, step: 1, toSlider: (v) => v, fromSlider: fit };
  const step = 10 ** Math.floor(Math.log10((spec.max - spec.min) / 1000));
  const decimals = Math.max(0, -Math.floor(Math.log10(step)));
  return {
    min: spec.min,
    max: spec.max,
    step,
    toSlider: (v) => v,
    fromSlider: (p) => fit(Number(p.toFixed(decimals))),
  };
}

export const LANE_COLOURS = ['#2563eb', '#dc2626', '#059669', '#d97706', '#7c3aed', '#db2777', '#0891b2', '#65a30d'];
export const laneColour = (laneIdx: number) => LANE_COLOURS[laneIdx % LANE_COLOURS.length];

export function laneLabel(laneIdx: number, optimizerId: string): string {
  return `${laneIdx + 1} · ${optimizerSpec(optimizerId)?.label ?? optimizerId}`;
}

/** Bytes as a reader wants them: 1.2 kB, 3.4 MB (powers of 1000, like the rest of the page). */
export function formatBytes(bytes: number): string {
  if (!Number.isFinite(bytes)) return '—';
  const units = ['B', 'kB', 'MB', 'GB'];
  let v = bytes;
  let u = 0;
  while (Math.abs(v) >= 1000 && u < units.length - 1) {
    v /= 1000;
    u++;
  }
  return `${u === 0 ? Math.round(v) : Number(v.toPrecision(3))} ${units[u]}`;
}
