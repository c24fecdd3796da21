import { setWasmPaths } from '@tensorflow/tfjs-backend-wasm';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startNodeBackend } from '../../../../../src/cli/backend';
import { csvRowsOfOutcome, runToEnd } from '../../../../../src/cli/run';
import { decodeConfig } from '../../../../../src/core/run/codec';
import { toCsv } from '../../../../../src/export/csv';
import { setUpTasks } from '../../../../helpers/tasks';

beforeAll(async () => {
  await setUpTasks();
  setWasmPaths(fileURLToPath(new URL('../../../../../node_modules/@tensorflow/tfjs-backend-wasm/dist/', import.meta.url)));
  await startNodeBackend('wasm');
});
afterAll(() => startNodeBackend('cpu'));

/** The CSV of a link's run without the wall_ms column (timing is the only thing allowed to differ), and each lane's first evaluated accuracy. */
async function csvOf(link: string): Promise<{ csv: string; firstAccuracy: number[] }> {
  const { config, notices } = decodeConfig(link);
  expect(notices).toEqual([]);
  const outcome = await runToEnd(config);
  const lines = toCsv(csvRowsOfOutcome(outcome)).trim().split('\n');
  const wall = lines[0].split(',').indexOf('wall_ms');
  return {
    csv: lines.map((l) => l.split(',').filter((_, i) => i !== wall).join(',')).join('\n'),
    firstAccuracy: outcome.records.map((r) => r.evalMetric[0]),
  };
}

describe('prompt-classify replays by link', () => {
  it('the same link twice gives the same CSV, bit for bit (LoRA, ZO-SGD and Adam); accuracies over the held-out messages', { timeout: 300_000 }, async () => {
    const link = '#task=prompt-classify&t.tune=lora&t.rank=2&t.batch=4&seed=4&steps=4&eval=2&backend=wasm&lane=zo-sgd:lr=0.001&lane=adam:lr=0.001';
    const first = await csvOf(link);
    expect(first.csv.split('\n').length).toBe(1 + 2 * 4);
    expect((await csvOf(link)).csv).toBe(first.csv);
    // Both lanes evaluate the same held-out messages: an accuracy is a multiple of 1/192.
    for (const a of first.firstAccuracy) expect(Math.abs(a * 192 - Math.round(a * 192))).toBeLessThan(1e-3);
    // Another seed is another k-shot set and other batches.
    expect((await csvOf(link.replace('seed=4', 'seed=5'))).csv).not.toBe(first.csv);
  });
});
