import { optimizerSpec } from '../core/optimizers/specs';
import { metricInfo, type MetricName } from '../core/tasks/shared/metric';
import { taskSpec } from '../core/tasks/specs';
import type { ParamSpec } from '../core/params';
import { encodeConfig } from '../core/run/codec';
import { parseRunConfig, type RunConfig } from '../core/run/config';
import type { LaneStatusInfo } from '../core/run/metrics';
import type { LaneRecord } from '../core/run/record';

/**
 * "Export JSON" (the browser) and `--json` (the CLI): the run's config (it replays the run) and
 * every recorded metric, per lane, and the same for each extra seed. Categorical values are written
 * by name (`"dist": "rademacher"`), as links write them; `configFromJson` reads them back.
 * JSON has no NaN: missing or non-finite values are written as null.
 */
export const RUN_JSON_FORMAT = 'zo-playground-run';

export interface LaneJson {
  lane: number;
  optimizer: string;
  status: string;
  divergedAt: number | null;
  step: number[];
  forwardPasses: number[];
  /** The lane's own compute time so far (ms, summed over its steps; not the wall clock: lanes take turns). */
  wallMs: number[];
  trainLoss: (number | null)[];
  eval: { step: number[]; loss: (number | null)[]; metric: (number | null)[] };
}

/** One extra seed of the run ("Seeds per lane" > 1): the same config with `seed` replaced. */
export interface ReplicaJson {
  seed: number;
  /** Whether the replica reached the step budget (a cancelled or still running one did not). */
  done: boolean;
  lanes: LaneJson[];
}

/** What a replica recorded, as the exporter reads it. */
export interface ReplicaRecord {
  seed: number;
  done: boolean;
  lanes: readonly (LaneRecord | undefined)[];
  statuses: readonly LaneStatusInfo[];
}

/** A parameter value as JSON holds it: a number, or a categorical option's name. */
export type ParamJson = number | string;

/** A RunConfig with categorical hyperparameters and settings by name. */
export interface RunConfigJson extends Omit<RunConfig, 'task' | 'lanes' | 'schedule'> {
  task: { id: string; settings: Record<string, ParamJson> };
  lanes: { optimizer: string; hyper: Record<string, ParamJson>; diagnostics?: boolean }[];
  schedule: { step: number; lane: number; name: string; value: ParamJson }[];
}

export interface RunJson {
  format: typeof RUN_JSON_FORMAT;
  version: 1;
  /** The share-link hash of `config`. */
  link: string;
  config: RunConfigJson;
  backend: string | null;
  /** The task's metric, whose values are each lane's `eval.metric`; null when the task has none. */
  metric: { name: MetricName; higherIsBetter: boolean } | null;
  lanes: LaneJson[];
  /** The extra seeds behind the chart's band, in seed order (empty with one seed per lane). */
  replicas: ReplicaJson[];
}

const finite = (x: number): number | null => (Number.isFinite(x) ? x : null);

const hyperSpec = (config: RunConfig, laneIdx: number, name: string): ParamSpec | undefined =>
  optimizerSpec(config.lanes[laneIdx]?.optimizer ?? '')?.hypers.find((h) => h.name === name);
const settingSpec = (config: RunConfig, name: string): ParamSpec | undefined =>
  taskSpec(config.task.id)?.settings.find((p) => p.name === name);

const toName = (spec: ParamSpec | undefined, value: number): ParamJson => spec?.choices?.[value] ?? value;
const mapValues = <T, U>(record: Record<string, T>, f: (name: string, value: T) => U): Record<string, U> =>
  Object.fromEntries(Object.entries(record).map(([k, v]) => [k, f(k, v)]));

/** The config with categorical values by name (key order kept, so the file reads like the config). */
export function configToJson(config: RunConfig): RunConfigJson {
  const copy = structuredClone(config);
  return {
    ...copy,
    task: { ...copy.task, settings: mapValues(copy.task.settings, (k, v) => toName(settingSpec(config, k), v)) },
    lanes: copy.lanes.map((lane, i) => ({ ...lane, hyper: mapValues(lane.hyper, (k, v) => toName(hyperSpec(config, i, k), v)) })),
    schedule: copy.schedule.map((e) => ({ ...e, value: toName(hyperSpec(config, e.lane, e.name), e.value) })),
  };
}

