/**
 * Exponential moving average as TensorBoard draws it: s_t = m_t / (1 − wᵏ), m_t = w·m_{t−1} + (1 − w)·x_t,
 * where k counts the finite values seen so far (the bias correction makes the first points honest
 * instead of pulled towards 0). Non-finite inputs are skipped: their output is NaN and they leave the
 * average unchanged, so a NaN never spreads along the curve.
 */
export function emaSmooth(values: ArrayLike<number>, n: number, weight: number, out = new Float32Array(n)): Float32Array {
  const state = { m: 0, k: 0 };
  emaInto(values, 0, n, weight, state, out);
  return out;
}

interface EmaState {
  m: number;
  k: number;
}

function emaInto(values: ArrayLike<number>, from: number, to: number, weight: number, st: EmaState, out: Float32Array): void {
  const w = Math.min(Math.max(weight, 0), 0.999);
  for (let i = from; i < to; i++) {
    const x = values[i];
    if (!Number.isFinite(x)) {
      out[i] = NaN;
      continue;
    }
    st.m = w * st.m + (1 - w) * x;
    st.k++;
    out[i] = w === 0 ? x : st.m / (1 - Math.pow(w, st.k));
  }
}

/**
 * Incremental EMA over a growing column: each call smooths only the values appended since the last
 * one (series only grow; a new column object or a shorter one starts over).
 */
export class EmaCache {
  private source: unknown = null;
  private weight = -1;
  private done = 0;
  private state: EmaState = { m: 0, k: 0 };
  private out = new Float32Array(0);

  smooth(source: object, values: ArrayLike<number>, n: number, weight: number): Float32Array {
    if (source !== this.source || weight !== this.weight || n < this.done) {
      this.source = source;
      this.weight = weight;
      this.done = 0;
      this.state = { m: 0, k: 0 };
    }
    if (this.out.length < n) {
      const bigger = new Float32Array(Math.max(n, this.out.length * 2, 256));
      bigger.set(this.out.subarray(0, this.done));
      this.out = bigger;
    }
    emaInto(values, this.done, n, weight, this.state, this.out);
    this.done = n;
    return this.out.subarray(0, n);
  }
}
