import { useMemo } from 'react';
import { taskSpec } from '../../core/tasks/specs';
import { SLOW_REDRAW_MS } from '../charts/chartConfig';
import { useThrottledSeriesVersion } from '../charts/throttledVersion';
import { series } from '../charts/series';
import { formatNumber } from '../shared/format';
import { useStore } from '../store';
import { laneColour, laneLabel } from './laneStyle';

/** Latest train loss, eval loss and task metric per lane. */
export function LaneSummary() {
  const lanes = useStore((s) => s.config.lanes);
  const metric = useStore((s) => taskSpec(s.config.task.id)?.metric ?? null);
  const version = useThrottledSeriesVersion(SLOW_REDRAW_MS);
  const latest = useMemo(() => {
    void version; // stands for the series contents, which live outside React
    return lanes.map((_, i) => series.latest(i));
  }, [lanes, version]);

  return (
    <table className="summary" data-testid="lane-summary">
      <thead>
        <tr>
          <th scope="col">Lane</th>
          <th scope="col">train loss</th>
          <th scope="col">eval loss</th>
          {metric && <th scope="col">eval {metric}</th>}
        </tr>
      </thead>
      <tbody>
        {lanes.map((lane, i) => (
          <tr key={i}>
            <th scope="row">
              <span className="swatch" style={{ background: laneColour(i) }} aria-hidden="true" />
              {laneLabel(i, lane.optimizer)}
            </th>
            <td>{formatNumber(latest[i]?.trainLoss ?? NaN)}</td>
            <td>{formatNumber(latest[i]?.evalLoss ?? NaN)}</td>
            {metric && <td>{formatNumber(latest[i]?.evalMetric ?? NaN)}</td>}
          </tr>
        ))}
      </tbody>
    </table>
  );
}
