import { formatNumber } from '../shared/format';
import type { XKey } from './series';

/** Settings every chart shares. */
export const X_AXES: { key: XKey; label: string }[] = [
  { key: 'step', label: 'steps' },
  { key: 'forwardPasses', label: 'forward passes' },
  { key: 'wallMs', label: 'wall time (ms)' },
];
export const xAxisLabel = (xKey: XKey): string => X_AXES.find((a) => a.key === xKey)?.label ?? '';

/** A hovered x as the axis counts it: steps and forward passes are whole numbers, time is not. */
export const formatX = (xKey: XKey, x: number): string =>
  xKey === 'wallMs' ? formatNumber(x) : Math.round(x).toLocaleString('en-US');

/** No chart draws more points than this per series. */
export const MAX_POINTS = 2000;
/**
 * While a run plays, series are drawn with fewer points (the curve looks the same at chart width):
 * with four lanes, raw + smoothed + eval curves of 2,000 points made each redraw a >50 ms main-thread
 * task. Paused or done, the full MAX_POINTS are drawn.
 */
export const LIVE_MAX_POINTS = 500;
/**
 * The loss chart redraws at most this often while playing; secondary panels (speed, diagnostics,
 * tables) less often, on a period that is not a multiple of it, so they rarely share a task with it.
 */
export const REDRAW_MS = 400;
export const SLOW_REDRAW_MS = 1100;
export const CHART_MARGIN = { top: 8, right: 16, bottom: 8, left: 0 };

/** The x axis every run chart shares (steps, forward passes or wall time): spread into recharts' <XAxis>. */
export const runXAxis = (xKey: XKey) =>
  ({
    type: 'number',
    dataKey: 'x',
    domain: ['auto', 'auto'],
    tickFormatter: formatNumber,
    stroke: 'var(--muted)',
    label: { value: xAxisLabel(xKey), position: 'insideBottom', offset: -4, fill: 'var(--muted)' },
    height: 40,
  }) as const;
