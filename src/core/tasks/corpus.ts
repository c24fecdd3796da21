// MOVED(issue-11): re-export until the merge
export { ratedWords, vocabulary } from './sentiment/corpus';
