import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { throttle } from '../../../src/ui/shared/throttle';

/** Calls of a throttled function, with the fake clock's time of each. */
function recorder() {
  const calls: { t: number; args: unknown[] }[] = [];
  const fn = (...args: unknown[]) => calls.push({ t: performance.now(), args });
  return { calls, fn };
}

beforeEach(() => {
  // Node has no animation frames: give fake-timers something to replace.
  vi.stubGlobal('requestAnimationFrame', () => 0);
  vi.stubGlobal('cancelAnimationFrame', () => undefined);
  vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout', 'performance', 'requestAnimationFrame', 'cancelAnimationFrame'] });
});
afterEach(() => {
  vi.useRealTimers();
  vi.unstubAllGlobals();
});

describe('throttle, leading (a live slider change)', () => {
  it('runs the first call at once, then the last of a burst when the wait is over', () => {
    const { calls, fn } = recorder();
    const send = throttle(fn, 250, { leading: true });
    const t0 = performance.now();
    send(1);
    expect(calls).toEqual([{ t: t0, args: [1] }]);
    vi.advanceTimersByTime(50);
    send(2);
    vi.advanceTimersByTime(50);
    send(3);
    expect(calls).toHaveLength(1);
    vi.advanceTimersByTime(149);
    expect(calls).toHaveLength(1);
    vi.advanceTimersByTime(1);
    expect(calls).toEqual([
      { t: t0, args: [1] },
      { t: t0 + 250, args: [3] },
    ]);
  });

  it('runs a call after a quiet period synchronously again', () => {
    const { calls, fn } = recorder();
    const send = throttle(fn, 250, { leading: true });
    send('a');
    vi.advanceTimersByTime(400);
    send('b');
    expect(calls.map((c) => c.args[0])).toEqual(['a', 'b']);
  });

  it('runs a steady stream of calls exactly once per wait, ending with the last value', () => {
    const { calls, fn } = recorder();
    const send = throttle(fn, 250, { leading: true });
    const t0 = performance.now();
    for (let k = 0; k < 100; k++) {
      send(k);
      vi.advanceTimersByTime(10);
    }
    vi.advanceTimersByTime(1000);
    // Calls at 0, 10, …, 990 ms: the last one (99) lands at 1000 ms, a wait after the run at 750.
    expect(calls.map((c) => c.t - t0)).toEqual([0, 250, 500, 750, 1000]);
    expect(calls.at(-1)?.args).toEqual([99]);
  });
});

describe('throttle, trailing only (chart redraws)', () => {
  it('collapses a synchronous burst into one asynchronous run with the last arguments', () => {
    const { calls, fn } = recorder();
    const redraw = throttle(fn, 400);
    redraw(1);
    redraw(2);
    redraw(3);
    expect(calls).toHaveLength(0);
    vi.advanceTimersByTime(0);
    expect(calls.map((c) => c.args)).toEqual([[3]]);
  });

  it('waits the interval after the previous run, not after the call', () => {
    const { calls, fn } = recorder();
    const redraw = throttle(fn, 400);
    const t0 = performance.now();
    redraw();
    vi.advanceTimersByTime(0);
    vi.advanceTimersByTime(300);
    redraw();
    vi.advanceTimersByTime(99);
    expect(calls).toHaveLength(1);
    vi.advanceTimersByTime(1);
    expect(calls.map((c) => c.t - t0)).toEqual([0, 400]);
  });
});

describe('throttle, cancel and flush', () => {
  it('cancel drops the pending call', () => {
    const { calls, fn } = recorder();
    const send = throttle(fn, 250, { leading: true });
    send(1);
    send(2);
    send.cancel();
    vi.advanceTimersByTime(1000);
    expect(calls.map((c) => c.args)).toEqual([[1]]);
  });

  it('flush runs the pending call now, once', () => {
    const { calls, fn } = recorder();
    const send = throttle(fn, 250, { leading: true });
    send(1);
    send(2);
    send.flush();
    expect(calls.map((c) => c.args)).toEqual([[1], [2]]);
    vi.advanceTimersByTime(1000);
    send.flush();
    expect(calls).toHaveLength(2);
  });
});

describe("throttle, 'frame' (the hovered x)", () => {
  it('runs once at the next animation frame with the latest arguments', () => {
    const { calls, fn } = recorder();
    const publish = throttle(fn, 'frame');
    publish(1);
    publish(2);
    publish(3);
    expect(calls).toHaveLength(0);
    vi.advanceTimersToNextFrame();
    expect(calls.map((c) => c.args)).toEqual([[3]]);
    publish(4);
    vi.advanceTimersToNextFrame();
    expect(calls.map((c) => c.args)).toEqual([[3], [4]]);
  });
});
