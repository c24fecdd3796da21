import { describe, expect, it, vi } from 'vitest';
import { WallAccount } from '../../src/worker/accounting';
import { breakdown } from '../../src/ui/charts/stepBreakdown';

describe("the worker's account of a step's wall time", () => {
  it('every millisecond of a window falls in one part: the parts sum to the wall time, and the rest is "other"', () => {
    let now = 1000;
    const clock = vi.spyOn(performance, 'now').mockImplementation(() => now);
    try {
      const account = new WallAccount();
      account.chunk(3, { laneMs: [5, 5], evalMs: 1, diagnosticsMs: 0, readbackMs: 2 }); // not counting yet: ignored
      account.begin(2);
      now += 40;
      account.chunk(4, { laneMs: [10, 20], evalMs: 2, diagnosticsMs: 0, readbackMs: 3 });
      account.time('pictureMs', () => (now += 4));
      account.time('messagingMs', () => (now += 1));
      account.add('idleMs', 2);
      now += 3;
      const t = account.take()!;
      expect(t.steps).toBe(4);
      expect(t.wallMs).toBe(48);
      expect(t.laneMs).toEqual([10, 20]);
      const parts = t.laneMs[0] + t.laneMs[1] + t.evalMs + t.diagnosticsMs + t.readbackMs + t.pictureMs + t.memoryMs + t.messagingMs + t.idleMs + t.otherMs;
      expect(parts).toBe(t.wallMs);
      expect(t.otherMs).toBe(48 - 30 - 2 - 3 - 4 - 1 - 2);
      // The next window starts where this one ended; none without a step; none once paused.
      expect(account.take()).toBeNull();
      account.end();
      account.chunk(1, { laneMs: [1, 1], evalMs: 0, diagnosticsMs: 0, readbackMs: 0 });
      expect(account.take()).toBeNull();
    } finally {
      clock.mockRestore();
    }
  });

  it("the speed panel's breakdown: ms per step by part, the run's steps/s and what the lanes' own time would allow", () => {
    const b = breakdown(
      { steps: 10, wallMs: 100, laneMs: [30, 50], evalMs: 0, diagnosticsMs: 0, readbackMs: 10, pictureMs: 5, memoryMs: 0, messagingMs: 1, idleMs: 3, otherMs: 1 },
      (lane) => `lane ${lane}`,
    )!;
    expect(b.msPerStep).toBe(10);
    expect(b.stepsPerSec).toBe(100);
    expect(b.computeStepsPerSec).toBe(125); // 10 steps in 80 ms of lane compute
    expect(b.parts.find((p) => p.key === 'lane1')).toMatchObject({ label: 'lane 1', msPerStep: 5, share: 0.5 });
    expect(b.parts.reduce((a, p) => a + p.share, 0)).toBeCloseTo(1, 12);
    expect(breakdown({ steps: 0, wallMs: 0, laneMs: [], evalMs: 0, diagnosticsMs: 0, readbackMs: 0, pictureMs: 0, memoryMs: 0, messagingMs: 0, idleMs: 0, otherMs: 0 }, String)).toBeNull();
  });
});
