// MOVED(issue-11): re-export until the merge
export * from './run/runner';
export { METRIC_COLUMNS, NUM_METRIC_COLUMNS } from './run/metrics';
