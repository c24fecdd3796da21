import { isTaskId, taskSpec } from '../../core/tasks/specs';
import { useStore } from '../store';
import { defaultLane, defaultTaskSettings } from '../../core/run/config';
import { editConfig } from '../app/runActions';

/** User intents on the task: choosing one (lanes keep their optimizers, at its defaults) and its settings. */

export function setTask(taskId: string): void {
  if (!isTaskId(taskId)) return;
  editConfig((c) => ({
    ...c,
    task: { id: taskId, settings: defaultTaskSettings(taskId) },
    lanes: c.lanes.map((l) => defaultLane(l.optimizer, taskId)),
    schedule: [],
  }));
}

/** A setting, with the task's repair of combinations that cannot be (said in a notice). */
export function setTaskSetting(name: string, value: number): void {
  const notices: string[] = [];
  editConfig((c) => {
    const settings = { ...c.task.settings, [name]: value };
    notices.push(...(taskSpec(c.task.id).repair?.(settings) ?? []).map((n) => `${c.task.id}: ${n}`));
    return { ...c, task: { ...c.task, settings } };
  });
  const s = useStore.getState();
  if (notices.length > 0) s.setNotices([...s.notices, ...notices]);
}
