import { PY_BATCH_ROWS, base64Lines, fillTemplate, pyList, pyStr, type TorchTask } from '../shared/torch';
import { BPE_FILE, SPAM_FILE, corpus } from './data/assets';
import { decodeBpe } from './data/bpe';
import { decodeTextAsset } from './data/format';
import { TUNING_MODES } from './model/config';
import { decodeGptCheckpoint } from './model/checkpoint';
import { PROMPT_CHECKPOINT_FILE as CHECKPOINT_FILE, heldOut, kOf, kShot, labelWords, promptInput, templateOf, type Example } from './prompt';
import template from './prompt_torch.py?raw';
import gptPy from './torch_gpt.py?raw';

/**
 * prompt-classify (prompt-task.ts) on torch_gpt.py: the Brown checkpoint embedded whole (base64),
 * and the run's k-shot training set and the held-out messages as BPE ids (the playground's own
 * tokenization, so Python needs no tokenizer). The label words must be single tokens (they are:
 * the BPE trainer keeps them whole), so each class is scored at the prompt's last position.
 */
export const PROMPT_CLASSIFY_TORCH: TorchTask = {
  assets: [CHECKPOINT_FILE, BPE_FILE, SPAM_FILE],
  code: ({ settings, assets, seed }) => {
    const bytes = assets[CHECKPOINT_FILE];
    const { config } = decodeGptCheckpoint(bytes);
    const tok = decodeBpe(assets[BPE_FILE]);
    const spam = corpus(decodeTextAsset(assets[SPAM_FILE], 'spam'));
    const words = labelWords();
    const wordTokens = words.map((w) => tok.encode(w));
    if (!wordTokens.every((w) => w.length === 1)) throw new Error(`prompt-classify export: the label words ${words.map(pyStr).join(', ')} must be single BPE tokens`);
    const text = templateOf(settings);
    const k = kOf(settings);
    const rows = (examples: readonly Example[]) =>
      pyList(examples.map((ex) => `(${ex.label}, ${pyStr(ex.text)}, [${promptInput(tok, ex.text, text, config.context, wordTokens).join(', ')}])`));
    return fillTemplate(template, {
      file: CHECKPOINT_FILE,
      checkpoint: base64Lines(bytes),
      tuning_modes: `[${TUNING_MODES.map(pyStr).join(', ')}]`,
      label_words: `[${words.map(pyStr).join(', ')}]`,
      label_tokens: `[${wordTokens.map((w) => w[0]).join(', ')}]`,
      template_comment: text,
      boundary: String(tok.boundary),
      seed: String(seed),
      k: String(k),
      train: rows(kShot(spam, k, seed)),
      eval: rows(heldOut(spam, settings.held)),
      gpt: gptPy,
      batch_rows: PY_BATCH_ROWS,
    });
  },
};
