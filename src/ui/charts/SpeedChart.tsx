import { useMemo } from 'react';
import { CartesianGrid, Line, LineChart, XAxis, YAxis } from 'recharts';
import { laneColour, laneLabel } from '../lanes/laneStyle';
import { series } from './series';
import { formatNumber } from '../shared/format';
import { useStore } from '../store';
import { HoverLayer } from './HoverLayer';
import { CHART_MARGIN, MAX_POINTS, SLOW_REDRAW_MS, runXAxis } from './chartConfig';
import { decimateMinMax } from './decimate';
import { useHoverX } from './hoverX';
import { speedAt, stepTimes } from './stepTimes';
import { StepBreakdown } from './StepBreakdown';
import { useThrottledSeriesVersion } from './throttledVersion';

/**
 * Each lane's compute time per step (log scale) with its steps per second at the hovered x, and
 * below it where the whole step's wall time goes (StepBreakdown), whose steps/s is the header's.
 */
export function SpeedChart() {
  const lanes = useStore((s) => s.config.lanes);
  const hidden = useStore((s) => s.hiddenLanes);
  const xKey = useStore((s) => s.xKey);
  const hx = useHoverX();
  const version = useThrottledSeriesVersion(SLOW_REDRAW_MS);
  const curves = useMemo(() => {
    void version;
    return lanes.map((_, i) => {
      const s = series.lane(i);
      if (!s) return [];
      const x = s[xKey].data;
      const dt = stepTimes(s);
      return decimateMinMax(s.length, (k) => x[k], (k) => dt[k], MAX_POINTS, true);
    });
  }, [lanes, xKey, version]);
  const readings = useMemo(() => {
    void version;
    return lanes.map((_, i) => speedAt(series.lane(i), xKey, hx));
  }, [lanes, xKey, hx, version]);
  const hasData = curves.some((c) => c.length > 0);

  return (
    <section className="panel chart-panel" data-export-chart="Step time">
      <div className="chart-head">
        <h2>Speed</h2>
        <p className="hint">Each lane&apos;s own compute time per step (smoothed); evaluation steps cost more. The table splits the run&apos;s wall time.</p>
      </div>
      <div className="chart chart-small" data-testid="speed-chart">
        {hasData ? (
          <LineChart responsive style={{ width: '100%', height: '100%' }} margin={CHART_MARGIN}>
            <CartesianGrid strokeDasharray="3 3" stroke="var(--grid)" />
            <XAxis {...runXAxis(xKey)} />
            <YAxis type="number" scale="log" domain={['auto', 'auto']} allowDataOverflow tickFormatter={formatNumber} stroke="var(--muted)" width={64} label={{ value: 'ms / step', angle: -90, position: 'insideLeft', fill: 'var(--muted)' }} />
            {curves.map((points, i) =>
              hidden.includes(i) ? null : (
                <Line key={i} className={`speed-${i}`} data={points} dataKey="y" stroke={laneColour(i)} strokeWidth={1.5} dot={false} activeDot={false} isAnimationActive={false} />
              ),
            )}
            <HoverLayer />
          </LineChart>
        ) : (
          <p className="empty">Step times appear once the run starts.</p>
        )}
      </div>
      <div className="readout" data-testid="speed-readout">
        {readings.map((r, i) =>
          hidden.includes(i) || !r ? null : (
            <span key={i} className="readout-lane">
              <span className="swatch" style={{ background: laneColour(i) }} aria-hidden="true" />
              {laneLabel(i, lanes[i].optimizer)}: {formatNumber(r.msPerStep)} ms/step · {formatNumber(Math.round(r.stepsPerSec))} steps/s
            </span>
          ),
        )}
      </div>
      <StepBreakdown />
    </section>
  );
}
