import type { RunConfig } from '../../core/run/config';

/** Lanes named in a file name; more are counted (`+3more`) so names stay short. */
const NAMED_LANES = 4;

const two = (n: number) => String(n).padStart(2, '0');

/** yyyymmdd-hhmm in local time, as a file manager sorts it. */
export function timeStamp(at: Date): string {
  return `${at.getFullYear()}${two(at.getMonth() + 1)}${two(at.getDate())}-${two(at.getHours())}${two(at.getMinutes())}`;
}

/**
 * An export's file name after its run: `zo-<task>-<lanes>-<yyyymmdd-hhmm>.<ext>`, the lanes' optimizer
 * ids joined by `+` (e.g. `zo-spiral-zo-sgd+adam-20260301-1412.csv`), so downloads of different runs
 * neither overwrite each other nor need renaming.
 */
export function exportName(config: RunConfig, ext: string, at = new Date()): string {
  const ids = config.lanes.map((l) => l.optimizer);
  const lanes = ids.slice(0, NAMED_LANES).join('+') + (ids.length > NAMED_LANES ? `+${ids.length - NAMED_LANES}more` : '');
  return `zo-${config.task.id}-${lanes || 'no-lanes'}-${timeStamp(at)}.${ext}`;
}
