import { useMemo } from 'react';
import { REDRAW_MS } from '../charts/chartConfig';
import { useThrottledSeriesVersion } from '../charts/throttledVersion';
import { series } from '../charts/series';
import { formatNumber } from '../shared/format';
import { useStore } from '../store';
import { formatEta, stepsPerSecond, useRecentTiming } from './stepRate';

/** Step counter, forward passes so far, steps per second (the speed panel's figure) and the time left for the step budget. */
export function RunProgress() {
  const step = useStore((s) => s.step);
  const budget = useStore((s) => s.config.steps);
  const playing = useStore((s) => s.playing);
  const numLanes = useStore((s) => s.config.lanes.length);
  const version = useThrottledSeriesVersion(REDRAW_MS);
  const forwardPasses = useMemo(() => {
    void version;
    let sum = 0;
    for (let i = 0; i < numLanes; i++) sum += series.latest(i)?.forwardPasses ?? 0;
    return sum;
  }, [numLanes, version]);
  const rate = stepsPerSecond(useRecentTiming(), playing);
  const eta = rate > 0 ? (budget - step) / rate : NaN;

  return (
    <span className="progress" data-testid="run-progress">
      <span className="counter" data-testid="step-counter" aria-live="off">
        step {step.toLocaleString('en-US')} / {budget.toLocaleString('en-US')}
      </span>
      <progress max={budget} value={step} aria-label="Progress" />
      <span className="meta-inline" title="Forward passes of all lanes together (a backprop step counts as 3).">
        {forwardPasses.toLocaleString('en-US')} forward passes
      </span>
      <span className="meta-inline" data-testid="steps-per-second">
        {Number.isFinite(rate) ? `${formatNumber(Number(rate.toPrecision(3)))} steps/s` : '— steps/s'}
      </span>
      <span className="meta-inline" data-testid="eta">
        ETA {playing ? formatEta(eta) : '—'}
      </span>
    </span>
  );
}
