import type { Lane, RunConfig } from '../../core/config';

/** The lane with gradient diagnostics on, or without the flag at all (the schema's default). */
export function withDiagnostics(lane: Lane, on: boolean): Lane {
  const rest: Lane = { ...lane };
  delete rest.diagnostics;
  return on ? { ...rest, diagnostics: true } : rest;
}

/** Background runs (seeds, sweep cells) skip diagnostics: they cost a backward pass per step. */
export function withoutDiagnostics(config: RunConfig): RunConfig {
  return { ...config, lanes: config.lanes.map((l) => withDiagnostics(l, false)) };
}
