import { useSyncExternalStore } from 'react';
import type { TaskView } from '../../core/views';

/** The latest task picture from the worker, kept outside React state (it holds typed arrays). */
let current: TaskView | null = null;
const listeners = new Set<() => void>();

export const pictureStore = {
  set(view: TaskView | null): void {
    current = view;
    listeners.forEach((l) => l());
  },
  get(): TaskView | null {
    return current;
  },
  subscribe(listener: () => void): () => void {
    listeners.add(listener);
    return () => listeners.delete(listener);
  },
};

export function usePicture(): TaskView | null {
  return useSyncExternalStore(pictureStore.subscribe, pictureStore.get);
}
