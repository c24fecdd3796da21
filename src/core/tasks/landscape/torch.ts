import type { TorchTask } from '../shared/torch';
import { fillTemplate } from '../shared/torch';
import type { LandscapeId } from './spec';
import template from './torch.py?raw';

/** The 2-D test functions in PyTorch, as in functions.ts: θ = (x, y), one tensor of shape [2]. */
const FORMULAS: Readonly<Record<LandscapeId, string>> = {
  rosenbrock: '(1 - x) ** 2 + 100 * (y - x * x) ** 2',
  rastrigin: '20 + x * x - 10 * torch.cos(2 * math.pi * x) + y * y - 10 * torch.cos(2 * math.pi * y)',
  ackley:
    '-20 * torch.exp(-0.2 * torch.sqrt(0.5 * (x * x + y * y) + 1e-12))' +
    ' - torch.exp(0.5 * (torch.cos(2 * math.pi * x) + torch.cos(2 * math.pi * y))) + math.e + 20',
  himmelblau: '(x * x + y - 11) ** 2 + (x + y * y - 7) ** 2',
  beale: '(1.5 - x + x * y) ** 2 + (2.25 - x + x * y * y) ** 2 + (2.625 - x + x * y**3) ** 2',
  booth: '(x + 2 * y - 7) ** 2 + (2 * x + y - 5) ** 2',
};

export const landscapeTorch = (id: LandscapeId): TorchTask => ({ code: fillTemplate(template, { id, formula: FORMULAS[id] }) });
