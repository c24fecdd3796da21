import { MAX_SCHEDULE } from '../../core/run/config';
import { setHyper } from '../app/workerClient';
import { throttle, type Throttled } from '../shared/throttle';
import { useStore } from '../store';

/**
 * Live hyperparameter changes during a run. Each one the worker applies becomes a schedule entry,
 * so a slider drag is throttled (leading + trailing) to keep the schedule short.
 */
const LIVE_MS = 250;

/** One throttle per `lane:name`: dragging one slider never delays another. */
const throttles = new Map<string, Throttled<[number]>>();

export function sendLiveHyper(lane: number, name: string, value: number): void {
  const s = useStore.getState();
  if (s.config.schedule.length >= MAX_SCHEDULE) {
    const msg = `The run already records ${MAX_SCHEDULE} live changes (the most a link can carry); reset or clear the schedule to make more.`;
    if (!s.notices.includes(msg)) s.setNotices([...s.notices, msg]);
    return;
  }
  const key = `${lane}:${name}`;
  s.setPendingHyper(key, value);
  let send = throttles.get(key);
  if (!send) throttles.set(key, (send = throttle((v: number) => setHyper(lane, name, v), LIVE_MS, { leading: true })));
  send(value);
}

/** Drop queued live changes (the run they were meant for is being replaced). */
export function cancelLiveHyper(): void {
  for (const send of throttles.values()) send.cancel();
  throttles.clear();
}
