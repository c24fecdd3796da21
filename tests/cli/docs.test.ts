import { readFileSync } from 'node:fs';
import { beforeAll, describe, expect, it } from 'vitest';
import {
  TABLE_NAMES,
  describeTask,
  formatNumber,
  forwardPassesText,
  readmeTables,
  type ReadmeTables,
  staleTables,
  tableIn,
  withTables,
} from '../../src/cli/docs-tables';
import { choiceParam, domains } from '../../src/core/params';
import type { HyperSpec } from '../../src/core/optimizers/types';

/** `npm run docs` writes README.md's optimizer and task tables from the specs; these are current. */
const README = readFileSync(new URL('../../README.md', import.meta.url), 'utf8');

describe('README tables', () => {
  let generated: ReadmeTables;
  beforeAll(async () => {
    generated = await readmeTables();
  }, 120_000);

  it.each(TABLE_NAMES)('the %s table is the one `npm run docs` writes from the specs', (name) => {
    expect(tableIn(README, name), `README.md's ${name} table is stale: run \`npm run docs\``).toBe(generated[name]);
  });

  it('the check names the stale table, and rewriting fixes it and touches nothing outside the markers', () => {
    const tables = { optimizers: tableIn(README, 'optimizers'), tasks: tableIn(README, 'tasks') };
    const edited = { ...tables, tasks: tables.tasks.replace('| `spiral` |', '| `spiral2` |') };
    expect(staleTables(README, tables)).toEqual([]);
    expect(staleTables(README, edited)).toEqual(['tasks']);
    const rewritten = withTables(README, edited);
    expect(staleTables(rewritten, edited)).toEqual([]);
    expect(rewritten.replace('`spiral2`', '`spiral`')).toBe(README);
  });

  it('a README without the markers is an error that names them', () => {
    expect(() => tableIn(README.replace('<!-- tasks:end -->', ''), 'tasks')).toThrow('<!-- tasks:end -->');
  });
});

describe('forward passes per step, read off the spec', () => {
  const int = (name: string, value: number, max = 64): HyperSpec => ({ name, label: name, default: value, min: 1, max, log: false, integer: true, meaning: '', domain: domains.integerAtLeast(1) });
  const mode = choiceParam('mode', 'difference', ['central', 'one-sided'], '');

  it('names the formula in q per difference mode, as MeZO-style two-point SPSA costs', () => {
    const spec = { family: 'zeroth-order' as const, hypers: [int('q', 1), mode], forwardPasses: (h: Record<string, number>) => (h.mode === 1 ? h.q + 1 : 2 * h.q) };
    expect(forwardPassesText(spec)).toBe('2q central, q+1 one-sided (2 at the defaults)');
    const cons = { ...spec, forwardPasses: (h: Record<string, number>) => (h.mode === 1 ? h.q + 3 : 2 * h.q + 3) };
    expect(forwardPassesText(cons)).toBe('2q+3 central, q+3 one-sided (5 at the defaults)');
  });

  it('a population of antithetic pairs: n, one less when n is odd', () => {
    const spec = { family: 'strategy' as const, hypers: [int('n', 20, 256)], forwardPasses: (h: Record<string, number>) => 2 * Math.floor(h.n / 2) };
    expect(forwardPassesText(spec)).toBe('n, n−1 when odd (20 at the defaults)');
  });

  it('says which way each hyperparameter moves a mean count (MeZO-SVRG: 2q̄ every T steps, 4 otherwise)', () => {
    const spec = { family: 'zeroth-order' as const, hypers: [int('period', 10, 1000), int('qSnap', 8)], forwardPasses: (h: Record<string, number>) => (2 * h.qSnap + 4 * (h.period - 1)) / h.period };
    expect(forwardPassesText(spec)).toBe('5.2 at the defaults (grows with qSnap; falls as period grows)');
  });

  it('a constant count, and a backprop step as 3 forward-pass equivalents', () => {
    const rank = int('rank', 1, 16);
    expect(forwardPassesText({ family: 'zeroth-order', hypers: [rank], forwardPasses: () => 3 })).toBe('3');
    expect(forwardPassesText({ family: 'backprop', hypers: [], forwardPasses: () => 3 })).toBe('3 (1 forward + backward)');
  });
});

describe('cells', () => {
  it('numbers with true minus signs, small and large ones in exponent form', () => {
    expect([1e-6, 0.001, 1e-4, 10000, 0.99999, -1.2, 6000, 0].map(formatNumber)).toEqual(['1e−6', '0.001', '1e−4', '1e4', '0.99999', '−1.2', '6000', '0']);
  });

  it("a task's description: the picture sentence goes to its own column, a long one keeps its first sentence and its metric", () => {
    expect(describeTask('A bowl. Minimum 0 at (0, 0). Picture: the landscape.')).toEqual({ what: 'A bowl. Minimum 0 at (0, 0).', picture: 'the landscape' });
    const long = `Next-character prediction (Bengio et al. 2003). ${'Filler words. '.repeat(20)}Metric: perplexity. Picture: a sample.`;
    expect(describeTask(long)).toEqual({ what: 'Next-character prediction (Bengio et al. 2003). Metric: perplexity.', picture: 'a sample' });
  });
});
