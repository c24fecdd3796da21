// MOVED(issue-11): re-export until the merge
export { DIGITS_MAGIC } from './digits/data';
