/**
 * CMA-ES: Hansen & Ostermeier, "Completely Derandomized Self-Adaptation in Evolution Strategies",
 * Evolutionary Computation 9(2), 2001; tutorial: Hansen, "The CMA Evolution Strategy: A Tutorial",
 * https://arxiv.org/abs/1604.00772. Follows pycma's readable `cma/purecma.py` (positive weights).
 *
 *   xₖ = m + σ·B(D ⊙ zₖ), zₖ ~ N(0, I), k = 1..λ   (C = B D² Bᵀ)
 *   m ← Σᵢ wᵢ x_{i:λ} over the μ = ⌊λ/2⌋ best, wᵢ ∝ ln(λ/2 + ½) − ln i
 *   p_σ ← (1−c_σ)p_σ + √(c_σ(2−c_σ)μ_eff)·C^{-½}(m − m_old)/σ
 *   p_c ← (1−c_c)p_c + h_σ√(c_c(2−c_c)μ_eff)·(m − m_old)/σ
 *   C ← (1 − c₁ − c_μ)C + c₁ p_c p_cᵀ + c_μ Σᵢ wᵢ yᵢyᵢᵀ,   yᵢ = (x_{i:λ} − m_old)/σ
 *   σ ← σ·exp(min(1, (c_σ/d_σ)(‖p_σ‖²/N − 1)/2))
 * with c_c, c_σ, c₁, c_μ, d_σ as in purecma.
 *
 * Forward passes per step: λ. Extra memory: the full covariance C and its eigenvectors B (2×d²
 * doubles), so it refuses more than CMA_ES_MAX_DIM parameters. Runs on the CPU: the λ losses are read
 * back once per step (dataSync; CMA-ES must sort them to move at all), and the weights hold the mean m
 * between steps. Logged training loss: the mean of the λ population losses, without an extra pass.
 * Changing σ live sets the current step size.
 */
import * as tf from '@tensorflow/tfjs';
import { symmetricEigen } from '../../estimators/eigen';
import { evaluateMembers, sizeOf } from '../../estimators/population';
import { Purpose, fillNormal } from '../../random/philox';
import type { HyperInput } from '../hyper';
import { Optimizer } from '../optimizer';
import { CMA_ES_MAX_DIM } from './spec';

type CmaState = {
  N: number;
  m: Float64Array;
  sigma: number;
  sigmaHyper: number;
  C: Float64Array[];
  B: Float64Array[];
  D: Float64Array;
  /** C^{-½} = B D⁻¹ Bᵀ */
  invsqrt: Float64Array[];
  pc: Float64Array;
  ps: Float64Array;
  counteval: number;
  eigeneval: number;
};

const identity = (n: number) =>
  Array.from({ length: n }, (_, i) => {
    const row = new Float64Array(n);
    row[i] = 1;
    return row;
  });

/** purecma's strategy parameters for dimension N and population λ. */
export function cmaParameters(N: number, lambda: number) {
  const mu = Math.floor(lambda / 2);
  const raw = Array.from({ length: mu }, (_, i) => Math.log(lambda / 2 + 0.5) - Math.log(i + 1));
  const total = raw.reduce((a, b) => a + b, 0);
  const weights = raw.map((w) => w / total);
  const mueff = 1 / weights.reduce((a, w) => a + w * w, 0);
  const cc = (4 + mueff / N) / (N + 4 + (2 * mueff) / N);
  const cs = (mueff + 2) / (N + mueff + 5);
  const c1 = 2 / ((N + 1.3) ** 2 + mueff);
  const cmu = Math.min(1 - c1, (2 * (mueff - 2 + 1 / mueff)) / ((N + 2) ** 2 + mueff));
  const damps = (2 * mueff) / lambda + 0.3 + cs;
  return { mu, weights, mueff, cc, cs, c1, cmu, damps };
}

export class CmaEs extends Optimizer {
  private state: CmaState | null = null;

  constructor(hyper?: HyperInput, seed?: number) {
    super('cma-es', hyper, seed);
  }

  /** It sorts its λ losses on the CPU. */
  protected readonly readsBack = true;

