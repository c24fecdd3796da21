import type { TorchOptimizer } from './optimizers';
import { ADAM_RULE } from './rules';
import { CMA_ES_MAX_DIM } from '../../core/catalog/optimizers';

/**
 * PyTorch templates of the evolution strategies and random search (src/core/optimizers/
 * openai-es.ts, snes.ts, cma-es.ts, one-plus-one-es.ts, random-search.ts). Each defines
 * `init_state` and `train_step`; the population's noise is regenerated from a per-(step, member)
 * seed, MeZO style, wherever the algorithm allows (CMA-ES keeps its λ samples: it needs them all
 * to update m and C, and d ≤ 300 keeps that small). Logged train loss as the playground's: the mean
 * of the population's losses (openai-es, snes, cma-es), or L(θ) before the step ((1+1)-ES, random
 * search).
 */

/** Seeded Gaussian noise, one tensor at a time. */
const NOISE = `def noise_seed(step, member):
    """One seed per (step, member): the member's noise is a pure function of it (MeZO's trick)."""
    return (SEED * 1_000_003 + step) * 1024 + member


def noise(p):
    """N(0, I) shaped like p, from torch's global generator (seeded by the caller)."""
    return torch.randn(p.shape, device=p.device, dtype=p.dtype)


def add_noise(params, seed, scale):
    """θ ← θ + scale·ε(seed), ε ~ N(0, I), regenerated from its seed, never stored."""
    torch.manual_seed(seed)
    for p in params:
        p.add_(noise(p), alpha=scale)
`;

/** Ranks of a population's losses, as src/core/optimizers/strategy.ts computes them. */
const RANKS = `def ranks(losses):
    """Ascending ranks 0..n−1 (0 = lowest loss = best), ties broken by index."""
    order = sorted(range(len(losses)), key=lambda k: (losses[k], k))
    rank = [0] * len(losses)
    for r, k in enumerate(order):
        rank[k] = r
    return rank
`;

const OPENAI_ES: TorchOptimizer = {
  summary: 'OpenAI-ES: antithetic pairs θ ± σεⱼ, centered ranks, ĝ = 1/(nσ) Σ F̃ᵢεᵢ fed to SGD or Adam.',
  usesEstimator: false,
  code: `${NOISE}

${RANKS}

${ADAM_RULE}

def init_state(params, hyper):
    return {"adam": None}  # Adam's moments, created at the first step with rule = adam


def train_step(params, loss_fn, step, hyper, state):
    """OpenAI-ES (Salimans et al. 2017, https://arxiv.org/abs/1703.03864), n forward passes:

    εⱼ ~ N(0, I), j = 1..n/2, evaluated in antithetic pairs θ ± σεⱼ
    F̃ = centered ranks of the n losses, rank/(n−1) − ½
    ĝ = 1/(nσ) Σⱼ (F̃⁺ⱼ − F̃⁻ⱼ)·εⱼ;   θ ← θ − η·ĝ (rule sgd) or Adam(ĝ), β = (0.9, 0.999), ε = 1e-8

    Returns the mean of the n losses (the Gaussian-smoothed loss ES minimises).
    """
    lr, sigma = hyper["lr"], hyper["sigma"]
    pairs = max(1, int(hyper["n"]) // 2)
    plus, minus = [], []
    for j in range(pairs):
        seed = noise_seed(step, j)
        add_noise(params, seed, sigma)
        plus.append(loss_fn().item())
        add_noise(params, seed, -2 * sigma)
        minus.append(loss_fn().item())
        add_noise(params, seed, sigma)
    losses = plus + minus  # [n]
    shaped = [r / max(len(losses) - 1, 1) - 0.5 for r in ranks(losses)]
    coefs = [(shaped[j] - shaped[pairs + j]) / (2 * pairs * sigma) for j in range(pairs)]  # ĝ = Σⱼ coefⱼ·εⱼ
    if hyper["rule"] == "adam":
        if state["adam"] is None:
            state["adam"] = adam_init(params)
        ghat = [torch.zeros_like(p) for p in params]  # ĝ [like each parameter]
        for j, c in enumerate(coefs):
            torch.manual_seed(noise_seed(step, j))
            for gh, p in zip(ghat, params):
                gh.add_(noise(p), alpha=c)
        adam_step(params, ghat, state["adam"], lr, 0.9, 0.999, 1e-8)
    else:
        for j, c in enumerate(coefs):
            add_noise(params, noise_seed(step, j), -lr * c)
    return sum(losses) / len(losses)
`,
};

