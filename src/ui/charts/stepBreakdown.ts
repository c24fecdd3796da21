import type { StepTiming } from '../../worker/protocol';

/** One part of a step's wall time, per step of the run (every lane once). */
export interface BreakdownPart {
  key: string;
  label: string;
  /** Set for a lane's compute. */
  lane?: number;
  msPerStep: number;
  /** Of the step's wall time, 0–1. */
  share: number;
}

export interface Breakdown {
  parts: BreakdownPart[];
  /** Wall time per step: the parts summed. */
  msPerStep: number;
  /** Steps per wall-clock second: the header's figure. */
  stepsPerSec: number;
  /**
   * What the lanes' own time alone would allow: 1000 / (Σ lane compute + evaluation) per step, the
   * time the speed chart's per-lane curves count.
   */
  computeStepsPerSec: number;
}

const SHARED: { key: keyof StepTiming; label: string }[] = [
  { key: 'evalMs', label: 'evaluation' },
  { key: 'diagnosticsMs', label: 'diagnostics' },
  { key: 'readbackMs', label: 'readback' },
  { key: 'pictureMs', label: 'picture' },
  { key: 'memoryMs', label: 'memory report' },
  { key: 'messagingMs', label: 'messaging' },
  { key: 'idleMs', label: 'idle' },
  { key: 'otherMs', label: 'other' },
];

/**
 * A step's wall time split into its parts: each lane's compute, then what the lanes share. The
 * parts sum to the step's wall time (the worker accounts every millisecond of its windows).
 */
export function breakdown(t: StepTiming, laneName: (lane: number) => string): Breakdown | null {
  if (t.steps <= 0 || !(t.wallMs > 0)) return null;
  const per = (ms: number) => ms / t.steps;
  const parts: BreakdownPart[] = [
    ...t.laneMs.map((ms, lane) => ({ key: `lane${lane}`, label: laneName(lane), lane, msPerStep: per(ms), share: ms / t.wallMs })),
    ...SHARED.map(({ key, label }) => ({ key, label, msPerStep: per(t[key] as number), share: (t[key] as number) / t.wallMs })),
  ];
  const computeMs = t.laneMs.reduce((a, b) => a + b, 0) + t.evalMs;
  return {
    parts,
    msPerStep: per(t.wallMs),
    stepsPerSec: (1000 * t.steps) / t.wallMs,
    computeStepsPerSec: computeMs > 0 ? (1000 * t.steps) / computeMs : NaN,
  };
}
