/** The tiny GPT: model, what to tune, checkpoints and sampling (the gpt tasks build on these). */
export { GPT_DOMAINS, TUNING_MODES, baseShapes, extraShapes, parameterCounts, validateGptConfig, validateTuning, type GptConfig, type Tuning, type TuningMode } from './config';
export { createGpt, type Gpt, type GptOptions } from './gpt';
export { GPT_CHECKPOINT_MAGIC, checkpointWeights, decodeGptCheckpoint, encodeGptCheckpoint, gptCheckpoint, type GptCheckpoint } from './checkpoint';
export { sample, type SampleOptions } from './sample';
