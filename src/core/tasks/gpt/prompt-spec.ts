import { choiceParam } from '../../params';
import { batchSetting, type TaskSpec } from '../shared/spec';
import { GPT_SETTINGS } from './spec';

/** Training examples per class (MeZO's k-shot settings, Malladi et al. 2023, Table 1 and §E). */
export const K_CHOICES = ['16', '64', '512'] as const;

/**
 * The templates: what follows the message before the label word (LM-BFF's manual templates, Gao
 * et al. 2021; MeZO uses "It was" for SST-2). The choice names are URL-safe, the text is read.
 */
export const TEMPLATE_CHOICES = ['this-is', 'it-is', 'it-was'] as const;
export const TEMPLATE_TEXT: Readonly<Record<(typeof TEMPLATE_CHOICES)[number], string>> = {
  'this-is': ' This is',
  'it-is': ' It is',
  'it-was': ' It was',
};

/** The held-out messages of public/data/spam.txt (94 ham, 98 spam). */
export const HELD_OUT_MESSAGES = 192;

/** What to tune, the LoRA rank and the prefix length: the GPT tasks' own settings. */
const TUNING_SETTINGS = GPT_SETTINGS.filter((s) => ['tune', 'rank', 'prefix'].includes(s.name));

export const PROMPT_CLASSIFY_SPEC: TaskSpec<'prompt-classify'> = {
  id: 'prompt-classify',
  label: 'Prompt-based spam classification (MeZO’s setting)',
  description:
    'MeZO’s own setting (Gao et al.’s prompt-based fine-tuning): the GPT pre-trained on Brown text (by npm run pretrain) reads ' +
    '“⟨message⟩ This is” and the label is the word it would say next, “ spam” or “ mail”, scored over those two ' +
    'words; the loss is the cross-entropy of that two-way choice. SpamAssassin subject lines, k per class for ' +
    'training (k-shot, drawn by the seed), 192 held out. Metric: accuracy on the held-out messages; the dashed line is ' +
    'the checkpoint’s own (zero-shot, step 0) eval loss, its accuracy in the label. Picture: messages with each lane’s P(spam).',
  metric: 'accuracy',
  suggested: { 'zo-sgd': { lr: 0.0003, eps: 0.001 }, adam: { lr: 0.0001 } },
  settings: [
    choiceParam('k', 'examples per class', K_CHOICES, 'k-shot: training messages per class, drawn from the training split by the seed (MeZO: 16, 512).'),
    ...TUNING_SETTINGS,
    choiceParam('template', 'template', TEMPLATE_CHOICES, 'What follows the message before the label word: “ This is”, “ It is” or “ It was”.'),
    batchSetting(16, 256),
    {
      name: 'held', label: 'held-out messages', default: HELD_OUT_MESSAGES, min: 16, max: HELD_OUT_MESSAGES, log: true, integer: true,
      meaning: 'Held-out messages scored by each evaluation (spread evenly over both classes; all of them at the most).',
    },
  ],
};
