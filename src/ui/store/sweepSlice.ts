import type { StateCreator } from 'zustand';
import type { RunConfig } from '../../core/config';
import type { Store } from './index';

/** One axis of the grid: a hyperparameter of the swept optimizer and the values it takes. */
export interface SweepAxis {
  name: string;
  from: number;
  to: number;
  count: number;
}

export interface SweepSettings {
  /** The lane whose optimizer (and other hyperparameters) the sweep varies. */
  laneIdx: number;
  rows: SweepAxis;
  /** Null: a one-column sweep (the optimizer has only a learning rate). */
  cols: SweepAxis | null;
  steps: number;
}

export type CellStatus = 'queued' | 'running' | 'done' | 'diverged' | 'failed';

export interface SweepCell {
  row: number;
  col: number;
  rowValue: number;
  colValue: number | null;
  config: RunConfig;
  status: CellStatus;
  /** Final eval loss (or last train loss when the task has no eval); NaN until known. */
  finalLoss: number;
  divergedAt?: number;
  message?: string;
}

export interface SweepValues {
  sweep: SweepSettings | null;
  sweepCells: SweepCell[];
  sweepRunning: boolean;
}

export interface SweepActions {
  setSweep: (sweep: SweepSettings | null) => void;
  setSweepCells: (cells: SweepCell[]) => void;
  updateSweepCell: (index: number, patch: Partial<SweepCell>) => void;
  setSweepRunning: (running: boolean) => void;
}

export type SweepSlice = SweepValues & SweepActions;

export const sweepDefaults = (): SweepValues => ({ sweep: null, sweepCells: [], sweepRunning: false });

export const createSweepSlice: StateCreator<Store, [], [], SweepSlice> = (set) => ({
  ...sweepDefaults(),
  setSweep: (sweep) => set({ sweep }),
  setSweepCells: (sweepCells) => set({ sweepCells }),
  updateSweepCell: (index, patch) =>
    set((s) => ({ sweepCells: s.sweepCells.map((c, i) => (i === index ? { ...c, ...patch } : c)) })),
  setSweepRunning: (sweepRunning) => set({ sweepRunning }),
});
