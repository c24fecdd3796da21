import { describeDomain, inDomain } from '../params';
import { type HyperSpec, type OptimizerSpec } from './types';

/**
 * Hyperparameter values as the library takes them (pure: no tfjs). A value is used exactly as
 * given when it lies in the method's mathematical domain, and refused with a RangeError naming the
 * domain when it does not: the library never clamps. Clamping to the slider range, with a notice,
 * is the URL codec's and the UI's job.
 */

/** Values by name: numbers, or a categorical option by name ('rademacher') or by index (what a run stores). */
export type HyperInput = Readonly<Record<string, number | string>>;

/** The stored form of `value` for `param` of `spec`: a number, a choice's index. Throws if invalid. */
export function resolveHyper(spec: OptimizerSpec, name: string, value: number | string): number {
  const param = spec.hypers.find((h) => h.name === name);
  if (!param) {
    const names = spec.hypers.map((h) => h.name).join(', ');
    throw new Error(`${spec.id} has no hyperparameter '${name}' (it has ${names})`);
  }
  return param.choices ? resolveChoice(spec.id, param, value) : resolveNumber(spec.id, param, value);
}

function resolveChoice(id: string, param: HyperSpec, value: number | string): number {
  const choices = param.choices!;
  const index = typeof value === 'string' ? choices.indexOf(value) : value;
  if (Number.isInteger(index) && index >= 0 && index < choices.length) return index;
  const got = typeof value === 'string' ? `'${value}'` : String(value);
  throw new RangeError(`${id}: ${param.name} must be one of ${choices.join(' | ')} (got ${got})`);
}

function resolveNumber(id: string, param: HyperSpec, value: number | string): number {
  if (typeof value !== 'number') throw new TypeError(`${id}: ${param.name} must be a number (got '${value}')`);
  if (!inDomain(param.domain, value)) {
    const finite = Number.isFinite(value) ? '' : 'a finite number ';
    throw new RangeError(`${id}: ${param.name} must be ${finite}${describeDomain(param.domain)} (got ${value})`);
  }
  return value;
}

/** A seed as tf.train-style APIs take one: an integer in [0, 2³²) (the Philox key word). */
export function checkSeed(id: string, seed: number): number {
  if (!Number.isInteger(seed) || seed < 0 || seed > 0xffffffff)
    throw new RangeError(`${id}: seed must be an integer in [0, 2^32) (got ${seed})`);
  return seed;
}
