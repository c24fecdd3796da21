import { MAX_LANES } from '../../core/run/config';
import { useStore } from '../store';
import { LaneCard } from './LaneCard';
import { addLane } from './laneActions';

/** The lanes: one optimizer each, all on the same data and initial weights. */
export function LanesPanel() {
  const numLanes = useStore((s) => s.config.lanes.length);
  const locked = useStore((s) => s.playing);
  return (
    <section className="panel">
      <h2>Lanes</h2>
      <p className="hint">Every lane starts from the same weights and sees the same batches.</p>
      <ul className="lanes">
        {Array.from({ length: numLanes }, (_, i) => (
          <LaneCard key={i} laneIdx={i} />
        ))}
      </ul>
      <button type="button" onClick={addLane} disabled={locked || numLanes >= MAX_LANES}>
        Add lane
      </button>
    </section>
  );
}
