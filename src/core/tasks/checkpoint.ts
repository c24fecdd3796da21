// MOVED(issue-11): re-export until the merge
export { decodeCheckpoint, encodeCheckpoint, type CheckpointTensor } from './sentiment/checkpoint';
