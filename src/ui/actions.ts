// MOVED(issue-11): re-export until the merge
export { loadConfig, loadDecoded } from './app/runActions';
