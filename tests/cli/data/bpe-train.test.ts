import { describe, expect, it } from 'vitest';
import { bpeJson, trainBpe } from '../../../src/cli/data/bpe-train';
import { BPE_ALPHABET, bpeTokenizer, pretokenize } from '../../../src/core/tasks/gpt/data/bpe';

const TEXTS = ['the cat sat on the mat', 'the hat is on the cat', 'low lower lowest', "the cat's mat", 'spam and mail'];

describe('BPE training', () => {
  it('first merges the most frequent pair inside a pre-token (counted independently here)', () => {
    const counts = new Map<string, number>();
    for (const t of TEXTS) for (const w of pretokenize(t)) for (let i = 1; i < w.length; i++) counts.set(w.slice(i - 1, i + 1), (counts.get(w.slice(i - 1, i + 1)) ?? 0) + 1);
    const top = Math.max(...counts.values());
    const data = trainBpe(TEXTS, BPE_ALPHABET.length + 5);
    const [a, b] = data.merges[0];
    expect(counts.get(BPE_ALPHABET[a] + BPE_ALPHABET[b])).toBe(top);
  });

  it('stops at the vocabulary size, round-trips its corpus, and is deterministic', () => {
    const data = trainBpe(TEXTS, BPE_ALPHABET.length + 20);
    expect(BPE_ALPHABET.length + data.merges.length).toBe(BPE_ALPHABET.length + 20);
    const tok = bpeTokenizer(data);
    for (const t of TEXTS) expect(tok.decode(tok.encode(t))).toBe(t);
    expect(bpeJson(trainBpe([...TEXTS], BPE_ALPHABET.length + 20))).toBe(bpeJson(data));
    expect(JSON.parse(bpeJson(data))).toEqual(data);
  });

  it('makes each required word a single token, within the same vocabulary size', () => {
    const size = BPE_ALPHABET.length + 16; // 13 merges spell the three words from characters
    const data = trainBpe(TEXTS, size, [' spam', ' mail', ' zebra']);
    expect(BPE_ALPHABET.length + data.merges.length).toBeLessThanOrEqual(size);
    const tok = bpeTokenizer(data);
    for (const w of [' spam', ' mail', ' zebra']) expect(tok.encode(w)).toHaveLength(1);
    expect(tok.decode(tok.encode('the zebra is spam mail'))).toBe('the zebra is spam mail');
  });
});
