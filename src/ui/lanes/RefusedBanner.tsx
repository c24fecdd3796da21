import { useStore } from '../store';
import { refusedLanes } from './refusedLanes';

/** A banner at the top naming each lane its optimizer refuses on this task, with the reason. */
export function RefusedBanner() {
  const lanes = useStore((s) => s.config.lanes);
  const statuses = useStore((s) => s.laneStatuses);
  const numParams = useStore((s) => s.numParams);
  const refused = refusedLanes(lanes, statuses, numParams);
  if (refused.length === 0) return null;
  return (
    <div className="banner error" role="alert" data-testid="refused-banner">
      <ul>
        {refused.map((r) => (
          <li key={r.laneIdx}>
            Lane {r.laneIdx + 1} cannot run: {r.reason}
          </li>
        ))}
      </ul>
    </div>
  );
}
