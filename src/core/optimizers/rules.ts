import * as tf from '@tensorflow/tfjs';

/**
 * Update rules in optax's spirit: given a gradient (true or estimated), change the weights.
 * Shared by zeroth-order lanes and backprop baselines, so "ZO-Adam vs Adam" differ only in where
 * the gradient came from. Gradients are borrowed (the caller disposes them).
 */
export interface UpdateRule {
  apply(vars: readonly tf.Variable[], grads: readonly tf.Tensor[], hyper: Readonly<Record<string, number>>): void;
  dispose(): void;
}

/** θ ← θ − η·g */
export function sgdRule(): UpdateRule {
  return {
    apply(vars, grads, { lr }) {
      vars.forEach((v, i) => {
        const next = tf.tidy(() => tf.sub(v, tf.mul(grads[i], lr)));
        v.assign(next);
        next.dispose();
      });
    },
    dispose() {},
  };
}

/**
 * Adam (Kingma & Ba 2015, Algorithm 1), in the same operation order as tf.train.adam:
 * m ← β₁m + (1−β₁)g; v ← β₂v + (1−β₂)g²; θ ← θ − η·(m/(1−β₁ᵗ)) / (√(v/(1−β₂ᵗ)) + ε).
 */
export function adamRule(epsilon = 1e-7): UpdateRule {
  let m: tf.Variable[] | null = null;
  let s: tf.Variable[] | null = null;
  // β₁ᵗ and β₂ᵗ accumulated in float32 as tf.train.adam does (Math.fround = one float32 rounding).
  let accBeta1 = 1;
  let accBeta2 = 1;
  return {
    apply(vars, grads, { lr, beta1, beta2 }) {
      m ??= vars.map((v) => tf.tidy(() => tf.variable(tf.zerosLike(v), false)));
      s ??= vars.map((v) => tf.tidy(() => tf.variable(tf.zerosLike(v), false)));
      accBeta1 = Math.fround(accBeta1 * Math.fround(beta1));
      accBeta2 = Math.fround(accBeta2 * Math.fround(beta2));
      const c1 = Math.fround(1 - accBeta1);
      const c2 = Math.fround(1 - accBeta2);
      vars.forEach((v, i) => {
        const [m1, s1, next] = tf.tidy(() => {
          const g = grads[i];
          const mNew = tf.add(tf.mul(m![i], beta1), tf.mul(g, 1 - beta1));
          const sNew = tf.add(tf.mul(s![i], beta2), tf.mul(tf.square(g), 1 - beta2));
          const step = tf.div(tf.div(mNew, c1), tf.add(tf.sqrt(tf.div(sNew, c2)), epsilon));
          return [mNew, sNew, tf.add(tf.mul(step, -lr), v)];
        });
        m![i].assign(m1);
        s![i].assign(s1);
        v.assign(next);
        tf.dispose([m1, s1, next]);
      });
    },
    dispose() {
      if (m) tf.dispose(m);
      if (s) tf.dispose(s);
      m = s = null;
    },
  };
}
