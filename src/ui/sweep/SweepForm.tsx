import { useId } from 'react';
import { MAX_STEPS } from '../../core/run/config';
import { NumberField } from '../lanes/NumberField';
import { laneLabel } from '../lanes/laneStyle';
import { useStore } from '../store';
import { axisCurrent, axisLabel, axisSpec, columnAxis, columnChoices, defaultSweep, TASK_AXIS, type SweepAxis, type SweepSettings } from '../../core/run/experiments';

interface Props {
  sweep: SweepSettings;
  disabled: boolean;
}

function AxisFields({ axis, label, onChange, disabled }: { axis: SweepAxis; label: string; onChange: (a: SweepAxis) => void; disabled: boolean }) {
  return (
    <div className="row sweep-axis">
      <NumberField label={`${label} from`} value={axis.from} disabled={disabled} onCommit={(from) => onChange({ ...axis, from })} />
      <NumberField label={`${label} to`} value={axis.to} disabled={disabled} onCommit={(to) => onChange({ ...axis, to })} />
      <NumberField label={`${label} values`} value={axis.count} min={1} max={8} integer disabled={disabled} onCommit={(count) => onChange({ ...axis, count })} />
    </div>
  );
}

/** Which lane's optimizer to sweep, over which two hyperparameters, and for how many steps. */
export function SweepForm({ sweep, disabled }: Props) {
  const id = useId();
  const config = useStore((s) => s.config);
  const setSweep = useStore((s) => s.setSweep);
  const choices = columnChoices(config, sweep);
  const option = (name: string) => (
    <option key={name} value={name}>
      {axisLabel(name)}
    </option>
  );

  return (
    <div className="sweep-form">
      <div className="row">
        <div className="field">
          <label htmlFor={`${id}-lane`}>Sweep lane</label>
          <select
            id={`${id}-lane`}
            value={sweep.laneIdx}
            disabled={disabled}
            onChange={(e) => setSweep(defaultSweep(config, Number(e.currentTarget.value), sweep.steps))}
          >
            {config.lanes.map((l, i) => (
              <option key={i} value={i}>
                {laneLabel(i, l.optimizer)}
              </option>
            ))}
          </select>
        </div>
        <div className="field">
          <label htmlFor={`${id}-col`}>Second axis</label>
          <select
            id={`${id}-col`}
            value={sweep.cols?.name ?? ''}
            disabled={disabled}
            onChange={(e) => {
              const name = e.currentTarget.value;
              const p = axisSpec(config, sweep.laneIdx, name);
              setSweep({ ...sweep, cols: p ? columnAxis(p, axisCurrent(config, sweep.laneIdx, p, name), name) : null });
            }}
          >
            <option value="">none</option>
            <optgroup label="Hyperparameters">{choices.filter((n) => !n.startsWith(TASK_AXIS)).map(option)}</optgroup>
            <optgroup label="Task settings">{choices.filter((n) => n.startsWith(TASK_AXIS)).map(option)}</optgroup>
          </select>
        </div>
        <NumberField
          label="Sweep steps"
          value={sweep.steps}
          min={1}
          max={MAX_STEPS}
          integer
          disabled={disabled}
          onCommit={(steps) => setSweep({ ...sweep, steps })}
          title="Each cell runs this many steps of a one-lane copy of the current run."
        />
      </div>
      <AxisFields axis={sweep.rows} label={axisLabel(sweep.rows.name)} disabled={disabled} onChange={(rows) => setSweep({ ...sweep, rows })} />
      {sweep.cols && (
        <AxisFields axis={sweep.cols} label={axisLabel(sweep.cols.name)} disabled={disabled} onChange={(cols) => setSweep({ ...sweep, cols })} />
      )}
    </div>
  );
}
