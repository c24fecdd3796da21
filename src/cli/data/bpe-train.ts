import { BPE_ALPHABET, BPE_FORMAT, bpeTokenizer, pretokenize, type BpeData } from '../../core/tasks/gpt/data/bpe';

/**
 * Train the BPE vocabulary (Sennrich et al. 2016, https://arxiv.org/abs/1508.07909): count the
 * pre-tokens of the corpus, then repeatedly merge the most frequent adjacent pair of tokens inside
 * a pre-token (ties go to the pair of smaller ids, so training is deterministic) until the
 * vocabulary has `vocabSize` tokens. Each word of `required` (the label words) must come out as one
 * token: when the learnt merges leave one in pieces, the last learnt merges give way to the merges
 * that join its pieces (a merge only builds on earlier ones, so dropping the last is always safe).
 */
export function trainBpe(texts: Iterable<string>, vocabSize: number, required: readonly string[] = [], alphabet = BPE_ALPHABET): BpeData {
  const base = alphabet.length;
  if (vocabSize < base) throw new Error(`bpe: ${vocabSize} tokens cannot hold the ${base}-character alphabet`);
  const charId = new Map([...alphabet].map((ch, i) => [ch, i]));
  const wordCounts = new Map<string, number>();
  for (const text of texts) for (const w of pretokenize(text)) wordCounts.set(w, (wordCounts.get(w) ?? 0) + 1);
  const words = [...wordCounts.keys()].sort();
  const freq = words.map((w) => wordCounts.get(w) ?? 0);
  const seqs = words.map((w) =>
    Array.from(w, (ch) => {
      const id = charId.get(ch);
      if (id === undefined) throw new Error(`bpe: '${ch}' is not in the alphabet`);
      return id;
    }),
  );
  const merges: [number, number][] = [];
  while (base + merges.length < vocabSize) {
    const pairs = new Map<number, number>();
    seqs.forEach((s, w) => {
      for (let i = 1; i < s.length; i++) {
        const k = s[i - 1] * 65536 + s[i];
        pairs.set(k, (pairs.get(k) ?? 0) + freq[w]);
      }
    });
    let best = -1;
    let bestCount = 0;
    for (const [k, c] of pairs) if (c > bestCount || (c === bestCount && k < best)) [best, bestCount] = [k, c];
    if (best < 0) break; // every pre-token is a single token already
    const a = Math.floor(best / 65536);
    const b = best % 65536;
    const id = base + merges.length;
    merges.push([a, b]);
    for (let w = 0; w < seqs.length; w++) {
      const s = seqs[w];
      if (s.length < 2) continue;
      const next: number[] = [];
      for (let i = 0; i < s.length; i++) {
        if (i + 1 < s.length && s[i] === a && s[i + 1] === b) {
          next.push(id);
          i++;
        } else next.push(s[i]);
      }
      seqs[w] = next;
    }
  }
  return requireWords({ format: BPE_FORMAT, alphabet, merges }, vocabSize, required);
}

function requireWords(data: BpeData, vocabSize: number, required: readonly string[]): BpeData {
  const base = data.alphabet.length;
  for (let kept = data.merges.length; kept >= 0; kept--) {
    const merges = data.merges.slice(0, kept);
    for (const word of required) {
      const pieces = bpeTokenizer({ ...data, merges }).encode(word);
      let left = pieces[0];
      for (const right of pieces.slice(1)) {
        merges.push([left, right]);
        left = base + merges.length - 1;
      }
    }
    if (base + merges.length <= vocabSize) return { ...data, merges };
  }
  throw new Error(`bpe: no room in ${vocabSize} tokens for the required words`);
}

/** bpe.json's text: one merge a line, so a diff shows which merges changed. */
export function bpeJson(data: BpeData): string {
  const head = JSON.stringify({ format: data.format, alphabet: data.alphabet }).slice(0, -1);
  return `${head},"merges":[\n${data.merges.map((m) => JSON.stringify(m)).join(',\n')}\n]}\n`;
}
