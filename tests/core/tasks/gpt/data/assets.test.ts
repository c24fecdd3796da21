import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { beforeAll, describe, expect, it } from 'vitest';
import { useDiskAssets } from '../../../../../src/cli/assets';
import { loadAssets } from '../../../../../src/core/tasks/shared/assets';
import { BPE_WHOLE_WORDS, GPT_DATA_FILES, LABEL_WORDS, NAMES_FILE, PROMPT_SUFFIX, bpe, brown, names, spam } from '../../../../../src/core/tasks/gpt/data/assets';
import { BROWN_BUDGET_PER_GENRE } from '../../../../../src/cli/data/brown';
import { nameReferenceLines, uniformLoss } from '../../../../../src/core/tasks/gpt/data/bigram';
import { charTokenizer } from '../../../../../src/core/tasks/gpt/data/chars';
import { isHeldOut } from '../../../../../src/core/tasks/gpt/data/split';

beforeAll(async () => {
  useDiskAssets();
  await loadAssets(GPT_DATA_FILES);
});

const all = (c: ReturnType<typeof names>, label: string) => [...c.train(label), ...c.eval(label)];

/** Within 4 standard deviations of a binomial(n, 0.1) held-out count. */
const plausibleEval = (held: number, n: number) => Math.abs(held - 0.1 * n) < 4 * Math.sqrt(n * 0.1 * 0.9);

describe('the committed GPT data', () => {
  it('names: the two lists as the packages give them after cleaning (4,925 female, 3,897 male, 8,403 in all)', () => {
    const c = names();
    expect(c.labels).toEqual(['female', 'male']);
    const female = all(c, 'female');
    const male = all(c, 'male');
    expect([female.length, male.length]).toEqual([4925, 3897]);
    expect(new Set([...female, ...male]).size).toBe(8403);
    expect(female.filter((n) => male.includes(n))).toHaveLength(4925 + 3897 - 8403);
    for (const n of [...female, ...male]) expect(n).toMatch(/^[a-z]+$/);
    expect(new Set(female).size).toBe(female.length);
    for (const label of c.labels) {
      expect(c.train(label).filter((n) => c.eval(label).includes(n))).toEqual([]);
      expect(plausibleEval(c.eval(label).length, all(c, label).length)).toBe(true);
      for (const n of c.eval(label)) expect(isHeldOut('names', n)).toBe(true);
    }
  });

  it('brown: 15 genres of untagged running English, each a bounded excerpt split by sentence', () => {
    const c = brown();
    expect(c.labels).toEqual(['news', 'editorial', 'reviews', 'religion', 'hobbies', 'lore', 'belles_lettres', 'government', 'learned', 'fiction', 'mystery', 'science_fiction', 'adventure', 'romance', 'humor']);
    for (const g of c.labels) {
      const chars = all(c, g).reduce((n, s) => n + s.length + 1, 0);
      expect(chars).toBeLessThanOrEqual(BROWN_BUDGET_PER_GENRE);
      expect(chars).toBeGreaterThan(0.9 * BROWN_BUDGET_PER_GENRE);
      expect(c.eval(g).length).toBeGreaterThan(0);
      for (const s of all(c, g)) expect(s).not.toMatch(/\/(at|nn|nns|np|vbd|vbz|in|jj|cd|cc|pps|rb)\b|``|''|\s{2}/);
    }
  });

  it('spam: 1,000 ham and 1,000 spam lines, distinct, printable ASCII, split by a hash of the line', () => {
    const c = spam();
    expect(c.labels).toEqual(['ham', 'spam']);
    const ham = all(c, 'ham');
    const sp = all(c, 'spam');
    expect([ham.length, sp.length]).toEqual([1000, 1000]);
    expect(new Set([...ham, ...sp]).size).toBe(2000);
    for (const s of [...ham, ...sp]) expect(s).toMatch(/^[\x20-\x7e]{3,100}$/);
    for (const label of c.labels) {
      expect(plausibleEval(c.eval(label).length, 1000)).toBe(true);
      for (const s of c.eval(label)) expect(isHeldOut('spam', s)).toBe(true);
    }
  });

  it('bpe: at most 1,000 tokens, every packed record round-trips exactly, the prompt and label words are single tokens', () => {
    const tok = bpe();
    expect(tok.vocab.length).toBeLessThanOrEqual(1000);
    expect(new Set(tok.vocab).size).toBe(tok.vocab.length);
    for (const c of [names(), brown(), spam()])
      for (const label of c.labels) for (const r of all(c, label)) expect(tok.decode(tok.encode(r))).toBe(r);
    for (const w of BPE_WHOLE_WORDS) expect(tok.encode(w)).toHaveLength(1);
    expect(tok.encode(PROMPT_SUFFIX + LABEL_WORDS.spam)).toHaveLength(3);
    expect(tok.encode(' the')).toHaveLength(1);
  });
});

