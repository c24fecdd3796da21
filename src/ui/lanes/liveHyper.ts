import { MAX_SCHEDULE } from '../../core/config';
import { setHyper } from '../engine';
import { useStore } from '../store';

/**
 * Live hyperparameter changes during a run. Each one the worker applies becomes a schedule entry,
 * so a slider drag is throttled (leading + trailing) to keep the schedule short.
 */
const LIVE_MS = 250;

interface Throttle {
  last: number;
  timer?: ReturnType<typeof setTimeout>;
  value: number;
}
const throttles = new Map<string, Throttle>();

export function sendLiveHyper(lane: number, name: string, value: number): void {
  const s = useStore.getState();
  if (s.config.schedule.length >= MAX_SCHEDULE) {
    const msg = `The run already records ${MAX_SCHEDULE} live changes (the most a link can carry); reset or clear the schedule to make more.`;
    if (!s.notices.includes(msg)) s.setNotices([...s.notices, msg]);
    return;
  }
  const key = `${lane}:${name}`;
  s.setPendingHyper(key, value);
  const t = throttles.get(key) ?? { last: -Infinity, value };
  throttles.set(key, t);
  t.value = value;
  const now = performance.now();
  if (t.timer !== undefined) return;
  const wait = t.last + LIVE_MS - now;
  if (wait <= 0) {
    t.last = now;
    setHyper(lane, name, value);
    return;
  }
  t.timer = setTimeout(() => {
    t.timer = undefined;
    t.last = performance.now();
    setHyper(lane, name, t.value);
  }, wait);
}

/** Drop queued live changes (the run they were meant for is being replaced). */
export function cancelLiveHyper(): void {
  for (const t of throttles.values()) clearTimeout(t.timer);
  throttles.clear();
}
