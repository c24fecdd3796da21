/**
 * Random search (random optimisation): Matyas, "Random optimization", Automation and Remote
 * Control 26, 1965; Rastrigin 1963. https://en.wikipedia.org/wiki/Random_optimization
 *
 *   x' = θ + σz, z ~ N(0, I);   θ ← x' if L(x') ≤ L(θ)     (σ fixed)
 *
 * It is the (1+1)-ES of ../one-plus-one-es/ with step-size adaptation switched off: the baseline
 * every other method should beat. Forward passes per step: 2 (offspring and parent on this batch).
 * Memory: inference only; acceptance is decided on the device. Logged training loss: L(θ) before
 * the step.
 */
import type { HyperInput } from '../hyper';
import { OnePlusOneEs } from '../one-plus-one-es/one-plus-one-es';

export const createRandomSearch = (hyper?: HyperInput, seed?: number) =>
  new OnePlusOneEs('random-search', false, hyper, seed);
