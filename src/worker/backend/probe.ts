import type { RunConfig } from '../../core/run/config';
import { Runner } from '../../core/run/runner';
import { clearFusedCache } from '../../core/random/fused-perturb';
import { probeSize } from './pick';

/** The whole `auto` probe aims at this much wall time, shared by the backends it measures. */
export const PROBE_MS = 1000;
/** A backend's first step (shaders compile) is waited for at least this long before it is cut off. */
export const MIN_WARMUP_MS = 400;

export interface RunProbe {
  /** Steps per second of every lane together (a step of the run: each lane steps once), readbacks included. */
  stepsPerSec: number;
  /** probeSize of the run (pick.ts). */
  size: number;
  /** The first step had not finished by the deadline: stepsPerSec is an upper bound (1 step / time waited). */
  cutOff?: boolean;
}

const sleep = (ms: number) => new Promise<'late'>((resolve) => setTimeout(() => resolve('late'), ms));

/**
 * Steps per second of `config`'s own task and lanes on the active backend, measured on a throwaway
 * runner built from a copy of the config, so the run itself consumes no random stream and starts from
 * step 0 as it would have without the probe. One warm-up step (shaders compile, kernels are built),
 * then steps until `budgetMs` is spent, each followed by its readback as in a run. A warm-up that
 * has not finished after max(budgetMs, MIN_WARMUP_MS) is cut off: the backend is slower than one
 * step in that time (a software GPU here takes seconds), and its runner is disposed once that step
 * ends. Leaves no tensor behind.
 */
export async function measureRun(config: RunConfig, budgetMs: number): Promise<RunProbe> {
  const probe = new Runner({ ...structuredClone(config), steps: Number.MAX_SAFE_INTEGER });
  const dispose = () => {
    probe.dispose();
    clearFusedCache(); // the probe's directions; the run regenerates its own
  };
  const size = probeSize(probe.numParams(), probe.numLanes, (config.task.settings as { batch?: unknown }).batch);
  const t0 = performance.now();
  const warmUp = probe.runChunk(1);
  const wait = Math.max(budgetMs, MIN_WARMUP_MS);
  const first = await Promise.race([warmUp.then(() => 'done' as const), sleep(wait)]).catch((e: unknown) => {
    dispose();
    throw e;
  });
  if (first === 'late') {
    void warmUp.catch(() => undefined).finally(dispose);
    return { stepsPerSec: 1000 / (performance.now() - t0), size, cutOff: true };
  }
  try {
    let steps = 0;
    const t1 = performance.now();
    while (steps < 1 || performance.now() - t0 < budgetMs) {
      await probe.runChunk(1);
      steps++;
    }
    return { stepsPerSec: (1000 * steps) / (performance.now() - t1), size };
  } finally {
    dispose();
  }
}
