// MOVED(issue-11): re-export until the merge
export { withDiagnostics, withoutDiagnostics } from '../core/run/config';
