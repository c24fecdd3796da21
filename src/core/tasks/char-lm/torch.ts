import { PY_CLASSIFIER, PY_GLOROT, PY_SCALAR_DRAWS, fillTemplate, pyStr, type TorchTask } from '../shared/torch';
import { GRAMMAR } from './grammar';
import template from './torch.py?raw';

/** The playground's grammar as a Python dict literal, one part of speech a line. */
const grammar = `{\n${Object.entries(GRAMMAR).map(([part, words]) => `    ${pyStr(part)}: [${words.map(pyStr).join(', ')}],`).join('\n')}\n}`;

/** The character language model (task.ts), with the playground's grammar embedded. */
export const CHAR_LM_TORCH: TorchTask = {
  code: fillTemplate(template, { grammar, scalar_draws: PY_SCALAR_DRAWS, glorot: PY_GLOROT, classifier: PY_CLASSIFIER }),
};
