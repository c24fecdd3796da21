import type { BackendName, MeasuredBackend } from '../protocol';

/**
 * The choice behind `backend=auto`, kept apart from tfjs so it can be tested in Node: the probe
 * (probe.ts) measures steps per second of the actual run on each available backend and this picks.
 */

/** A task this many times larger or smaller than the one probed is probed again. */
export const REPROBE_FACTOR = 10;

/** Ties (within float noise) go to the earlier backend in this order. */
const PREFERENCE: readonly BackendName[] = ['webgpu', 'webgl', 'wasm', 'cpu'];

/**
 * The fastest measured backend. A software adapter (SwiftShader, llvmpipe…) is only ever picked by
 * being faster than everything else measured, never by ranking first in a list; a backend whose probe
 * failed (NaN or 0 steps/s) is never picked while another ran. A cut-off figure is an upper bound,
 * so a backend beaten by its upper bound is truly slower.
 */
export function pickFastest(measured: readonly MeasuredBackend[]): MeasuredBackend {
  const ran = measured.filter((m) => Number.isFinite(m.stepsPerSec) && m.stepsPerSec > 0);
  if (ran.length === 0) throw new Error('the backend probe measured nothing');
  const rank = (m: MeasuredBackend) => PREFERENCE.indexOf(m.name);
  return ran.reduce((best, m) => (m.stepsPerSec > best.stepsPerSec || (m.stepsPerSec === best.stepsPerSec && rank(m) < rank(best)) ? m : best));
}

/**
 * The size the probe's verdict holds for: weights per lane × lanes × examples per batch (where the
 * task has a batch). A run whose size is within REPROBE_FACTOR of the probed one reuses the verdict.
 */
export function probeSize(numParams: number, numLanes: number, batch?: unknown): number {
  const examples = typeof batch === 'number' && batch > 0 ? batch : 1;
  return Math.max(1, numParams) * Math.max(1, numLanes) * examples;
}

/** Probe again: nothing was probed yet, or the task grew or shrank by an order of magnitude. */
export function needsProbe(probedSize: number | null, size: number): boolean {
  if (probedSize === null) return true;
  const ratio = size / probedSize;
  return ratio >= REPROBE_FACTOR || ratio <= 1 / REPROBE_FACTOR;
}

/** "cpu: 140 steps/s, webgpu (software): 3.2 steps/s", fastest first: what the badge shows. */
export function describeMeasured(measured: readonly MeasuredBackend[]): string {
  const rate = (x: number) => (!Number.isFinite(x) || x <= 0 ? 'failed' : `${Number(x.toPrecision(x >= 100 ? 3 : 2))} steps/s`);
  const figure = (m: MeasuredBackend) => (m.cutOff ? `< ${rate(m.stepsPerSec)} (first step unfinished)` : rate(m.stepsPerSec));
  return [...measured]
    .sort((a, b) => (Number.isFinite(b.stepsPerSec) ? b.stepsPerSec : -1) - (Number.isFinite(a.stepsPerSec) ? a.stepsPerSec : -1))
    .map((m) => `${m.name}${m.software ? ' (software)' : ''}: ${figure(m)}`)
    .join(', ');
}

/** An adapter description that names a software rasteriser (Chrome's isFallbackAdapter is not always set for it). */
export function isSoftwareAdapter(info: { isFallbackAdapter?: boolean; vendor?: string; architecture?: string; description?: string } | undefined): boolean {
  if (!info) return false;
  if (info.isFallbackAdapter) return true;
  return /swiftshader|llvmpipe|lavapipe|software|microsoft basic render|warp/i.test([info.vendor, info.architecture, info.description].join(' '));
}

/** What the host does about the backend before building a run (the size check comes after, with needsProbe). */
export type BackendPlan = 'keep' | 'pin' | 'probe' | 'restore';

/**
 * A pinned backend stays pinned: started as asked unless it already runs as pinned (never replaced by
 * a probe's verdict). `auto` probes when nothing was probed yet, and otherwise goes back to the
 * verdict's backend if another one runs now (after a pinned run).
 */
export function planBackend(
  choice: BackendName | 'auto',
  current: { name: BackendName; measured?: unknown } | null,
  verdict: { name: BackendName } | null,
): BackendPlan {
  if (choice !== 'auto') return current?.name === choice && !current.measured ? 'keep' : 'pin';
  if (!verdict) return 'probe';
  return current?.name === verdict.name && current.measured ? 'keep' : 'restore';
}
