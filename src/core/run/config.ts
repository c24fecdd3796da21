import { z } from 'zod';
import { OPTIMIZER_IDS, optimizerSpec, type OptimizerId } from '../optimizers/specs';
import { TASKS, taskSpec, type TaskId } from '../tasks/specs';
import { defaultsOf } from '../params';

/**
 * RunConfig: everything needed to reproduce a run. The URL, the store, the worker and the CLI all
 * speak it; nothing else is needed to replay a run.
 */

export const BACKENDS = ['auto', 'webgpu', 'webgl', 'wasm', 'cpu'] as const;
export type BackendChoice = (typeof BACKENDS)[number];

export const MAX_LANES = 8;
export const MAX_STEPS = 1_000_000;
export const MAX_SCHEDULE = 256;

const numberRecord = z.record(z.string(), z.number().finite());

export const LaneSchema = z.object({
  optimizer: z.enum(OPTIMIZER_IDS as [OptimizerId, ...OptimizerId[]]),
  hyper: numberRecord,
  /** Also compute the true gradient each step and stream cos(ĝ, ∇L) and ‖ĝ − ∇L‖/‖∇L‖. */
  diagnostics: z.boolean().optional(),
});

export const ScheduleEntrySchema = z.object({
  /** The change applies just before this step (1-based) runs. */
  step: z.number().int().min(1).max(MAX_STEPS),
  lane: z.number().int().min(0).max(MAX_LANES - 1),
  name: z.string(),
  value: z.number().finite(),
});

export const RunConfigSchema = z.object({
  v: z.literal(1),
  task: z.object({
    id: z.enum(TASKS.map((t) => t.id) as [TaskId, ...TaskId[]]),
    settings: numberRecord,
  }),
  lanes: z.array(LaneSchema).min(1).max(MAX_LANES),
  seed: z.number().int().min(0).max(0xffffffff),
  steps: z.number().int().min(1).max(MAX_STEPS),
  evalEvery: z.number().int().min(1).max(MAX_STEPS),
  backend: z.enum(BACKENDS),
  schedule: z.array(ScheduleEntrySchema).max(MAX_SCHEDULE),
});

export type Lane = z.infer<typeof LaneSchema>;
export type ScheduleEntry = z.infer<typeof ScheduleEntrySchema>;
export type RunConfig = z.infer<typeof RunConfigSchema>;

/**
 * Check a RunConfig that crosses a boundary untyped (a worker message, a JSON file): the config,
 * typed, or an Error naming the first problem. Share links and CLI arguments are checked by the
 * codec instead (decodeConfig repairs what it can, with notices). Past these entry points a
 * RunConfig is trusted: the Runner and everything downstream take it as given.
 */
export function parseRunConfig(input: unknown): RunConfig {
  const parsed = RunConfigSchema.safeParse(input);
  if (!parsed.success) throw new Error(`Invalid run config: ${parsed.error.issues[0]?.message ?? 'unknown'}`);
  return parsed.data;
}

/**
 * A lane's starting hyperparameters: the spec's defaults, then the task's suggested values, then its
 * suggestions for new lanes. With `legacy` (a share link's lane: the values for parameters it does not
 * name), a parameter with a legacy value (ParamSpec.legacy) takes it instead of its default and the
 * suggestions for new lanes are left out, so a link replays as it ran when it was written.
 */
export function defaultLane(optimizerId: OptimizerId, taskId?: TaskId, opts: { legacy?: boolean } = {}): Lane {
  const spec = optimizerSpec(optimizerId);
  const task = taskId ? taskSpec(taskId) : undefined;
  const suggested = task?.suggested?.[optimizerId];
  if (opts.legacy) {
    const legacy = Object.fromEntries(spec.hypers.flatMap((h) => (h.legacy === undefined ? [] : [[h.name, h.legacy]])));
    return { optimizer: optimizerId, hyper: { ...defaultsOf(spec.hypers), ...legacy, ...suggested } };
  }
  return { optimizer: optimizerId, hyper: { ...defaultsOf(spec.hypers), ...suggested, ...task?.newLaneSuggested?.[optimizerId] } };
}

export function defaultTaskSettings(taskId: string): Record<string, number> {
  const spec = taskSpec(taskId) ?? TASKS[0];
  return defaultsOf(spec.settings);
}

/** The page's default run: ZO-SGD vs Adam on the spiral MLP. */
export function defaultConfig(): RunConfig {
  return {
    v: 1,
    task: { id: 'spiral', settings: defaultTaskSettings('spiral') },
    lanes: [defaultLane('zo-sgd', 'spiral'), defaultLane('adam', 'spiral')],
    seed: 1,
    steps: 2000,
    evalEvery: 20,
    backend: 'auto',
    schedule: [],
  };
}

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
