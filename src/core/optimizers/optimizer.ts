import * as tf from '@tensorflow/tfjs';
import type { OptimizerSpec } from './types';
import { materialize, type Direction } from '../random/perturb';
import { checkSeed, resolveHyper, type HyperInput } from './hyper';
import { optimizerSpec, type OptimizerId } from './specs';
import { stateBytes, type StateTree } from '../estimators/state';

/**
 * What every optimizer shares: hyperparameters checked against its spec's domains, a step
 * counter, the bytes of the state it owns, and `minimize` in tf.train.Optimizer's idiom on top of
 * the optimizer's own `step`.
 */
export abstract class Optimizer {
  readonly spec: OptimizerSpec;
  /** Values in their stored form: numbers, a categorical option as its index. */
  protected readonly hyper: Record<string, number>;
  /** Steps taken so far. */
  iterations = 0;
  /**
   * Set while a lane shows gradient diagnostics: each step keeps its gradient estimate ĝ (as
   * directions for zeroth-order methods, as tensors for backprop) for `takeEstimate`.
   */
  captureEstimate = false;
  private capturedDirections: Direction[] | null = null;
  private capturedTensors: tf.Tensor[] | null = null;
  /**
   * Set while a runner records the estimator's variance: each step that forms a two-point estimate
   * keeps its [noise V̂, signal Ŝ] scalars (estimators/variance.ts) for `takeVariance`.
   */
  trackVariance = false;
  private capturedVariance: [tf.Scalar, tf.Scalar] | null = null;
  readonly seed: number;
  /** Whether a step must read values back (then the runner awaits `stepAsync`; see there). */
  protected readonly readsBack: boolean = false;

  constructor(id: OptimizerId, hyper: HyperInput = {}, seed = 1) {
    const spec = optimizerSpec(id);
    if (!spec) throw new Error(`Unknown optimizer '${id}'`);
    this.spec = spec;
    this.seed = checkSeed(id, seed);
    this.hyper = {};
    for (const p of spec.hypers) this.hyper[p.name] = p.default;
    for (const [name, value] of Object.entries(hyper)) this.setHyper(name, value);
  }

  get id(): OptimizerId {
    return this.spec.id as OptimizerId;
  }

  /** The hyperparameters in their stored form (a categorical option as its index). */
  getHyper(): Readonly<Record<string, number>> {
    return { ...this.hyper };
  }

  /**
   * Change a hyperparameter; takes effect at the next step. The value is used as given; one
   * outside the method's domain throws a RangeError naming it (e.g. "zo-sgd: eps must be > 0").
   */
  setHyper(name: string, value: number | string): void {
    this.hyper[name] = resolveHyper(this.spec, name, value);
  }

  /** Forward-pass equivalents of one step (a backprop step counts as 3). */
  forwardPassesPerStep(): number {
    return this.spec.forwardPasses(this.hyper);
  }

  /** The tensors (and CPU arrays) the optimizer keeps between steps: what `stateBytes` counts. */
  protected abstract ownedState(): StateTree;

  /** Bytes of the state kept between steps (moments, buffers, covariances), counted exactly. */
  stateBytes(): number {
    return stateBytes(this.ownedState());
  }

  /**
   * One step on `vars` for the loss `f` (forward only for zeroth-order methods). Returns the
   * step's training loss, owned by the caller.
   */
  abstract step(f: () => tf.Scalar, vars: readonly tf.Variable[]): tf.Scalar;

  /**
   * The same step for hosts that can await. Optimizers that must read values back (CMA-ES sorts its
   * λ losses on the CPU) override it with `await data()`: a synchronous readback is slow on WebGPU
   * and can break the device in a worker. Everything else runs `step` unchanged.
   */
  stepAsync(f: () => tf.Scalar, vars: readonly tf.Variable[]): Promise<tf.Scalar> {
    return Promise.resolve(this.step(f, vars));
  }

  /**
   * `minimize` for the runner. Optimizers that read values back (`readsBack`) step through
   * `stepAsync`; every other step is synchronous and runs as `minimize` does.
   */
  async minimizeAsync(f: () => tf.Scalar, returnCost = false, varList?: tf.Variable[]): Promise<tf.Scalar | null> {
    if (!this.readsBack) return this.minimize(f, returnCost, varList);
    const vars = trainable(varList);
    const undo = this.iterations === 0 ? snapshot(vars) : null;
    let cost: tf.Scalar;
    try {
      cost = await this.stepAsync(scalarLoss(f), vars);
    } catch (e) {
      restoreOnLossError(e, vars, undo);
      throw e;
    } finally {
      if (undo) tf.dispose(undo);
    }
    return this.finish(cost, returnCost);
  }

