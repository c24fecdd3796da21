import { useMemo } from 'react';
import { Area, CartesianGrid, ComposedChart, Line, ReferenceDot, ReferenceLine, XAxis, YAxis } from 'recharts';
import { laneColour } from '../lanes/laneStyle';
import { replicas } from './seedReplicas';
import { series } from './series';
import { formatNumber } from '../shared/format';
import { useStore } from '../store';
import { HoverLayer } from './HoverLayer';
import { CHART_MARGIN, LIVE_MAX_POINTS, MAX_POINTS, REDRAW_MS, runXAxis } from './chartConfig';
import { clampToFloor, logAxis, positiveRange } from './logAxis';
import { laneCurves } from './lossCurves';
import { seedBand } from './seedBand';
import { useThrottledReplicaVersion, useThrottledSeriesVersion } from './throttledVersion';

/**
 * Train loss per lane (raw faint behind its EMA when smoothing is on), eval loss dashed, the seeds'
 * band, live changes as labelled vertical lines, divergences as marked dots, and the task's reference
 * losses (e.g. uniform and bigram models, from the worker's `ready`) as labelled horizontal lines.
 */
export function LossPlot() {
  const lanes = useStore((s) => s.config.lanes);
  const schedule = useStore((s) => s.config.schedule);
  const statuses = useStore((s) => s.laneStatuses);
  const xKey = useStore((s) => s.xKey);
  const logY = useStore((s) => s.logY);
  const smoothing = useStore((s) => s.smoothing);
  const hidden = useStore((s) => s.hiddenLanes);
  const seeds = useStore((s) => s.seeds);
  const bandMode = useStore((s) => s.bandMode);
  const playing = useStore((s) => s.playing);
  const references = useStore((s) => s.lossReferences);
  const version = useThrottledSeriesVersion(REDRAW_MS);
  const replicaVersion = useThrottledReplicaVersion(REDRAW_MS);

  const curves = useMemo(() => {
    void version; // stands for the series contents, which live outside React
    const opts = { xKey, logY, smoothing, maxPoints: playing ? LIVE_MAX_POINTS : MAX_POINTS };
    return lanes.map((_, i) => laneCurves(series.lane(i), i, schedule, statuses[i], opts));
  }, [lanes, schedule, statuses, xKey, logY, smoothing, version, playing]);
  const bands = useMemo(() => {
    void version;
    void replicaVersion;
    if (seeds <= 1) return [];
    // An area draws each point twice (its top and its bottom edge): half the budget keeps it within it.
    return lanes.map((_, i) => seedBand(replicas.seedCurves(i, xKey, smoothing), bandMode, MAX_POINTS / 2, logY));
  }, [lanes, xKey, smoothing, bandMode, logY, seeds, version, replicaVersion]);

  const axis = useMemo(() => {
    if (!logY) return null;
    const shown = curves.filter((c) => !hidden.includes(c.laneIdx));
    const bandEdges = bands.flatMap((b, i) => (hidden.includes(i) ? [] : b.flatMap((p) => [p.lo, p.hi])));
    const [lo, hi] = positiveRange(shown.flatMap((c) => [c.raw, c.smooth ?? [], c.eval]), [...bandEdges, ...references.map((r) => r.value)]);
    return logAxis(lo, hi);
  }, [logY, curves, bands, hidden, references]);

  if (!curves.some((c) => c.raw.length > 0)) return <p className="empty">No steps yet: press Play or Step.</p>;
  const floor = axis?.domain[0] ?? 0;
  // On the log axis a loss that reached 0 is drawn at the floor (and marked) rather than dropped.
  const onAxis = (points: { x: number; y: number }[]) => (axis ? clampToFloor(points, floor) : points);
  const visible = curves
    .filter((c) => !hidden.includes(c.laneIdx))
    .map((c) => ({ ...c, raw: onAxis(c.raw), smooth: c.smooth && onAxis(c.smooth), eval: onAxis(c.eval) }));
  return (
    <ComposedChart responsive style={{ width: '100%', height: '100%' }} margin={CHART_MARGIN}>
      <CartesianGrid strokeDasharray="3 3" stroke="var(--grid)" />
      <XAxis {...runXAxis(xKey)} />
      <YAxis
        type="number"
        scale={logY ? 'log' : 'linear'}
        domain={axis ? axis.domain : ['auto', 'auto']}
        ticks={axis?.ticks}
        interval={axis ? 0 : 'preserveEnd'}
        allowDataOverflow
        tickFormatter={formatNumber}
        stroke="var(--muted)"
        width={72}
        label={{ value: logY ? 'loss (log scale)' : 'loss', angle: -90, position: 'insideLeft', offset: 4, fill: 'var(--muted)', style: { textAnchor: 'middle' } }}
      />
      {bands.map((band, i) =>
        hidden.includes(i) || band.length === 0 ? null : (
          <Area
            key={`band-${i}`}
            className={`band band-${i}`}
            data={band}
            dataKey={(p: { lo: number; hi: number }) => [p.lo, p.hi]}
            stroke="none"
            fill={laneColour(i)}
            fillOpacity={0.16}
            isAnimationActive={false}
            legendType="none"
          />
        ),
      )}
      {bands.map((band, i) =>
        hidden.includes(i) || band.length === 0 ? null : (
          <Line key={`mean-${i}`} className={`seed-mean-${i}`} data={band} dataKey="mean" stroke={laneColour(i)} strokeWidth={1.5} strokeDasharray="1 3" dot={false} activeDot={false} isAnimationActive={false} />
        ),
      )}
      {visible.map((c) => (
        <Line
          key={`raw-${c.laneIdx}`}
          className={`curve-raw-${c.laneIdx}`}
          data={c.raw}
          dataKey="y"
          stroke={laneColour(c.laneIdx)}
          strokeWidth={1.2}
          strokeOpacity={c.smooth ? 0.2 : 0.6}
          dot={false} activeDot={false}
          isAnimationActive={false}
        />
      ))}
      {visible.map((c) =>
        c.smooth ? (
          <Line key={`ema-${c.laneIdx}`} className={`curve-ema-${c.laneIdx}`} data={c.smooth} dataKey="y" stroke={laneColour(c.laneIdx)} strokeWidth={1.8} dot={false} activeDot={false} isAnimationActive={false} />
        ) : null,
      )}
      {visible.map((c) => (
        <Line key={`eval-${c.laneIdx}`} className={`curve-eval-${c.laneIdx}`} data={c.eval} dataKey="y" stroke={laneColour(c.laneIdx)} strokeWidth={2.2} strokeDasharray="6 3" dot={false} activeDot={false} isAnimationActive={false} />
      ))}
      {visible.flatMap((c) =>
        c.marks.map((m) => (
          <ReferenceLine
            key={`mark-${c.laneIdx}-${m.step}-${m.label.split(' ')[0]}`}
            className={`mark mark-${c.laneIdx}`}
            x={m.x}
            stroke={laneColour(c.laneIdx)}
            strokeDasharray="3 3"
            label={{ value: m.label, position: 'insideTopLeft', fill: laneColour(c.laneIdx), fontSize: 11 }}
          />
        )),
      )}
      {visible.map((c) =>
        c.diverged ? (
          <ReferenceDot
            key={`div-${c.laneIdx}`}
            className={`diverged diverged-${c.laneIdx}`}
            x={c.diverged.x}
            y={c.diverged.y}
            r={5}
            fill={laneColour(c.laneIdx)}
            stroke="var(--panel)"
            label={{ value: `diverged @ ${c.diverged.step}`, position: 'top', fill: laneColour(c.laneIdx), fontSize: 11 }}
          />
        ) : null,
      )}
      {visible.map((c) =>
        axis && c.reachesZero ? (
          <ReferenceDot
            key={`zero-${c.laneIdx}`}
            className={`reaches-zero reaches-zero-${c.laneIdx}`}
            x={c.reachesZero.x}
            y={floor}
            r={5}
            fill="var(--panel)"
            stroke={laneColour(c.laneIdx)}
            strokeWidth={2}
            label={{ value: `reached 0 @ ${c.reachesZero.step}`, position: 'top', fill: laneColour(c.laneIdx), fontSize: 11 }}
          />
        ) : null,
      )}
      {[...references]
        .sort((a, b) => b.value - a.value)
        .map((r, rank) => (
          <ReferenceLine
            key={`ref-${r.label}`}
            className="loss-reference"
            y={r.value}
            stroke="var(--muted)"
            strokeDasharray="4 4"
            ifOverflow="extendDomain"
            // Only the value on the line (the names are listed under the chart): lines a few pixels
            // apart would overlap their names. Below the line (insideTop*), so the top one is not
            // clipped; right and left by turns, so neighbours do not collide.
            label={{ value: r.value.toFixed(3), position: rank % 2 === 0 ? 'insideTopRight' : 'insideTopLeft', fill: 'var(--muted)', fontSize: 11 }}
          />
        ))}
      <HoverLayer />
    </ComposedChart>
  );
}
