import { withoutDiagnostics, type RunConfig } from '../../core/run/config';
import { replicaConfig, replicaSeed } from '../../core/run/experiments';
import type { ReplicaRecord } from '../../export/json';
import type { SeedCurve } from './seedBand';
import { smoothedTrain } from './lossCurves';
import { runJob, type JobHandle, type JobResult } from '../app/workerPool';
import { series, type XKey } from './series';
import { useStore } from '../store';
import { smallStore } from '../store/smallStore';

/**
 * Several seeds per lane: while the current run has started and the user asked for N > 1 seeds, the
 * pool plays N − 1 replicas of its config (replicaConfig: seed + 1 … seed + N − 1, schedule included)
 * to the end.
 * Any config change (a live tweak too) replaces them. Results stay outside React, like `series`.
 */

let key: string | null = null;
let handles: JobHandle[] = [];
let results: JobResult[] = [];
let seedOf: number[] = [];
/** Grows with every change of `results`; its subscribers are told synchronously. */
const changes = smallStore({ version: 0 });
const notify = (): void => changes.set((s) => ({ version: s.version + 1 }));

function cancelAll(): void {
  handles.forEach((h) => h.cancel());
  handles = [];
  results = [];
  seedOf = [];
}

function launch(config: RunConfig, seeds: number): void {
  const setReplicas = useStore.getState().setReplicas;
  let done = 0;
  const total = seeds - 1;
  setReplicas(0, total);
  for (let k = 1; k <= total; k++) {
    seedOf[k - 1] = replicaSeed(config.seed, k);
    const handle = runJob(replicaConfig(config, k), (r) => {
      results[k - 1] = r;
      notify();
    });
    handles.push(handle);
    void handle.result.then((r) => {
      if (!handles.includes(handle)) return;
      results[k - 1] = r;
      done++;
      setReplicas(done, total);
      notify();
    });
  }
}

/** Replicas belong to one config and seed count; they start once the main run has started. */
function reconcile(): void {
  const s = useStore.getState();
  const want = s.seeds > 1 ? JSON.stringify([withoutDiagnostics(s.config), s.seeds]) : null;
  if (want !== key && (key !== null || results.length > 0)) {
    key = null;
    cancelAll();
    s.setReplicas(0, 0);
    notify();
  }
  if (want !== null && key === null && (s.playing || s.step > 0)) {
    key = want;
    launch(s.config, s.seeds);
  }
}

/** Keep the replicas in step with the store; returns the unsubscribe. */
export function startReplicaSync(): () => void {
  reconcile();
  return useStore.subscribe((s, prev) => {
    if (s.seeds !== prev.seeds || s.config !== prev.config || s.playing !== prev.playing || s.step !== prev.step)
      reconcile();
  });
}

export const replicas = {
  version: (): number => changes.get().version,
  subscribe: (listener: () => void): (() => void) => changes.subscribe(listener),
  count: (): number => results.filter(Boolean).length,
  /** Every replica that has started, for the JSON export. */
  runs: (): ReplicaRecord[] =>
    results.flatMap((r, i) => (r ? [{ seed: seedOf[i], done: r.done, lanes: r.series.records(), statuses: r.statuses }] : [])),
  /** The lane's curve in every seed: the main run first, then each replica that has started. */
  seedCurves(laneIdx: number, xKey: XKey, smoothing: number): SeedCurve[] {
    const runs = [series.run(), ...results.filter(Boolean).map((r) => r.series)];
    const out: SeedCurve[] = [];
    for (const run of runs) {
      const s = run.lanes[laneIdx];
      if (!s || s.length === 0) continue;
      const y = smoothing > 0 ? smoothedTrain(s, smoothing) : s.trainLoss.data;
      out.push({ x: s[xKey].data, y, n: s.length });
    }
    return out;
  },
};
