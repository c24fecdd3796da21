/**
 * The UI's one rate limiter. A throttled function runs at most once per `waitMs` (or once per
 * animation frame with `'frame'`), and a call that arrives too soon is never lost: the last one of
 * a burst runs when the wait is over, with its arguments (trailing).
 *
 * - `leading: true`: a call after a quiet period runs at once, synchronously (a live slider change
 *   reaches the worker without delay; the drag that follows is thinned out).
 * - `leading: false` (default): even the first call runs on a timer, `waitMs` after the previous run
 *   (at once, but asynchronously, when that is long past), so a burst of synchronous calls
 *   collapses into one (chart redraws while metrics stream in).
 * - `'frame'`: trailing only, at the next animation frame (the hovered x of every chart).
 *
 * The wait counts from the previous run, not from the call, so a steady stream of calls runs
 * exactly every `waitMs`.
 */
export interface Throttled<A extends unknown[]> {
  (...args: A): void;
  /** Forget a pending trailing call. */
  cancel(): void;
  /** Run a pending trailing call now (no-op when none is pending). */
  flush(): void;
}

export function throttle<A extends unknown[]>(fn: (...args: A) => void, wait: 'frame'): Throttled<A>;
export function throttle<A extends unknown[]>(fn: (...args: A) => void, waitMs: number, opts?: { leading?: boolean }): Throttled<A>;
export function throttle<A extends unknown[]>(
  fn: (...args: A) => void,
  wait: number | 'frame',
  { leading = false }: { leading?: boolean } = {},
): Throttled<A> {
  let lastRun = -Infinity;
  let pending: { args: A } | null = null;
  let cancelTimer: (() => void) | null = null;

  const run = (args: A) => {
    lastRun = performance.now();
    fn(...args);
  };
  const fire = () => {
    cancelTimer = null;
    const call = pending;
    pending = null;
    if (call) run(call.args);
  };
  const schedule = () => {
    if (wait === 'frame') {
      const id = requestAnimationFrame(fire);
      cancelTimer = () => cancelAnimationFrame(id);
    } else {
      const id = setTimeout(fire, Math.max(0, lastRun + wait - performance.now()));
      cancelTimer = () => clearTimeout(id);
    }
  };

  const throttled = (...args: A) => {
    if (cancelTimer) {
      pending = { args };
      return;
    }
    if (leading && wait !== 'frame' && performance.now() - lastRun >= wait) {
      run(args);
      return;
    }
    pending = { args };
    schedule();
  };
  throttled.cancel = () => {
    cancelTimer?.();
    cancelTimer = null;
    pending = null;
  };
  throttled.flush = () => {
    if (!cancelTimer) return;
    cancelTimer();
    fire();
  };
  return throttled;
}
