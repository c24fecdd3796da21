import type { StateCreator } from 'zustand';
import type { BackendInfo, LaneMemory, LaneStatusInfo, LossReference, SharedMemory } from '../../worker/protocol';
import type { Store } from './index';

export interface RunError {
  id: number;
  message: string;
  fatal: boolean;
}

/** What the worker last told us about the run (results themselves live in `charts/series.ts`). */
export interface RunValues {
  /** Null until the worker's first `ready`. */
  backend: BackendInfo | null;
  numParams: number;
  /** Every weight per lane, frozen ones included (equal to numParams when nothing is frozen). */
  numTotal: number;
  /** The task's reference losses, drawn as labelled lines on the loss chart. */
  lossReferences: LossReference[];
  playing: boolean;
  /** Steps completed (all lanes in lockstep). */
  step: number;
  done: boolean;
  laneStatuses: LaneStatusInfo[];
  errors: RunError[];
  /** Live hyperparameter values sent to the worker but not yet confirmed, keyed `lane:name`. */
  pendingHyper: Record<string, number>;
  /** Bytes per lane from the worker's `memory` events (null until the worker sends them). */
  laneMemory: LaneMemory[] | null;
  /** Memory the lanes share (the wasm heap, the direction cache), from the same events. */
  sharedMemory: SharedMemory | null;
  /** Seed replicas of the current config: finished and total (0 when none run). */
  replicasDone: number;
  replicasTotal: number;
}

export interface RunActions {
  setRunState: (state: Pick<RunValues, 'playing' | 'step' | 'done'>) => void;
  /** Null backend: a (re)starting worker (the badge says "starting…"). */
  setReady: (backend: BackendInfo | null, numParams: number) => void;
  /** What the worker's `ready` says about the task beyond d. */
  setTaskInfo: (numTotal: number, lossReferences: LossReference[]) => void;
  setLaneStatuses: (laneStatuses: LaneStatusInfo[]) => void;
  addError: (message: string, fatal: boolean) => void;
  dismissError: (id: number) => void;
  clearErrors: () => void;
  setPendingHyper: (key: string, value: number | undefined) => void;
  setLaneMemory: (laneMemory: LaneMemory[] | null, sharedMemory?: SharedMemory | null) => void;
  setReplicas: (done: number, total: number) => void;
  /** Back to step 0 before a (re-)init; keeps the backend badge. */
  resetRun: () => void;
}

export type RunSlice = RunValues & RunActions;

export const runDefaults = (): RunValues => ({
  backend: null,
  numParams: 0,
  numTotal: 0,
  lossReferences: [],
  playing: false,
  step: 0,
  done: false,
  laneStatuses: [],
  errors: [],
  pendingHyper: {},
  laneMemory: null,
  sharedMemory: null,
  replicasDone: 0,
  replicasTotal: 0,
});

let nextErrorId = 1;

export const createRunSlice: StateCreator<Store, [], [], RunSlice> = (set) => ({
  ...runDefaults(),
  setRunState: ({ playing, step, done }) => set({ playing, step, done }),
  setReady: (backend, numParams) => set({ backend, numParams }),
  setTaskInfo: (numTotal, lossReferences) => set({ numTotal, lossReferences }),
  setLaneStatuses: (laneStatuses) => set({ laneStatuses }),
  addError: (message, fatal) =>
    set((s) => ({ errors: [...s.errors.slice(-4), { id: nextErrorId++, message, fatal }] })),
  dismissError: (id) => set((s) => ({ errors: s.errors.filter((e) => e.id !== id) })),
  clearErrors: () => set({ errors: [] }),
  setPendingHyper: (key, value) =>
    set((s) => {
      const pendingHyper = { ...s.pendingHyper };
      if (value === undefined) delete pendingHyper[key];
      else pendingHyper[key] = value;
      return { pendingHyper };
    }),
  setLaneMemory: (laneMemory, sharedMemory = null) => set({ laneMemory, sharedMemory }),
  setReplicas: (replicasDone, replicasTotal) => set({ replicasDone, replicasTotal }),
  resetRun: () => set({ playing: false, step: 0, done: false, laneStatuses: [], pendingHyper: {}, laneMemory: null, sharedMemory: null }),
});