const SNES: TorchOptimizer = {
  summary: 'SNES: xₖ = μ + σ⊙sₖ, rank utilities uₖ, μ ← μ + η·σ⊙Σ uₖsₖ, σ ← σ⊙exp(½η_σ Σ uₖ(sₖ² − 1)).',
  usesEstimator: false,
  code: `${NOISE}

${RANKS}

def init_state(params, hyper):
    return {"sigma": None, "sigma_init": None}  # σ [like each parameter], made at the first step


def utilities(lam):
    """SNES/xNES fitness shaping for ranks 1..λ (best first); they sum to 0."""
    raw = [max(0.0, math.log(lam / 2 + 1) - math.log(k + 1)) for k in range(lam)]
    return [r / sum(raw) - 1 / lam for r in raw]


def add_scaled_noise(params, sigma, seed, sign):
    """θ ← θ + sign·σ⊙s(seed), s ~ N(0, I) regenerated from its seed."""
    torch.manual_seed(seed)
    for p, sd in zip(params, sigma):
        p.add_(sd * noise(p), alpha=sign)


def train_step(params, loss_fn, step, hyper, state):
    """SNES (Wierstra et al. 2014, JMLR 15, Algorithm 6), λ forward passes; the weights hold μ:

    sₖ ~ N(0, I), xₖ = μ + σ⊙sₖ;   uₖ = utility of sample k's rank
    μ ← μ + η·σ⊙Σₖ uₖsₖ;   σ ← σ⊙exp(½η_σ Σₖ uₖ(sₖ² − 1)),   η_σ = (3 + ln d)/(5√d)

    σ starts at the hyperparameter sigma and restarts there when it changes. Returns the mean of
    the λ losses.
    """
    lr, lam = hyper["lr"], int(hyper["lambda"])
    if hyper["sigma"] != state["sigma_init"]:
        state["sigma_init"] = hyper["sigma"]
        state["sigma"] = [torch.full_like(p, hyper["sigma"]) for p in params]
    sigma = state["sigma"]
    d = sum(p.numel() for p in params)
    eta_sigma = (3 + math.log(d)) / (5 * math.sqrt(d))
    losses = []  # [λ]
    for k in range(lam):
        add_scaled_noise(params, sigma, noise_seed(step, k), 1)
        losses.append(loss_fn().item())
        add_scaled_noise(params, sigma, noise_seed(step, k), -1)
    shaped = utilities(lam)
    u = [shaped[r] for r in ranks(losses)]  # uₖ by each sample's rank
    grad_mu = [torch.zeros_like(p) for p in params]  # Σ uₖsₖ
    grad_sigma = [torch.zeros_like(p) for p in params]  # Σ uₖ(sₖ² − 1)
    for k in range(lam):
        torch.manual_seed(noise_seed(step, k))
        for gm, gs, p in zip(grad_mu, grad_sigma, params):
            s = noise(p)
            gm.add_(s, alpha=u[k])
            gs.add_(s * s - 1, alpha=u[k])
    for p, sd, gm, gs in zip(params, sigma, grad_mu, grad_sigma):
        p.add_(sd * gm, alpha=lr)
        sd.mul_(torch.exp(gs * (eta_sigma / 2)))
    return sum(losses) / lam
`,
};

