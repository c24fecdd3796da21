import * as tf from '@tensorflow/tfjs';
import { optimizerSpec } from '../catalog/optimizers';
import { fitToSpec, type OptimizerSpec } from '../catalog/types';
import { materialize, type Direction } from '../perturb';
import type { UpdateRule } from './rules';

/**
 * What every optimizer shares: hyperparameters validated against its registry entry, a step
 * counter, and `minimize` in tf.train.Optimizer's idiom on top of the optimizer's own `step`.
 */
export abstract class Optimizer {
  readonly spec: OptimizerSpec;
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

  constructor(
    id: string,
    hyper: Record<string, number> = {},
    readonly seed = 1,
  ) {
    const spec = optimizerSpec(id);
    if (!spec) throw new Error(`Unknown optimizer '${id}'`);
    this.spec = spec;
    this.hyper = {};
    for (const p of spec.hypers) this.hyper[p.name] = p.default;
    for (const [name, value] of Object.entries(hyper)) this.setHyper(name, value);
  }

  get id(): string {
    return this.spec.id;
  }

  getHyper(): Readonly<Record<string, number>> {
    return { ...this.hyper };
  }

  /** Change a hyperparameter; takes effect at the next step. Throws on unknown names or NaN. */
  setHyper(name: string, value: number): void {
    const p = this.spec.hypers.find((h) => h.name === name);
    if (!p) throw new Error(`${this.spec.id} has no hyperparameter '${name}'`);
    if (!Number.isFinite(value)) throw new Error(`${this.spec.id}.${name} must be a finite number`);
    this.hyper[name] = fitToSpec(p, value).value;
  }

  /** Forward-pass equivalents of one step (a backprop step counts as 3). */
  forwardPassesPerStep(): number {
    return this.spec.forwardPasses(this.hyper);
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

  /** `minimize` for the runner: the same step, through `stepAsync`. */
  async minimizeAsync(f: () => tf.Scalar, returnCost = false, varList?: tf.Variable[]): Promise<tf.Scalar | null> {
    const vars = varList ?? Object.values(tf.engine().registeredVariables).filter((v) => v.trainable);
    if (vars.length === 0) throw new Error('minimize: no trainable variables');
    const cost = await this.stepAsync(f, vars);
    this.iterations++;
    if (returnCost) return cost;
    cost.dispose();
    return null;
  }

  /** Like tf.train.Optimizer.minimize: varList defaults to every trainable variable. */
  minimize(f: () => tf.Scalar, returnCost = false, varList?: tf.Variable[]): tf.Scalar | null {
    const vars = varList ?? Object.values(tf.engine().registeredVariables).filter((v) => v.trainable);
    if (vars.length === 0) throw new Error('minimize: no trainable variables');
    const cost = this.step(f, vars);
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
  }
}

/**
 * An optimizer that feeds a gradient, true or estimated, to an update rule (rules.ts) it owns: the
 * backprop baselines and the zeroth-order lanes with a rule, so "ZO-Adam vs Adam" differ only in
 * where the gradient came from.
 */
export abstract class RuleOptimizer extends Optimizer {
  constructor(
    id: string,
    protected readonly rule: UpdateRule,
    hyper?: Record<string, number>,
    seed?: number,
  ) {
    super(id, hyper, seed);
  }

  dispose(): void {
    super.dispose();
    this.rule.dispose();
  }
}
