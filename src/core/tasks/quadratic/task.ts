import * as tf from '@tensorflow/tfjs';
import { Purpose, Stream, hashString } from '../../random/philox';
import { internals } from '../shared/internals';
import type { TaskFactory } from '../types';
import { QUADRATIC_SPEC } from './spec';

/** At most this many bands of eigen-directions in the picture. */
const MAX_BANDS = 32;

interface QuadraticState {
  lambda: tf.Tensor1D; // [d]
  theta: tf.Variable; // [d]
  /** Band of each coordinate, [d] int32. */
  band: tf.Tensor1D;
  numBands: number;
  /** Σ_band λθ₀² and the bands' geometric-mean λ, [bands]. */
  initialEnergy: Float64Array;
  bandLambda: Float32Array;
}

/** What the picture reads from each lane's instance. */
export const quadraticState = internals<QuadraticState>('quadratic');

/**
 * Ill-conditioned quadratic f(θ) = ½ Σ λᵢ θᵢ², λᵢ = κ^(i/(d−1)) (log-spaced in [1, κ]).
 * ∇f = λ ⊙ θ in closed form, so estimator moments can be checked exactly (the facts listed in
 * src/core/optimizers/README.md).
 * θ₀ ~ N(0, I) from the seed.
 */
export const createQuadratic: TaskFactory = (settings, seed) => {
  const spec = QUADRATIC_SPEC;
  const d = settings.d;
  const kappa = settings.kappa;
  // Rank r: the first r eigenvalues log-spaced in [1, κ], the other d − r zero (MeZO §4's effective
  // rank, Malladi et al. 2023, https://arxiv.org/abs/2305.17333). rank 0 (or ≥ d) is full rank.
  const r = settings.rank > 0 ? Math.min(settings.rank, d) : d;
  const lambdaValues = new Float32Array(d);
  for (let i = 0; i < r; i++) lambdaValues[i] = r === 1 ? 1 : Math.pow(kappa, i / (r - 1));
  const lambda = tf.tensor1d(lambdaValues); // [d]
  const init = new Float32Array(d);
  const rng = new Stream(seed, hashString('quadratic'), 0, 0, Purpose.init);
  for (let i = 0; i < d; i++) init[i] = rng.normal();
  const theta = tf.tidy(() => tf.variable(tf.tensor1d(init), true, undefined, 'float32')); // [d]

  // Bands: contiguous index ranges, i.e. ranges of log λ of equal width.
  const numBands = Math.min(d, MAX_BANDS);
  const bandOf = new Int32Array(d);
  const initialEnergy = new Float64Array(numBands);
  const logSum = new Float64Array(numBands);
  const count = new Float64Array(numBands);
  for (let i = 0; i < d; i++) {
    const b = Math.min(numBands - 1, Math.floor((i * numBands) / d));
    bandOf[i] = b;
    initialEnergy[b] += 0.5 * lambdaValues[i] * init[i] * init[i];
    logSum[b] += Math.log(Math.max(lambdaValues[i], 1e-30)); // zero curvature beyond the rank
    count[b]++;
  }
  const bandLambda = Float32Array.from(logSum, (s, b) => Math.exp(s / count[b]));
  const band = tf.tensor1d(bandOf, 'int32');

  const loss = () => tf.tidy(() => tf.mul(0.5, tf.sum(tf.mul(lambda, tf.square(theta)))) as tf.Scalar);
  return quadraticState.attach(
    {
      spec,
      params: [theta],
      numParams: d,
      batch: () => null,
      loss,
      evaluate: () => [loss()],
      dispose() {
        theta.dispose();
        lambda.dispose();
        band.dispose();
      },
    },
    { lambda, theta, band, numBands, initialEnergy, bandLambda },
  );
};
