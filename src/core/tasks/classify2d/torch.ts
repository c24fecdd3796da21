import { PY_CLASSIFIER, PY_MLP, fillTemplate, type TorchTask } from '../shared/torch';
import type { Classify2dId } from './spec';
import template from './torch.py?raw';
import circlesPy from './torch_circles.py?raw';
import moonsPy from './torch_moons.py?raw';
import spiralPy from './torch_spiral.py?raw';
import xorPy from './torch_xor.py?raw';

/**
 * The four 2-D classifiers (datasets.ts) share the MLP task; each brings
 * `class_points(c, m, noise, gen)`, m points of class c [m, 2], as in datasets.ts.
 */
const CLASS_POINTS: Readonly<Record<Classify2dId, { what: string; code: string }>> = {
  spiral: { what: 'Two interleaved spirals', code: spiralPy },
  moons: { what: 'Two interleaving half circles (scikit-learn’s make_moons)', code: moonsPy },
  circles: { what: 'A disc (class 1, r < R/2) inside a ring (class 0, 0.7R < r < R)', code: circlesPy },
  xor: { what: 'XOR: four quadrants, class 1 where x·y > 0', code: xorPy },
};

export const classify2dTorch = (id: Classify2dId): TorchTask => ({
  code: fillTemplate(template, { class_points: CLASS_POINTS[id].code, mlp: PY_MLP, classifier: PY_CLASSIFIER, what: CLASS_POINTS[id].what }),
});
