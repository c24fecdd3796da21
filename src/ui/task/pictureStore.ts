import type { TaskView } from '../../core/views';
import { smallStore, useSmallStore } from '../store/smallStore';

/** The latest task picture from the worker, kept outside the main store (it holds typed arrays). */
const latest = smallStore<{ picture: TaskView | null }>({ picture: null });

export const pictureStore = {
  set: (picture: TaskView | null): void => latest.set({ picture }),
  get: (): TaskView | null => latest.get().picture,
  subscribe: latest.subscribe,
};

export const usePicture = (): TaskView | null => useSmallStore(latest, (s) => s.picture);
