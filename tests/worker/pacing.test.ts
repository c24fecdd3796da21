import { describe, expect, it, vi } from 'vitest';
import { MetricBuffer, Pacer } from '../../src/worker/pacing';
import { NUM_METRIC_COLUMNS } from '../../src/core/run/metrics';

/** `numRows` metric rows whose first column is the row's number from `from`. */
function rows(from: number, numRows: number): Float64Array {
  const out = new Float64Array(numRows * NUM_METRIC_COLUMNS);
  for (let r = 0; r < numRows; r++) out[r * NUM_METRIC_COLUMNS] = from + r;
  return out;
}

describe('worker pacing', () => {
  it('a flush sends every row of the chunks since the last one, in order, once', () => {
    const buffer = new MetricBuffer();
    const first = rows(0, 2);
    buffer.push(first, 2);
    first.fill(-1); // the runner reuses its buffer: the rows pushed must be a copy
    buffer.push(rows(2, 0), 0);
    buffer.push(rows(2, 3), 3);
    const batch = buffer.take()!;
    expect(batch.numRows).toBe(5);
    expect(Array.from({ length: 5 }, (_, r) => batch.rows[r * NUM_METRIC_COLUMNS])).toEqual([0, 1, 2, 3, 4]);
    expect(buffer.take()).toBeNull();
  });

  it('chunks aim at 40 ms, between 1 step and 5 (so a diverging lane stops within 5 steps)', () => {
    const pace = new Pacer();
    expect(pace.stepsPerChunk).toBe(1);
    pace.chunkTook(1, 15); // 15 ms a step → 2 steps fit in 40 ms
    expect(pace.stepsPerChunk).toBe(2);
    pace.chunkTook(2, 0.02); // very fast steps are still capped
    expect(pace.stepsPerChunk).toBe(5);
    pace.chunkTook(5, 500); // a slow step runs alone
    expect(pace.stepsPerChunk).toBe(1);
    pace.chunkTook(1, 1);
    pace.restart(); // a new run starts with one-step chunks
    expect(pace.stepsPerChunk).toBe(1);
  });

  it('pictures every 300 ms, or ten times their cost when costly (at most a tenth of the time); metrics every 100 ms, memory every second', () => {
    let now = 0;
    const clock = vi.spyOn(performance, 'now').mockImplementation(() => now);
    try {
      const pace = new Pacer();
      expect(pace.pictureDue).toBe(true);
      pace.pictureBuilt(10);
      now = 299;
      expect(pace.pictureDue).toBe(false);
      now = 300;
      expect(pace.pictureDue).toBe(true);
      now = 1000;
      pace.pictureBuilt(100);
      now = 1999;
      expect(pace.pictureDue).toBe(false);
      now = 2000;
      expect(pace.pictureDue).toBe(true);
      pace.pictureBuilt(null); // a picture that failed keeps the last gap
      now = 2999;
      expect(pace.pictureDue).toBe(false);

      now = 5000;
      pace.flushed();
      pace.memorySent();
      now = 5099;
      expect([pace.flushDue, pace.memoryDue]).toEqual([false, false]);
      now = 5100;
      expect([pace.flushDue, pace.memoryDue]).toEqual([true, false]);
      now = 6000;
      expect(pace.memoryDue).toBe(true);
    } finally {
      clock.mockRestore();
    }
  });
});
