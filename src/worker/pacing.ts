import { NUM_METRIC_COLUMNS } from '../core/run/metrics';

/**
 * Pacing of a playing run: steps in chunks of about CHUNK_MS between turns of the worker's message
 * loop (so commands such as pause land within one chunk), metrics batched and flushed every few tens
 * of milliseconds (never one message per step), pictures and memory figures on slower timers.
 */

/**
 * Metrics are batched and flushed at most this often: the main thread shows the step counter 10×/s
 * and redraws charts every 400 ms, and each flush costs the worker a message and the main thread a
 * task, so flushing faster only spends time (the speed panel's "messaging").
 */
const FLUSH_MS = 100;
/**
 * Target wall time of one chunk of steps between message-loop turns: each turn and readback costs
 * the run time (the speed panel's "idle" and "readback"), and a Pause lands within one chunk.
 */
const CHUNK_MS = 40;
/** Task pictures are rebuilt at most this often while playing… */
const PICTURE_MS = 300;
/**
 * …and take at most this share of the worker's time (a picture can cost many forward passes; the
 * speed panel shows its share of a step).
 */
const PICTURE_SHARE = 0.1;
/** Memory figures are sent at most this often. */
const MEMORY_MS = 1000;
/** A chunk never exceeds this many steps, so a diverging lane stops within it. */
const MAX_CHUNK_STEPS = 5;

interface TaskScheduler {
  postTask(task: () => void, options?: { priority?: 'user-blocking' | 'user-visible' | 'background' }): Promise<void>;
}

/**
 * Yield to the worker's message loop without setTimeout's 4 ms clamp. `scheduler.postTask` queues
 * on the thread's own scheduler, behind messages that arrived before it (so a Pause still lands);
 * a MessageChannel round trip, the fallback, passes through another thread and costs a millisecond
 * or more when the cores are busy (the speed panel's "idle").
 */
export function yieldToEvents(): Promise<void> {
  const scheduler = (globalThis as { scheduler?: TaskScheduler }).scheduler;
  if (scheduler?.postTask) return scheduler.postTask(() => undefined, { priority: 'user-visible' });
  return new Promise((resolve) => {
    const channel = new MessageChannel();
    channel.port1.onmessage = () => {
      channel.port1.close();
      resolve();
    };
    channel.port2.postMessage(null);
  });
}

/** Metric rows of the chunks run since the last flush, sent as one transferred array. */
export class MetricBuffer {
  private chunks: Float64Array[] = [];
  private numRows = 0;

  /** Keep a copy of a chunk's rows (the runner reuses its buffer). */
  push(rows: Float64Array, numRows: number): void {
    if (numRows === 0) return;
    this.chunks.push(rows.slice());
    this.numRows += numRows;
  }

  clear(): void {
    this.chunks = [];
    this.numRows = 0;
  }

  /** Every buffered row, row-major [numRows × NUM_METRIC_COLUMNS]; null when there is none. */
  take(): { rows: Float64Array; numRows: number } | null {
    if (this.numRows === 0) return null;
    const rows = new Float64Array(this.numRows * NUM_METRIC_COLUMNS);
    let offset = 0;
    for (const chunk of this.chunks) {
      rows.set(chunk, offset);
      offset += chunk.length;
    }
    const numRows = this.numRows;
    this.clear();
    return { rows, numRows };
  }
}

/** When the next flush, picture and memory report are due, and how many steps the next chunk runs. */
export class Pacer {
  /** A play loop is running (at most one at a time). */
  looping = false;
  private chunkSteps = 1;
  private lastFlush = 0;
  private lastPicture = -Infinity;
  private lastMemory = -Infinity;
  /** Gap before the next picture: PICTURE_MS, or longer when pictures are expensive. */
  private pictureGap = PICTURE_MS;

  /** A new run starts with one-step chunks. */
  restart(): void {
    this.chunkSteps = 1;
  }

  get stepsPerChunk(): number {
    return this.chunkSteps;
  }

  /** Size the next chunk so that it takes about CHUNK_MS, given that `steps` took `ms`. */
  chunkTook(steps: number, ms: number): void {
    const perStep = ms / steps;
    this.chunkSteps = Math.max(1, Math.min(MAX_CHUNK_STEPS, Math.floor(CHUNK_MS / Math.max(perStep, 0.01))));
  }

  flushed(): void {
    this.lastFlush = performance.now();
  }
  memorySent(): void {
    this.lastMemory = performance.now();
  }
  /** A picture took `ms` to build (or failed): the next waits PICTURE_MS, or longer if pictures are costly. */
  pictureBuilt(ms: number | null): void {
    if (ms !== null) this.pictureGap = Math.max(PICTURE_MS, ms / PICTURE_SHARE);
    this.lastPicture = performance.now();
  }

  get flushDue(): boolean {
    return performance.now() - this.lastFlush >= FLUSH_MS;
  }
  get memoryDue(): boolean {
    return performance.now() - this.lastMemory >= MEMORY_MS;
  }
  get pictureDue(): boolean {
    return performance.now() - this.lastPicture >= this.pictureGap;
  }
}

/** What the play loop drives: the host's serialised queue, its chunks and its reports. */
export interface PacedRun {
  /** Playing, with a run that is not done. */
  readonly active: boolean;
  /** Run `task` after everything queued before it; later commands wait for it. */
  serialise<T>(task: () => Promise<T>): Promise<T>;
  runChunk(steps: number): Promise<void>;
  flush(): void;
  postMemory(): void;
  postPicture(): Promise<void>;
  fail(e: unknown): void;
  /** The loop ended (paused, done or failed): say so. */
  loopEnded(): void;
  /** The loop waited `ms` for a turn of the message loop. */
  yielded(ms: number): void;
}

/**
 * Chunks until about CHUNK_MS have passed (one, unless MAX_CHUNK_STEPS caps fast steps short of it):
 * each chunk reads its losses back, so a diverging lane still stops within MAX_CHUNK_STEPS, but the
 * message loop is turned once per CHUNK_MS, not once per chunk (each turn is the panel's "idle").
 */
async function timedChunks(run: PacedRun, pace: Pacer): Promise<void> {
  const start = performance.now();
  while (run.active) {
    const steps = pace.stepsPerChunk;
    const t0 = performance.now();
    await run.runChunk(steps);
    const t1 = performance.now();
    pace.chunkTook(steps, t1 - t0);
    if (t1 - start + (t1 - t0) > CHUNK_MS) return;
  }
}

/**
 * Play until paused, done or failed: a chunk, the reports that are due, a turn of the message loop.
 * Chunks and pictures go through the host's queue, so no command touches the runner meanwhile.
 */
export async function playLoop(run: PacedRun, pace: Pacer): Promise<void> {
  if (pace.looping) return;
  pace.looping = true;
  try {
    while (run.active) {
      await run.serialise(() => timedChunks(run, pace));
      if (pace.flushDue) run.flush();
      if (pace.memoryDue) run.postMemory();
      if (pace.pictureDue) await run.serialise(() => run.postPicture());
      const t0 = performance.now();
      await yieldToEvents();
      run.yielded(performance.now() - t0);
    }
  } catch (e) {
    run.fail(e);
  } finally {
    pace.looping = false;
    run.flush();
    run.postMemory();
    await run.postPicture().catch((e) => run.fail(e));
    run.loopEnded();
  }
}
