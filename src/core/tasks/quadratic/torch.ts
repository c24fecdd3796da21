import type { TorchTask } from '../shared/torch';
import template from './torch.py?raw';

export const QUADRATIC_TORCH: TorchTask = { code: template };
