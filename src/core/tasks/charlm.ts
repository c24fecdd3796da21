// MOVED(issue-11): re-export until the merge
export { CHARS } from './char-lm/text';
