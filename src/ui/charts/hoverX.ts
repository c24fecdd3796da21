import { useSyncExternalStore } from 'react';
import { throttle } from '../shared/throttle';

/**
 * The x value under the pointer in any chart (null when none). Every chart shares the x axis
 * setting, so one value synchronises the cursor and the readouts of all of them.
 */
let x: number | null = null;
const listeners = new Set<() => void>();
const notify = throttle(() => listeners.forEach((l) => l()), 'frame');

export const hover = {
  get: (): number | null => x,
  /** Notifies once per animation frame at most. */
  set(value: number | null): void {
    const next = value !== null && Number.isFinite(value) ? value : null;
    if (next === x) return;
    x = next;
    notify();
  },
  subscribe(listener: () => void): () => void {
    listeners.add(listener);
    return () => listeners.delete(listener);
  },
};

export const useHoverX = (): number | null => useSyncExternalStore(hover.subscribe, hover.get);
