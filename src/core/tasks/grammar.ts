// MOVED(issue-11): re-export until the merge
export { GRAMMAR } from './char-lm/grammar';
