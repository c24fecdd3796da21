// MOVED(issue-11): re-export until the merge
export * from './app/workerPool';
