import { encodeConfig } from '../../core/run/codec';
import { optimizerSpec } from '../../core/optimizers/specs';
import { taskSpec, type TaskId } from '../../core/tasks/specs';
import { defaultsOf } from '../../core/params';
import type { RunConfig } from '../../core/run/config';
import { ESTIMATOR, FAMILY_NOTES, TORCH_OPTIMIZERS } from '../../core/optimizers/torch';
import { TORCH_TASKS } from '../../core/tasks/torch';

/**
 * "Export as PyTorch script": a self-contained Python file that rebuilds the current task's model
 * and runs one zeroth-order lane with the same hyperparameters and live changes, MeZO style.
 * Pure: config in, text out (tested by compiling and running the file).
 */

export type ScriptResult = { ok: true; filename: string; text: string } | { ok: false; reason: string };

/** A Python literal for a number (only finite values reach here: the schema says so). */
const pyNumber = (x: number): string => String(x);
const pyString = (s: string): string => JSON.stringify(s);

function pyValue(config: RunConfig, laneIdx: number, name: string, value: number): string {
  const spec = optimizerSpec(config.lanes[laneIdx].optimizer)?.hypers.find((h) => h.name === name);
  const choice = spec?.choices?.[value];
  return choice !== undefined ? pyString(choice) : pyNumber(value);
}

function pyDict(entries: [string, string][], indent = ''): string {
  if (entries.length === 0) return '{}';
  return `{\n${entries.map(([k, v]) => `${indent}    ${k}: ${v},`).join('\n')}\n${indent}}`;
}

/**
 * Why a lane cannot be exported, or null when it can. Every task and optimizer has a template (the
 * registries are Records over the ids), so only a lane that does not exist is refused.
 */
export function unexportableReason(config: RunConfig, laneIdx: number): string | null {
  return config.lanes[laneIdx] ? null : 'no such lane';
}

/** The files of `public/data/` the task's script embeds (fetch them before calling pytorchScript). */
export function scriptAssets(taskId: TaskId): readonly string[] {
  return TORCH_TASKS[taskId].assets ?? [];
}

/** The lanes that can be exported (lanes with a template, on a task with one). */
export function exportableLanes(config: RunConfig): number[] {
  return config.lanes.map((_, i) => i).filter((i) => unexportableReason(config, i) === null);
}

export function pytorchScript(config: RunConfig, laneIdx: number, assets: Readonly<Record<string, Uint8Array>> = {}): ScriptResult {
  const reason = unexportableReason(config, laneIdx);
  if (reason) return { ok: false, reason };
  const missing = scriptAssets(config.task.id).filter((name) => !assets[name]);
  if (missing.length > 0) return { ok: false, reason: `the script embeds ${missing.join(', ')}, which could not be loaded` };
  const torchTask = TORCH_TASKS[config.task.id];
  const taskCode = typeof torchTask.code === 'string' ? torchTask.code : torchTask.code({ settings: config.task.settings, assets, seed: config.seed });
  const lane = config.lanes[laneIdx];
  const spec = optimizerSpec(lane.optimizer)!;
  const task = taskSpec(config.task.id)!;
  const optimizer = TORCH_OPTIMIZERS[lane.optimizer];
  const start = { ...defaultsOf(spec.hypers), ...lane.hyper };
  const hyper = pyDict(Object.entries(start).map(([k, v]) => [pyString(k), pyValue(config, laneIdx, k, v)]));
  const settings = pyDict(Object.entries(config.task.settings).map(([k, v]) => [pyString(k), pyNumber(v)]));
  const byStep = new Map<number, [string, string][]>();
  for (const e of config.schedule) {
    if (e.lane !== laneIdx) continue;
    const list = byStep.get(e.step) ?? [];
    list.push([pyString(e.name), pyValue(config, laneIdx, e.name, e.value)]);
    byStep.set(e.step, list);
  }
  const schedule = pyDict([...byStep].map(([step, list]) => [String(step), `{${list.map(([k, v]) => `${k}: ${v}`).join(', ')}}`]));
  const settingsText = Object.entries(config.task.settings).map(([k, v]) => `${k}=${v}`).join(', ');
  const hyperText = Object.entries(start).map(([k, v]) => `${k}=${pyValue(config, laneIdx, k, v).replace(/"/g, '')}`).join(', ');

  const text = `#!/usr/bin/env python3
"""${task.label} trained by ${spec.label}, exported from ZO Playground.

Task: ${task.id} (${settingsText}).
Lane ${laneIdx + 1}: ${spec.id} (${hyperText}).
${optimizer.summary}

${FAMILY_NOTES[spec.family]}

The run in the playground: ${encodeConfig(config)}

Usage: python3 <this file> [--steps N] [--log-every K] [--device cpu|cuda]
"""
import argparse
import math

import torch
import torch.nn.functional as F

SEED = ${config.seed}
STEPS = ${config.steps}
SETTINGS = ${settings}
# Hyperparameters at step 1.
HYPER = ${hyper}
# Live changes recorded in the run: {step: {name: value}}, applied just before that step.
SCHEDULE = ${schedule}


# ---- the task ------------------------------------------------------------------------------

${taskCode}
${optimizer.usesEstimator ? `
# ---- the zeroth-order estimator (shared by the SPSA rules) -------------------------------------

${ESTIMATOR}` : ''}
# ---- the update rule: ${spec.id} ${'-'.repeat(Math.max(3, 70 - spec.id.length))}

${optimizer.code}

# ---- the loop ------------------------------------------------------------------------------


@torch.no_grad()
def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--steps", type=int, default=STEPS)
    parser.add_argument("--log-every", type=int, default=max(1, STEPS // 20))
    parser.add_argument("--device", default="cuda" if torch.cuda.is_available() else "cpu")
    args = parser.parse_args()
    task = Task(SEED, torch.device(args.device))
    print(f"{sum(p.numel() for p in task.params)} parameters, {args.steps} steps on {args.device}")
    hyper = dict(HYPER)
    state = init_state(task.params, hyper)
    for step in range(1, args.steps + 1):
        hyper.update(SCHEDULE.get(step, {}))
        batch = task.batch(step)
        loss = train_step(task.params, lambda: task.loss(batch), step, hyper, state)
${torchTask.afterStep ? '        task.after_step(batch)\n' : ''}        if not math.isfinite(loss):
            print(f"step {step:6d}  diverged (train_loss {loss})")
            return 1
        if step == 1 or step % args.log_every == 0 or step == args.steps:
            eval_loss, metric = task.evaluate()
            line = f"step {step:6d}  train_loss {loss:.6g}  eval_loss {eval_loss:.6g}"
            print(line + (f"  {METRIC} {metric:.4f}" if METRIC else ""))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
`;
  return { ok: true, filename: `zo-playground-${task.id}-${spec.id}.py`, text };
}
