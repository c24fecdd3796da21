import { Purpose, Stream, hashString } from '../../random/philox';

const TASK_KEY = hashString('regression');
/** Held-out points of the eval set. */
export const EVAL_POINTS = 200;

/** x^0 … x^degree for every x, row-major [n × (degree + 1)]. */
export function powers(x: ArrayLike<number>, degree: number): Float32Array {
  const out = new Float32Array(x.length * (degree + 1));
  for (let i = 0; i < x.length; i++) {
    let p = 1;
    for (let k = 0; k <= degree; k++, p *= x[i]) out[i * (degree + 1) + k] = p;
  }
  return out;
}

/** Σ cₖ xᵏ by Horner's rule. */
export const polynomial = (c: ArrayLike<number>, x: number) => {
  let y = 0;
  for (let k = c.length - 1; k >= 0; k--) y = y * x + c[k];
  return y;
};

/**
 * A seeded polynomial y = Σ cₖ xᵏ (degree d, cₖ ~ N(0, 1)) sampled at x ~ U(−1, 1) with Gaussian
 * noise of std `noise`. Degree 1 is linear regression. The model has the same form, so its best
 * eval MSE is the noise variance.
 */
export function regressionData(degree: number, points: number, noise: number, seed: number) {
  const coefRng = new Stream(seed, TASK_KEY, 0, 0, Purpose.data);
  const truth = Float32Array.from({ length: degree + 1 }, () => coefRng.normal());
  const sample = (n: number, stream: number) => {
    const rng = new Stream(seed, TASK_KEY, stream, 0, Purpose.data);
    const x = new Float32Array(n);
    const y = new Float32Array(n);
    const eps = new Float32Array(n);
    for (let i = 0; i < n; i++) {
      x[i] = 2 * rng.uniform() - 1;
      eps[i] = noise * rng.normal();
      y[i] = polynomial(truth, x[i]) + eps[i];
    }
    return { x, y, eps };
  };
  return { truth, train: sample(points, 1), eval: sample(EVAL_POINTS, 2) };
}