  /**
   * Like tf.train.Optimizer.minimize: varList defaults to every trainable variable, and a loss that
   * is not a scalar throws; on the first step the weights are then restored, so a wrong loss is
   * refused before anything has changed, as in tf.train. A step that throws leaves no temporary
   * tensor behind.
   */
  minimize(f: () => tf.Scalar, returnCost = false, varList?: tf.Variable[]): tf.Scalar | null {
    const vars = trainable(varList);
    const undo = this.iterations === 0 ? snapshot(vars) : null;
    const engine = tf.engine();
    // A scope of our own, so a failed step's temporaries can be released; on success every tensor
    // still alive passes to the caller's scope untouched, exactly as without it.
    engine.startScope('minimize');
    let cost: tf.Scalar | null = null;
    try {
      cost = this.step(scalarLoss(f), vars);
    } catch (e) {
      restoreOnLossError(e, vars, undo);
      throw e;
    } finally {
      engine.endScope(cost ? engine.state.activeScope.track.filter((t) => !t.isDisposed) : undefined);
      if (undo) tf.dispose(undo);
    }
    return this.finish(cost, returnCost);
  }

  private finish(cost: tf.Scalar, returnCost: boolean): tf.Scalar | null {
    this.iterations++;
    if (returnCost) return cost;
    cost.dispose();
    return null;
  }

  /** Keep this step's ĝ as directions (ownership passes here). */
  protected keepEstimate(dirs: Direction[]): void {
    this.dropEstimate();
    this.capturedDirections = dirs;
  }

  /** Keep this step's gradient tensors (cloned; the caller keeps its own). */
  protected keepGradient(grads: readonly tf.Tensor[]): void {
    this.dropEstimate();
    this.capturedTensors = grads.map((g) => g.clone());
  }

  /** Keep this step's [V̂, Ŝ] (ownership passes here; disposed at once unless `trackVariance`). */
  protected keepVariance(variance: [tf.Scalar, tf.Scalar]): void {
    this.dropVariance();
    if (this.trackVariance) this.capturedVariance = variance;
    else tf.dispose(variance);
  }

  /**
   * The last step's [noise V̂, signal Ŝ] (caller owns), or null when the step formed no two-point
   * estimate (strategies, backprop, biased estimators) or variance tracking is off.
   */
  takeVariance(): [tf.Scalar, tf.Scalar] | null {
    const out = this.capturedVariance;
    this.capturedVariance = null;
    return out;
  }

  private dropVariance(): void {
    if (this.capturedVariance) tf.dispose(this.capturedVariance);
    this.capturedVariance = null;
  }

  private dropEstimate(): void {
    if (this.capturedDirections)
      for (const d of this.capturedDirections) if (typeof d.coef !== 'number') d.coef.dispose();
    if (this.capturedTensors) tf.dispose(this.capturedTensors);
    this.capturedDirections = null;
    this.capturedTensors = null;
  }

  /**
   * The last step's gradient estimate ĝ, one tensor per variable (caller owns), or null when this
   * optimizer forms none (strategies and methods whose step is not a gradient step).
   */
  takeEstimate(vars: readonly tf.Variable[]): tf.Tensor[] | null {
    let out: tf.Tensor[] | null = null;
    if (this.capturedDirections) out = materialize(this.capturedDirections, vars);
    else if (this.capturedTensors) {
      out = this.capturedTensors;
      this.capturedTensors = null;
    }
    this.dropEstimate();
    return out;
  }

  /** Release all optimizer state. */
  dispose(): void {
    this.dropEstimate();
    this.dropVariance();
  }
}

function trainable(varList?: tf.Variable[]): tf.Variable[] {
  const vars = varList ?? Object.values(tf.engine().registeredVariables).filter((v) => v.trainable);
  if (vars.length === 0) throw new Error('minimize: no trainable variables');
  return vars;
}

/** Thrown by the loss wrapper when f() returns a tensor that is not a scalar. */
class NonScalarLossError extends Error {}

/** f, checked on every call: tf.train's minimize refuses a loss that is not a scalar. */
function scalarLoss(f: () => tf.Scalar): () => tf.Scalar {
  return () => {
    const y = f();
    if (y.rank !== 0) throw new NonScalarLossError(`minimize: the loss f() must return a scalar; it returned shape [${y.shape.join(', ')}]`);
    return y;
  };
}

/** The weights before an optimizer's first step (copies share data until a variable is assigned). */
function snapshot(vars: readonly tf.Variable[]): tf.Tensor[] {
  return vars.map((v) => v.clone());
}

/** A first step that stopped on a non-scalar loss may have left a probe in the weights: undo it. */
function restoreOnLossError(e: unknown, vars: readonly tf.Variable[], undo: tf.Tensor[] | null): void {
  if (!(e instanceof NonScalarLossError) || !undo) return;
  vars.forEach((v, i) => v.assign(undo[i]));
}
