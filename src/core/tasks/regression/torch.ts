import { PY_BATCH_ROWS, fillTemplate, type TorchTask } from '../shared/torch';
import template from './torch.py?raw';

export const REGRESSION_TORCH: TorchTask = { code: fillTemplate(template, { batch_rows: PY_BATCH_ROWS }) };
