import { isTaskId } from '../../core/tasks/specs';
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

export function setTaskSetting(name: string, value: number): void {
  editConfig((c) => ({ ...c, task: { ...c.task, settings: { ...c.task.settings, [name]: value } } }));
}
