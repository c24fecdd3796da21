import { blockName, type GptConfig, type Tuning } from './model/config';

/**
 * The tiny GPT's forward pass for one sequence in plain float64 arithmetic, from its weights read back
 * once (Gpt.weights() or the tensors' data()). The picture samples names token by token; on a GPU
 * backend every token's forward pass would cost a round trip of ~100 kernels and a synchronous read,
 * here it costs microseconds. Same layout and formulas as model/gpt.ts (tested against it).
 */
export interface JsGpt {
  /** log-probabilities of the next token after each position, [T × V] */
  logProbs(tokens: readonly number[]): Float64Array;
  /** attention weights of one head, [T × (P + T)] (P prefix slots first) */
  attention(tokens: readonly number[], layer: number, head: number): Float64Array;
}

const LN_EPS = 1e-5;
const GELU_C = Math.sqrt(2 / Math.PI);

/** x [n × k] @ W [k × m] (+ b [m]) */
function matmul(x: Float64Array, n: number, k: number, w: Float32Array, m: number, b?: Float32Array): Float64Array {
  const out = new Float64Array(n * m);
  for (let i = 0; i < n; i++) {
    const row = out.subarray(i * m, (i + 1) * m);
    if (b) for (let j = 0; j < m; j++) row[j] = b[j];
    for (let a = 0; a < k; a++) {
      const xv = x[i * k + a];
      if (xv === 0) continue;
      for (let j = 0; j < m; j++) row[j] += xv * w[a * m + j];
    }
  }
  return out;
}

function layerNorm(x: Float64Array, n: number, C: number, gain: Float32Array, bias: Float32Array): Float64Array {
  const out = new Float64Array(n * C);
  for (let i = 0; i < n; i++) {
    let mean = 0;
    for (let c = 0; c < C; c++) mean += x[i * C + c];
    mean /= C;
    let variance = 0;
    for (let c = 0; c < C; c++) variance += (x[i * C + c] - mean) ** 2;
    const inv = 1 / Math.sqrt(variance / C + LN_EPS);
    for (let c = 0; c < C; c++) out[i * C + c] = (x[i * C + c] - mean) * inv * gain[c] + bias[c];
  }
  return out;
}

export function jsGpt(config: GptConfig, tuning: Tuning, w: Readonly<Record<string, Float32Array>>): JsGpt {
  const { vocab: V, width: C, heads: H, layers: L } = config;
  const hd = C / H;
  const loraScale = tuning.mode === 'lora' ? (tuning.alpha ?? tuning.rank) / tuning.rank : 0;
  const P = tuning.mode === 'prefix' ? tuning.length : 0;
  const p = (l: number, rest: string) => w[blockName(l, rest)];

  /** Runs the blocks; returns the final rows [T × C], or one head's weights when probed. */
  const run = (tokens: readonly number[], probe?: { layer: number; head: number }): Float64Array => {
    const T = tokens.length;
    if (T < 1 || T > config.context) throw new RangeError(`gpt: sequence length must be in 1–${config.context} (got ${T})`);
    let x = new Float64Array(T * C);
    tokens.forEach((tok, t) => {
      for (let c = 0; c < C; c++) x[t * C + c] = w['transformer.wte.weight'][tok * C + c] + w['transformer.wpe.weight'][t * C + c];
    });
    for (let l = 0; l < L; l++) {
      const h = layerNorm(x, T, C, p(l, 'ln_1.weight'), p(l, 'ln_1.bias'));
      const qkv = matmul(h, T, C, p(l, 'attn.c_attn.weight'), 3 * C, p(l, 'attn.c_attn.bias')); // [T, 3C]
      const S = P + T;
      const q = new Float64Array(T * C);
      const k = new Float64Array(S * C);
      const v = new Float64Array(S * C);
      if (P > 0) {
        k.set(p(l, 'attn.prefix_k'));
        v.set(p(l, 'attn.prefix_v'));
      }
      for (let t = 0; t < T; t++)
        for (let c = 0; c < C; c++) {
          q[t * C + c] = qkv[t * 3 * C + c];
          k[(P + t) * C + c] = qkv[t * 3 * C + C + c];
          v[(P + t) * C + c] = qkv[t * 3 * C + 2 * C + c];
        }
      if (tuning.mode === 'lora') {
        const r = tuning.rank;
        for (const [which, target, offset] of [['q', q, 0], ['v', v, P * C]] as const) {
          const delta = matmul(matmul(h, T, C, p(l, `attn.lora_${which}_A`), r), T, r, p(l, `attn.lora_${which}_B`), C);
          for (let i = 0; i < T * C; i++) target[offset + i] += loraScale * delta[i];
        }
      }
      const y = new Float64Array(T * C);
      for (let head = 0; head < H; head++) {
        const weights = new Float64Array(T * S);
        for (let t = 0; t < T; t++) {
          let max = -Infinity;
          for (let s = 0; s <= P + t; s++) {
            let dot = 0;
            for (let d = 0; d < hd; d++) dot += q[t * C + head * hd + d] * k[s * C + head * hd + d];
            weights[t * S + s] = dot / Math.sqrt(hd);
            max = Math.max(max, weights[t * S + s]);
          }
          let sum = 0;
          for (let s = 0; s <= P + t; s++) sum += weights[t * S + s] = Math.exp(weights[t * S + s] - max);
          for (let s = 0; s <= P + t; s++) weights[t * S + s] /= sum;
          for (let s = 0; s <= P + t; s++)
            for (let d = 0; d < hd; d++) y[t * C + head * hd + d] += weights[t * S + s] * v[s * C + head * hd + d];
        }
        if (probe && probe.layer === l && probe.head === head) return weights;
      }
      const attnOut = matmul(y, T, C, p(l, 'attn.c_proj.weight'), C, p(l, 'attn.c_proj.bias'));
      x = x.map((xv, i) => xv + attnOut[i]);
      const h2 = layerNorm(x, T, C, p(l, 'ln_2.weight'), p(l, 'ln_2.bias'));
      const m = matmul(h2, T, C, p(l, 'mlp.c_fc.weight'), 4 * C, p(l, 'mlp.c_fc.bias')).map((u) => 0.5 * u * (1 + Math.tanh(GELU_C * (u + 0.044715 * u ** 3))));
      const mlpOut = matmul(m, T, 4 * C, p(l, 'mlp.c_proj.weight'), C, p(l, 'mlp.c_proj.bias'));
      x = x.map((xv, i) => xv + mlpOut[i]);
    }
    return layerNorm(x, T, C, w['transformer.ln_f.weight'], w['transformer.ln_f.bias']);
  };

  return {
    logProbs(tokens) {
      const T = tokens.length;
      const out = run(tokens);
      const wte = w['transformer.wte.weight'];
      const logp = new Float64Array(T * V);
      for (let t = 0; t < T; t++) {
        const row = logp.subarray(t * V, (t + 1) * V);
        for (let j = 0; j < V; j++) {
          let dot = 0;
          for (let c = 0; c < C; c++) dot += out[t * C + c] * wte[j * C + c];
          row[j] = dot;
        }
        const max = Math.max(...row);
        const logZ = max + Math.log(row.reduce((a, l) => a + Math.exp(l - max), 0));
        for (let j = 0; j < V; j++) row[j] -= logZ;
      }
      return logp;
    },
    attention(tokens, layer, head) {
      if (!(layer >= 0 && layer < L && head >= 0 && head < H)) throw new RangeError(`gpt: no head ${head} in layer ${layer}`);
      return run(tokens, { layer, head });
    },
  };
}
