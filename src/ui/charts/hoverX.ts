import { throttle } from '../shared/throttle';
import { smallStore, useSmallStore } from '../store/smallStore';

/**
 * The x value under the pointer in any chart (null when none). Every chart shares the x axis
 * setting, so one value synchronises the cursor and the readouts of all of them.
 */
const shown = smallStore<{ x: number | null }>({ x: null });
/** The latest x the pointer reported; charts see it at the next animation frame. */
let latest: number | null = null;
const publish = throttle(() => shown.set({ x: latest }), 'frame');

export const hover = {
  get: (): number | null => shown.get().x,
  /** Notifies once per animation frame at most, with the latest value. */
  set(value: number | null): void {
    const next = value !== null && Number.isFinite(value) ? value : null;
    if (next === latest) return;
    latest = next;
    publish();
  },
  subscribe: shown.subscribe,
};

export const useHoverX = (): number | null => useSmallStore(shown, (s) => s.x);
