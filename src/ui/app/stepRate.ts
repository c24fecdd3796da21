import { useStore } from '../store';

/**
 * Steps per second of the run as the user sees it (all lanes in lockstep), measured over the last
 * couple of seconds of `state` events; ETA for the rest of the step budget.
 */
const WINDOW_MS = 2500;
let samples: { t: number; step: number }[] = [];

export function startRateTracking(): () => void {
  return useStore.subscribe((s, prev) => {
    if (s.step === prev.step) return;
    const t = performance.now();
    if (s.step < prev.step) samples = [];
    samples.push({ t, step: s.step });
    while (samples.length > 2 && t - samples[0].t > WINDOW_MS) samples.shift();
  });
}

/** NaN until two samples a moment apart exist, or when the run is not playing. */
export function stepsPerSecond(playing: boolean): number {
  if (!playing || samples.length < 2) return NaN;
  const a = samples[0];
  const b = samples[samples.length - 1];
  const dt = (b.t - a.t) / 1000;
  return dt > 0.2 ? (b.step - a.step) / dt : NaN;
}

export function formatEta(seconds: number): string {
  if (!Number.isFinite(seconds)) return '—';
  if (seconds < 60) return `${Math.ceil(seconds)} s`;
  if (seconds < 3600) return `${Math.floor(seconds / 60)} min ${Math.round(seconds % 60)} s`;
  return `${Math.floor(seconds / 3600)} h ${Math.round((seconds % 3600) / 60)} min`;
}
