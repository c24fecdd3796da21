/** Numbers as a reader wants them: 4 significant digits, exponents for tiny or huge values. */
export function formatNumber(x: number): string {
  if (!Number.isFinite(x)) return Number.isNaN(x) ? '—' : String(x);
  if (x === 0) return '0';
  const a = Math.abs(x);
  if (a >= 1e5 || a < 1e-3) return x.toExponential(2).replace(/\.?0+e/, 'e');
  if (Number.isInteger(x)) return String(x);
  return String(Number(x.toPrecision(4)));
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
