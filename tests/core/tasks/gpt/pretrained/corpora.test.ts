import { readFile } from 'node:fs/promises';
import { beforeAll, describe, expect, it } from 'vitest';
import { BPE_FILE, BROWN_FILE, NAMES_FILE, brown, names } from '../../../../../src/core/tasks/gpt/data/assets';
import { PRETRAINED } from '../../../../../src/core/tasks/gpt/pretrained/checkpoints';
import { nameRows, namesTokenizer, pretrainData, streamWindows, textStream } from '../../../../../src/core/tasks/gpt/pretrained/corpora';
import { loadAssets, setAssetFetcher } from '../../../../../src/core/tasks/shared/assets';

const DATA = new URL('../../../../../public/data/', import.meta.url);

beforeAll(async () => {
  setAssetFetcher((name) => readFile(new URL(name, DATA)));
  await loadAssets([NAMES_FILE, BROWN_FILE, BPE_FILE]);
});

const ones = (m: number[][]) => m.reduce((a, row) => a + row.reduce((x, y) => x + y, 0), 0);

describe('pre-training corpora', () => {
  it("names are makemore's rows: '.name' predicts 'name.', n + 1 predictions, padding masked out", () => {
    const tok = namesTokenizer();
    expect(tok.vocab.join('')).toBe('.abcdefghijklmnopqrstuvwxyz');
    const rows = nameRows(tok, ['emma', 'al'], 16);
    expect(tok.decode(rows.tokens[0].slice(0, 5))).toBe('.emma');
    expect(tok.decode(rows.targets[0].slice(0, 5))).toBe('emma.');
    expect(rows.mask[0]).toEqual([1, 1, 1, 1, 1, ...new Array(11).fill(0)]);
    expect(ones(rows.mask)).toBe(5 + 3);
    expect(rows.tokens.every((r) => r.length === 16)).toBe(true);
  });

  it('every male name fits the context whole (none is truncated)', () => {
    const { context } = PRETRAINED['gpt-male-names'].config;
    const list = [...names().train('male'), ...names().eval('male'), ...names().eval('female')];
    expect(Math.max(...list.map((n) => n.length)) + 1).toBeLessThanOrEqual(context);
  });

  it('stream windows predict every token after the first exactly once, in order', () => {
    const stream = Array.from({ length: 23 }, (_, i) => (i * 7) % 11);
    for (const T of [4, 5, 22, 32]) {
      const rows = streamWindows(stream, T);
      const targets = rows.targets.flatMap((row, i) => row.filter((_, j) => rows.mask[i][j]));
      const inputs = rows.tokens.flatMap((row, i) => row.filter((_, j) => rows.mask[i][j]));
      expect(targets).toEqual(stream.slice(1));
      expect(inputs).toEqual(stream.slice(0, -1));
    }
  });

  it('the text stream is the records between boundaries and decodes back to them', () => {
    const data = pretrainData(PRETRAINED['gpt-brown']);
    const records = brown().eval('news').slice(0, 3);
    const stream = textStream(data.tok, records);
    const text = records.map((r) => '\n' + r).join('') + '\n';
    expect((data.tok as unknown as { decode(ids: number[]): string }).decode(stream)).toBe(text);
  });

  it('batches are a pure function of (seed, step), drawn from the train split only', () => {
    for (const id of ['gpt-male-names', 'gpt-brown'] as const) {
      const spec = PRETRAINED[id];
      const a = pretrainData(spec);
      const b = pretrainData(spec);
      expect(a.batch(7)).toEqual(b.batch(7));
      expect(a.batch(7)).not.toEqual(a.batch(8));
      const batch = a.batch(3);
      expect(batch.tokens.length).toBe(spec.training.batch);
      // each target row is its input row shifted by one
      batch.tokens.forEach((row, i) => expect(row.slice(1).filter((_, j) => batch.mask[i][j + 1])).toEqual(batch.targets[i].slice(0, -1).filter((_, j) => batch.mask[i][j + 1])));
    }
    const male = new Set(names().train('male'));
    const tok = namesTokenizer();
    const batch = pretrainData(PRETRAINED['gpt-male-names']).batch(1);
    for (const [i, row] of batch.targets.entries()) {
      const name = tok.decode(row.filter((_, j) => batch.mask[i][j])).slice(0, -1);
      expect(male.has(name), name).toBe(true);
    }
  });

  it('the Brown checkpoint never trains on the held-out genres or the spam messages', () => {
    const spec = PRETRAINED['gpt-brown'];
    expect(spec.corpus.labels).not.toContain('science_fiction');
    expect(spec.corpus.labels).not.toContain('humor');
    expect([...spec.corpus.labels, ...spec.shifted].sort()).toEqual([...brown().labels].sort());
    expect(spec.corpus.file).toBe('brown.txt');
  });
});
