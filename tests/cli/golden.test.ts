import { execFile } from 'node:child_process';
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';
import { ZO_NODE_ARGS } from './zo';

/**
 * Behaviour is preserved: every recorded share link, replayed by the CLI on the cpu backend, writes
 * the rows main wrote before the restructuring, in every column but wall_ms (tests/fixtures/golden).
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

describe('recorded share links replay bit for bit on cpu', () => {
  const dir = mkdtempSync(join(tmpdir(), 'zo-golden-'));
  it.each(links)('%s', { timeout: 120_000 }, async (name, link) => {
    const out = join(dir, `${name}.csv`);
    await run(process.execPath, [...ZO_NODE_ARGS, link, '--csv', out], { maxBuffer: 1 << 24 });
    const expected = withoutWallMs(readFileSync(new URL(`${name}.csv`, FIXTURES), 'utf8'));
    const actual = withoutWallMs(readFileSync(out, 'utf8'));
    expect(actual.length).toBe(expected.length);
    expect(actual).toEqual(expected);
  });
});