const CMA_ES: TorchOptimizer = {
  summary: 'CMA-ES: xₖ = m + σ·N(0, C), weighted recombination of the best half, rank-one and rank-μ updates of C, CSA for σ.',
  usesEstimator: false,
  code: `CMA_ES_MAX_DIM = ${CMA_ES_MAX_DIM}  # as the playground: C is d×d, eigendecomposed every few steps


def flat(params):
    return torch.cat([p.reshape(-1) for p in params]).to("cpu", torch.float64)  # [N]


def write(params, x):
    """θ ← x, the flat vector [N] back into the parameter tensors."""
    offset = 0
    for p in params:
        p.copy_(x[offset : offset + p.numel()].view(p.shape))
        offset += p.numel()


def cma_parameters(N, lam):
    """purecma's strategy parameters for dimension N and population λ (positive weights)."""
    mu = lam // 2
    raw = [math.log(lam / 2 + 0.5) - math.log(i + 1) for i in range(mu)]
    weights = [w / sum(raw) for w in raw]
    mueff = 1 / sum(w * w for w in weights)
    c1 = 2 / ((N + 1.3) ** 2 + mueff)
    cs = (mueff + 2) / (N + mueff + 5)
    return {
        "mu": mu,
        "weights": torch.tensor(weights, dtype=torch.float64),  # [μ]
        "mueff": mueff,
        "cc": (4 + mueff / N) / (N + 4 + 2 * mueff / N),
        "cs": cs,
        "c1": c1,
        "cmu": min(1 - c1, 2 * (mueff - 2 + 1 / mueff) / ((N + 2) ** 2 + mueff)),
        "damps": 2 * mueff / lam + 0.3 + cs,
    }


def init_state(params, hyper):
    """m = θ, C = I; the state lives on the CPU in float64, as in the playground."""
    N = sum(p.numel() for p in params)
    if N > CMA_ES_MAX_DIM:
        raise SystemExit(
            f"cma-es keeps a full {N} x {N} covariance matrix and is limited to {CMA_ES_MAX_DIM} "
            f"parameters; this model has {N}. Export snes (diagonal covariance) or openai-es instead."
        )
    eye = torch.eye(N, dtype=torch.float64)
    zeros = torch.zeros(N, dtype=torch.float64)
    return {
        "m": flat(params),  # mean [N]
        "sigma": hyper["sigma"],
        "sigma_hyper": hyper["sigma"],
        "C": eye.clone(),  # covariance [N, N]
        "B": eye.clone(),  # its eigenvectors, as columns [N, N]
        "D": torch.ones(N, dtype=torch.float64),  # √eigenvalues [N]
        "invsqrt": eye.clone(),  # C^(−½) = B D⁻¹ Bᵀ [N, N]
        "pc": zeros.clone(),  # evolution path of C [N]
        "ps": zeros.clone(),  # evolution path of σ [N]
        "counteval": 0,
        "eigeneval": 0,
    }


def update_eigen(s):
    values, B = torch.linalg.eigh(s["C"])  # ascending eigenvalues, eigenvectors as columns
    s["B"], s["D"] = B, values.clamp(min=1e-300).sqrt()
    s["invsqrt"] = (B / s["D"]) @ B.T
    s["eigeneval"] = s["counteval"]


def train_step(params, loss_fn, step, hyper, state):
    """CMA-ES (Hansen & Ostermeier 2001; tutorial https://arxiv.org/abs/1604.00772), after pycma's
    purecma, λ forward passes; the weights hold m between steps:

    xₖ = m + σ·B(D ⊙ zₖ), zₖ ~ N(0, I)      (C = B D² Bᵀ)
    m ← Σᵢ wᵢ·x_{i:λ} over the μ = ⌊λ/2⌋ best
    p_σ ← (1−c_σ)p_σ + √(c_σ(2−c_σ)μ_eff)·C^(−½)(m − m_old)/σ
    p_c ← (1−c_c)p_c + h_σ√(c_c(2−c_c)μ_eff)·(m − m_old)/σ
    C ← (1 − c₁ − c_μ)C + c₁·p_c p_cᵀ + c_μ Σᵢ wᵢ yᵢyᵢᵀ,   yᵢ = (x_{i:λ} − m_old)/σ
    σ ← σ·exp(min(1, (c_σ/d_σ)(‖p_σ‖²/N − 1)/2))

    A live change of sigma sets the current σ. Returns the mean of the λ losses.
    """
    s = state
    N, lam = s["m"].numel(), int(hyper["lambda"])
    if hyper["sigma"] != s["sigma_hyper"]:
        s["sigma"] = s["sigma_hyper"] = hyper["sigma"]
    c = cma_parameters(N, lam)
    if s["counteval"] - s["eigeneval"] > lam / (c["c1"] + c["cmu"]) / N / 10:
        update_eigen(s)

    # ask: λ samples, each written to the weights and evaluated
    gen = torch.Generator().manual_seed(SEED * 1_000_003 + step)
    xs, losses = [], []
    for _ in range(lam):
        z = torch.randn(N, generator=gen, dtype=torch.float64)  # [N]
        x = s["m"] + s["sigma"] * (s["B"] @ (s["D"] * z))  # [N]
        write(params, x)
        losses.append(loss_fn().item())
        xs.append(x)
    s["counteval"] += lam

    # tell: rank the samples, then m, the paths, C and σ (purecma's order)
    sigma, m_old = s["sigma"], s["m"]
    best = torch.stack([xs[k] for k in sorted(range(lam), key=lambda k: (losses[k], k))[: c["mu"]]])  # [μ, N]
    w, cs, cc, mueff = c["weights"], c["cs"], c["cc"], c["mueff"]
    m = w @ best  # [N]
    y = m - m_old
    s["ps"] = (1 - cs) * s["ps"] + math.sqrt(cs * (2 - cs) * mueff) / sigma * (s["invsqrt"] @ y)
    ps_norm2 = float(s["ps"] @ s["ps"])
    hsig = 1.0 if ps_norm2 / N / (1 - (1 - cs) ** (2 * s["counteval"] / lam)) < 2 + 4 / (N + 1) else 0.0
    s["pc"] = (1 - cc) * s["pc"] + math.sqrt(cc * (2 - cc) * mueff) / sigma * hsig * y
    c1a = c["c1"] * (1 - (1 - hsig * hsig) * cc * (2 - cc))
    dy = (best - m_old) / sigma  # yᵢ [μ, N]
    s["C"] = (1 - c1a - c["cmu"]) * s["C"] + c["c1"] * torch.outer(s["pc"], s["pc"]) + c["cmu"] * (dy.T * w) @ dy
    s["sigma"] = sigma * math.exp(min(1.0, (cs / c["damps"]) * (ps_norm2 / N - 1) / 2))
    s["m"] = m
    write(params, m)
    return sum(losses) / lam
`,
};

