import * as tf from '@tensorflow/tfjs';
import type { RuleName } from '../optimizers/params';
import { stateBytes, type StateTree } from './state';

/**
 * Update rules in optax's form (https://github.com/google-deepmind/optax): a gradient
 * transformation is a pair `init(params) → state`, `update(grads, state, params, hyper) →
 * { updates, state }`, combined with `chain` and applied as θ ← θ + u. Shared by the zeroth-order
 * lanes and the backprop baselines, so "ZO-Adam vs Adam" differ only in where the gradient came from.
 *
 * Ownership: grads are borrowed; updates are new tensors the caller owns. A state's tensors are
 * tf.Variables updated in place with assign (as tf.train keeps its accumulators, so a caller's
 * tf.tidy cannot dispose them); the state returned is the one to pass next time, and `disposeState`
 * releases it. A null gradient marks a variable the loss does not use: it gets a null update and
 * its state is left as it was (tf.train skips such a variable).
 */

type Hyper = Readonly<Record<string, number>>;
export type Grads = readonly (tf.Tensor | null)[];
export type Updates = (tf.Tensor | null)[];

export interface Transform<S extends StateTree = StateTree> {
  init(params: readonly tf.Variable[]): S;
  update(grads: Grads, state: S, params: readonly tf.Variable[], hyper: Hyper): { updates: Updates; state: S };
}

/** A chain that ends in the step −η: what an optimizer applies with θ ← θ + u. */
export type UpdateRule = Transform;

const zerosLikeEach = (params: readonly tf.Variable[]) => params.map((v) => tf.tidy(() => tf.variable(tf.zerosLike(v), false)));

/** Map over the variables a loss uses; skipped ones (null) stay null. */
const each = (grads: Grads, fn: (g: tf.Tensor, i: number) => tf.Tensor): Updates => grads.map((g, i) => (g ? fn(g, i) : null));

/** u = T_n(…T_1(g)); the state is the list of the transforms' states. */
export function chain(...transforms: Transform[]): Transform<StateTree[]> {
  return {
    init: (params) => transforms.map((t) => t.init(params)),
    update(grads, state, params, hyper) {
      let current: Grads = grads;
      const next = transforms.map((t, i) => {
        const out = t.update(current, state[i], params, hyper);
        if (i > 0) tf.dispose(current.filter((u): u is tf.Tensor => u !== null));
        current = out.updates;
        return out.state;
      });
      const updates = current === grads ? grads.map((g) => g?.clone() ?? null) : (current as Updates);
      return { updates, state: next };
    },
  };
}

/** u = −η·g (hyper `lr`). */
export function scaleByLearningRate(): Transform<null> {
  return {
    init: () => null,
    update: (grads, state, _params, { lr }) => ({ updates: each(grads, (g) => tf.tidy(() => tf.mul(g, -lr))), state }),
  };
}

/** u = sign(g), elementwise. */
export function scaleBySign(): Transform<null> {
  return {
    init: () => null,
    update: (grads, state) => ({ updates: each(grads, (g) => tf.sign(g)), state }),
  };
}

/** Heavy-ball trace b ← μ·b + g (hyper `momentum`), as tf.train.momentum accumulates it. */
export function traceMomentum(): Transform<{ trace: tf.Variable[] }> {
  return {
    init: (params) => ({ trace: zerosLikeEach(params) }),
    update(grads, state, _params, { momentum }) {
      const b = state.trace;
      const updates = each(grads, (g, i) => {
        const next = tf.tidy(() => tf.add(tf.mul(b[i], momentum), g));
        b[i].assign(next);
        return next;
      });
      return { updates, state };
    },
  };
}

type AdamState = {
  m: tf.Variable[];
  v: tf.Variable[];
  /** β₁ᵗ and β₂ᵗ, accumulated in float32 as tf.train.adam does (Math.fround = one float32 rounding). */
  accBeta1: number;
  accBeta2: number;
};

/**
 * Adam's direction (Kingma & Ba 2015, https://arxiv.org/abs/1412.6980, Algorithm 1), in
 * tf.train.adam's operation order: m ← β₁m + (1−β₁)g; v ← β₂v + (1−β₂)g²;
 * u = (m/(1−β₁ᵗ)) / (√(v/(1−β₂ᵗ)) + ε). Hypers `beta1`, `beta2`.
 */
