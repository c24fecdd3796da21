import { create } from 'zustand';
import { createConfigSlice, type ConfigSlice } from './configSlice';
import { createRunSlice, type RunSlice } from './runSlice';
import { createSweepSlice, type SweepSlice } from './sweepSlice';
import { createUiSlice, type UiSlice } from './uiSlice';

/** One store built from slices; components read it through atomic selectors. */
export type Store = ConfigSlice & RunSlice & UiSlice & SweepSlice;

export const useStore = create<Store>()((...a) => ({
  ...createConfigSlice(...a),
  ...createRunSlice(...a),
  ...createUiSlice(...a),
  ...createSweepSlice(...a),
}));
