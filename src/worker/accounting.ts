import type { ChunkTiming } from '../core/run/runner';
import type { StepTiming } from './protocol';

type Part = 'pictureMs' | 'memoryMs' | 'messagingMs' | 'idleMs';

/**
 * Where a playing run's wall time goes, window by window (a window ends at each metrics flush):
 * the runner's chunks say how long each lane computed, evaluated and waited for its readback; the
 * host times its pictures, memory reports, messages and the waits for its message loop; whatever is
 * left of the window's wall time is `otherMs`. So the parts always sum to the window's wall time,
 * and steps / wall time is the rate the user sees.
 */
export class WallAccount {
  private open = false;
  private start = 0;
  private timing: StepTiming = WallAccount.empty(0);

  private static empty(numLanes: number): StepTiming {
    const laneMs = Array.from({ length: numLanes }, () => 0);
    return { steps: 0, wallMs: 0, laneMs, evalMs: 0, diagnosticsMs: 0, readbackMs: 0, pictureMs: 0, memoryMs: 0, messagingMs: 0, idleMs: 0, otherMs: 0 };
  }

  /** Start counting (Play): the time before it, paused, is nobody's. */
  begin(numLanes: number): void {
    this.open = true;
    this.start = performance.now();
    this.timing = WallAccount.empty(numLanes);
  }

  /** Stop counting (paused, done or failed). */
  end(): void {
    this.open = false;
  }

  /** A chunk ran `steps` steps of every lane. */
  chunk(steps: number, t: ChunkTiming): void {
    if (!this.open) return;
    this.timing.steps += steps;
    t.laneMs.forEach((ms, lane) => (this.timing.laneMs[lane] = (this.timing.laneMs[lane] ?? 0) + ms));
    this.timing.evalMs += t.evalMs;
    this.timing.diagnosticsMs += t.diagnosticsMs;
    this.timing.readbackMs += t.readbackMs;
  }

  /** Time `work` as `part` (its result is returned unchanged). */
  time<T>(part: Part, work: () => T): T {
    const t0 = performance.now();
    try {
      return work();
    } finally {
      if (this.open) this.timing[part] += performance.now() - t0;
    }
  }

  /** Add `ms` of `part` (for work that awaits). */
  add(part: Part, ms: number): void {
    if (this.open) this.timing[part] += ms;
  }

  /** Close the window now and open the next; null when not counting or no step ran in it. */
  take(): StepTiming | null {
    if (!this.open || this.timing.steps === 0) return null;
    const now = performance.now();
    const t = this.timing;
    t.wallMs = now - this.start;
    const accounted = t.laneMs.reduce((a, b) => a + b, 0) + t.evalMs + t.diagnosticsMs + t.readbackMs + t.pictureMs + t.memoryMs + t.messagingMs + t.idleMs;
    t.otherMs = Math.max(0, t.wallMs - accounted);
    this.start = now;
    this.timing = WallAccount.empty(t.laneMs.length);
    return t;
  }
}