const ONE_PLUS_ONE_ES: TorchOptimizer = {
  summary: "(1+1)-ES: x' = θ + σz kept if no worse; σ adapted by the 1/5th success rule.",
  usesEstimator: false,
  code: `${NOISE}

def init_state(params, hyper):
    return {"sigma": None, "sigma_init": None}  # the adapted σ, and the hyperparameter it started from


def train_step(params, loss_fn, step, hyper, state):
    """(1+1)-ES with the 1/5th success rule (Rechenberg 1973; Hansen, Arnold & Auger 2015,
    https://hal.inria.fr/hal-01155533), 2 forward passes:

    x' = θ + σz, z ~ N(0, I);   success = L(x') ≤ L(θ)  (both on this step's batch)
    θ ← x' on success;   σ ← σ·exp((1[success] − 1/5)/√(d + 1))

    σ starts at the hyperparameter sigma and restarts there when it changes. Returns L(θ) before
    the step.
    """
    if hyper["sigma"] != state["sigma_init"]:
        state["sigma_init"] = state["sigma"] = hyper["sigma"]
    sigma, seed = state["sigma"], noise_seed(step, 0)
    parent = loss_fn().item()
    add_noise(params, seed, sigma)
    child = loss_fn().item()
    success = child <= parent
    if not success:
        add_noise(params, seed, -sigma)  # back to θ
    d = sum(p.numel() for p in params)
    state["sigma"] = sigma * math.exp((float(success) - 0.2) / math.sqrt(d + 1))
    return parent
`,
};

const RANDOM_SEARCH: TorchOptimizer = {
  summary: "Random search: x' = θ + σz kept if no worse, σ fixed.",
  usesEstimator: false,
  code: `${NOISE}

def init_state(params, hyper):
    return None


def train_step(params, loss_fn, step, hyper, state):
    """Random search (Matyas 1965), the (1+1)-ES without step-size adaptation, 2 forward passes:

    x' = θ + σz, z ~ N(0, I);   θ ← x' if L(x') ≤ L(θ)  (both on this step's batch; σ fixed)

    Returns L(θ) before the step.
    """
    sigma, seed = hyper["sigma"], noise_seed(step, 0)
    parent = loss_fn().item()
    add_noise(params, seed, sigma)
    if not loss_fn().item() <= parent:
        add_noise(params, seed, -sigma)  # back to θ
    return parent
`,
};

export const STRATEGY_OPTIMIZERS: Readonly<Record<string, TorchOptimizer>> = {
  'openai-es': OPENAI_ES,
  snes: SNES,
  'cma-es': CMA_ES,
  'one-plus-one-es': ONE_PLUS_ONE_ES,
  'random-search': RANDOM_SEARCH,
};
