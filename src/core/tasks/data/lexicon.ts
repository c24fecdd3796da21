// MOVED(issue-11): re-export until the merge
export { LEXICON } from '../sentiment/lexicon';
