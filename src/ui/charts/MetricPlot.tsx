import { useMemo } from 'react';
import { CartesianGrid, ComposedChart, Line, XAxis, YAxis } from 'recharts';
import type { MetricInfo } from '../../core/tasks/shared/metric';
import { laneColour } from '../lanes/laneStyle';
import { formatNumber } from '../shared/format';
import { useStore } from '../store';
import { CHART_MARGIN, LIVE_MAX_POINTS, MAX_POINTS, REDRAW_MS, runXAxis } from './chartConfig';
import { HoverLayer } from './HoverLayer';
import { metricCurves } from './metricCurves';
import { series } from './series';
import { useThrottledSeriesVersion } from './throttledVersion';

/** The task metric per lane: eval solid, the train metric thin and faint where it is a function of the loss. */
export function MetricPlot({ info }: { info: MetricInfo }) {
  const lanes = useStore((s) => s.config.lanes);
  const xKey = useStore((s) => s.xKey);
  const smoothing = useStore((s) => s.smoothing);
  const hidden = useStore((s) => s.hiddenLanes);
  const playing = useStore((s) => s.playing);
  const version = useThrottledSeriesVersion(REDRAW_MS);

  const curves = useMemo(() => {
    void version; // stands for the series contents, which live outside React
    const opts = { xKey, smoothing, maxPoints: playing ? LIVE_MAX_POINTS : MAX_POINTS };
    return lanes.map((_, i) => metricCurves(series.lane(i), i, info, opts));
  }, [lanes, xKey, smoothing, playing, info, version]);

  if (!curves.some((c) => c.eval.length > 0)) return <p className="empty">The metric appears at the first evaluation.</p>;
  const visible = curves.filter((c) => !hidden.includes(c.laneIdx));
  return (
    <ComposedChart responsive style={{ width: '100%', height: '100%' }} margin={CHART_MARGIN}>
      <CartesianGrid strokeDasharray="3 3" stroke="var(--grid)" />
      <XAxis {...runXAxis(xKey)} />
      <YAxis type="number" scale={info.logScale ? 'log' : 'linear'} domain={info.range ? [...info.range] : ['auto', 'auto']} tickFormatter={formatNumber} stroke="var(--muted)" width={64} />
      {visible.map((c) =>
        c.train ? (
          <Line key={`train-${c.laneIdx}`} className={`metric-train-${c.laneIdx}`} data={c.train} dataKey="y" stroke={laneColour(c.laneIdx)} strokeWidth={1.2} strokeOpacity={0.3} dot={false} activeDot={false} isAnimationActive={false} />
        ) : null,
      )}
      {visible.map((c) => (
        <Line key={`eval-${c.laneIdx}`} className={`metric-eval-${c.laneIdx}`} data={c.eval} dataKey="y" stroke={laneColour(c.laneIdx)} strokeWidth={2} dot={c.eval.length < 40 ? { r: 2 } : false} activeDot={false} isAnimationActive={false} />
      ))}
      <HoverLayer />
    </ComposedChart>
  );
}
