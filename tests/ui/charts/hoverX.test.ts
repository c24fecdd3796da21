import { afterEach, beforeEach, expect, it, vi } from 'vitest';

beforeEach(() => {
  vi.resetModules();
  vi.stubGlobal('requestAnimationFrame', () => 0);
  vi.stubGlobal('cancelAnimationFrame', () => undefined);
  vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout', 'performance', 'requestAnimationFrame', 'cancelAnimationFrame'] });
});
afterEach(() => {
  vi.useRealTimers();
  vi.unstubAllGlobals();
});

it('moves the shared cursor once per animation frame, to the latest x under the pointer', async () => {
  const { hover } = await import('../../../src/ui/charts/hoverX');
  const seen: (number | null)[] = [];
  hover.subscribe((s) => seen.push(s.x));
  hover.set(1);
  hover.set(2);
  hover.set(3);
  expect(seen).toEqual([]);
  vi.advanceTimersToNextFrame();
  expect(seen).toEqual([3]);
  expect(hover.get()).toBe(3);
});

it('reads a pointer that left the chart, or an x the axis cannot invert, as no hover', async () => {
  const { hover } = await import('../../../src/ui/charts/hoverX');
  hover.set(5);
  vi.advanceTimersToNextFrame();
  hover.set(NaN);
  vi.advanceTimersToNextFrame();
  expect(hover.get()).toBeNull();
  hover.set(5);
  vi.advanceTimersToNextFrame();
  hover.set(null);
  vi.advanceTimersToNextFrame();
  expect(hover.get()).toBeNull();
});
