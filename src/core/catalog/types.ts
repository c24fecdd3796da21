/** Pure data describing optimizers and tasks: read by the UI, the URL codec and the CLI (no tfjs). */

export interface ParamSpec {
  /** Public name: goes in URLs and CLI flags. */
  name: string;
  label: string;
  default: number;
  min: number;
  max: number;
  /** Sliders move in log space. */
  log: boolean;
  /** Only whole numbers are valid. */
  integer?: boolean;
  /** One line: what the value does. */
  meaning: string;
  /**
   * Categorical options (e.g. dist = gaussian | rademacher | sphere): the value is an index into
   * `choices` (so hyperparameters stay numbers everywhere); URLs and CLI flags use the names.
   * Such a spec has min 0, max choices.length − 1, integer true, log false.
   */
  choices?: readonly string[];
}

/** A categorical parameter spec. */
export function choiceParam(name: string, label: string, choices: readonly string[], meaning: string, defaultChoice = 0): ParamSpec {
  return { name, label, default: defaultChoice, min: 0, max: choices.length - 1, log: false, integer: true, meaning, choices };
}

/** The text form of a parameter's value: a choice's name, or the shortest round-trip number. */
export function formatParam(spec: ParamSpec | undefined, value: number): string {
  return spec?.choices?.[value] ?? String(value);
}

export type Family = 'zeroth-order' | 'strategy' | 'backprop';

export interface Paper {
  authors: string;
  title: string;
  year: number;
  url: string;
}

export interface OptimizerSpec {
  id: string;
  label: string;
  family: Family;
  paper: Paper;
  /** The update as a reader would check it against the paper. */
  equation: string;
  /** Extra memory beyond the weights, in words a user reads. */
  memory: string;
  description: string;
  hypers: ParamSpec[];
  /** Forward-pass equivalents per step (a backprop step counts as 3). */
  forwardPasses: (hyper: Record<string, number>) => number;
}

export type { TaskSpec } from '../tasks/shared/spec';

/** Clamp and round a value to its spec; returns the value and whether it changed. */
export function fitToSpec(spec: ParamSpec, value: number): { value: number; changed: boolean } {
  let v = value;
  if (spec.integer) v = Math.round(v);
  v = Math.min(spec.max, Math.max(spec.min, v));
  return { value: v, changed: v !== value };
}

export function defaultsOf(specs: ParamSpec[]): Record<string, number> {
  return Object.fromEntries(specs.map((s) => [s.name, s.default]));
}
