import { PY_CLASSIFIER, PY_GLOROT, PY_SCALAR_DRAWS, base64Lines, fillTemplate, pyList, pyStr, wrapItems, type TorchTask } from '../shared/torch';
import { CHECKPOINT_FILE, decodeCheckpoint } from './checkpoint';
import { FILLERS, FIRST_RATED, MAX_WORDS, flippedWords, ratedWords } from './corpus';
import { LEXICON } from './lexicon';
import template from './torch.py?raw';
import bagOfWordsPy from './torch_bag_of_words.py?raw';
import corpusPy from './torch_corpus.py?raw';
import finetunePy from './torch_finetune.py?raw';

/**
 * The sentiment corpus (corpus.ts) with the playground's lexicon and fillers embedded:
 * `rated_words(count)` and `make_corpus(n, rated, gen, flipped)`.
 */
const PY_SENTIMENT_CORPUS = fillTemplate(corpusPy, {
  lexicon: pyList(LEXICON.map(([word, valence]) => `(${pyStr(word)}, ${valence})`)),
  fillers: pyList(FILLERS.map(pyStr)),
  max_words: String(MAX_WORDS),
  scalar_draws: PY_SCALAR_DRAWS,
});

/** Sentiment from scratch (task.ts). */
export const SENTIMENT_TORCH: TorchTask = {
  code: fillTemplate(template, { corpus: PY_SENTIMENT_CORPUS, glorot: PY_GLOROT, bag_of_words: bagOfWordsPy, classifier: PY_CLASSIFIER }),
};

/**
 * The fine-tuning task over the same corpus, from the embedded checkpoint (whole, as base64) and
 * the flipped words of the run's `shift`.
 */
export const SENTIMENT_FINETUNE_TORCH: TorchTask = {
  assets: [CHECKPOINT_FILE],
  code: ({ settings, assets }) => {
    const bytes = assets[CHECKPOINT_FILE];
    const [embedding] = decodeCheckpoint(bytes);
    const rated = ratedWords(embedding.shape[0] - FIRST_RATED);
    const flipped = [...flippedWords(settings.shift ?? 0, rated)].sort((a, b) => a - b);
    const words = flipped.map((j) => LEXICON[rated[j]][0]);
    return fillTemplate(finetunePy, {
      file: CHECKPOINT_FILE,
      checkpoint: base64Lines(bytes),
      corpus: PY_SENTIMENT_CORPUS,
      flipped_words: (words.length ? ':' : ' (none).') + wrapItems(words).map((line) => `\n#   ${line}`).join(''),
      flipped: flipped.length ? `{\n${wrapItems(flipped.map(String)).map((line) => `    ${line},`).join('\n')}\n}` : 'set()',
      bag_of_words: bagOfWordsPy,
      classifier: PY_CLASSIFIER,
    });
  },
};
