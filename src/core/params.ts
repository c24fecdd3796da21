/**
 * Parameters as pure data (no tfjs): the spec of an optimizer's hyperparameter or a task's setting,
 * its slider range and its mathematical domain. Read by the library, the UI, the URL codec and the CLI.
 */

export interface ParamSpec<Name extends string = string> {
  /** Public name: goes in URLs and CLI flags. */
  name: Name;
  label: string;
  default: number;
  /** Slider range (the UI and the URL codec clamp to it, with a notice); see `domain` for validity. */
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
  /**
   * The values the method is defined for (ε > 0, β ∈ [0, 1), q a positive integer), wider than the
   * slider range: the library throws a RangeError outside it and uses any value inside it as given.
   */
  domain?: Domain;
  /**
   * The value a share link that does not name this parameter decodes to, when it differs from
   * `default`: the value runs had before the parameter (or its new default) existed. The encoder writes
   * every parameter, so a link without it was written earlier (or by hand) and replays as it did then.
   */
  legacy?: number;
}

/**
 * A set of real numbers: an interval, its ends open or closed, optionally whole numbers only.
 * Unbounded ends are ±Infinity.
 */
export interface Domain {
  readonly min: number;
  /** The lower end itself is excluded (ε > 0). */
  readonly minOpen?: boolean;
  readonly max: number;
  /** The upper end itself is excluded (β < 1). */
  readonly maxOpen?: boolean;
  readonly integer?: boolean;
}

/** Domains by name: `atLeast(0)` is [0, ∞), `above(0)` is (0, ∞), `integerAtLeast(1)` is {1, 2, …}. */
export const domains = {
  atLeast: (min: number): Domain => ({ min, max: Infinity }),
  above: (min: number): Domain => ({ min, minOpen: true, max: Infinity }),
  integerAtLeast: (min: number): Domain => ({ min, max: Infinity, integer: true }),
  /** [min, max), e.g. a decay rate β ∈ [0, 1). */
  halfOpen: (min: number, max: number): Domain => ({ min, max, maxOpen: true }),
  closed: (min: number, max: number): Domain => ({ min, max }),
};

/** Whether the finite number x lies in the domain. */
export function inDomain(d: Domain, x: number): boolean {
  if (!Number.isFinite(x)) return false;
  if (d.integer && !Number.isInteger(x)) return false;
  if (d.minOpen ? !(x > d.min) : !(x >= d.min)) return false;
  return d.maxOpen ? x < d.max : x <= d.max;
}

/** The domain in words, to follow "must be": "> 0", "≥ 0", "in [0, 1)", "an integer ≥ 1". */
export function describeDomain(d: Domain): string {
  const lo = d.min === -Infinity ? null : `${d.minOpen ? '>' : '≥'} ${d.min}`;
  const hi = d.max === Infinity ? null : `${d.maxOpen ? '<' : '≤'} ${d.max}`;
  const bounds =
    lo && hi ? `in ${d.minOpen ? '(' : '['}${d.min}, ${d.max}${d.maxOpen ? ')' : ']'}` : (lo ?? hi ?? 'finite');
  return d.integer ? `an integer ${bounds}` : bounds;
}

/** A categorical parameter spec. */
export function choiceParam<const Name extends string, const Choices extends readonly string[]>(
  name: Name,
  label: string,
  choices: Choices,
  meaning: string,
  defaultChoice = 0,
): ParamSpec<Name> & { choices: Choices; domain: Domain } {
  const domain = { min: 0, max: choices.length - 1, integer: true };
  return { name, label, default: defaultChoice, min: 0, max: choices.length - 1, log: false, integer: true, meaning, choices, domain };
}

/** The text form of a parameter's value: a choice's name, or the shortest round-trip number. */
export function formatParam(spec: ParamSpec | undefined, value: number): string {
  return spec?.choices?.[value] ?? String(value);
}

/** Clamp and round a value to its spec; returns the value and whether it changed. */
export function fitToSpec(spec: ParamSpec, value: number): { value: number; changed: boolean } {
  let v = value;
  if (spec.integer) v = Math.round(v);
  v = Math.min(spec.max, Math.max(spec.min, v));
  return { value: v, changed: v !== value };
}

export function defaultsOf(specs: readonly ParamSpec[]): Record<string, number> {
  return Object.fromEntries(specs.map((s) => [s.name, s.default]));
}
