import { describe, expect, it } from 'vitest';
import { smallStore } from '../../../src/ui/store/smallStore';
import { pictureStore } from '../../../src/ui/task/pictureStore';
import type { TaskPicture } from '../../../src/core/tasks/picture';

describe('smallStore', () => {
  it('merges a patch and tells every subscriber at once, with the state before', () => {
    const store = smallStore({ version: 0, label: 'run' });
    const heard: [number, number][] = [];
    store.subscribe((s, prev) => heard.push([s.version, prev.version]));
    store.set({ version: 1 });
    store.set((s) => ({ version: s.version + 1 }));
    expect(heard).toEqual([
      [1, 0],
      [2, 1],
    ]);
    expect(store.get()).toEqual({ version: 2, label: 'run' });
  });

  it('stops telling a subscriber once it unsubscribes', () => {
    const store = smallStore({ version: 0 });
    let heard = 0;
    const stop = store.subscribe(() => heard++);
    store.set({ version: 1 });
    stop();
    store.set({ version: 2 });
    expect(heard).toBe(1);
  });
});

describe('pictureStore', () => {
  it('keeps the latest picture from the worker and tells subscribers of each one', () => {
    const picture = { kind: 'fit', step: 10 } as unknown as TaskPicture;
    const seen: (TaskPicture | null)[] = [];
    const stop = pictureStore.subscribe((s) => seen.push(s.picture));
    pictureStore.set(picture);
    pictureStore.set(null);
    stop();
    expect(seen).toEqual([picture, null]);
    expect(pictureStore.get()).toBeNull();
  });
});
