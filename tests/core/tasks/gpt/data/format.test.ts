import { describe, expect, it } from 'vitest';
import { decodeTextAsset, encodeTextAsset, labels, records } from '../../../../../src/core/tasks/gpt/data/format';

const ASSET = {
  kind: 'names',
  sections: [
    { label: 'female', split: 'train' as const, records: ['anna', 'emma'] },
    { label: 'female', split: 'eval' as const, records: [] },
    { label: 'male', split: 'train' as const, records: ['bob'] },
  ],
};

describe('text asset format', () => {
  it('is readable text: a header line, then section headers and one record a line', () => {
    const text = new TextDecoder().decode(encodeTextAsset(ASSET));
    expect(text).toBe('ZOTXT1 names\n@female train 2\nanna\nemma\n@female eval 0\n@male train 1\nbob\n');
  });

  it('decodes what it encodes', () => {
    const a = decodeTextAsset(encodeTextAsset(ASSET), 'names');
    expect(a).toEqual(ASSET);
    expect(labels(a)).toEqual(['female', 'male']);
    expect(records(a, 'male', 'train')).toEqual(['bob']);
    expect(records(a, 'male', 'eval')).toEqual([]);
  });

  it('refuses a record with a line break, a wrong kind or magic, and a section cut short', () => {
    expect(() => encodeTextAsset({ kind: 'x', sections: [{ label: 'a', split: 'train', records: ['a\r\nb'] }] })).toThrow(/line break/);
    const bytes = encodeTextAsset(ASSET);
    expect(() => decodeTextAsset(bytes, 'brown')).toThrow(/kind/);
    expect(() => decodeTextAsset(new TextEncoder().encode('ZOTXT9 names\n'))).toThrow(/magic/);
    expect(() => decodeTextAsset(new TextEncoder().encode('ZOTXT1 names\n@female train 3\nanna\n'))).toThrow(/cut short/);
    expect(() => decodeTextAsset(new TextEncoder().encode('ZOTXT1 names\nanna\n'))).toThrow(/section header/);
  });
});
