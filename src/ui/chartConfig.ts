import type { XKey } from './series';

/** Settings every chart shares. */
export const X_AXES: { key: XKey; label: string }[] = [
  { key: 'step', label: 'steps' },
  { key: 'forwardPasses', label: 'forward passes' },
  { key: 'wallMs', label: 'wall time (ms)' },
];
export const xAxisLabel = (xKey: XKey): string => X_AXES.find((a) => a.key === xKey)?.label ?? '';

/** No chart draws more points than this per series. */
export const MAX_POINTS = 2000;
/** The loss chart redraws at most this often; secondary panels (speed, diagnostics, tables) half as often. */
export const REDRAW_MS = 250;
export const SLOW_REDRAW_MS = 500;
export const CHART_MARGIN = { top: 8, right: 16, bottom: 8, left: 0 };
