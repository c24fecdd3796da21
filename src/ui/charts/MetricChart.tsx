import { useMemo } from 'react';
import { metricInfo } from '../../core/tasks/shared/metric';
import { taskSpec } from '../../core/tasks/specs';
import { laneColour, laneLabel } from '../lanes/laneStyle';
import { formatNumber } from '../shared/format';
import { useStore } from '../store';
import { REDRAW_MS, xAxisLabel } from './chartConfig';
import { useHoverX } from './hoverX';
import { metricAt } from './metricCurves';
import { MetricPlot } from './MetricPlot';
import { series } from './series';
import { useThrottledSeriesVersion } from './throttledVersion';

/** The task metric (accuracy, perplexity, R², PSNR) over the run, on the loss chart's x axis; nothing for tasks without one. */
export function MetricChart() {
  const name = useStore((s) => taskSpec(s.config.task.id)?.metric ?? null);
  if (name === null) return null;
  const info = metricInfo(name);
  return (
    <section className="panel chart-panel metric-panel" data-export-chart={name}>
      <div className="chart-head">
        <h2>{name}</h2>
        <p className="hint">
          {info.higherIsBetter ? 'Higher is better' : 'Lower is better'}. Thick: eval set{info.ofLoss ? '; thin: train batch' : ''}.
        </p>
      </div>
      <div className="chart chart-metric" data-testid="metric-chart">
        <MetricPlot info={info} />
      </div>
      <MetricReadout name={name} />
    </section>
  );
}

function MetricReadout({ name }: { name: string }) {
  const lanes = useStore((s) => s.config.lanes);
  const hidden = useStore((s) => s.hiddenLanes);
  const xKey = useStore((s) => s.xKey);
  const hx = useHoverX();
  const version = useThrottledSeriesVersion(REDRAW_MS);
  const values = useMemo(() => {
    void version;
    return lanes.map((_, i) => metricAt(series.lane(i), xKey, hx));
  }, [lanes, xKey, hx, version]);
  return (
    <div className="readout" data-testid="metric-readout" aria-live="off">
      <span className="readout-head">{hx === null ? `latest eval ${name}` : `eval ${name} at ${xAxisLabel(xKey)} ${formatNumber(hx)}`}</span>
      {values.map((v, i) =>
        hidden.includes(i) || Number.isNaN(v) ? null : (
          <span key={i} className="readout-lane">
            <span className="swatch" style={{ background: laneColour(i) }} aria-hidden="true" />
            {laneLabel(i, lanes[i].optimizer)}: {formatNumber(v)}
          </span>
        ),
      )}
    </div>
  );
}
