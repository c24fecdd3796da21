import type { ParamSpec } from '../../params';
import type { MetricName } from './metric';

/**
 * A task as the UI, the URL codec and the CLI see it: pure data, no tfjs. Ids and setting names
 * are public: they appear in share links (`task=ID&t.NAME=V`) and CLI flags. `Id` is the literal
 * id, so the list of specs (specs.ts) yields the `TaskId` union.
 */
export interface TaskSpec<Id extends string = string> {
  id: Id;
  label: string;
  description: string;
  /** Short name of the task metric (see METRICS in ./metric), or null when the task has none. */
  metric: MetricName | null;
  settings: ParamSpec[];
  /** Default lanes' hyperparameters that learn visibly on this task. */
  suggested?: Record<string, Record<string, number>>;
  /**
   * Suggestions made after share links of this task existed: lanes created now get them (after
   * `suggested`), but a link that does not name the parameter replays as it was written, without
   * them (the codec's legacy decoding; ParamSpec.legacy).
   */
  newLaneSuggested?: Record<string, Record<string, number>>;
  /**
   * Settings that are valid one by one but not together (a GPT's heads must divide its width): fix
   * `settings` in place and return a notice per change. The URL codec and the task panel call it.
   */
  repair?: (settings: Record<string, number>) => string[];
}

/** A horizontal line on the loss chart: the loss of a reference model (e.g. uniform, bigram), in the task's units. */
export interface LossReference {
  label: string;
  value: number;
}

/** Units per hidden layer, a setting of every task with an MLP. */
export const hiddenSetting = (dflt: number, max = 256): ParamSpec => ({
  name: 'hidden', label: 'hidden width', default: dflt, min: 2, max, log: true, integer: true, meaning: 'Units in each hidden layer.',
});

/** Minibatch size, a setting of every task with data. */
export const batchSetting = (dflt: number, max = 1024): ParamSpec => ({
  name: 'batch', label: 'batch size', default: dflt, min: 1, max, log: true, integer: true, meaning: 'Examples per step (same batches in every lane).',
});

/** A map over a family's specs, one value per id (total by construction: the keys are the specs' ids). */
export function byId<Specs extends readonly TaskSpec[], T>(specs: Specs, value: (spec: Specs[number]) => T): Record<Specs[number]['id'], T> {
  return Object.fromEntries(specs.map((spec) => [spec.id, value(spec)])) as Record<Specs[number]['id'], T>;
}
