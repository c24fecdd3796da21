import { describe, expect, it } from 'vitest';
import { lossSpread } from '../../../src/ui/sweep/SweepScale';
import { exportName, timeStamp } from '../../../src/ui/share/exportName';
import { defaultConfig } from '../../../src/core/run/config';

describe('sweep colour scale and export names', () => {
  it('the spread is how far the worst final loss lies above the best', () => {
    expect(lossSpread(0.5, 0.505)).toBeCloseTo(0.01, 12);
    expect(lossSpread(1, 3)).toBe(2);
    expect(lossSpread(0, 1)).toBe(Infinity);
  });

  it('export files are named after the task, the lanes and the local time', () => {
    const config = defaultConfig();
    const at = new Date(2026, 2, 1, 14, 5);
    expect(timeStamp(at)).toBe('20260301-1405');
    const ids = config.lanes.map((l) => l.optimizer).join('+');
    expect(exportName(config, 'csv', at)).toBe(`zo-${config.task.id}-${ids}-20260301-1405.csv`);
    const many = { ...config, lanes: Array.from({ length: 6 }, () => config.lanes[0]) };
    expect(exportName(many, 'json', at)).toMatch(new RegExp(`-${config.lanes[0].optimizer}(\\+${config.lanes[0].optimizer}){3}\\+2more-20260301-1405\\.json$`));
  });
});
