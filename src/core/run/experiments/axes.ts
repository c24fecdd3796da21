import { optimizerSpec } from '../../optimizers/specs';
import { taskSpec } from '../../tasks/specs';
import { fitToSpec, type ParamSpec } from '../../params';
import type { RunConfig } from '../config';

/**
 * The axes of a sweep: which parameter an axis ranges over and the values it takes. The browser's
 * sweep panel and the CLI's `--sweep` build their grids with these functions, so one axis gives the
 * same values in both.
 */

/** One axis of the grid: a parameter and the values it takes (`count` of them, `from` … `to`). */
export interface SweepAxis {
  name: string;
  from: number;
  to: number;
  count: number;
}

/**
 * An axis names a hyperparameter of the swept lane (`lr`) or, prefixed as in share links, a numeric
 * setting of the task (`t.d`): lr × d shows how the stable step shrinks with the dimension.
 */
export const TASK_AXIS = 't.';

/** The spec an axis ranges over, or undefined when the lane's optimizer or the task lacks it. */
export function axisSpec(config: RunConfig, laneIdx: number, name: string): ParamSpec | undefined {
  const specs = name.startsWith(TASK_AXIS)
    ? taskSpec(config.task.id)?.settings
    : optimizerSpec(config.lanes[laneIdx]?.optimizer ?? '')?.hypers;
  const bare = name.startsWith(TASK_AXIS) ? name.slice(TASK_AXIS.length) : name;
  return specs?.find((p) => p.name === bare && !p.choices);
}

/** The axis's current value in the run (the centre of its default range). */
export function axisCurrent(config: RunConfig, laneIdx: number, spec: ParamSpec, name: string): number {
  const current = name.startsWith(TASK_AXIS) ? config.task.settings[spec.name] : config.lanes[laneIdx]?.hyper[spec.name];
  return current ?? spec.default;
}

/** How an axis reads in the form, on the heatmap and in the CLI's table: `lr`, or `task d`. */
export const axisLabel = (name: string): string => (name.startsWith(TASK_AXIS) ? `task ${name.slice(TASK_AXIS.length)}` : name);

/** Three significant digits keep values readable in links (0.00316, not 0.0031622776…). */
export const tidy = (x: number): number => Number(x.toPrecision(3));

/** `count` values from `from` to `to`: log-spaced for log specs, linear otherwise, fitted to the spec. */
export function axisValues(spec: ParamSpec | undefined, axis: SweepAxis): number[] {
  const n = Math.max(1, Math.round(axis.count));
  const log = spec?.log && axis.from > 0 && axis.to > 0;
  const out: number[] = [];
  for (let i = 0; i < n; i++) {
    const t = n === 1 ? 0 : i / (n - 1);
    const raw = log
      ? Math.exp(Math.log(axis.from) + t * (Math.log(axis.to) - Math.log(axis.from)))
      : axis.from + t * (axis.to - axis.from);
    const v = spec ? fitToSpec(spec, tidy(raw)).value : tidy(raw);
    if (!out.includes(v)) out.push(v);
  }
  return out;
}

/** The default range of a column axis (hyperparameter or task setting) around its current value. */
export function columnAxis(spec: ParamSpec, value: number, name = spec.name): SweepAxis {
  if (spec.log && value > 0)
    return { name, from: tidy(Math.max(spec.min, value / 10)), to: tidy(Math.min(spec.max, value * 10)), count: 3 };
  if (spec.integer) return { name, from: spec.min, to: Math.min(spec.max, spec.min + 7), count: 3 };
  return { name, from: spec.min, to: spec.max, count: 3 };
}
