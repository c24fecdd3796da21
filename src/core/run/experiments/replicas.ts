import { withoutDiagnostics, type RunConfig } from '../config';

/**
 * Several seeds per lane: replica k of a run is the same config (schedule included) with seed + k,
 * without gradient diagnostics. The browser plays replicas 1 … N − 1 beside the main run (replica 0)
 * and draws their band; the CLI's `--seeds N` runs replicas 0 … N − 1 and summarises them.
 */

export const replicaSeed = (seed: number, k: number): number => (seed + k) >>> 0;

export function replicaConfig(config: RunConfig, k: number): RunConfig {
  return { ...withoutDiagnostics(structuredClone(config)), seed: replicaSeed(config.seed, k) };
}

/** Mean and spread of one number across seeds, as the chart's band reads them. */
export interface SeedSpread {
  /** Seeds with a finite value (a diverged seed has none). */
  n: number;
  mean: number;
  min: number;
  max: number;
  /** Sample standard deviation (n − 1), as the band's ±σ; NaN under two values. */
  sd: number;
}

export function seedSpread(values: readonly number[]): SeedSpread {
  const finite = values.filter(Number.isFinite);
  const n = finite.length;
  if (n === 0) return { n, mean: NaN, min: NaN, max: NaN, sd: NaN };
  const mean = finite.reduce((a, b) => a + b, 0) / n;
  const sumSq = finite.reduce((a, b) => a + b * b, 0);
  const sd = n < 2 ? NaN : Math.sqrt(Math.max(0, (sumSq - n * mean * mean) / (n - 1)));
  return { n, mean, min: Math.min(...finite), max: Math.max(...finite), sd };
}
