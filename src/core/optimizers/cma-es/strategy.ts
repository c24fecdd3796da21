/**
 * CMA-ES on plain Float64 arrays (no tfjs): ask λ samples, tell their losses. The optimizer in
 * cma-es.ts writes the samples to the weights; tests and benchmarks run this directly on functions.
 *
 * Hansen, "The CMA Evolution Strategy: A Tutorial", https://arxiv.org/abs/1604.00772 (eqs. 44–58 and
 * Table 1 of Appendix A), in the order of pycma's readable `purecma.py`:
 *
 *   yₖ = B(D ⊙ zₖ), xₖ = m + σyₖ, zₖ ~ N(0, I)                    (C = B D² Bᵀ)
 *   m ← Σ_{i≤μ} wᵢ x_{i:λ}                                          (positive weights only)
 *   p_σ ← (1−c_σ)p_σ + √(c_σ(2−c_σ)μ_eff)·C^{-½}(m − m_old)/σ
 *   p_c ← (1−c_c)p_c + h_σ√(c_c(2−c_c)μ_eff)·(m − m_old)/σ
 *   C ← (1 + c₁δ(h_σ) − c₁ − c_μΣwⱼ)C + c₁p_cp_cᵀ + c_μ Σᵢ wᵢ° yᵢyᵢᵀ
 *   σ ← σ·exp(min(1, (c_σ/d_σ)(‖p_σ‖²/N − 1)/2))
 *
 * positive (purecma): wᵢ ∝ ln(λ/2 + ½) − ln i for i ≤ μ = ⌊λ/2⌋, Σw = 1, d_σ = 2μ_eff/λ + 0.3 + c_σ.
 * active (the tutorial's default and pycma's): the same raw weights for all λ samples, the worst
 *   ones negative, scaled by min(α⁻_μ, α⁻_μeff, α⁻_posdef)/Σ|w⁻| (tutorial eq. 53), wᵢ° = wᵢ·N/‖C^{-½}yᵢ‖²
 *   for wᵢ < 0, and d_σ = 1 + 2·max(0, √((μ_eff−1)/(N+1)) − 1) + c_σ (tutorial eq. 55).
 * IPOP (Auger & Hansen 2005, "A Restart CMA Evolution Strategy With Increasing Population Size",
 *   https://doi.org/10.1109/CEC.2005.1554902): on stagnation, restart from the initial mean with the
 *   initial σ and twice the population.
 */
import { symmetricEigen } from '../../estimators/eigen';
import { Purpose, fillNormal } from '../../random/philox';

export interface CmaSettings {
  /** Negative weights for the worst samples (active CMA). */
  active: boolean;
  /** Restart with a doubled population on stagnation (IPOP). */
  ipop: boolean;
}

/** The standard population 4 + ⌊3 ln N⌋ (tutorial Table 1). */
export const defaultPopulation = (N: number) => 4 + Math.floor(3 * Math.log(N));

/** The strategy parameters for dimension N and population λ (weights: μ positive ones, or λ when active). */
export function cmaParameters(N: number, lambda: number, active = false) {
  const mu = Math.floor(lambda / 2);
  const raw = Array.from({ length: active ? lambda : mu }, (_, i) => Math.log(lambda / 2 + 0.5) - Math.log(i + 1));
  const positive = raw.slice(0, mu);
  const total = positive.reduce((a, b) => a + b, 0);
  const weights = positive.map((w) => w / total);
  const mueff = 1 / weights.reduce((a, w) => a + w * w, 0);
  const cc = (4 + mueff / N) / (N + 4 + (2 * mueff) / N);
  if (!active) {
    const cs = (mueff + 2) / (N + mueff + 5);
    const c1 = 2 / ((N + 1.3) ** 2 + mueff);
    const cmu = Math.min(1 - c1, (2 * (mueff - 2 + 1 / mueff)) / ((N + 2) ** 2 + mueff));
    return { mu, weights, mueff, cc, cs, c1, cmu, damps: (2 * mueff) / lambda + 0.3 + cs };
  }
  // pycma's defaults (cma/options_parameters.py, sigma_adaptation.py): c_σ with +3, the rank-μ
  // offset ¼, c₁ scaled by min(1, λ/6), and the tutorial's d_σ.
  const cs = (mueff + 2) / (N + mueff + 3);
  const c1 = (Math.min(1, lambda / 6) * 2) / ((N + 1.3) ** 2 + mueff);
  const cmu = Math.min(1 - c1, (2 * (0.25 + mueff + 1 / mueff - 2)) / ((N + 2) ** 2 + mueff));
  const negative = raw.slice(mu);
  const negSum = negative.reduce((a, w) => a + Math.abs(w), 0);
  const negSq = negative.reduce((a, w) => a + w * w, 0);
  const mueffMinus = negSq > 0 ? negSum ** 2 / negSq : 0;
  const scale = Math.min(1 + c1 / cmu, 1 + (2 * mueffMinus) / (mueff + 2), (1 - c1 - cmu) / (N * cmu));
  for (const w of negative) weights.push(negSum > 0 ? (scale * w) / negSum : 0);
  const damps = 1 + 2 * Math.max(0, Math.sqrt((mueff - 1) / (N + 1)) - 1) + cs;
  return { mu, weights, mueff, cc, cs, c1, cmu, damps };
}

