import { useId } from 'react';
import { OPTIMIZERS, optimizerSpec } from '../../core/optimizers/specs';
import type { ParamSpec } from '../../core/params';
import { valueAt } from '../../core/run/experiments/schedule';
import { formatNumber } from '../shared/format';
import { useStore } from '../store';
import { OptimizerInfo } from './OptimizerInfo';
import { ParamSlider } from './ParamSlider';
import { removeLane, setLaneHyper, setLaneOptimizer } from './laneActions';
import { laneColour } from './laneStyle';

function useLaneStatusText(laneIdx: number): string {
  const info = useStore((s) => s.laneStatuses[laneIdx]);
  const playing = useStore((s) => s.playing);
  const started = useStore((s) => s.step > 0);
  if (info?.status === 'diverged')
    return `diverged at step ${info.divergedAt ?? '?'} (${formatNumber(info.divergedValue ?? NaN)})`;
  if (info?.status === 'failed') return `failed: ${info.message ?? 'unknown error'}`;
  if (info?.status === 'done') return 'done';
  if (playing) return 'running';
  return started ? `paused` : 'ready';
}

/**
 * One hyperparameter's slider. It selects the single number it shows, so a running lane's card
 * does not re-render at every step (only when a scheduled change comes into force).
 */
function LaneSlider({ laneIdx, spec }: { laneIdx: number; spec: ParamSpec }) {
  const value = useStore((s) => {
    // The value in force for the next step (a recorded schedule replays after a reset).
    const pending = s.pendingHyper[`${laneIdx}:${spec.name}`];
    return pending ?? valueAt(s.config, laneIdx, spec.name, s.step + 1) ?? spec.default;
  });
  return (
    <ParamSlider spec={spec} value={value} ariaLabel={`Lane ${laneIdx + 1} ${spec.label}`} onChange={(v) => setLaneHyper(laneIdx, spec.name, v)} />
  );
}

/** One lane: optimizer, its hyperparameters, colour, status. */
export function LaneCard({ laneIdx }: { laneIdx: number }) {
  const id = useId();
  const lane = useStore((s) => s.config.lanes[laneIdx]);
  const numLanes = useStore((s) => s.config.lanes.length);
  const locked = useStore((s) => s.playing);
  const status = useLaneStatusText(laneIdx);
  if (!lane) return null;
  const spec = optimizerSpec(lane.optimizer);
  const n = laneIdx + 1;

  return (
    <li className="lane" style={{ borderLeftColor: laneColour(laneIdx) }}>
      <div className="lane-head">
        <span className="swatch" style={{ background: laneColour(laneIdx) }} aria-hidden="true" />
        <label htmlFor={id} className="visually-hidden">
          Optimizer for lane {n}
        </label>
        <span className="lane-no">{n}</span>
        <select id={id} value={lane.optimizer} disabled={locked} onChange={(e) => setLaneOptimizer(laneIdx, e.currentTarget.value)}>
          {OPTIMIZERS.map((o) => (
            <option key={o.id} value={o.id}>
              {o.label}
            </option>
          ))}
        </select>
        <button type="button" className="ghost" disabled={locked || numLanes <= 1} onClick={() => removeLane(laneIdx)} aria-label={`Remove lane ${n}`}>
          Remove
        </button>
      </div>
      <p className="lane-status" data-testid={`lane-status-${laneIdx}`}>
        {status}
      </p>
      {spec && <OptimizerInfo spec={spec} hyper={lane.hyper} />}
      {spec?.hypers.map((p) => <LaneSlider key={p.name} laneIdx={laneIdx} spec={p} />)}
    </li>
  );
}
