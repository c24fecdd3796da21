import type { TaskPicture } from '../../core/tasks/picture';
import { smallStore, useSmallStore } from '../store/smallStore';

/** The latest task picture from the worker, kept outside the main store (it holds typed arrays). */
const latest = smallStore<{ picture: TaskPicture | null }>({ picture: null });

export const pictureStore = {
  set: (picture: TaskPicture | null): void => latest.set({ picture }),
  get: (): TaskPicture | null => latest.get().picture,
  subscribe: latest.subscribe,
};

export const usePicture = (): TaskPicture | null => useSmallStore(latest, (s) => s.picture);
