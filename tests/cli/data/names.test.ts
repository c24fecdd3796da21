import { describe, expect, it } from 'vitest';
import { cleanNames, packNames } from '../../../src/cli/data/names';
import { decodeTextAsset, records } from '../../../src/core/tasks/gpt/data/format';

const FEMALE = ['\uFEFFAnna\r', 'Mary-Ann', 'Jo Ann', 'Zoë', "D'Arcy", 'Emma', 'emma', 'EMMA', 'Beth\r', 'Alex', ...Array.from({ length: 60 }, (_, i) => `Fname${String.fromCharCode(97 + (i % 26))}${String.fromCharCode(97 + Math.floor(i / 26))}`)];
const MALE = ['Alex', 'John', 'Jean-Luc', 'Bob', 'Bob', ...Array.from({ length: 60 }, (_, i) => `Mname${String.fromCharCode(97 + (i % 26))}${String.fromCharCode(97 + Math.floor(i / 26))}`)];

describe('names packer', () => {
  it('lowercases, drops names that are not plain a–z, dedupes, handles a BOM and CRLF', () => {
    expect(cleanNames(['\uFEFFAnna\r', 'Mary-Ann', 'Jo Ann', 'Zoë', "D'Arcy", 'Emma', 'emma', 'EMMA', 'Beth\r'])).toEqual(['anna', 'beth', 'emma']);
  });

  it('packs the same bytes twice', () => {
    expect(packNames(FEMALE, MALE)).toEqual(packNames([...FEMALE], [...MALE]));
  });

  it('keeps the lists apart (a name on both is in both) and splits each into disjoint train and eval', () => {
    const a = decodeTextAsset(packNames(FEMALE, MALE), 'names');
    for (const [label, raw] of [['female', FEMALE], ['male', MALE]] as const) {
      const train = records(a, label, 'train');
      const held = records(a, label, 'eval');
      expect(train.filter((n) => held.includes(n))).toEqual([]);
      expect([...train, ...held].sort()).toEqual(cleanNames(raw));
      expect(held.length).toBeGreaterThan(0);
    }
    const inBoth = (split: 'train' | 'eval') => records(a, 'male', split).includes('alex') && records(a, 'female', split).includes('alex');
    expect(inBoth('train') || inBoth('eval')).toBe(true);
  });

  it('puts a name on the same side whatever else is in the lists (the split is a function of the name)', () => {
    const side = (bytes: Uint8Array) => {
      const a = decodeTextAsset(bytes, 'names');
      return new Map([...records(a, 'female', 'train').map((n) => [n, 'train'] as const), ...records(a, 'female', 'eval').map((n) => [n, 'eval'] as const)]);
    };
    const full = side(packNames(FEMALE, MALE));
    const half = side(packNames(FEMALE.slice(0, 35).reverse(), []));
    for (const [name, s] of half) expect(full.get(name)).toBe(s);
  });
});
