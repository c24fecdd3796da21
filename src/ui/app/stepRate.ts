import { useSyncExternalStore } from 'react';
import type { StepTiming } from '../../worker/protocol';
import { useStore } from '../store';

/**
 * Steps per second of the run as the user sees it (all lanes in lockstep) and where its time went,
 * from the worker's `timing` events: the last couple of seconds of them, summed, published about
 * once a second. The header's steps/s and the speed panel's breakdown both render the published
 * figure (useRecentTiming) when it changes, so they show the same number.
 */
const WINDOW_MS = 2500;
const PUBLISH_MS = 1000;
let windows: StepTiming[] = [];
let published: StepTiming | null = null;
let publishedAt = -Infinity;
const listeners = new Set<() => void>();

function publish(timing: StepTiming | null): void {
  published = timing;
  publishedAt = performance.now();
  listeners.forEach((l) => l());
}

/** The published recent timing; re-renders when it changes. */
export function useRecentTiming(): StepTiming | null {
  return useSyncExternalStore(
    (l) => {
      listeners.add(l);
      return () => listeners.delete(l);
    },
    () => published,
  );
}

/** A `timing` event from the worker. */
export function recordTiming(timing: StepTiming): void {
  windows.push(timing);
  if (performance.now() - publishedAt >= PUBLISH_MS || !published) queueMicrotask(() => publish(recentTiming()));
  let wall = 0;
  for (let i = windows.length - 1; i >= 0; i--) {
    wall += windows[i].wallMs;
    if (wall > WINDOW_MS && i > 0) {
      windows = windows.slice(i);
      break;
    }
  }
}

/** A new run (or a reset) starts with no figures. */
export function startRateTracking(): () => void {
  return useStore.subscribe((s, prev) => {
    if (s.step < prev.step || (s.step === 0 && prev.step !== 0)) {
      windows = [];
      publish(null);
    }
  });
}

/** The recent windows summed (null before the first one). */
function recentTiming(): StepTiming | null {
  if (windows.length === 0) return null;
  const sum: StepTiming = { ...windows[0], laneMs: [...windows[0].laneMs] };
  for (const w of windows.slice(1)) {
    for (const key of ['steps', 'wallMs', 'evalMs', 'diagnosticsMs', 'readbackMs', 'pictureMs', 'memoryMs', 'messagingMs', 'idleMs', 'otherMs'] as const) sum[key] += w[key];
    w.laneMs.forEach((ms, lane) => (sum.laneMs[lane] = (sum.laneMs[lane] ?? 0) + ms));
  }
  return sum;
}

/** Steps per wall-clock second of `t`; NaN when the run is not playing or no timing has come yet. */
export function stepsPerSecond(t: StepTiming | null, playing: boolean): number {
  if (!playing || !t || t.wallMs < 200) return NaN;
  return (1000 * t.steps) / t.wallMs;
}

export function formatEta(seconds: number): string {
  if (!Number.isFinite(seconds)) return '—';
  if (seconds < 60) return `${Math.ceil(seconds)} s`;
  if (seconds < 3600) return `${Math.floor(seconds / 60)} min ${Math.round(seconds % 60)} s`;
  return `${Math.floor(seconds / 3600)} h ${Math.round((seconds % 3600) / 60)} min`;
}