  /** The covariance, its eigenvectors, C^{-½} and the paths: CPU arrays, counted as state. */
  protected ownedState(): CmaState | null {
    return this.state;
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
    const N = m.length;
    return {
      N,
      m,
      sigma: this.hyper.sigma,
      sigmaHyper: this.hyper.sigma,
      C: identity(N),
      B: identity(N),
      D: new Float64Array(N).fill(1),
      invsqrt: identity(N),
      pc: new Float64Array(N),
      ps: new Float64Array(N),
      counteval: 0,
      eigeneval: 0,
    };
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

  private updateEigen(s: CmaState): void {
    const { values, vectors } = symmetricEigen(s.C);
    s.B = vectors;
    for (let i = 0; i < s.N; i++) s.D[i] = Math.sqrt(Math.max(values[i], 1e-300));
    for (let i = 0; i < s.N; i++)
      for (let j = 0; j <= i; j++) {
        let acc = 0;
        for (let k = 0; k < s.N; k++) acc += (s.B[i][k] * s.B[j][k]) / s.D[k];
        s.invsqrt[i][j] = s.invsqrt[j][i] = acc;
      }
    s.eigeneval = s.counteval;
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

  /** ask: λ samples xₖ = m + σ·B(D ⊙ zₖ), each written to the weights and evaluated. */
  private ask(f: () => tf.Scalar, vars: readonly tf.Variable[]): { xs: Float64Array[]; losses: tf.Tensor1D } {
    const s = this.state!;
    const { N } = s;
    const lambda = this.hyper.lambda;
    if (this.hyper.sigma !== s.sigmaHyper) s.sigma = s.sigmaHyper = this.hyper.sigma;
    const p = cmaParameters(N, lambda);
    if (s.counteval - s.eigeneval > lambda / (p.c1 + p.cmu) / N / 10) this.updateEigen(s);

    // ask: xₖ = m + σ·B(D ⊙ zₖ)
    const xs: Float64Array[] = [];
    const z = new Float32Array(N);
    const enter = (k: number) => {
      fillNormal(z, this.seed, this.iterations, k, 0, Purpose.strategy);
      const x = Float64Array.from(s.m);
      for (let i = 0; i < N; i++) {
        let y = 0;
        for (let j = 0; j < N; j++) y += s.B[i][j] * s.D[j] * z[j];
        x[i] += s.sigma * y;
      }
      xs.push(x);
      this.write(vars, x);
    };
    const losses = evaluateMembers(f, lambda, enter);
    s.counteval += lambda;
    return { xs, losses };
  }

  /** tell: rank the samples by loss and update m, the paths, C and σ (purecma's order). */
  private tell(asked: { xs: Float64Array[]; losses: tf.Tensor1D }, values: ArrayLike<number>, vars: readonly tf.Variable[]): tf.Scalar {
    asked.losses.dispose();
    const { xs } = asked;
    const s = this.state!;
    const { N } = s;
    const lambda = this.hyper.lambda;
    const p = cmaParameters(N, lambda);
    const order = Array.from({ length: values.length }, (_, k) => k).sort((a, b) => values[a] - values[b] || a - b);
    const mOld = s.m;
    const m = new Float64Array(N);
    for (let i = 0; i < p.mu; i++) {
      const x = xs[order[i]];
      for (let j = 0; j < N; j++) m[j] += p.weights[i] * x[j];
    }
    const y = m.map((mj, j) => mj - mOld[j]);
    const csn = Math.sqrt(p.cs * (2 - p.cs) * p.mueff) / s.sigma;
    for (let i = 0; i < N; i++) {
      let zi = 0;
      for (let j = 0; j < N; j++) zi += s.invsqrt[i][j] * y[j];
      s.ps[i] = (1 - p.cs) * s.ps[i] + csn * zi;
    }
    const psNorm2 = s.ps.reduce((a, v) => a + v * v, 0);
    const hsig = psNorm2 / N / (1 - (1 - p.cs) ** ((2 * s.counteval) / lambda)) < 2 + 4 / (N + 1) ? 1 : 0;
    const ccn = Math.sqrt(p.cc * (2 - p.cc) * p.mueff) / s.sigma;
    for (let i = 0; i < N; i++) s.pc[i] = (1 - p.cc) * s.pc[i] + ccn * hsig * y[i];
    const c1a = p.c1 * (1 - (1 - hsig * hsig) * p.cc * (2 - p.cc));
    const decay = 1 - c1a - p.cmu; // Σw = 1
    const dx = order.slice(0, p.mu).map((k) => xs[k].map((xj, j) => xj - mOld[j]));
    const rankMu = p.weights.map((w) => (w * p.cmu) / (s.sigma * s.sigma));
    for (let i = 0; i < N; i++) {
      const row = s.C[i];
      for (let j = 0; j <= i; j++) {
        let c = decay * row[j] + p.c1 * s.pc[i] * s.pc[j];
        for (let k = 0; k < p.mu; k++) c += rankMu[k] * dx[k][i] * dx[k][j];
        row[j] = c;
        s.C[j][i] = c;
      }
    }
    s.sigma *= Math.exp(Math.min(1, ((p.cs / p.damps) * (psNorm2 / N - 1)) / 2));
    s.m = m;
    this.write(vars, m);
    let mean = 0;
    for (let k = 0; k < values.length; k++) mean += values[k] / lambda;
    return tf.scalar(mean);
  }

  dispose(): void {
    this.state = null;
  }
}

export const createCmaEs = (hyper?: HyperInput, seed?: number) => new CmaEs(hyper, seed);
