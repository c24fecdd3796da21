// MOVED(issue-11): re-export until the merge
export { createQuadratic } from './quadratic/task';
