// MOVED(issue-11): re-export until the merge
import { TORCH_OPTIMIZERS as BY_ID, type TorchOptimizer } from '../../core/optimizers/torch';
export { ESTIMATOR, FAMILY_NOTES, type TorchOptimizer } from '../../core/optimizers/torch';
/** Indexed by a lane's optimizer id as text, as script.ts does until it checks ids with isOptimizerId. */
export const TORCH_OPTIMIZERS: Readonly<Record<string, TorchOptimizer>> = BY_ID;
