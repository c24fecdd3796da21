// MOVED(issue-11): re-export until the merge
export { TASKS, taskSpec } from '../tasks/specs';