/**
 * A config read from an exported JSON file: option names back to their indices, then validated
 * (parseRunConfig): a JSON file is an entry point like a link. Throws on anything it cannot read.
 */
export function configFromJson(json: unknown): RunConfig {
  const raw = json as Partial<RunConfigJson> | null;
  if (!isRecord(raw) || !isRecord(raw.task) || !Array.isArray(raw.lanes) || !Array.isArray(raw.schedule)) return parseRunConfig(json);
  const lanes = raw.lanes;
  const hyper = (laneIdx: number, name: string) => optimizerSpec(lanes[laneIdx]?.optimizer ?? '')?.hypers.find((h) => h.name === name);
  const setting = (name: string) => taskSpec(String(raw.task?.id))?.settings.find((p) => p.name === name);
  const toIndex = (spec: ParamSpec | undefined, value: unknown, where: string): unknown => {
    if (typeof value !== 'string') return value;
    const idx = spec?.choices?.indexOf(value) ?? -1;
    if (idx < 0) throw new Error(`Invalid run config: ${where} '${value}' is not one of ${spec?.choices?.join(' | ') ?? 'its values (a number)'}`);
    return idx;
  };
  const indices = (record: unknown, specOf: (name: string) => ParamSpec | undefined, where: string) =>
    isRecord(record) ? mapValues(record, (k, v) => toIndex(specOf(k), v, `${where} ${k}`)) : record;
  return parseRunConfig({
    ...raw,
    task: { ...raw.task, settings: indices(raw.task.settings, setting, 'task setting') },
    lanes: lanes.map((lane, i) => (isRecord(lane) ? { ...lane, hyper: indices(lane.hyper, (k) => hyper(i, k), `lane ${i}`) } : lane)),
    schedule: raw.schedule.map((e) => (isRecord(e) ? { ...e, value: toIndex(hyper(e.lane, e.name), e.value, `schedule entry ${e.name}`) } : e)),
  });
}

const isRecord = (x: unknown): x is Record<string, unknown> => typeof x === 'object' && x !== null && !Array.isArray(x);

function lanesJson(config: RunConfig, lanes: readonly (LaneRecord | undefined)[], statuses: readonly LaneStatusInfo[]): LaneJson[] {
  return config.lanes.map((lane, i): LaneJson => {
    const s = lanes[i];
    const n = s?.step.length ?? 0;
    const status = statuses.find((st) => st.lane === i);
    const evalRows = s ? Array.from(s.evalRow) : [];
    return {
      lane: i,
      optimizer: lane.optimizer,
      status: status?.status ?? (n > 0 ? 'running' : 'ready'),
      divergedAt: status?.divergedAt ?? null,
      step: s ? Array.from(s.step) : [],
      forwardPasses: s ? Array.from(s.forwardPasses) : [],
      wallMs: s ? Array.from(s.wallMs, (w) => Number(w.toFixed(3))) : [],
      trainLoss: s ? Array.from(s.trainLoss, finite) : [],
      eval: {
        step: evalRows.map((r) => s!.step[r]),
        loss: s ? Array.from(s.evalLoss, finite) : [],
        metric: s ? Array.from(s.evalMetric, finite) : [],
      },
    };
  });
}

function metricJson(config: RunConfig): RunJson['metric'] {
  const name = taskSpec(config.task.id)?.metric ?? null;
  return name === null ? null : { name, higherIsBetter: metricInfo(name).higherIsBetter };
}

/** The run JSON from the run's config, its lanes' records and statuses, and its extra seeds. */
export function buildRunJson(
  config: RunConfig,
  lanes: readonly (LaneRecord | undefined)[],
  statuses: readonly LaneStatusInfo[],
  backend: string | null,
  replicas: readonly ReplicaRecord[] = [],
): RunJson {
  return {
    format: RUN_JSON_FORMAT,
    version: 1,
    link: encodeConfig(config),
    config: configToJson(config),
    backend,
    metric: metricJson(config),
    lanes: lanesJson(config, lanes, statuses),
    replicas: replicas.map((r) => ({ seed: r.seed, done: r.done, lanes: lanesJson(config, r.lanes, r.statuses) })),
  };
}
