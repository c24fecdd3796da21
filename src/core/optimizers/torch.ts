// MOVED(issue-11): re-export until the merge
// eslint-disable-next-line no-restricted-imports -- the merge replaces this shim with the real module
export { ESTIMATOR, FAMILY_NOTES, TORCH_OPTIMIZERS, type TorchOptimizer } from '../../ui/pytorch/optimizers';
