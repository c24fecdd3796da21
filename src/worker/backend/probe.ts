import type { RunConfig } from '../../core/run/config';
import { Runner } from '../../core/run/runner';
import { clearFusedCache } from '../../core/random/fused-perturb';
import { probeSize } from './pick';

/** The whole `auto` probe aims at this much wall time, shared by the backends it measures. */
export const PROBE_MS = 1000;

export interface RunProbe {
  /** Steps per second of every lane together (a step of the run: each lane steps once), readbacks included. */
  stepsPerSec: number;
  /** probeSize of the run (pick.ts). */
  size: number;
}

/**
 * Steps per second of `config`'s own task and lanes on the active backend, measured on a throwaway
 * runner built from a copy of the config, so the run itself consumes no random stream and starts from
 * step 0 as it would have without the probe. One warm-up step (shaders compile, kernels are built),
 * then steps until `budgetMs` is spent, each followed by its readback as in a run; a backend whose
 * warm-up alone takes longer than the whole probe is judged by that step. Leaves no tensor behind.
 */
export async function measureRun(config: RunConfig, budgetMs: number): Promise<RunProbe> {
  const probe = new Runner({ ...structuredClone(config), steps: Number.MAX_SAFE_INTEGER });
  try {
    const size = probeSize(probe.numParams(), probe.numLanes, (config.task.settings as { batch?: unknown }).batch);
    const t0 = performance.now();
    await probe.runChunk(1);
    const warmMs = performance.now() - t0;
    if (warmMs >= PROBE_MS) return { stepsPerSec: 1000 / warmMs, size };
    let steps = 0;
    const t1 = performance.now();
    while (steps < 1 || performance.now() - t0 < budgetMs) {
      await probe.runChunk(1);
      steps++;
    }
    return { stepsPerSec: (1000 * steps) / (performance.now() - t1), size };
  } finally {
    probe.dispose();
    clearFusedCache(); // the probe's directions; the run regenerates its own
  }
}
