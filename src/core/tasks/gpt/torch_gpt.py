"""The playground's tiny GPT in PyTorch, in nanoGPT's layout (Karpathy, https://github.com/karpathy/nanoGPT).

Same parameter names as nanoGPT's state_dict; matrices are stored [in, out] (GPT-2's Conv1D layout),
so `x @ W + b` here is the playground's `linear`. Token + position embeddings, pre-LayerNorm blocks of
causal multi-head self-attention and a 4x MLP with GELU (tanh approximation, as GPT-2), a final
LayerNorm, logits tied to the token embedding. Optional LoRA on the query and value projections
(Hu et al. 2021, https://arxiv.org/abs/2106.09685) and prefix keys/values per layer (Li & Liang 2021,
https://arxiv.org/abs/2101.00190). `load_checkpoint` reads the playground's "ZOG1" files.
"""

import math
import struct

import torch
import torch.nn as nn
import torch.nn.functional as F


class Conv1D(nn.Module):
    """A linear layer with weight [in, out] (GPT-2's Conv1D)."""

    def __init__(self, n_in, n_out):
        super().__init__()
        self.weight = nn.Parameter(torch.empty(n_in, n_out))
        self.bias = nn.Parameter(torch.zeros(n_out))

    def forward(self, x):
        return x @ self.weight + self.bias


