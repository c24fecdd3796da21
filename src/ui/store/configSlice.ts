import type { StateCreator } from 'zustand';
import { defaultConfig, type RunConfig } from '../../core/run/config';
import type { Store } from './index';

/** The run's RunConfig (single source of truth, mirrored in the URL) and decoding notices. */
export interface ConfigValues {
  config: RunConfig;
  /** Messages from decoding the link (shown as text in a dismissible banner). */
  notices: string[];
}

export interface ConfigActions {
  setConfig: (config: RunConfig) => void;
  setNotices: (notices: string[]) => void;
  dismissNotices: () => void;
}

export type ConfigSlice = ConfigValues & ConfigActions;

export const configDefaults = (): ConfigValues => ({ config: defaultConfig(), notices: [] });

export const createConfigSlice: StateCreator<Store, [], [], ConfigSlice> = (set) => ({
  ...configDefaults(),
  setConfig: (config) => set({ config }),
  setNotices: (notices) => set({ notices }),
  dismissNotices: () => set({ notices: [] }),
});
