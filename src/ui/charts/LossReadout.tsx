import { useMemo } from 'react';
import { laneColour, laneLabel } from '../lanes/laneStyle';
import { series } from './series';
import { formatNumber } from '../shared/format';
import { useStore } from '../store';
import { REDRAW_MS, formatX, xAxisLabel } from './chartConfig';
import { useHoverX } from './hoverX';
import { readingAt } from './lossCurves';
import { useThrottledSeriesVersion } from './throttledVersion';

/** The loss of every shown lane at the hovered x (the latest values when nothing is hovered). */
export function LossReadout() {
  const lanes = useStore((s) => s.config.lanes);
  const hidden = useStore((s) => s.hiddenLanes);
  const xKey = useStore((s) => s.xKey);
  const smoothing = useStore((s) => s.smoothing);
  const hx = useHoverX();
  const version = useThrottledSeriesVersion(REDRAW_MS);
  const readings = useMemo(() => {
    void version;
    return lanes.map((_, i) => readingAt(series.lane(i), xKey, hx, smoothing));
  }, [lanes, xKey, hx, smoothing, version]);

  return (
    <div className="readout" data-testid="loss-readout" aria-live="off">
      <span className="readout-head">{hx === null ? 'latest' : `${xAxisLabel(xKey)} ${formatX(xKey, hx)}`}</span>
      {readings.map((r, i) =>
        hidden.includes(i) || !r ? null : (
          <span key={i} className="readout-lane">
            <span className="swatch" style={{ background: laneColour(i) }} aria-hidden="true" />
            {laneLabel(i, lanes[i].optimizer)}: step {r.step} · train {formatNumber(r.train)}
            {smoothing > 0 && ` (smoothed ${formatNumber(r.smooth)})`} · eval {formatNumber(r.eval)}
          </span>
        ),
      )}
    </div>
  );
}
