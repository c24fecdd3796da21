import { useStore } from 'zustand';
import { createStore, type StoreApi } from 'zustand/vanilla';

/**
 * A small store beside the main one (`useStore` in ./index.ts), for state that must stay out of it:
 * values that hold typed arrays or change many times a second (the task picture, the hovered x,
 * recorded results), read by a few components and by plain modules. It is a zustand vanilla store
 * (`createStore`), so subscribers and React hooks behave as they do for the main store.
 *
 *   const latest = smallStore({ picture: null as TaskPicture | null });
 *   latest.set({ picture });                   // merges, then notifies every subscriber synchronously
 *   latest.get().picture;                      // outside React
 *   const shown = useSmallStore(latest, (s) => s.picture);   // a component re-renders when it changes
 *   const stop = latest.subscribe((s, prev) => { ... });     // plain modules
 *
 * Results kept outside React (series, replicas) publish a version number and are read through their
 * own accessors (charts/series.ts, charts/seedReplicas.ts); a version store replaces a hand-written
 * listener set and `notify()`:
 *
 *   const changes = smallStore({ version: 0 });
 *   const notify = () => changes.set((s) => ({ version: s.version + 1 }));
 *   export const series = { subscribe: changes.subscribe, version: () => changes.get().version, ... };
 *
 * Selectors return a value of the state (compared with Object.is), never a new object or array:
 * that would re-render on every change. Throttle notifications with `shared/throttle.ts`.
 */
export interface SmallStore<T extends object> {
  get: () => T;
  /** Shallow-merge `patch` (or `patch(state)`) into the state and notify the subscribers. */
  set: (patch: Partial<T> | ((state: T) => Partial<T>)) => void;
  subscribe: (listener: (state: T, prev: T) => void) => () => void;
  /** The zustand store itself, for zustand's own utilities. */
  api: StoreApi<T>;
}

export function smallStore<T extends object>(initial: T): SmallStore<T> {
  const api = createStore<T>()(() => initial);
  return { get: api.getState, set: (patch) => api.setState(patch), subscribe: api.subscribe, api };
}

/** The selected part of a small store's state; the component re-renders when it changes. */
export function useSmallStore<T extends object, U>(store: SmallStore<T>, selector: (state: T) => U): U {
  return useStore(store.api, selector);
}
