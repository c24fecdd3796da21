import { execFile } from 'node:child_process';
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';
import { decodeConfig } from '../../src/core/run/codec';
import { taskSpec } from '../../src/core/tasks/specs';
import { ZO_NODE_ARGS } from './zo';

/**
 * Behaviour is preserved: every recorded share link, replayed by the CLI on the cpu backend, writes
 * the rows main wrote before the restructuring, in every column but wall_ms (tests/fixtures/golden).
 * Files written since then end with an `eval_metric` column the golden files predate: it is compared
 * apart (present on exactly the evaluated rows of tasks with a metric), every other column as recorded.
 */
const run = promisify(execFile);
const FIXTURES = new URL('../fixtures/golden/', import.meta.url);
const links = readFileSync(new URL('links.tsv', FIXTURES), 'utf8')
  .trim()
  .split('\n')
  .map((line) => line.split('\t') as [string, string]);

/** Rows with the wall_ms column (index 4 of lane,optimizer,step,forward_passes,wall_ms,…) left out. */
function withoutWallMs(csv: string): string[] {
  const lines = csv.trim().split('\n');
  const wall = lines[0].split(',').indexOf('wall_ms');
  if (wall < 0) throw new Error(`no wall_ms column in '${lines[0]}'`);
  return lines.map((l) => l.split(',').filter((_, i) => i !== wall).join(','));
}

/** Rows split into the columns the golden files have and the trailing `eval_metric` column they lack. */
function splitMetric(lines: string[]): { before: string[]; metric: string[] } {
  const last = (l: string) => l.lastIndexOf(',');
  if (lines[0].slice(last(lines[0]) + 1) !== 'eval_metric') throw new Error(`no trailing eval_metric column in '${lines[0]}'`);
  return { before: lines.map((l) => l.slice(0, last(l))), metric: lines.map((l) => l.slice(last(l) + 1)) };
}

describe('recorded share links replay bit for bit on cpu', () => {
  const dir = mkdtempSync(join(tmpdir(), 'zo-golden-'));
  it.each(links)('%s', { timeout: 120_000 }, async (name, link) => {
    const out = join(dir, `${name}.csv`);
    await run(process.execPath, [...ZO_NODE_ARGS, link, '--csv', out], { maxBuffer: 1 << 24 });
    const expected = withoutWallMs(readFileSync(new URL(`${name}.csv`, FIXTURES), 'utf8'));
    const { before, metric } = splitMetric(withoutWallMs(readFileSync(out, 'utf8')));
    expect(before.length).toBe(expected.length);
    expect(before).toEqual(expected);
    // The metric is there exactly where an eval loss is (the golden files' last column), and finite.
    const hasMetric = taskSpec(decodeConfig(link).config.task.id)?.metric != null;
    const evaluated = expected.slice(1).map((l) => l.split(',').at(-1) !== '');
    expect(metric.slice(1).map((m) => m !== '')).toEqual(evaluated.map((e) => e && hasMetric));
    expect(metric.slice(1).filter((m) => m !== '').every((m) => Number.isFinite(Number(m)))).toBe(true);
  });
});
