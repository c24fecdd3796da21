import { describe, expect, it } from 'vitest';
import { clampToFloor, logAxis, positiveRange } from '../../../src/ui/charts/logAxis';

describe('log y axis', () => {
  it('spans three or more decades with a tick at every decade, the top one at or above the highest value', () => {
    expect(logAxis(3e-4, 2.3)).toEqual({ domain: [1e-4, 10], ticks: [1e-4, 1e-3, 1e-2, 0.1, 1, 10] });
    expect(logAxis(1e-3, 1)).toEqual({ domain: [1e-3, 1], ticks: [1e-3, 1e-2, 0.1, 1] });
  });

  it('a narrow range gets 1-2-5 ticks around it, not a squashed decade', () => {
    expect(logAxis(0.9, 1.1)).toEqual({ domain: [0.5, 2], ticks: [0.5, 1, 2] });
    const { domain, ticks } = logAxis(0.031, 0.7);
    expect(domain[0]).toBeLessThanOrEqual(0.031);
    expect(domain[1]).toBeGreaterThanOrEqual(0.7);
    expect(ticks).toEqual([0.02, 0.05, 0.1, 0.2, 0.5, 1]);
  });

  it('very wide ranges tick every other decade, still ending at the top', () => {
    const { ticks, domain } = logAxis(1e-12, 5e3);
    expect(domain[1]).toBe(1e4);
    expect(ticks[ticks.length - 1]).toBe(1e4);
    expect(ticks[1] / ticks[0]).toBeCloseTo(100, 6);
  });

  it('zeros are left out of the range and drawn at the floor', () => {
    const pts = [
      { x: 1, y: 0.5 },
      { x: 2, y: 0 },
      { x: 3, y: 0.002 },
    ];
    expect(positiveRange([pts])).toEqual([0.002, 0.5]);
    const floor = logAxis(0.002, 0.5).domain[0];
    expect(clampToFloor(pts, floor).map((p) => p.y)).toEqual([0.5, floor, 0.002]);
  });
});
