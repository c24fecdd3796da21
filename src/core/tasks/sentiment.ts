// MOVED(issue-11): re-export until the merge
export { CHECKPOINT_FILE, PRETRAIN_SEED } from './sentiment/checkpoint';
export { createSentiment } from './sentiment/task';
