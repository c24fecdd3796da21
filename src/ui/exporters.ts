import { encodeConfig } from '../core/codec';
import type { RunConfig } from '../core/config';
import type { LaneStatusInfo } from '../worker/protocol';
import type { RunSeries } from './series';

/**
 * "Export JSON": the run's config (it replays the run) and every recorded metric, per lane, and the
 * same for each extra seed behind the chart's band.
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

export interface ReplicaRun {
  seed: number;
  done: boolean;
  series: RunSeries;
  statuses: LaneStatusInfo[];
}

export interface RunJson {
  format: typeof RUN_JSON_FORMAT;
  version: 1;
  /** The share-link hash of `config`. */
  link: string;
  config: RunConfig;
  backend: string | null;
  lanes: LaneJson[];
  /** The extra seeds behind the chart's band, in seed order (empty with one seed per lane). */
  replicas: ReplicaJson[];
}

const finite = (x: number): number | null => (Number.isFinite(x) ? x : null);

function lanesJson(config: RunConfig, run: RunSeries, statuses: LaneStatusInfo[]): LaneJson[] {
  return config.lanes.map((lane, i): LaneJson => {
    const s = run.lanes[i];
    const n = s?.length ?? 0;
    const status = statuses.find((st) => st.lane === i);
    const evalRows = s ? Array.from(s.evalRow.view()) : [];
    return {
      lane: i,
      optimizer: lane.optimizer,
      status: status?.status ?? (n > 0 ? 'running' : 'ready'),
      divergedAt: status?.divergedAt ?? null,
      step: s ? Array.from(s.step.view()) : [],
      forwardPasses: s ? Array.from(s.forwardPasses.view()) : [],
      wallMs: s ? Array.from(s.wallMs.view(), (w) => Number(w.toFixed(3))) : [],
      trainLoss: s ? Array.from(s.trainLoss.view(), finite) : [],
      eval: {
        step: evalRows.map((r) => s!.step.data[r]),
        loss: s ? Array.from(s.evalLoss.view(), finite) : [],
        metric: s ? Array.from(s.evalMetric.view(), finite) : [],
      },
    };
  });
}

export function buildRunJson(
  config: RunConfig,
  run: RunSeries,
  statuses: LaneStatusInfo[],
  backend: string | null,
  replicas: readonly ReplicaRun[] = [],
): RunJson {
  return {
    format: RUN_JSON_FORMAT,
    version: 1,
    link: encodeConfig(config),
    config: structuredClone(config),
    backend,
    lanes: lanesJson(config, run, statuses),
    replicas: replicas.map((r) => ({ seed: r.seed, done: r.done, lanes: lanesJson(config, r.series, r.statuses) })),
  };
}
