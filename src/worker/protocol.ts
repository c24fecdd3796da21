/**
 * The worker protocol: one discriminated union per direction, imported by both sides and handled
 * by exhaustive switches. Hot data (metrics) crosses as transferred typed arrays.
 */
import type { RunConfig, ScheduleEntry } from '../core/run/config';
import type { LaneMemory, LaneStatusInfo } from '../core/run/metrics';
import type { TaskPicture } from '../core/tasks/picture';
import type { LossReference } from '../core/tasks/shared/spec';
import type { SelfTestResult } from './dev/selfTest';
import type { BenchResult } from '../core/bench';

export type WorkerCommand =
  /** Build the run (backend chosen per config.backend). Replaces any previous run. */
  | { type: 'init'; config: RunConfig }
  | { type: 'play' }
  | { type: 'pause' }
  /** One step of every lane, then pause. */
  | { type: 'step' }
  /** Rebuild from the same (or a new) config at step 0, paused. */
  | { type: 'reset'; config?: RunConfig }
  /** Applied at the next step boundary and recorded in the config's schedule. */
  | { type: 'setHyper'; lane: number; name: string; value: number }
  /** Turn a lane's gradient diagnostics on or off (takes effect at the next step). */
  | { type: 'setDiagnostics'; lane: number; on: boolean }
  /** Test machinery (src/worker/dev/): answered only by builds that carry it (`--mode e2e`, dev server). */
  | { type: 'dev'; command: DevCommand };

/**
 * The dev-only commands, inside one envelope so that the production worker and UI name none of them.
 */
export type DevCommand =
  /**
   * Inject a platform fault. `lose-device` destroys the WebGPU device mid-run (the host must
   * recover), `throw` makes the worker throw an uncaught error, `hang` stops it answering.
   */
  | { type: 'fault'; fault: FaultKind }
  /** Check the GPU perturbation kernel against its TypeScript twin (answers `selfTest`). */
  | { type: 'selfTest' }
  /** Run the benchmark suite on this worker's backend (answers `bench`). */
  | { type: 'bench'; smoke: boolean };

export type FaultKind = 'lose-device' | 'throw' | 'hang';

/** Answers to dev commands (inside a `dev` event). */
export type DevEvent =
  | { type: 'selfTest'; result?: SelfTestResult; error?: string }
  | { type: 'bench'; result?: BenchResult; error?: string };

export type BackendName = 'webgpu' | 'webgl' | 'cpu' | 'wasm';

export interface BackendInfo {
  name: BackendName;
  /** Why this backend runs, e.g. "WebGPU adapter found" or "no WebGPU in this browser; fell back to WebGL". */
  reason: string;
  /** Adapter description when WebGPU runs (vendor, architecture, fallback flag); SIMD and threads when wasm runs. */
  adapter?: string;
  /** Which perturbation kernel the zeroth-order lanes use. */
  perturbKernel: string;
  /** With `backend=auto`: what the probe measured on this run, one entry per backend it tried. */
  measured?: MeasuredBackend[];
}

/** One backend's figure from the `auto` probe: steps per second of the run's own lanes there. */
export interface MeasuredBackend {
  name: BackendName;
  /** NaN when the backend started but its probe failed. */
  stepsPerSec: number;
  /** A software WebGPU adapter (SwiftShader, llvmpipe…): the GPU is emulated on the CPU. */
  software?: boolean;
  /** Its first step had not finished when the probe stopped waiting: stepsPerSec is an upper bound. */
  cutOff?: boolean;
}

/**
 * Where the wall time of a playing run went, over one reporting window (a few chunks): every
 * millisecond between the window's start and its end falls in exactly one field, so the fields sum
 * to `wallMs` (`otherMs` is what is left over). Compute is per lane (its steps, evaluation excluded); `readbackMs` is the wait for
 * the chunk's losses to come back (on WebGPU and WebGL this is where the queued GPU work runs).
 */
export interface StepTiming {
  /** Steps completed by every lane in the window. */
  steps: number;
  wallMs: number;
  laneMs: number[];
  evalMs: number;
  /** Gradient diagnostics (true gradient and comparison), for the lanes that have them on. */
  diagnosticsMs: number;
  readbackMs: number;
  pictureMs: number;
  memoryMs: number;
  /** Posting messages (metric batches, state) and copying their buffers. */
  messagingMs: number;
  /** Waiting for turns of the worker's message loop between chunks (where a Pause gets in). */
  idleMs: number;
  /** The rest of the window: the host's bookkeeping between the parts above. */
  otherMs: number;
}

export type { LaneMemory, LaneStatus, LaneStatusInfo } from '../core/run/metrics';
export type { LossReference } from '../core/tasks/shared/spec';

/** Memory the lanes share, outside any one lane's tensors (absent where there is none). */
export interface SharedMemory {
  /** The wasm backend's WebAssembly memory: every tensor lives in it; it grows to the largest step and never shrinks. */
  heapBytes?: number;
  /** The fused perturbation kernel's cache of z (cpu and wasm): one float32 per parameter, kept for the step. */
  directionCacheBytes?: number;
}

export type WorkerEvent =
  /**
   * The run is built. numParams is d, the trained values per lane; numTotal counts frozen weights
   * too; references are the task's reference losses, drawn on the loss chart ([] for most tasks).
   */
  | { type: 'ready'; backend: BackendInfo; numParams: number; numTotal: number; references: LossReference[]; config: RunConfig }
  /**
   * Metric rows as the runner writes them: row-major [numRows × NUM_METRIC_COLUMNS], columns named
   * by METRIC_COLUMNS (core/run/metrics.ts; read them with COLUMN or decodeRow). Sent every few tens of ms.
   */
  | { type: 'metrics'; rows: Float64Array; numRows: number }
  | { type: 'laneStatus'; lanes: LaneStatusInfo[] }
  /** Run state: playing or not, steps completed. */
  | { type: 'state'; playing: boolean; step: number; done: boolean; numTensors: number }
  /** Something the user should know that did not stop the run (e.g. a recovered device loss). */
  | { type: 'notice'; message: string }
  /** The backend changed during a run (fallback or recovery). */
  | { type: 'backend'; backend: BackendInfo }
  /** Memory per lane: sent after `ready` and then at most about once a second while playing. */
  | { type: 'memory'; lanes: LaneMemory[]; shared: SharedMemory }
  /** The schedule grew (a live hyperparameter change was recorded). */
  | { type: 'schedule'; entry: ScheduleEntry; schedule: ScheduleEntry[] }
  /** The task's picture (typed arrays transferred), a few times a second at most. */
  | { type: 'picture'; picture: TaskPicture }
  /** Where a playing run's wall time went since the last such event (sent with each metrics flush). */
  | { type: 'timing'; timing: StepTiming }
  /** The answer to a dev command. */
  | { type: 'dev'; event: DevEvent }
  /** Something went wrong; `fatal` means the run cannot continue without a restart. */
  | { type: 'error'; message: string; fatal: boolean };

export function assertNever(x: never): never {
  throw new Error(`Unhandled message: ${JSON.stringify(x)}`);
}