/** E‖N(0, I_N)‖ ≈ √N(1 − 1/(4N) + 1/(21N²)) (tutorial, after eq. 44). */
const chiN = (N: number) => Math.sqrt(N) * (1 - 1 / (4 * N) + 1 / (21 * N * N));

const identity = (n: number) =>
  Array.from({ length: n }, (_, i) => {
    const row = new Float64Array(n);
    row[i] = 1;
    return row;
  });

/** What the strategy keeps between generations (counted by the optimizer's stateBytes). */
export type CmaState = {
  N: number;
  m: Float64Array;
  sigma: number;
  C: Float64Array[];
  B: Float64Array[];
  D: Float64Array;
  /** C^{-½} = B D⁻¹ Bᵀ */
  invsqrt: Float64Array[];
  pc: Float64Array;
  ps: Float64Array;
  counteval: number;
  eigeneval: number;
  /** The population of the current run (doubled by each IPOP restart). */
  lambda: number;
  /** IPOP only: the initial mean restarts begin from, and the recent best losses (stagnation test). */
  m0: Float64Array | null;
  history: number[];
  restarts: number;
};

/** A fresh run from mean m with step size σ and population λ. */
export function initialState(m: Float64Array, sigma: number, lambda: number, m0: Float64Array | null): CmaState {
  const N = m.length;
  return {
    N, m, sigma, C: identity(N), B: identity(N), D: new Float64Array(N).fill(1), invsqrt: identity(N),
    pc: new Float64Array(N), ps: new Float64Array(N), counteval: 0, eigeneval: 0, lambda, m0, history: [], restarts: 0,
  };
}

