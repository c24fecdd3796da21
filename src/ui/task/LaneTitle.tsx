import { laneColour, laneLabel } from '../lanes/laneStyle';
import { useStore } from '../store';

/** The lane names of the current config, in lane order. */
export function useLaneLabels(): string[] {
  const lanes = useStore((s) => s.config.lanes);
  return lanes.map((l, i) => laneLabel(i, l.optimizer));
}

export function LaneTitle({ laneIdx, label, extra }: { laneIdx: number; label: string; extra?: string }) {
  return (
    <span className="lane-title">
      <span className="swatch" style={{ background: laneColour(laneIdx) }} />
      {label}
      {extra && <span className="meta">{extra}</span>}
    </span>
  );
}
