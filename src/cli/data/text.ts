/** Cleaning shared by the corpus packers (pure functions of their input). */

/** Without a leading byte-order mark, with CRLF and lone CR line ends turned into LF. */
export function normaliseNewlines(text: string): string {
  return text.replace(/^\uFEFF/, '').replace(/\r\n?/g, '\n');
}

/**
 * Printable ASCII only: accents are taken off (é → e, by Unicode compatibility decomposition), any
 * other character outside 32…126 becomes a space, and runs of whitespace become one space.
 */
export function toPrintableAscii(text: string): string {
  return text
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/[^\x20-\x7e]/g, ' ')
    .replace(/\s+/g, ' ')
    .trim();
}

/** Cut to at most `max` characters, at a space when there is one in the second half. */
export function cutAtWord(text: string, max: number): string {
  if (text.length <= max) return text;
  const cut = text.lastIndexOf(' ', max);
  return (cut > max / 2 ? text.slice(0, cut) : text.slice(0, max)).trim();
}