function updateEigen(s: CmaState): void {
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

/** ask: the generation's λ samples xₖ = m + σ·B(D ⊙ zₖ), zₖ from (seed, generation, k). */
export function ask(s: CmaState, settings: CmaSettings, seed: number, generation: number): Float64Array[] {
  const { N, lambda } = s;
  const p = cmaParameters(N, lambda, settings.active);
  if (s.counteval - s.eigeneval > lambda / (p.c1 + p.cmu) / N / 10) updateEigen(s);
  const xs: Float64Array[] = [];
  const z = new Float32Array(N);
  for (let k = 0; k < lambda; k++) {
    fillNormal(z, seed, generation, k, 0, Purpose.strategy);
    const x = Float64Array.from(s.m);
    for (let i = 0; i < N; i++) {
      let y = 0;
      for (let j = 0; j < N; j++) y += s.B[i][j] * s.D[j] * z[j];
      x[i] += s.sigma * y;
    }
    xs.push(x);
  }
  s.counteval += lambda;
  return xs;
}

/** tell: rank the samples by loss and update m, the paths, C and σ; then the IPOP restart test. */
export function tell(s: CmaState, settings: CmaSettings, xs: readonly Float64Array[], values: ArrayLike<number>, sigma0: number): void {
  const { N, lambda } = s;
  const p = cmaParameters(N, lambda, settings.active);
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
  const wSum = p.weights.reduce((a, w) => a + w, 0);
  // Σw = 1 with positive weights only: the purecma decay 1 − c1a − c_μ, kept as one expression.
  const decay = settings.active ? 1 - c1a - p.cmu * wSum : 1 - c1a - p.cmu;
  const used = p.weights.length;
  const dx = order.slice(0, used).map((k) => xs[k].map((xj, j) => xj - mOld[j]));
  const rankMu = p.weights.map((w, k) => {
    if (w >= 0) return (w * p.cmu) / (s.sigma * s.sigma);
    // wᵢ° = wᵢ·N/‖C^{-½}yᵢ‖², yᵢ = dxᵢ/σ: the bad directions shrink C by a bounded amount.
    let mahalanobis2 = 0;
    for (let i = 0; i < N; i++) {
      let zi = 0;
      for (let j = 0; j < N; j++) zi += s.invsqrt[i][j] * dx[k][j];
      mahalanobis2 += zi * zi;
    }
    return (w * p.cmu * N) / Math.max(mahalanobis2, 1e-300);
  });
  for (let i = 0; i < N; i++) {
    const row = s.C[i];
    for (let j = 0; j <= i; j++) {
      let c = decay * row[j] + p.c1 * s.pc[i] * s.pc[j];
      for (let k = 0; k < used; k++) c += rankMu[k] * dx[k][i] * dx[k][j];
      row[j] = c;
      s.C[j][i] = c;
    }
  }
  // purecma's squared-length form; active follows pycma's default, ‖p_σ‖/E‖N(0, I)‖ − 1 (tutorial eq. 44).
  const lengthSignal = settings.active ? Math.sqrt(psNorm2) / chiN(N) - 1 : (psNorm2 / N - 1) / 2;
  s.sigma *= Math.exp(Math.min(1, (p.cs / p.damps) * lengthSignal));
  s.m = m;
  if (settings.ipop && s.m0) restartIfStagnant(s, values, order, sigma0);
}

/**
 * pycma's termination tests that IPOP restarts on: tolfun (the best losses of the last
 * 10 + ⌈30N/λ⌉ generations and this generation's losses all within 1e-12), tolx (σ·max(√Cᵢᵢ,
 * |p_c|) below 1e-12·σ₀) and conditioncov (cond C > 1e14).
 */
function restartIfStagnant(s: CmaState, values: ArrayLike<number>, order: readonly number[], sigma0: number): void {
  const { N, lambda } = s;
  s.history.push(values[order[0]]);
  const window = 10 + Math.ceil((30 * N) / lambda);
  if (s.history.length > window) s.history.shift();
  const range = (xs: ArrayLike<number>) => Math.max(...Array.from(xs)) - Math.min(...Array.from(xs));
  const tolfun = s.history.length >= window && Math.max(range(s.history), range(values)) < 1e-12;
  let spread = 0;
  for (let i = 0; i < N; i++) spread = Math.max(spread, Math.sqrt(s.C[i][i]), Math.abs(s.pc[i]));
  const tolx = s.sigma * spread < 1e-12 * sigma0;
  const dMax = Math.max(...s.D);
  const dMin = Math.min(...s.D);
  const condition = (dMax / dMin) ** 2 > 1e14;
  if (!(tolfun || tolx || condition || !Number.isFinite(s.sigma))) return;
  const next = initialState(Float64Array.from(s.m0!), sigma0, 2 * lambda, s.m0);
  next.restarts = s.restarts + 1;
  Object.assign(s, next);
}

/** Run CMA-ES on a function of Float64 arrays until f < target or the budget of evaluations is spent. */
export function minimizeArray(
  f: (x: Float64Array) => number,
  x0: Float64Array,
  sigma0: number,
  opts: { lambda?: number; seed?: number; target?: number; budget?: number } & CmaSettings,
): { evaluations: number; best: number; state: CmaState } {
  const lambda = opts.lambda ?? defaultPopulation(x0.length);
  const s = initialState(Float64Array.from(x0), sigma0, lambda, opts.ipop ? Float64Array.from(x0) : null);
  const target = opts.target ?? -Infinity;
  const budget = opts.budget ?? 1e6;
  let evaluations = 0;
  let best = Infinity;
  for (let generation = 0; evaluations < budget; generation++) {
    const xs = ask(s, opts, opts.seed ?? 1, generation);
    const values = new Float64Array(xs.length);
    for (let k = 0; k < xs.length; k++) {
      values[k] = f(xs[k]);
      evaluations++;
      best = Math.min(best, values[k]);
      if (best < target) return { evaluations, best, state: s };
    }
    tell(s, opts, xs, values, sigma0);
  }
  return { evaluations, best, state: s };
}
