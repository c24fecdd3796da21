// MOVED(issue-11): re-export until the merge
export { buildTaskPicture as buildTaskView } from './registry';
