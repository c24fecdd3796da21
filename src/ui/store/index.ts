import { create } from 'zustand';
import { createConfigSlice, type ConfigSlice } from './configSlice';
import { createRunSlice, type RunSlice } from './runSlice';

/** One store built from slices; components read it through atomic selectors. */
export type Store = ConfigSlice & RunSlice;

export const useStore = create<Store>()((...a) => ({
  ...createConfigSlice(...a),
  ...createRunSlice(...a),
}));
