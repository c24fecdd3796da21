import { defineOptimizer } from '../types';
import { domains } from '../../params';
import { eps, lr } from '../params';

export const HIZOO = defineOptimizer({
  id: 'hizoo',
  label: 'HiZOO (Hessian-informed)',
  family: 'zeroth-order',
  paper: {
    authors: 'Zhao et al.',
    title: 'Second-Order Fine-Tuning without Pain for LLMs: A Hessian Informed Zeroth-Order Optimizer (HiZOO)',
    year: 2025,
    url: 'https://arxiv.org/abs/2402.15173',
  },
  equation: 'L± = L(θ ± εz/√H),  H ← (1−α)H + α·|L₊+L₋−2L₀|/(2ε²)·H⊙z⊙z,  θ ← θ − η·(L₊−L₋)/(2ε)·z/√H',
  memory: '1×d (diagonal Hessian estimate H)',
  description:
    'Spends a third forward pass, at θ itself, to measure curvature along the probe from the second ' +
    'difference L₊ + L₋ − 2L₀, and keeps a running diagonal Hessian estimate H that shrinks the probes ' +
    'and steps in directions of high curvature (a diagonal preconditioner, learned from loss values only).',
  hypers: [
    lr(0.05, 1e-6, 1),
    eps(),
    {
      name: 'alpha',
      label: 'Hessian smoothing α',
      default: 1e-4,
      min: 1e-8,
      max: 1,
      log: true,
      meaning: 'Weight of each new curvature measurement in the running Hessian estimate.',
      // α = 0 keeps H = 1 (plain ZO-SGD); α = 1 keeps only the newest measurement.
      domain: domains.closed(0, 1),
    },
  ],
  forwardPasses: () => 3,
});
