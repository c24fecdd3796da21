/**
 * The text container of the GPT tasks' corpora in `public/data/` (names.txt, brown.txt, spam.txt,
 * written by `npm run data`, src/cli/build-data.ts). Plain UTF-8 (ASCII in practice), one record a
 * line, so a person can read the file and a diff shows what changed:
 *
 *   ZOTXT1 <kind>\n
 *   @<label> <split> <count>\n      (one section header; split is `train` or `eval`)
 *   <record>\n × count               (a record never holds a line break)
 *   …more sections…
 *
 * Labels are the female/male lists, the Brown genres, or ham/spam. Sections appear in a fixed
 * order chosen by the packer; a decoder checks the magic, the kind and every count.
 */

export const TEXT_MAGIC = 'ZOTXT1';

export type Split = 'train' | 'eval';

export interface TextSection {
  label: string;
  split: Split;
  records: readonly string[];
}

export interface TextAsset {
  kind: string;
  sections: readonly TextSection[];
}

const LABEL = /^[a-z][a-z0-9_-]*$/;

/** Encode a corpus (throws on a record with a line break or an unusable label). */
export function encodeTextAsset(asset: TextAsset): Uint8Array {
  if (!LABEL.test(asset.kind)) throw new Error(`text asset: bad kind '${asset.kind}'`);
  const lines = [`${TEXT_MAGIC} ${asset.kind}`];
  for (const s of asset.sections) {
    if (!LABEL.test(s.label)) throw new Error(`text asset: bad label '${s.label}'`);
    lines.push(`@${s.label} ${s.split} ${s.records.length}`);
    for (const r of s.records) {
      if (/[\r\n]/.test(r)) throw new Error(`text asset: record with a line break in '${s.label}'`);
      lines.push(r);
    }
  }
  return new TextEncoder().encode(lines.join('\n') + '\n');
}

/** Decode a packed corpus, checking it against what its header says. */
export function decodeTextAsset(bytes: Uint8Array, expectedKind?: string): TextAsset {
  const lines = new TextDecoder('utf-8', { fatal: true }).decode(bytes).split('\n');
  if (lines.pop() !== '') throw new Error('text asset: missing final line break');
  const [magic, kind] = (lines[0] ?? '').split(' ');
  if (magic !== TEXT_MAGIC) throw new Error(`text asset: bad magic '${magic}'`);
  if (expectedKind !== undefined && kind !== expectedKind) throw new Error(`text asset: kind '${kind}', expected '${expectedKind}'`);
  const sections: TextSection[] = [];
  let i = 1;
  while (i < lines.length) {
    const m = /^@(\S+) (train|eval) (\d+)$/.exec(lines[i]);
    if (!m) throw new Error(`text asset: line ${i + 1} is not a section header`);
    const count = Number(m[3]);
    if (i + 1 + count > lines.length) throw new Error(`text asset: section '${m[1]} ${m[2]}' is cut short`);
    sections.push({ label: m[1], split: m[2] as Split, records: lines.slice(i + 1, i + 1 + count) });
    i += 1 + count;
  }
  return { kind, sections };
}

/** The records of one label and split ([] when the asset has no such section). */
export function records(asset: TextAsset, label: string, split: Split): readonly string[] {
  return asset.sections.filter((s) => s.label === label && s.split === split).flatMap((s) => s.records);
}

/** The labels of an asset, in file order. */
export function labels(asset: TextAsset): string[] {
  return [...new Set(asset.sections.map((s) => s.label))];
}
