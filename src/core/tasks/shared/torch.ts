import batchRowsPy from './torch_batch_rows.py?raw';
import classifierPy from './torch_classifier.py?raw';
import glorotPy from './torch_glorot.py?raw';
import mlpPy from './torch_mlp.py?raw';
import scalarDrawsPy from './torch_scalar_draws.py?raw';

/**
 * What the tasks' PyTorch templates share, for "Export as PyTorch script": the `TorchTask` type,
 * the filling of a template's `{{name}}` slots, and the Python snippets several templates include.
 * A template is a real .py file next to its task (it parses as Python with its slots unfilled),
 * imported as text by the family's torch.ts.
 */

/**
 * A task's PyTorch template. It defines a class `Task(seed, device)` with `params` (a list of
 * tensors, updated in place), `batch(step)`, `loss(batch)` (a 0-d tensor), `evaluate()` → (eval
 * loss, metric or None), and `METRIC` (its name); it reads the task's settings from the `SETTINGS`
 * dict the script defines. Data and initial weights follow the playground's recipe with torch's
 * generator, so they match in distribution, not number for number.
 */
export interface TorchTask {
  /** Files of `public/data/` the script embeds (the exporter fetches them first). */
  assets?: readonly string[];
  /** Python source of `class Task` (and helpers), at module level; a function when it embeds data (`seed`: the run's, for data the playground draws by it). */
  code: string | ((ctx: { settings: Readonly<Record<string, number>>; assets: Readonly<Record<string, Uint8Array>>; seed: number }) => string);
  /** The task has its own update after each step (TaskInstance.afterStep): the loop calls `task.after_step(batch)`. */
  afterStep?: boolean;
}

/**
 * The template with each `{{name}}` slot replaced by `values[name]`. A slot without a value, or a
 * value without a slot, throws: a misspelt name fails where the script is built, and in the tests.
 */
export function fillTemplate(template: string, values: Readonly<Record<string, string>>): string {
  const unused = new Set(Object.keys(values));
  const text = template.replace(/\{\{(\w+)\}\}/g, (_, name: string) => {
    if (!Object.hasOwn(values, name)) throw new Error(`template slot {{${name}}} has no value`);
    unused.delete(name);
    return values[name];
  });
  if (unused.size > 0) throw new Error(`template has no slot for ${[...unused].join(', ')}`);
  return text;
}

/** Glorot-normal initial weights, as createMlp and glorotVariable draw them. */
export const PY_GLOROT = glorotPy;

/** Batch rows from the step alone, as batchRows: every lane sees the same batches. */
export const PY_BATCH_ROWS = batchRowsPy;

/**
 * Softmax classification on `train_x`/`train_y` (batches by batch_rows) with eval loss and accuracy
 * on `eval_x`/`eval_y`: a task subclasses it, sets those, `seed` and `device`, and defines `logits`.
 */
export const PY_CLASSIFIER = fillTemplate(classifierPy, { batch_rows: PY_BATCH_ROWS });

/** A dense tanh net as createMlp builds it: Glorot weights and zero biases, in the playground's draw order. */
export const PY_MLP = fillTemplate(mlpPy, { glorot: PY_GLOROT });

/** One draw at a time, for the generators that build text word by word. */
export const PY_SCALAR_DRAWS = scalarDrawsPy;

/** Items in lines of at most about `width` characters, each line the items joined by ', ' (no item is split). */
export function wrapItems(items: readonly string[], width = 96): string[] {
  const lines: string[] = [];
  for (const item of items) {
    const last = lines.length - 1;
    if (last >= 0 && lines[last].length + item.length + 2 <= width) lines[last] += `, ${item}`;
    else lines.push(item);
  }
  return lines;
}

/** A Python list literal `[item, item, …]`, wrapped to lines of at most ~100 characters. */
export const pyList = (items: readonly string[]): string => `[\n${wrapItems(items).map((line) => `    ${line},`).join('\n')}\n]`;

/** A Python string literal (JSON's escapes are Python's for these ASCII words). */
export const pyStr = (s: string) => JSON.stringify(s);

/** Base64 of `bytes`, wrapped at 100 columns (btoa exists in browsers and in Node ≥ 16). */
export function base64Lines(bytes: Uint8Array): string {
  let binary = '';
  for (let i = 0; i < bytes.length; i += 0x8000) binary += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  return (btoa(binary).match(/.{1,100}/g) ?? []).join('\n');
}
