import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseCsv, parseKeyedCsv, type CsvRow } from '../../src/export/csv';
import { zo } from './zo';

/**
 * `--sweep` and `--seeds` run the browser's grids and replicas (core/run/experiments) from the
 * command line: a cell is the same run as its link alone, a seed is the link with seed + k.
 */
const dir = mkdtempSync(join(tmpdir(), 'zo-cli-experiments-'));
const TIMEOUT = { timeout: 180_000 };

/** The last eval loss of lane 0 in a run's rows. */
const finalEval = (rows: CsvRow[]) => rows.filter((r) => r.lane === 0 && !Number.isNaN(r.evalLoss)).at(-1)!.evalLoss;
const withoutWall = (rows: CsvRow[]) => rows.map(({ wallMs: _wallMs, ...rest }) => rest);
/** Values of console.table's body rows (│-separated cells), by row label. */
function tableRows(stdout: string): Map<string, string[]> {
  const rows = new Map<string, string[]>();
  for (const line of stdout.split('\n').filter((l) => l.startsWith('│'))) {
    const cells = line.split('│').slice(1, -1).map((c) => c.trim().replace(/^'|'$/g, ''));
    rows.set(cells[0], cells.slice(1));
  }
  return rows;
}

describe('zo --sweep', () => {
  const link = '#task=rosenbrock&seed=2&steps=20&eval=10&backend=cpu&lane=zo-sgd&lane=adam';

  it('runs the grid of the first lane (log-spaced lr), prints its final eval losses and writes one CSV with a cell column', TIMEOUT, async () => {
    const csv = join(dir, 'sweep.csv');
    const run = await zo([link, '--sweep', 'lr=0.0001:0.001:3,eps=0.001:0.01:2', '--csv', csv]);
    expect(run.code, run.stderr).toBe(0);
    expect(run.stdout).toContain('lr: 0.0001, 0.000316, 0.001 · eps: 0.001, 0.01');
    const grid = tableRows(run.stdout);
    expect([...grid.keys()]).toEqual(['(index)', 'lr=0.0001', 'lr=0.000316', 'lr=0.001']);
    expect(grid.get('(index)')).toEqual(['eps=0.001', 'eps=0.01']);

    const cells = parseKeyedCsv(readFileSync(csv, 'utf8'), 'cell');
    expect(cells.map((c) => c.key)).toEqual([0, 1, 2, 3, 4, 5]);
    for (const c of cells) {
      expect(c.rows.every((r) => r.lane === 0 && r.optimizer === 'zo-sgd')).toBe(true);
      expect(c.rows).toHaveLength(20);
    }
    // Row-major: cell 2k and 2k + 1 share lr, and the grid shows each cell's final eval loss.
    const shown = [...grid.entries()].slice(1).flatMap(([, values]) => values.map(Number));
    expect(shown).toEqual(cells.map((c) => Number(finalEval(c.rows).toPrecision(5))));
    expect(new Set(shown).size).toBe(6);

    // Each cell is the run of its printed link, alone.
    const links = [...run.stdout.matchAll(/^cell (\d+): (#\S+)$/gm)].map((m) => [Number(m[1]), m[2]] as const);
    expect(links.map(([i]) => i)).toEqual([0, 1, 2, 3, 4, 5]);
    for (const [i, cellLink] of [links[0], links[5]]) {
      const alone = join(dir, `cell-${i}.csv`);
      expect((await zo([cellLink, '--csv', alone])).code).toBe(0);
      const rows = parseCsv(readFileSync(alone, 'utf8'));
      expect(finalEval(rows)).toBe(finalEval(cells[i].rows));
      expect(withoutWall(rows)).toEqual(withoutWall(cells[i].rows));
    }
  });

  it('sweeps a task setting (t.NAME) on one axis', TIMEOUT, async () => {
    const csv = join(dir, 'sweep-task.csv');
    const run = await zo(['#task=quadratic&t.d=2&steps=10&eval=5&lane=zo-sgd:lr=0.01', '--sweep', 't.kappa=1:100:3', '--csv', csv]);
    expect(run.code, run.stderr).toBe(0);
    expect(run.stdout).toContain('task kappa: 1, 10, 100');
    expect([...tableRows(run.stdout).keys()].slice(1)).toEqual(['task kappa=1', 'task kappa=10', 'task kappa=100']);
    const links = [...run.stdout.matchAll(/^cell \d+: (#\S+)$/gm)].map((m) => m[1]);
    expect(links.map((l) => /t\.kappa=(\d+)/.exec(l)![1])).toEqual(['1', '10', '100']);
    expect(parseKeyedCsv(readFileSync(csv, 'utf8'), 'cell')).toHaveLength(3);
  });

  it('refuses an axis the first lane does not have, naming the ones it has', TIMEOUT, async () => {
    const run = await zo([link, '--sweep', 'beta1=0.1:0.9:3']);
    expect(run.code).toBe(1);
    expect(run.stderr).toMatch(/'beta1' is not a numeric hyperparameter of lane 0 \(zo-sgd\).*choose from lr, eps, q/);
  });
});

describe('zo --seeds', () => {
  const link = '#task=rosenbrock&seed=5&steps=20&eval=10&backend=cpu&lane=zo-sgd&lane=adam';

  it('runs every lane with the browser’s replica seeds and prints the mean and spread of the final eval loss', TIMEOUT, async () => {
    const csv = join(dir, 'seeds.csv');
    const run = await zo([link, '--seeds', '3', '--csv', csv]);
    expect(run.code, run.stderr).toBe(0);
    expect(run.stdout).toContain('3 seeds: 5, 6, 7');
    const seeds = parseKeyedCsv(readFileSync(csv, 'utf8'), 'seed');
    expect(seeds.map((s) => s.key)).toEqual([5, 6, 7]);
    // Three distinct runs of the zeroth-order lane (the directions follow the seed).
    const zoFinal = seeds.map((s) => finalEval(s.rows));
    expect(new Set(zoFinal).size).toBe(3);
    const mean = zoFinal.reduce((a, b) => a + b, 0) / 3;
    const row = tableRows(run.stdout).get('0')!;
    expect(row.slice(0, 3)).toEqual(['0', 'ZO-SGD (MeZO)', '3']);
    expect(Number(row[3])).toBe(Number(mean.toPrecision(5)));
    expect(row[4]).toBe(`${Number(Math.min(...zoFinal).toPrecision(5))} – ${Number(Math.max(...zoFinal).toPrecision(5))}`);
    const sd = Math.sqrt(zoFinal.reduce((a, x) => a + (x - mean) ** 2, 0) / 2);
    expect(Number(row[5])).toBeCloseTo(Number(sd.toPrecision(3)), 10);

    // The first seed is the link itself.
    const alone = join(dir, 'seed-5.csv');
    expect((await zo([link, '--csv', alone])).code).toBe(0);
    expect(withoutWall(parseCsv(readFileSync(alone, 'utf8')))).toEqual(withoutWall(seeds[0].rows));
  });
});
