import { defineOptimizer } from '../types';
import { eps, lr } from '../params';
import { TWO_POINT_NOTE, TWO_POINT_OPTIONS, twoPointPasses } from '../two-point-spec';

export const ZO_SIGNSGD = defineOptimizer({
  id: 'zo-signsgd',
  label: 'ZO-signSGD',
  family: 'zeroth-order',
  paper: {
    authors: 'Liu, Chen, Chen & Hero',
    title: 'signSGD via Zeroth-Order Oracle',
    year: 2019,
    url: 'https://arxiv.org/abs/1810.10667',
  },
  equation: 'ĝ = (1/q) Σ gₖzₖ,  θ ← θ − η·sign(ĝ)  (elementwise)',
  memory: '1×d during the step (ĝ materialised)',
  description:
    'signSGD on the zeroth-order estimate: every weight moves by exactly η, in the direction of the ' +
    'sign of its coordinate of ĝ. With one Gaussian direction the chance a coordinate moves the ' +
    "right way follows Sheppard's formula, ½ + (1/π)·arcsin(∇ᵢL/‖∇L‖)." +
    TWO_POINT_NOTE,
  hypers: [lr(0.01, 1e-6, 1), eps(), ...TWO_POINT_OPTIONS],
  forwardPasses: twoPointPasses,
});
