import { beforeAll, describe, expect, it } from 'vitest';
import { csvOfLink } from '../../../helpers/replay';
import { setUpTasks } from '../../../helpers/tasks';

beforeAll(setUpTasks);

/** Every eval scores the new corpus's whole held-out split (the checkpoint's recorded rows), so the runs are short. */
describe('gpt-finetune replays by link', () => {
  it.each([
    ['names, LoRA', '#task=gpt-finetune&t.source=names&t.tune=lora&t.rank=2&t.batch=4&seed=4&steps=4&eval=4&backend=cpu&lane=zo-sgd:lr=0.001&lane=adam:lr=0.001'],
    ['brown, BitFit', '#task=gpt-finetune&t.source=brown&t.tune=bias&t.batch=2&seed=4&steps=2&eval=2&backend=cpu&lane=zo-sgd:lr=0.001&lane=adam:lr=0.001'],
  ])('%s: the same link twice gives the same CSV, bit for bit; another seed another run', { timeout: 600_000 }, async (_name, link) => {
    const first = await csvOfLink(link);
    const steps = Number(/steps=(\d+)/.exec(link)![1]);
    expect(first.trim().split('\n').length).toBe(1 + 2 * steps);
    expect(await csvOfLink(link)).toBe(first);
    // The checkpoint is the same for every seed; the batches (and the ZO directions) are not.
    expect(await csvOfLink(link.replace('seed=4', 'seed=5'))).not.toBe(first);
  });
});
