import { useId, useMemo, useState } from 'react';
import { CartesianGrid, Line, LineChart, XAxis, YAxis } from 'recharts';
import { laneColour, laneLabel } from '../lanes/laneStyle';
import { formatNumber } from '../shared/format';
import { useStore } from '../store';
import { HoverLayer } from './HoverLayer';
import { CHART_MARGIN, MAX_POINTS, SLOW_REDRAW_MS, runXAxis } from './chartConfig';
import { decimateMinMax } from './decimate';
import { exactCurve, proxyCurve, type VarianceCurve } from './relativeVariance';
import { series } from './series';
import { useThrottledSeriesVersion } from './throttledVersion';

const WINDOWS = [10, 50, 200];
/** Room above and below the curves, so a flat one (ZO-SGD's (d + 1)/q) does not sit on the frame. */
const LOG_DOMAIN: [(min: number) => number, (max: number) => number] = [(min) => min / 2, (max) => max * 2];

/**
 * Estimator variance per lane: the relative variance E‖ĝ − ∇L‖²/‖∇L‖² of its gradient estimate, from
 * its own probe slopes on every step (solid) and, with gradient diagnostics on, exactly (dashed).
 */
export function VariancePanel() {
  const id = useId();
  const [span, setSpan] = useState(50);
  const lanes = useStore((s) => s.config.lanes);
  const hidden = useStore((s) => s.hiddenLanes);
  const xKey = useStore((s) => s.xKey);
  const version = useThrottledSeriesVersion(SLOW_REDRAW_MS);
  const curves = useMemo(() => {
    void version;
    const points = (x: ArrayLike<number>, c: VarianceCurve, n: number) => decimateMinMax(n, (k) => x[c.rows[k]], (k) => c.y[k], MAX_POINTS, true);
    return lanes.map((_, i) => {
      const s = series.lane(i);
      if (!s) return { proxy: [], exact: [] };
      const x = s[xKey].data;
      return { proxy: points(x, proxyCurve(s, span), s.varRow.length), exact: points(x, exactCurve(s, span), s.diagRow.length) };
    });
  }, [lanes, xKey, span, version]);
  const hasData = curves.some((c) => c.proxy.length > 0 || c.exact.length > 0);
  const silent = lanes.map((l, i) => ({ l, i })).filter(({ i }) => hasData && curves[i].proxy.length === 0 && curves[i].exact.length === 0);

  return (
    <section className="panel chart-panel" data-export-chart="Estimator variance" data-testid="variance-panel">
      <div className="chart-head">
        <h2>Estimator variance</h2>
        <p className="hint">relative variance of ĝ, mean over the last steps (log scale): solid from the probe slopes, dashed exact</p>
        <div className="field inline">
          <label htmlFor={id}>Window</label>
          <select id={id} value={span} onChange={(e) => setSpan(Number(e.currentTarget.value))}>
            {WINDOWS.map((w) => (
              <option key={w} value={w}>
                {w} steps
              </option>
            ))}
          </select>
        </div>
      </div>
      <div className="chart chart-small">
        {hasData ? (
          <LineChart responsive style={{ width: '100%', height: '100%' }} margin={CHART_MARGIN}>
            <CartesianGrid strokeDasharray="3 3" stroke="var(--grid)" />
            <XAxis {...runXAxis(xKey)} />
            <YAxis type="number" scale="log" domain={LOG_DOMAIN} allowDataOverflow tickFormatter={formatNumber} stroke="var(--muted)" width={64} />
            {curves.map((c, i) =>
              hidden.includes(i)
                ? null
                : [
                    <Line key={`p${i}`} className={`variance-${i}`} data={c.proxy} dataKey="y" stroke={laneColour(i)} strokeWidth={1.5} dot={false} activeDot={false} isAnimationActive={false} />,
                    <Line key={`e${i}`} className={`variance-exact-${i}`} data={c.exact} dataKey="y" stroke={laneColour(i)} strokeWidth={1.5} strokeDasharray="5 3" dot={false} activeDot={false} isAnimationActive={false} />,
                  ],
            )}
            <HoverLayer />
          </LineChart>
        ) : (
          <p className="empty">The variance curves appear once the run starts.</p>
        )}
      </div>
      {silent.length > 0 && (
        <p className="hint" data-testid="variance-silent">
          No curve for {silent.map(({ l, i }) => laneLabel(i, l.optimizer)).join(', ')}: backprop uses ∇L itself, and strategies,
          ZO-SGD-Sign and the masked or block estimators (Sparse-MeZO, ZO-BCD, HiZOO, LOZO) form no unbiased ĝ to measure.
        </p>
      )}
      <details className="opt-info">
        <summary>How it is measured</summary>
        <p className="hint">
          A two-point estimate is ĝ = b + (1/q) Σₖ cₖzₖ, each cₖ a slope along zₖ. Since E zzᵀ = I, the estimator knows
          its own noise from its slopes: V̂ = (κ/q)·(1/q) Σₖ cₖ² estimates E‖ĝ − Eĝ‖², with κ = d + 1 for Gaussian z and
          d − 1 for Rademacher or sphere z, and Ŝ = mean of the squared slopes at θ estimates ‖∇L‖². The solid curve is
          ΣV̂ / ΣŜ over the window: for ZO-SGD it is (d + 1)/q at every step (Gaussian), for FZOO (d − 1)/N; for
          MeZO-SVRG a control step reports κ(g_θ − g_θ̄)² + (κ/q̄)g_θ̄², so it falls towards κ/q̄ near each snapshot.
          No extra forward pass or readback: the scalars travel with the losses. Both curves are taken on the step&apos;s
          own batch, so they measure the noise of the directions, not of the minibatch. The dashed curve, with gradient
          diagnostics on, is the window&apos;s mean of ‖ĝ − ∇L‖² / ‖∇L‖², ∇L by backprop: it adds what the slopes cannot
          see (one-sided bias, the error of MeZO-SVRG&apos;s g̃ on another batch).
        </p>
      </details>
    </section>
  );
}
