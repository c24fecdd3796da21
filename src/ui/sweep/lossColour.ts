/** The heatmap's colour scale (the sweep's grid and cells are built in core/run/experiments). */

/** Colour of a final loss on the sweep's scale: log-spaced from the best (bright) to the worst (dark). */
const RAMP = [
  [253, 231, 37],
  [94, 201, 98],
  [33, 145, 140],
  [59, 82, 139],
  [68, 1, 84],
];
export function lossColour(loss: number, best: number, worst: number): { background: string; color: string } {
  const log = (x: number) => Math.log(Math.max(x, 1e-300));
  const lo = log(best);
  const span = log(worst) - lo;
  const t = span > 0 ? Math.min(1, Math.max(0, (log(loss) - lo) / span)) : 0;
  const pos = t * (RAMP.length - 1);
  const k = Math.min(RAMP.length - 2, Math.floor(pos));
  const f = pos - k;
  const c = RAMP[k].map((a, j) => Math.round(a + f * (RAMP[k + 1][j] - a)));
  return { background: `rgb(${c[0]} ${c[1]} ${c[2]})`, color: t > 0.45 ? '#fff' : '#111' };
}
