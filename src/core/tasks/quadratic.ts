import * as tf from '@tensorflow/tfjs';
import { taskSpec } from '../catalog/tasks';
import { Purpose, Stream, hashString } from '../rng';
import type { TaskFactory } from './types';

/**
 * Ill-conditioned quadratic f(θ) = ½ Σ λᵢ θᵢ², λᵢ = κ^(i/(d−1)) (log-spaced in [1, κ]).
 * ∇f = λ ⊙ θ in closed form, so estimator moments can be checked exactly (REFERENCE.md facts 1–3).
 * θ₀ ~ N(0, I) from the seed.
 */
export const createQuadratic: TaskFactory = (settings, seed) => {
  const spec = taskSpec('quadratic')!;
  const d = settings.d;
  const kappa = settings.kappa;
  const lambdaValues = new Float32Array(d);
  for (let i = 0; i < d; i++) lambdaValues[i] = d === 1 ? 1 : Math.pow(kappa, i / (d - 1));
  const lambda = tf.tensor1d(lambdaValues); // [d]
  const init = new Float32Array(d);
  const rng = new Stream(seed, hashString('quadratic'), 0, 0, Purpose.init);
  for (let i = 0; i < d; i++) init[i] = rng.normal();
  const theta = tf.tidy(() => tf.variable(tf.tensor1d(init), true, undefined, 'float32')); // [d]

  const loss = () => tf.tidy(() => tf.mul(0.5, tf.sum(tf.mul(lambda, tf.square(theta)))) as tf.Scalar);
  return {
    spec,
    params: [theta],
    numParams: d,
    batch: () => null,
    loss,
    evaluate: () => [loss()],
    dispose() {
      theta.dispose();
      lambda.dispose();
    },
  };
};