class CausalSelfAttention(nn.Module):
    def __init__(self, width, heads, lora_rank=0, lora_alpha=None, prefix=0):
        super().__init__()
        self.c_attn = Conv1D(width, 3 * width)
        self.c_proj = Conv1D(width, width)
        self.width, self.heads = width, heads
        self.lora_rank, self.prefix = lora_rank, prefix
        if lora_rank:
            self.lora_scale = (lora_alpha or lora_rank) / lora_rank
            for which in "qv":
                setattr(self, f"lora_{which}_A", nn.Parameter(torch.empty(width, lora_rank)))
                setattr(self, f"lora_{which}_B", nn.Parameter(torch.zeros(lora_rank, width)))
        if prefix:
            self.prefix_k = nn.Parameter(torch.zeros(prefix, width))
            self.prefix_v = nn.Parameter(torch.zeros(prefix, width))

    def forward(self, x, return_weights=False):
        B, T, C = x.shape
        H, P = self.heads, self.prefix
        q, k, v = self.c_attn(x).split(C, dim=2)
        if self.lora_rank:
            q = q + self.lora_scale * (x @ self.lora_q_A @ self.lora_q_B)
            v = v + self.lora_scale * (x @ self.lora_v_A @ self.lora_v_B)
        if P:
            k = torch.cat([self.prefix_k.expand(B, P, C), k], dim=1)
            v = torch.cat([self.prefix_v.expand(B, P, C), v], dim=1)
        S = P + T
        q = q.view(B, T, H, C // H).transpose(1, 2)  # [B, H, T, hd]
        k = k.view(B, S, H, C // H).transpose(1, 2)  # [B, H, S, hd]
        v = v.view(B, S, H, C // H).transpose(1, 2)
        att = (q @ k.transpose(-2, -1)) * (1.0 / math.sqrt(C // H))  # [B, H, T, S]
        # Query t sees every prefix slot and the keys 0..t.
        visible = torch.ones(T, S, dtype=torch.bool, device=x.device).tril(diagonal=P)
        att = F.softmax(att.masked_fill(~visible, float("-inf")), dim=-1)
        y = (att @ v).transpose(1, 2).contiguous().view(B, T, C)
        y = self.c_proj(y)
        return (y, att) if return_weights else y


class MLP(nn.Module):
    def __init__(self, width):
        super().__init__()
        self.c_fc = Conv1D(width, 4 * width)
        self.c_proj = Conv1D(4 * width, width)

    def forward(self, x):
        return self.c_proj(F.gelu(self.c_fc(x), approximate="tanh"))


class Block(nn.Module):
    def __init__(self, width, heads, **extras):
        super().__init__()
        self.ln_1 = nn.LayerNorm(width)
        self.attn = CausalSelfAttention(width, heads, **extras)
        self.ln_2 = nn.LayerNorm(width)
        self.mlp = MLP(width)

    def forward(self, x):
        x = x + self.attn(self.ln_1(x))
        return x + self.mlp(self.ln_2(x))


class GPT(nn.Module):
    """config: dict with vocab, layers, width, heads, context. extras: lora_rank, lora_alpha, prefix."""

    def __init__(self, config, **extras):
        super().__init__()
        self.config = dict(config)
        V, C = config["vocab"], config["width"]
        self.transformer = nn.ModuleDict(
            dict(
                wte=nn.Embedding(V, C),
                wpe=nn.Embedding(config["context"], C),
                h=nn.ModuleList([Block(C, config["heads"], **extras) for _ in range(config["layers"])]),
                ln_f=nn.LayerNorm(C),
            )
        )
        self.apply(self._init_weights)
        for name, p in self.named_parameters():
            if name.endswith("c_proj.weight"):
                nn.init.normal_(p, mean=0.0, std=0.02 / math.sqrt(2 * config["layers"]))
            if "lora_" in name and name.endswith("_A"):
                nn.init.uniform_(p, -1 / math.sqrt(C), 1 / math.sqrt(C))

    @staticmethod
    def _init_weights(module):
        if isinstance(module, (Conv1D, nn.Embedding)):
            nn.init.normal_(module.weight, mean=0.0, std=0.02)

    def forward(self, tokens, targets=None, mask=None):
        """logits [B, T, V] for tokens [B, T]; with targets, also the mean cross-entropy over mask."""
        T = tokens.shape[1]
        wte = self.transformer.wte.weight
        x = self.transformer.wte(tokens) + self.transformer.wpe.weight[:T]
        for block in self.transformer.h:
            x = block(x)
        logits = self.transformer.ln_f(x) @ wte.T  # tied to the token embedding
        if targets is None:
            return logits
        nll = F.cross_entropy(logits.flatten(0, 1), targets.flatten(), reduction="none")
        m = torch.ones_like(nll) if mask is None else mask.flatten().to(nll.dtype)
        return logits, (nll * m).sum() / m.sum()

    @classmethod
    def from_checkpoint(cls, blob, **extras):
        """The model with every weight of a ZOG1 checkpoint (LoRA and prefix shapes read from it)."""
        config, tensors = load_checkpoint(blob)
        if "transformer.h.0.attn.lora_q_A" in tensors:
            extras.setdefault("lora_rank", tensors["transformer.h.0.attn.lora_q_A"].shape[1])
        if "transformer.h.0.attn.prefix_k" in tensors:
            extras.setdefault("prefix", tensors["transformer.h.0.attn.prefix_k"].shape[0])
        model = cls(config, **extras)
        own = model.state_dict()
        unknown = set(tensors) - set(own)
        if unknown:
            raise ValueError(f"checkpoint tensors the model lacks: {sorted(unknown)}")
        own.update(tensors)
        model.load_state_dict(own)
        return model


def load_checkpoint(blob):
    """(config, {name: float32 tensor}) of a ZOG1 checkpoint. Little-endian: "ZOG1" | u32 vocab, layers,
    width, heads, context | u32 count | per tensor: u32 name length, name padded to 4 bytes, u32 rank,
    u32 x rank dims | float32 values of every tensor in that order."""
    if blob[:4] != b"ZOG1":
        raise ValueError("not a ZOG1 checkpoint")
    vocab, layers, width, heads, context, count = struct.unpack_from("<6I", blob, 4)
    config = dict(vocab=vocab, layers=layers, width=width, heads=heads, context=context)
    offset, header = 28, []
    for _ in range(count):
        (length,) = struct.unpack_from("<I", blob, offset)
        name = blob[offset + 4 : offset + 4 + length].decode("ascii")
        offset += 4 + (length + 3) // 4 * 4
        (rank,) = struct.unpack_from("<I", blob, offset)
        header.append((name, struct.unpack_from(f"<{rank}I", blob, offset + 4)))
        offset += 4 + 4 * rank
    values = torch.frombuffer(bytearray(blob[offset:]), dtype=torch.float32)
    tensors = {}
    for name, shape in header:
        size = math.prod(shape)
        tensors[name] = values[:size].reshape(shape).clone()
        values = values[size:]
    return config, tensors
