import { useId, useMemo, useState } from 'react';
import { CartesianGrid, Line, LineChart, XAxis, YAxis } from 'recharts';
import { laneColour } from '../lanes/laneStyle';
import { series } from './series';
import { formatNumber } from '../shared/format';
import { useStore } from '../store';
import { DiagnosticsToggles } from './DiagnosticsToggles';
import { HoverLayer } from './HoverLayer';
import { CHART_MARGIN, MAX_POINTS, SLOW_REDRAW_MS, runXAxis } from './chartConfig';
import { decimateMinMax } from './decimate';
import { useThrottledSeriesVersion } from './throttledVersion';

type Metric = 'gradCos' | 'gradRelErr';

/**
 * Gradient diagnostics: how close each zeroth-order estimate ĝ is to the true gradient ∇L. The
 * worker sends them as extra metric columns for lanes with diagnostics on (toggled here).
 */
export function DiagnosticsPanel() {
  const id = useId();
  const [metric, setMetric] = useState<Metric>('gradCos');
  const lanes = useStore((s) => s.config.lanes);
  const hidden = useStore((s) => s.hiddenLanes);
  const xKey = useStore((s) => s.xKey);
  const version = useThrottledSeriesVersion(SLOW_REDRAW_MS);
  const curves = useMemo(() => {
    void version;
    return lanes.map((_, i) => {
      const s = series.lane(i);
      if (!s || s.diagRow.length === 0) return [];
      const x = s[xKey].data;
      const rows = s.diagRow.data;
      const y = s[metric].data;
      return decimateMinMax(s.diagRow.length, (k) => x[rows[k]], (k) => y[k], MAX_POINTS, metric === 'gradRelErr');
    });
  }, [lanes, xKey, metric, version]);
  const hasData = curves.some((c) => c.length > 0);

  return (
    <section className="panel chart-panel" data-export-chart="Gradient diagnostics" data-testid="diagnostics-panel">
      <div className="chart-head">
        <h2>Gradient diagnostics</h2>
        {hasData && (
          <div className="field inline">
            <label htmlFor={id}>Show</label>
            <select id={id} value={metric} onChange={(e) => setMetric(e.currentTarget.value as Metric)}>
              <option value="gradCos">cos(ĝ, ∇L)</option>
              <option value="gradRelErr">‖ĝ − ∇L‖ / ‖∇L‖</option>
            </select>
          </div>
        )}
      </div>
      <DiagnosticsToggles />
      {hasData ? (
        <div className="chart chart-small">
          <LineChart responsive style={{ width: '100%', height: '100%' }} margin={CHART_MARGIN}>
            <CartesianGrid strokeDasharray="3 3" stroke="var(--grid)" />
            <XAxis {...runXAxis(xKey)} />
            <YAxis type="number" scale={metric === 'gradRelErr' ? 'log' : 'linear'} domain={metric === 'gradCos' ? [-1, 1] : ['auto', 'auto']} allowDataOverflow tickFormatter={formatNumber} stroke="var(--muted)" width={64} />
            {curves.map((points, i) =>
              hidden.includes(i) ? null : <Line key={i} data={points} dataKey="y" stroke={laneColour(i)} strokeWidth={1.5} dot={false} activeDot={false} isAnimationActive={false} />,
            )}
            <HoverLayer />
          </LineChart>
        </div>
      ) : (
        <p className="hint diag-empty">
          Enable diagnostics on a lane to compare its estimate ĝ with the true gradient ∇L at every step: cos(ĝ, ∇L) (1 is
          the right direction, 0 is blind) and the relative error ‖ĝ − ∇L‖ / ‖∇L‖. They cost one backward pass per step,
          not counted in the lane&apos;s forward passes; the curves start at the next step.
        </p>
      )}
    </section>
  );
}
