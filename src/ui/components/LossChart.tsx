import { useId, useMemo, useState } from 'react';
import { CartesianGrid, Legend, Line, LineChart, XAxis, YAxis } from 'recharts';
import type { Lane } from '../../core/config';
import { decimateMinMax, type Point } from '../decimate';
import { formatNumber, laneColour, laneLabel } from '../format';
import { useThrottledSeriesVersion } from '../hooks';
import { series, type XKey } from '../series';
import { useStore } from '../store';

const X_AXES: { key: XKey; label: string }[] = [
  { key: 'step', label: 'steps' },
  { key: 'forwardPasses', label: 'forward passes' },
  { key: 'wallMs', label: 'wall time (ms)' },
];
const MAX_POINTS = 2000;

interface Curve {
  laneIdx: number;
  label: string;
  train: Point[];
  eval: Point[];
}

function buildCurves(lanes: Lane[], xKey: XKey): Curve[] {
  return lanes.map((lane, laneIdx) => {
    const s = series.lane(laneIdx);
    const label = laneLabel(laneIdx, lane.optimizer);
    if (!s) return { laneIdx, label, train: [], eval: [] };
    const x = s[xKey].data;
    const train = decimateMinMax(s.length, (i) => x[i], (i) => s.trainLoss.data[i], MAX_POINTS);
    const evalRow = s.evalRow.data;
    const evalLoss = s.evalLoss.data;
    const evals = decimateMinMax(s.evalRow.length, (i) => x[evalRow[i]], (i) => evalLoss[i], MAX_POINTS);
    return { laneIdx, label, train, eval: evals };
  });
}

/** Train loss per lane (solid) and eval loss (dashed) on a log axis, redrawn ≤ 4 times a second. */
export function LossChart() {
  const id = useId();
  const [xKey, setXKey] = useState<XKey>('step');
  const lanes = useStore((s) => s.config.lanes);
  const version = useThrottledSeriesVersion(250);
  const curves = useMemo(() => {
    void version; // stands for the series contents, which live outside React
    return buildCurves(lanes, xKey);
  }, [lanes, xKey, version]);
  const hasData = curves.some((c) => c.train.length > 0);
  const xLabel = X_AXES.find((a) => a.key === xKey)?.label ?? '';

  return (
    <section className="panel chart-panel">
      <div className="chart-head">
        <h2>Loss</h2>
        <div className="field inline">
          <label htmlFor={id}>X axis</label>
          <select id={id} value={xKey} onChange={(e) => setXKey(e.currentTarget.value as XKey)}>
            {X_AXES.map((a) => (
              <option key={a.key} value={a.key}>
                {a.label}
              </option>
            ))}
          </select>
        </div>
        <p className="hint">A backprop step counts as 3 forward passes (1 forward + 1 backward ≈ 2).</p>
      </div>
      <div className="chart" data-testid="loss-chart">
        {hasData ? (
          <LineChart responsive style={{ width: '100%', height: '100%' }} margin={{ top: 8, right: 16, bottom: 8, left: 0 }}>
            <CartesianGrid strokeDasharray="3 3" stroke="var(--grid)" />
            <XAxis
              type="number"
              dataKey="x"
              domain={['auto', 'auto']}
              tickFormatter={formatNumber}
              stroke="var(--muted)"
              label={{ value: xLabel, position: 'insideBottom', offset: -4, fill: 'var(--muted)' }}
              height={40}
            />
            <YAxis
              type="number"
              scale="log"
              domain={['auto', 'auto']}
              allowDataOverflow
              tickFormatter={formatNumber}
              stroke="var(--muted)"
              width={64}
            />
            <Legend verticalAlign="top" height={28} />
            {curves.map((c) => (
              <Line
                key={`train-${c.laneIdx}`}
                data={c.train}
                dataKey="y"
                name={c.label}
                stroke={laneColour(c.laneIdx)}
                strokeWidth={1.2}
                strokeOpacity={0.55}
                dot={false}
                isAnimationActive={false}
              />
            ))}
            {curves.map((c) => (
              <Line
                key={`eval-${c.laneIdx}`}
                data={c.eval}
                dataKey="y"
                name={`${c.label} (eval)`}
                stroke={laneColour(c.laneIdx)}
                strokeWidth={2.2}
                strokeDasharray="6 3"
                dot={false}
                legendType="none"
                isAnimationActive={false}
              />
            ))}
          </LineChart>
        ) : (
          <p className="empty">No steps yet: press Play or Step.</p>
        )}
      </div>
      <p className="hint">Thin: train loss on each step's batch. Dashed: eval loss on the fixed eval set, every few steps.</p>
    </section>
  );
}