describe('the names task reference lines', () => {
  const c = () => names();
  const union = (split: 'train' | 'eval') => [...new Set([...c()[split]('female'), ...c()[split]('male')])].sort();

  it('uniform: ln V with V = 27 (26 letters and the boundary)', () => {
    const tok = charTokenizer(union('train'));
    expect(tok.vocab).toHaveLength(27);
    expect(uniformLoss(tok.vocab.length)).toBeCloseTo(Math.log(27), 12);
  });

  it('add-one bigram held-out loss matches an independent count in Python, and lies between MLE-train and uniform', () => {
    const lines = nameReferenceLines(union('train'), union('eval'));
    const m2f = nameReferenceLines(c().train('male'), c().eval('female'));
    const py = spawnSync('/usr/bin/python3', ['-c', PYTHON, fileURLToPath(new URL(`../../../../../public/data/${NAMES_FILE}`, import.meta.url))], { encoding: 'utf8' });
    expect(py.status, py.stderr).toBe(0);
    const [pyUnion, pyM2f] = py.stdout.trim().split(' ').map(Number);
    expect(lines.bigram).toBeCloseTo(pyUnion, 10);
    expect(m2f.bigram).toBeCloseTo(pyM2f, 10);
    expect(lines.uniform).toBeCloseTo(Math.log(27), 12);
    expect(lines.bigram).toBeLessThan(lines.uniform);
    expect(lines.bigram).toBeGreaterThan(lines.bigramTrain);
    expect(lines.bigramUnsmoothed).toBe(Infinity); // some held-out pair never occurs in training
    expect(m2f.bigram).toBeGreaterThan(lines.bigram); // a shifted corpus costs more
  });
});

/** makemore's count: '.' + name + '.', one prediction per letter and one for the end; add-one. */
const PYTHON = String.raw`
import math, sys
from collections import Counter
lines = open(sys.argv[1]).read().split('\n')
sec, cur = {}, None
for l in lines[1:]:
    if l.startswith('@'):
        label, split, _ = l[1:].split(' '); cur = sec.setdefault((label, split), [])
    elif l: cur.append(l)
def loss(train, held):
    chars = sorted(set(''.join(train)))
    V = len(chars) + 1
    pairs = Counter(); rows = Counter()
    for w in train:
        s = '.' + w + '.'
        for a, b in zip(s, s[1:]): pairs[a, b] += 1; rows[a] += 1
    nll = n = 0
    for w in held:
        s = '.' + w + '.'
        for a, b in zip(s, s[1:]):
            nll -= math.log((pairs[a, b] + 1) / (rows[a] + V)); n += 1
    return nll / n
tr = set(sec['female', 'train']) | set(sec['male', 'train'])
ev = set(sec['female', 'eval']) | set(sec['male', 'eval'])
print(repr(loss(sorted(tr), sorted(ev))), repr(loss(sec['male', 'train'], sec['female', 'eval'])))
`;
