import type { StateCreator } from 'zustand';
import { MAX_SEEDS, MAX_SMOOTHING, VIEW_DEFAULTS, type ViewSettings } from '../../core/run/view';
import type { BandMode } from '../charts/seedBand';
import type { XKey } from '../charts/series';
import type { Store } from './index';

export type Theme = 'system' | 'light' | 'dark';

/** How the results are shown: chart settings, theme, seeds per lane, the preset being followed. */
export interface UiValues {
  xKey: XKey;
  logY: boolean;
  /** EMA weight in [0, 0.99]; 0 draws the raw curve only. */
  smoothing: number;
  /** Lanes hidden from the charts (clicked off in the legend). */
  hiddenLanes: number[];
  theme: Theme;
  /** Runs per lane, the main one included (1: no replicas). */
  seeds: number;
  bandMode: BandMode;
  /** The preset whose explanation is shown beside the chart. */
  presetId: string | null;
}

export interface UiActions {
  setXKey: (xKey: XKey) => void;
  setLogY: (logY: boolean) => void;
  setSmoothing: (smoothing: number) => void;
  toggleLane: (laneIdx: number) => void;
  showAllLanes: () => void;
  setTheme: (theme: Theme) => void;
  setSeeds: (seeds: number) => void;
  setBandMode: (mode: BandMode) => void;
  setPresetId: (id: string | null) => void;
  /** The view a link names (x axis, y scale, smoothing, seeds), the rest at their defaults. */
  setView: (view: Partial<ViewSettings>) => void;
}

export type UiSlice = UiValues & UiActions;

export { MAX_SEEDS };

/** The view settings a share link carries. */
export const viewOf = (s: UiValues): ViewSettings => ({ xKey: s.xKey, logY: s.logY, smoothing: s.smoothing, seeds: s.seeds });

export const uiDefaults = (): UiValues => ({
  ...VIEW_DEFAULTS,
  hiddenLanes: [],
  theme: 'system',
  bandMode: 'minmax',
  presetId: null,
});

export const createUiSlice: StateCreator<Store, [], [], UiSlice> = (set) => ({
  ...uiDefaults(),
  setXKey: (xKey) => set({ xKey }),
  setLogY: (logY) => set({ logY }),
  setSmoothing: (smoothing) => set({ smoothing: Math.min(MAX_SMOOTHING, Math.max(0, smoothing)) }),
  toggleLane: (laneIdx) =>
    set((s) => ({
      hiddenLanes: s.hiddenLanes.includes(laneIdx)
        ? s.hiddenLanes.filter((l) => l !== laneIdx)
        : [...s.hiddenLanes, laneIdx].sort((a, b) => a - b),
    })),
  showAllLanes: () => set({ hiddenLanes: [] }),
  setTheme: (theme) => set({ theme }),
  setSeeds: (seeds) => set({ seeds: Math.min(MAX_SEEDS, Math.max(1, Math.round(seeds))) }),
  setBandMode: (bandMode) => set({ bandMode }),
  setPresetId: (presetId) => set({ presetId }),
  setView: (view) => set({ ...VIEW_DEFAULTS, ...view }),
});
