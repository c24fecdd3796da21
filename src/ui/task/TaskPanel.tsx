import { useId } from 'react';
import { TASKS, taskSpec } from '../../core/tasks/specs';
import { ParamSlider } from '../lanes/ParamSlider';
import { useStore } from '../store';
import { setTask, setTaskSetting } from './taskActions';

/** Task picker and the task's settings (generated from its ParamSpecs). */
export function TaskPanel() {
  const id = useId();
  const taskId = useStore((s) => s.config.task.id);
  const settings = useStore((s) => s.config.task.settings);
  const numParams = useStore((s) => s.numParams);
  const numTotal = useStore((s) => s.numTotal);
  const locked = useStore((s) => s.playing);
  const spec = taskSpec(taskId);

  return (
    <section className="panel">
      <h2>Task</h2>
      <div className="field">
        <label htmlFor={id}>Task</label>
        <select id={id} value={taskId} disabled={locked} onChange={(e) => setTask(e.currentTarget.value)}>
          {TASKS.map((t) => (
            <option key={t.id} value={t.id}>
              {t.label}
            </option>
          ))}
        </select>
      </div>
      {spec && <p className="hint">{spec.description}</p>}
      {spec?.settings.map((p) => (
        <ParamSlider
          key={p.name}
          spec={p}
          value={settings[p.name] ?? p.default}
          disabled={locked}
          onChange={(v) => setTaskSetting(p.name, v)}
        />
      ))}
      <p className="meta" data-testid="num-params">
        {numParams > 0 ? paramsLine(numParams, numTotal) : 'parameters: …'}
      </p>
    </section>
  );
}

/** d, and the model's size when part of it is frozen: "d = 2,112 trainable of 14,144 parameters per lane". */
export function paramsLine(numParams: number, numTotal: number): string {
  const d = numParams.toLocaleString('en-US');
  return numTotal > numParams ? `d = ${d} trainable of ${numTotal.toLocaleString('en-US')} parameters per lane` : `${d} parameters per lane`;
}
