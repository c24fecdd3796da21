import { describe, expect, it } from 'vitest';
import { OPTIMIZERS, optimizerSpec } from '../../../src/core/optimizers/specs';
import { TASKS } from '../../../src/core/tasks/specs';
import { defaultLane } from '../../../src/core/run/config';
import { playBlockedReason, refusedLanes } from '../../../src/ui/lanes/refusedLanes';

describe('refused lanes', () => {
  const lanes = [defaultLane('cma-es'), defaultLane('adam')];
  const max = optimizerSpec('cma-es').maxParams!;

  it('CMA-ES states its parameter limit, and a larger model is refused before it runs', () => {
    expect(max).toBe(300);
    expect(refusedLanes(lanes, [], max)).toEqual([]);
    const [r] = refusedLanes(lanes, [], 6634);
    expect(r.laneIdx).toBe(0);
    expect(r.reason).toContain('refuses models over 300 parameters and this one has 6,634');
  });

  it('a lane that failed gives the worker’s reason', () => {
    const failed = refusedLanes(lanes, [{ lane: 0, status: 'failed', message: 'out of memory' }, { lane: 1, status: 'failed', message: 'boom' }], 10);
    expect(failed.map((r) => r.reason)).toEqual(['CMA-ES (full covariance): out of memory', 'Adam (backprop): boom']);
  });

  it('Play is off with a reason when no lane can run or the run is over', () => {
    const base = { started: true, done: false, playing: false, numLanes: 2, refused: 1 };
    expect(playBlockedReason(base)).toBeNull();
    expect(playBlockedReason({ ...base, refused: 2 })).toMatch(/no lane can run/);
    expect(playBlockedReason({ ...base, done: true })).toMatch(/finished/);
    expect(playBlockedReason({ ...base, done: true, playing: true })).toBeNull();
  });

  it('no description shows literal backticks (they are plain text on the page)', () => {
    for (const spec of [...OPTIMIZERS, ...TASKS]) expect(spec.description, spec.id).not.toContain('`');
  });
});
