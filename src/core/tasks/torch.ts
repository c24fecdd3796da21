// MOVED(issue-11): re-export until the merge
// eslint-disable-next-line no-restricted-imports -- the merge replaces this shim with the real module
export { TORCH_TASKS, type TorchTask } from '../../ui/pytorch/tasks';
