import type { StateCreator } from 'zustand';
import type { SweepCell, SweepSettings } from '../../core/run/experiments';
import type { Store } from './index';

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
