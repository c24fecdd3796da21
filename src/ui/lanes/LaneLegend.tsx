import { useStore } from '../store';
import { laneColour, laneLabel } from './laneStyle';

/** One button per lane: click to hide or show it in every chart. */
export function LaneLegend() {
  const lanes = useStore((s) => s.config.lanes);
  const hidden = useStore((s) => s.hiddenLanes);
  const toggle = useStore((s) => s.toggleLane);
  return (
    <div className="legend" role="group" aria-label="Lanes shown in the charts">
      {lanes.map((lane, i) => {
        const shown = !hidden.includes(i);
        return (
          <button
            key={i}
            type="button"
            className={`legend-item${shown ? '' : ' off'}`}
            aria-pressed={shown}
            title={shown ? 'Click to hide this lane in the charts' : 'Click to show this lane'}
            data-testid={`legend-lane-${i}`}
            onClick={() => toggle(i)}
          >
            <span className="swatch" style={{ background: laneColour(i) }} aria-hidden="true" />
            {laneLabel(i, lane.optimizer)}
          </button>
        );
      })}
    </div>
  );
}
