import { beforeAll, describe, expect, it } from 'vitest';
import { csvRowsOfOutcome, runToEnd } from '../../../../src/cli/run';
import { decodeConfig } from '../../../../src/core/run/codec';
import { toCsv } from '../../../../src/export/csv';
import { setUpTasks } from '../../../helpers/tasks';

beforeAll(setUpTasks);

/** The CSV of a link's run without the wall_ms column (timing is the only thing allowed to differ). */
async function csvOf(link: string): Promise<string> {
  const { config, notices } = decodeConfig(link);
  expect(notices).toEqual([]);
  const lines = toCsv(csvRowsOfOutcome(await runToEnd(config))).trim().split('\n');
  const wall = lines[0].split(',').indexOf('wall_ms');
  return lines.map((l) => l.split(',').filter((_, i) => i !== wall).join(',')).join('\n');
}

describe('gpt-names replays by link', () => {
  it('the same link twice gives the same CSV, bit for bit (LoRA, ZO-SGD and Adam)', async () => {
    const link = '#task=gpt-names&t.width=16&t.heads=2&t.tune=lora&t.rank=2&t.batch=8&seed=4&steps=6&eval=3&backend=cpu&lane=zo-sgd:lr=0.01&lane=adam:lr=0.01';
    const first = await csvOf(link);
    expect(first.split('\n').length).toBe(1 + 2 * 6);
    expect(await csvOf(link)).toBe(first);
    // Another seed is another run.
    expect(await csvOf(link.replace('seed=4', 'seed=5'))).not.toBe(first);
  });
});
