import * as tf from '@tensorflow/tfjs';
import { addScaled } from '../perturb';

/**
 * Update rules in optax's spirit (https://github.com/google-deepmind/optax): small gradient
 * transformations `grads → updates`, each with its own state, combined with `chain` and applied as
 * θ ← θ + u. Shared by zeroth-order lanes and backprop baselines, so "ZO-Adam vs Adam" differ only in
 * where the gradient came from. Gradients are borrowed (the caller disposes them).
 */

type Hyper = Readonly<Record<string, number>>;

/** optax's GradientTransformation: state lives in the closure, created lazily at the first update. */
export interface Transform {
  /** New tensors (caller owns) from `grads` (borrowed). */
  update(grads: readonly tf.Tensor[], hyper: Hyper): tf.Tensor[];
  dispose(): void;
}

/** A chain of transforms applied to the weights: θ ← θ + u. */
export interface UpdateRule {
  apply(vars: readonly tf.Variable[], grads: readonly tf.Tensor[], hyper: Hyper): void;
  dispose(): void;
}

/** u = T_n(…T_1(g)) */
export function chain(...transforms: Transform[]): Transform {
  return {
    update(grads, hyper) {
      let current: readonly tf.Tensor[] = grads;
      transforms.forEach((t, i) => {
        const next = t.update(current, hyper);
        if (i > 0) tf.dispose(current as tf.Tensor[]);
        current = next;
      });
      return current === grads ? grads.map((g) => g.clone()) : (current as tf.Tensor[]);
    },
    dispose() {
      transforms.forEach((t) => t.dispose());
    },
  };
}

/** The rule that applies a chain: θ ← θ + u. */
export function rule(...transforms: Transform[]): UpdateRule {
  const t = chain(...transforms);
  return {
    apply(vars, grads, hyper) {
      const updates = t.update(grads, hyper);
      addScaled(vars, updates);
      tf.dispose(updates);
    },
    dispose: () => t.dispose(),
  };
}

/** u = −η·g (hyper `lr`). */
export function scaleByLearningRate(): Transform {
  return {
    update: (grads, { lr }) => grads.map((g) => tf.tidy(() => tf.mul(g, -lr))),
    dispose() {},
  };
}

/** u = sign(g), elementwise. */
export function scaleBySign(): Transform {
  return {
    update: (grads) => grads.map((g) => tf.sign(g)),
    dispose() {},
  };
}

/** Heavy-ball trace b ← μ·b + g (hyper `momentum`), as tf.train.momentum accumulates it. */
export function traceMomentum(): Transform {
  let b: tf.Variable[] | null = null;
  return {
    update(grads, { momentum }) {
      b ??= grads.map((g) => tf.tidy(() => tf.variable(tf.zerosLike(g), false)));
      return grads.map((g, i) => {
        const next = tf.tidy(() => tf.add(tf.mul(b![i], momentum), g));
        b![i].assign(next);
        return next;
      });
    },
    dispose() {
      if (b) tf.dispose(b);
      b = null;
    },
  };
}

/**
 * Adam's direction (Kingma & Ba 2015, Algorithm 1), in tf.train.adam's operation order:
 * m ← β₁m + (1−β₁)g; v ← β₂v + (1−β₂)g²; u = (m/(1−β₁ᵗ)) / (√(v/(1−β₂ᵗ)) + ε). Hypers `beta1`, `beta2`.
 */
export function scaleByAdam(epsilon: number): Transform {
  let m: tf.Variable[] | null = null;
  let s: tf.Variable[] | null = null;
  // β₁ᵗ and β₂ᵗ accumulated in float32 as tf.train.adam does (Math.fround = one float32 rounding).
  let accBeta1 = 1;
  let accBeta2 = 1;
  return {
    update(grads, { beta1, beta2 }) {
      m ??= grads.map((g) => tf.tidy(() => tf.variable(tf.zerosLike(g), false)));
      s ??= grads.map((g) => tf.tidy(() => tf.variable(tf.zerosLike(g), false)));
      accBeta1 = Math.fround(accBeta1 * Math.fround(beta1));
      accBeta2 = Math.fround(accBeta2 * Math.fround(beta2));
      const c1 = Math.fround(1 - accBeta1);
      const c2 = Math.fround(1 - accBeta2);
      return grads.map((g, i) => {
        const [m1, s1, step] = tf.tidy(() => {
          const mNew = tf.add(tf.mul(m![i], beta1), tf.mul(g, 1 - beta1));
          const sNew = tf.add(tf.mul(s![i], beta2), tf.mul(tf.square(g), 1 - beta2));
          return [mNew, sNew, tf.div(tf.div(mNew, c1), tf.add(tf.sqrt(tf.div(sNew, c2)), epsilon))];
        });
        m![i].assign(m1);
        s![i].assign(s1);
        tf.dispose([m1, s1]);
        return step;
      });
    },
    dispose() {
      if (m) tf.dispose(m);
      if (s) tf.dispose(s);
      m = s = null;
      accBeta1 = accBeta2 = 1;
    },
  };
}

/** θ ← θ − η·g */
export const sgdRule = (): UpdateRule => rule(scaleByLearningRate());

/** b ← μb + g; θ ← θ − η·b (tf.train.momentum without Nesterov). */
export const momentumRule = (): UpdateRule => rule(traceMomentum(), scaleByLearningRate());

/** Adam with tf.train.adam's ε = 1e-7 by default (ZO-Bench's ZO-Adam uses 1e-8). */
export const adamRule = (epsilon = 1e-7): UpdateRule => rule(scaleByAdam(epsilon), scaleByLearningRate());

/** θ ← θ − η·sign(g) (signSGD, Bernstein et al. 2018). */
export const signRule = (): UpdateRule => rule(scaleBySign(), scaleByLearningRate());
