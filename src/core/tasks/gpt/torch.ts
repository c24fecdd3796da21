import { PY_BATCH_ROWS, fillTemplate, pyList, pyStr, type TorchTask } from '../shared/torch';
import { NAMES_FILE, corpus } from './data/assets';
import { decodeTextAsset } from './data/format';
import { TUNING_MODES } from './model/config';
import { nameSets } from './names';
import { NAME_CHOICES } from './spec';
import template from './torch.py?raw';
import gptPy from './torch_gpt.py?raw';

/**
 * gpt-names (task.ts) on torch_gpt.py, nanoGPT's layout: the playground's training and held-out
 * names are embedded as Python lists, the ones the run's `names` setting picks.
 */
export const GPT_NAMES_TORCH: TorchTask = {
  assets: [NAMES_FILE],
  code: ({ settings, assets }) => {
    const sets = nameSets(corpus(decodeTextAsset(assets[NAMES_FILE], 'names')), settings.names ?? 0, settings.context ?? 16);
    return fillTemplate(template, {
      lists: NAME_CHOICES[settings.names ?? 0] ?? 'all',
      train: pyList(sets.train.map(pyStr)),
      eval: pyList(sets.eval.map(pyStr)),
      tuning_modes: `[${TUNING_MODES.map(pyStr).join(', ')}]`,
      gpt: gptPy,
      batch_rows: PY_BATCH_ROWS,
    });
  },
};
