import { PY_BATCH_ROWS, base64Lines, fillTemplate, pyList, pyStr, type TorchTask } from '../shared/torch';
import { BPE_FILE, BROWN_FILE, NAMES_FILE, corpus } from './data/assets';
import { decodeBpe } from './data/bpe';
import { decodeTextAsset } from './data/format';
import { finetuneNameSets, finetuneStreams } from './finetune-data';
import { SOURCE_CHECKPOINT, sourceOf } from './finetune-spec';
import { TUNING_MODES } from './model/config';
import { PRETRAINED, pretrainedFiles, type PretrainedMeta } from './pretrained/checkpoints';
import template from './finetune_torch.py?raw';
import gptPy from './torch_gpt.py?raw';

/**
 * gpt-finetune (finetune.ts) on torch_gpt.py, nanoGPT's layout: the source's checkpoint is embedded
 * whole (base64) and loaded by GPT.from_checkpoint; the fine-tuning corpus as Python lists (names)
 * or as the playground's BPE token ids (brown: the script needs no tokenizer).
 */
export const GPT_FINETUNE_TORCH: TorchTask = {
  assets: [...new Set([...pretrainedFiles('gpt-male-names'), ...pretrainedFiles('gpt-brown')])],
  code: ({ settings, assets }) => {
    const source = sourceOf(settings);
    const spec = PRETRAINED[SOURCE_CHECKPOINT[source]];
    const meta = JSON.parse(new TextDecoder().decode(assets[spec.metaFile])) as PretrainedMeta;
    let data: string;
    if (source === 'names') {
      const sets = finetuneNameSets(corpus(decodeTextAsset(assets[NAMES_FILE], 'names')), spec.config.context);
      data = [
        `# The playground's fine-tuning names (src/core/tasks/gpt/finetune-data.ts, from public/data/names.txt): ${spec.shifted.join(', ')}.`,
        `TRAIN_NAMES = ${pyList(sets.train.map(pyStr))}`,
        '# Every held-out name of those lists, scored by evaluate():',
        `EVAL_NAMES = ${pyList(sets.eval.map(pyStr))}`,
        '# The checkpoint\'s tokens: the boundary "." (id 0), then the letters of both name lists.',
        `CHARS = ${pyStr(sets.tokenizer.vocab.join(''))}`,
      ].join('\n');
    } else {
      const streams = finetuneStreams(corpus(decodeTextAsset(assets[BROWN_FILE], 'brown')), decodeBpe(assets[BPE_FILE]));
      data = [
        `# The Brown genres held out of pre-training (${spec.shifted.join(', ')}) as the playground's BPE token ids`,
        '# (public/data/bpe.json), each split one stream: sentences joined by the boundary token "\\n".',
        `TRAIN_STREAM = ${pyList(streams.train.map(String))}`,
        `EVAL_STREAM = ${pyList(streams.eval.map(String))}`,
      ].join('\n');
    }
    return fillTemplate(template, {
      file: spec.file,
      pretrained_on: spec.corpus.labels.length > 1 ? `${spec.corpus.labels.length} Brown genres` : 'the male names',
      shifted_loss: meta.shifted.lossPerToken.toFixed(4),
      checkpoint: base64Lines(assets[spec.file]),
      source: pyStr(source),
      tuning_modes: `[${TUNING_MODES.map(pyStr).join(', ')}]`,
      data,
      gpt: gptPy,
      batch_rows: PY_BATCH_ROWS,
    });
  },
};
