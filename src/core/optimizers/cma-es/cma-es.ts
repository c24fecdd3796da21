/**
 * CMA-ES: Hansen & Ostermeier, "Completely Derandomized Self-Adaptation in Evolution Strategies",
 * Evolutionary Computation 9(2), 2001; tutorial: Hansen, "The CMA Evolution Strategy: A Tutorial",
 * https://arxiv.org/abs/1604.00772. The strategy itself (ask, tell, active weights, IPOP) is
 * strategy.ts, on plain Float64 arrays; this class writes its samples to the weights.
 *
 * Forward passes per step: λ (4 + ⌊3 ln d⌋ when the hyperparameter is 0; doubled by each IPOP
 * restart). Extra memory: the full covariance C, its eigenvectors B and C^{-½} (3×d² doubles), so it
 * refuses more than CMA_ES_MAX_DIM parameters. Runs on the CPU: the λ losses are read back once per
 * step (CMA-ES must sort them to move at all), and the weights hold the mean m between steps.
 * Logged training loss: the mean of the λ population losses, without an extra pass. Changing σ live
 * sets the current step size.
 */
import * as tf from '@tensorflow/tfjs';
import { evaluateMembers, sizeOf } from '../../estimators/population';
import type { HyperInput } from '../hyper';
import { Optimizer } from '../optimizer';
import { CMA_ES_MAX_DIM, CMA_RESTARTS, cmaPopulation } from './spec';
import { ask, initialState, tell, type CmaSettings, type CmaState } from './strategy';

export { cmaParameters } from './strategy';

export class CmaEs extends Optimizer {
  private state: CmaState | null = null;
  /** The σ hyperparameter the current σ was last set from (a live change resets σ). */
  private sigmaHyper = NaN;
  /** λ of the last step taken (an IPOP restart doubles the next one). */
  private lastLambda = NaN;

  constructor(hyper?: HyperInput, seed?: number) {
    super('cma-es', hyper, seed);
  }

  /** It sorts its λ losses on the CPU. */
  protected readonly readsBack = true;

  /** λ = 1 leaves no parent: refused, as the domain of λ (0 = the standard 4 + ⌊3 ln d⌋, or ≥ 2). */
  setHyper(name: string, value: number | string): void {
    if (name === 'lambda' && value === 1)
      throw new RangeError('cma-es: lambda must be an integer ≥ 2, or 0 for 4 + ⌊3 ln d⌋ (got 1)');
    super.setHyper(name, value);
  }

  /** The covariance, its eigenvectors, C^{-½}, the paths (and IPOP's initial mean): CPU arrays, counted as state. */
  protected ownedState(): CmaState | null {
    return this.state;
  }

  /** The λ of the step just taken (it grows with IPOP restarts), as the runner counts passes. */
  forwardPassesPerStep(): number {
    return Number.isNaN(this.lastLambda) ? this.spec.forwardPasses(this.hyper) : this.lastLambda;
  }

  private settings(): CmaSettings {
    return { active: this.hyper.active === 1, ipop: CMA_RESTARTS[this.hyper.restarts] === 'ipop' };
  }

  private checkSize(vars: readonly tf.Variable[]): number {
    const N = sizeOf(vars);
    if (N > CMA_ES_MAX_DIM)
      throw new Error(
        `cma-es keeps a full ${N}×${N} covariance matrix and is limited to ${CMA_ES_MAX_DIM} parameters; ` +
          `this model has ${N}. Use snes (diagonal covariance) or openai-es instead.`,
      );
    return N;
  }

  /** The starting mean m₀ = θ, read back once (synchronously: cpu backend / library use). */
  private readMeanSync(vars: readonly tf.Variable[]): Float64Array {
    const m = new Float64Array(this.checkSize(vars));
    let offset = 0;
    for (const v of vars) {
      m.set(v.dataSync(), offset);
      offset += v.size;
    }
    return m;
  }

  /** The same, without blocking (the runner's path: WebGPU forbids cheap sync readback). */
  private async readMean(vars: readonly tf.Variable[]): Promise<Float64Array> {
    const m = new Float64Array(this.checkSize(vars));
    let offset = 0;
    for (const v of vars) {
      m.set(await v.data(), offset);
      offset += v.size;
    }
    return m;
  }

  private init(m: Float64Array): CmaState {
    this.sigmaHyper = this.hyper.sigma;
    return initialState(m, this.hyper.sigma, cmaPopulation(this.hyper, m.length), this.settings().ipop ? Float64Array.from(m) : null);
  }

  private write(vars: readonly tf.Variable[], x: Float64Array): void {
    let offset = 0;
    for (const v of vars) {
      const t = tf.tensor(Float32Array.from(x.subarray(offset, offset + v.size)), v.shape, 'float32');
      v.assign(t);
      t.dispose();
      offset += v.size;
    }
  }

  step(f: () => tf.Scalar, vars: readonly tf.Variable[]): tf.Scalar {
    this.state ??= this.init(this.readMeanSync(vars));
    const asked = this.ask(f, vars);
    const values = asked.losses.dataSync();
    return this.tell(asked, values, vars);
  }

  async stepAsync(f: () => tf.Scalar, vars: readonly tf.Variable[]): Promise<tf.Scalar> {
    this.state ??= this.init(await this.readMean(vars));
    const asked = this.ask(f, vars);
    const values = await asked.losses.data();
    return this.tell(asked, values, vars);
  }

  /** ask: λ samples, each written to the weights and evaluated. */
  private ask(f: () => tf.Scalar, vars: readonly tf.Variable[]): { xs: Float64Array[]; losses: tf.Tensor1D } {
    const s = this.state!;
    if (this.hyper.sigma !== this.sigmaHyper) s.sigma = this.sigmaHyper = this.hyper.sigma;
    // A live change of λ applies to the current run; each IPOP restart doubles it.
    s.lambda = cmaPopulation(this.hyper, s.N) * 2 ** s.restarts;
    this.lastLambda = s.lambda;
    const xs = ask(s, this.settings(), this.seed, this.iterations);
    const losses = evaluateMembers(f, xs.length, (k) => this.write(vars, xs[k]));
    return { xs, losses };
  }

  /** tell: the strategy's update from the losses; the weights then hold the new mean. */
  private tell(asked: { xs: Float64Array[]; losses: tf.Tensor1D }, values: ArrayLike<number>, vars: readonly tf.Variable[]): tf.Scalar {
    asked.losses.dispose();
    const s = this.state!;
    const lambda = values.length;
    tell(s, this.settings(), asked.xs, values, this.sigmaHyper);
    this.write(vars, s.m);
    let mean = 0;
    for (let k = 0; k < values.length; k++) mean += values[k] / lambda;
    return tf.scalar(mean);
  }

  dispose(): void {
    this.state = null;
    this.sigmaHyper = NaN;
    this.lastLambda = NaN;
  }
}

export const createCmaEs = (hyper?: HyperInput, seed?: number) => new CmaEs(hyper, seed);