export function scaleByAdam(epsilon: number): Transform<AdamState> {
  return {
    init: (params) => ({ m: zerosLikeEach(params), v: zerosLikeEach(params), accBeta1: 1, accBeta2: 1 }),
    update(grads, state, _params, { beta1, beta2 }) {
      const { m, v } = state;
      const accBeta1 = Math.fround(state.accBeta1 * Math.fround(beta1));
      const accBeta2 = Math.fround(state.accBeta2 * Math.fround(beta2));
      const c1 = Math.fround(1 - accBeta1);
      const c2 = Math.fround(1 - accBeta2);
      const updates = each(grads, (g, i) => {
        const [m1, s1, step] = tf.tidy(() => {
          const mNew = tf.add(tf.mul(m[i], beta1), tf.mul(g, 1 - beta1));
          const sNew = tf.add(tf.mul(v[i], beta2), tf.mul(tf.square(g), 1 - beta2));
          return [mNew, sNew, tf.div(tf.div(mNew, c1), tf.add(tf.sqrt(tf.div(sNew, c2)), epsilon))];
        });
        m[i].assign(m1);
        v[i].assign(s1);
        tf.dispose([m1, s1]);
        return step;
      });
      return { updates, state: { m, v, accBeta1, accBeta2 } };
    },
  };
}

/** θ ← θ − η·g */
export const sgdRule = (): UpdateRule => chain(scaleByLearningRate());

/** b ← μb + g; θ ← θ − η·b (tf.train.momentum without Nesterov). */
export const momentumRule = (): UpdateRule => chain(traceMomentum(), scaleByLearningRate());

/** Adam with tf.train.adam's ε = 1e-7 by default (ZO-Bench's ZO-Adam uses 1e-8). */
export const adamRule = (epsilon = 1e-7): UpdateRule => chain(scaleByAdam(epsilon), scaleByLearningRate());

/** θ ← θ − η·sign(g) (signSGD, Bernstein et al. 2018, https://arxiv.org/abs/1802.04434). */
export const signRule = (): UpdateRule => chain(scaleBySign(), scaleByLearningRate());

/** The rules a strategy can be given by name (OpenAI-ES's `rule`), with ZO-Bench's Adam ε = 1e-8. */
export const RULE_FACTORIES: Readonly<Record<RuleName, () => UpdateRule>> = {
  sgd: sgdRule,
  adam: () => adamRule(1e-8),
  momentum: momentumRule,
};

/** θ ← θ + u for the variables that have an update. */
export function applyUpdates(vars: readonly tf.Variable[], updates: Updates): void {
  vars.forEach((v, i) => {
    const u = updates[i];
    if (!u) return;
    const next = tf.tidy(() => tf.add(v, u));
    v.assign(next);
    next.dispose();
  });
}

/** Release a state's tensors. */
export function disposeState(state: StateTree): void {
  if (state == null || typeof state === 'number' || ArrayBuffer.isView(state)) return;
  if (state instanceof tf.Tensor) state.dispose();
  else (Array.isArray(state) ? state : Object.values(state)).forEach(disposeState);
}

/**
 * A rule together with its state for one list of variables: what an optimizer that applies a rule
 * owns. The state is created at the first step, when the variables are known.
 */
export class AppliedRule {
  private state: StateTree = null;
  private started = false;

  constructor(readonly rule: UpdateRule) {}

  /** θ ← θ + u(grads): one update of the rule, its state carried to the next step. */
  apply(vars: readonly tf.Variable[], grads: Grads, hyper: Hyper): void {
    if (!this.started) {
      this.state = this.rule.init(vars);
      this.started = true;
    }
    const { updates, state } = this.rule.update(grads, this.state, vars, hyper);
    this.state = state;
    applyUpdates(vars, updates);
    tf.dispose(updates.filter((u): u is tf.Tensor => u !== null));
  }

  /** The state kept between steps (for counting its bytes). */
  get current(): StateTree {
    return this.state;
  }

  bytes(): number {
    return stateBytes(this.state);
  }

  dispose(): void {
    disposeState(this.state);
    this.state = null;
    this.started = false;
  }
}
