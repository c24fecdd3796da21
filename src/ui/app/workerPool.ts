import type { RunConfig } from '../../core/run/config';
import { assertNever, type LaneStatusInfo, type WorkerCommand, type WorkerEvent } from '../../worker/protocol';
import { RunSeries } from '../charts/series';

/**
 * A pool of background workers for runs the user does not watch step by step: seed replicas and
 * sweep cells. Each job is an ordinary RunConfig played to its end in a fresh worker (the same
 * worker as the main run's), at most `poolSize()` at a time.
 */

export interface JobResult {
  series: RunSeries;
  statuses: LaneStatusInfo[];
  step: number;
  done: boolean;
  /** Set when the run failed (worker error or crash). */
  error?: string;
}

export interface JobHandle {
  result: Promise<JobResult>;
  cancel(): void;
}

interface Job {
  config: RunConfig;
  onProgress?: (r: JobResult) => void;
  onStart?: () => void;
  resolve: (r: JobResult) => void;
  state: JobResult;
  worker: Worker | null;
  finished: boolean;
}

/**
 * Workers in the pool: one per core the browser reports (a sweep's cells run in parallel up to the
 * core count), at most 16 so a many-core machine does not hold that many models in memory.
 */
export const MAX_POOL = 16;
export function poolSize(): number {
  const cores = typeof navigator !== 'undefined' ? navigator.hardwareConcurrency || 2 : 2;
  return Math.max(1, Math.min(MAX_POOL, cores));
}

const queue: Job[] = [];
const active = new Set<Job>();

/** Queue a run; `onStart` is called when a worker takes it up, `onProgress` on each metrics batch. */
export function runJob(config: RunConfig, onProgress?: (r: JobResult) => void, onStart?: () => void): JobHandle {
  let resolve!: (r: JobResult) => void;
  const result = new Promise<JobResult>((r) => (resolve = r));
  const job: Job = {
    config,
    onProgress,
    onStart,
    resolve,
    state: { series: new RunSeries(), statuses: [], step: 0, done: false },
    worker: null,
    finished: false,
  };
  queue.push(job);
  pump();
  return { result, cancel: () => finish(job, 'cancelled') };
}

const send = (w: Worker | null, cmd: WorkerCommand) => w?.postMessage(cmd);

function pump(): void {
  while (active.size < poolSize() && queue.length > 0) start(queue.shift()!);
}

function start(job: Job): void {
  active.add(job);
  const w = new Worker(new URL('../../worker/run.worker.ts', import.meta.url), { type: 'module' });
  job.worker = w;
  w.onmessage = (e: MessageEvent<WorkerEvent>) => handle(job, e.data);
  w.onerror = (e: ErrorEvent) => {
    e.preventDefault();
    finish(job, e.message || 'The worker failed to load or crashed.');
  };
  send(w, { type: 'init', config: job.config });
  job.onStart?.();
}

function finish(job: Job, error?: string): void {
  if (job.finished) return;
  job.finished = true;
  job.worker?.terminate();
  job.worker = null;
  const qi = queue.indexOf(job);
  if (qi >= 0) queue.splice(qi, 1);
  active.delete(job);
  if (error !== undefined) job.state.error = error;
  job.resolve(job.state);
  pump();
}

function handle(job: Job, ev: WorkerEvent): void {
  if (job.finished) return;
  const st = job.state;
  switch (ev.type) {
    case 'ready':
      send(job.worker, { type: 'play' });
      return;
    case 'metrics':
      st.series.append(ev.rows, ev.numRows);
      job.onProgress?.(st);
      return;
    case 'laneStatus':
      st.statuses = ev.lanes;
      return;
    case 'state':
      st.step = ev.step;
      if (ev.done) {
        st.done = true;
        job.onProgress?.(st);
        finish(job);
      }
      return;
    case 'error':
      finish(job, ev.message);
      return;
    case 'schedule':
    case 'picture':
    case 'memory':
    case 'notice':
    case 'backend':
    case 'timing':
    case 'dev':
      return;
    default:
      assertNever(ev);
  }
}
