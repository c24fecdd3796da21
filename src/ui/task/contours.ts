/**
 * Contour lines of a grid by marching squares: for each of `levels` evenly spaced values between the
 * grid's lowest and highest, the segments where a bilinear interpolation of the grid crosses it.
 * Coordinates are in grid units, (column, row) of the cell centres, so a line drawn from them is
 * smooth at any scale (the blocky alternative darkens whole cells).
 */
export function contourSegments(values: ArrayLike<number>, n: number, levels: number): number[] {
  let lo = Infinity;
  let hi = -Infinity;
  for (let i = 0; i < n * n; i++) {
    const v = values[i];
    if (Number.isFinite(v)) {
      lo = Math.min(lo, v);
      hi = Math.max(hi, v);
    }
  }
  const out: number[] = [];
  if (!(hi > lo)) return out;
  for (let k = 1; k <= levels; k++) {
    const level = lo + ((hi - lo) * k) / (levels + 1);
    for (let r = 0; r + 1 < n; r++)
      for (let c = 0; c + 1 < n; c++) {
        // Corners counter-clockwise from (c, r): a, b (c + 1, r), d (c + 1, r + 1), e (c, r + 1).
        const a = values[r * n + c];
        const b = values[r * n + c + 1];
        const d = values[(r + 1) * n + c + 1];
        const e = values[(r + 1) * n + c];
        if (![a, b, d, e].every(Number.isFinite)) continue;
        const cross: number[] = [];
        const edge = (v0: number, v1: number, x0: number, y0: number, x1: number, y1: number) => {
          if ((v0 < level) !== (v1 < level)) {
            const t = (level - v0) / (v1 - v0);
            cross.push(x0 + t * (x1 - x0), y0 + t * (y1 - y0));
          }
        };
        edge(a, b, c, r, c + 1, r);
        edge(b, d, c + 1, r, c + 1, r + 1);
        edge(d, e, c + 1, r + 1, c, r + 1);
        edge(e, a, c, r + 1, c, r);
        // Two crossings: one segment; four (a saddle): pair them in order around the cell.
        for (let j = 0; j + 3 < cross.length; j += 4) out.push(cross[j], cross[j + 1], cross[j + 2], cross[j + 3]);
      }
  }
  return out;
}

/** About `count` round tick values (1, 2 or 5 × 10^k apart) covering [lo, hi]. */
export function niceTicks(lo: number, hi: number, count = 5): number[] {
  if (!(hi > lo)) return [lo];
  const raw = (hi - lo) / count;
  const mag = 10 ** Math.floor(Math.log10(raw));
  const step = [1, 2, 5, 10].map((m) => m * mag).find((s) => s >= raw) ?? 10 * mag;
  const ticks: number[] = [];
  for (let t = Math.ceil(lo / step - 1e-9) * step; t <= hi + 1e-9 * step; t += step) ticks.push(Number(t.toPrecision(10)));
  return ticks;
}
