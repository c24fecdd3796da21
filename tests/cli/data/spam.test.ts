import { describe, expect, it } from 'vitest';
import { cleanLine, labelOf, messageLine, packSpam, type RawMessage } from '../../../src/cli/data/spam';
import { decodeTextAsset, records } from '../../../src/core/tasks/gpt/data/format';

const mail = (headers: string, body = 'Hello there.\n') => `From x@y  Thu Aug 22 2002\nReturn-Path: <x@y>\n${headers}\n\n${body}`;

describe('spam packer: one line per message', () => {
  it('takes the subject, unfolded, without reply markers, list tags or a trailing tracking code', () => {
    expect(messageLine(mail('Subject: Re: [SAdev] Re: Fwd: new rules\n  for razor\nTo: a@b'))).toBe('new rules for razor');
    expect(messageLine(mail('Subject: Ink Prices Got You Down?              11956'))).toBe('Ink Prices Got You Down?');
    expect(messageLine(mail('subject: lower-case header works'))).toBe('lower-case header works');
  });

  it('decodes RFC 2047 words in Latin charsets and drops those in others, falling back to the body', () => {
    expect(messageLine(mail('Subject: =?iso-8859-1?Q?Caf=E9_d=E9j=E0_vu?='))).toBe('Cafe deja vu');
    expect(messageLine(mail('Subject: =?utf-8?B?SGVsbG8gd29ybGQ=?='))).toBe('Hello world');
    expect(messageLine(mail('Subject: =?GB2312?B?NTDUqrvxtcPSu9LazuXHp83yRU1BSUy12Na3tcS7+rvh?=', '\n<html><b>Cheap  offer</b> today\n'))).toBe('Cheap offer today');
  });

  it('reads CRLF messages with a byte-order mark, and uses the first body line when there is no subject', () => {
    expect(messageLine('\uFEFFFrom: a@b\r\nSubject: Meeting moved\r\n\r\nBody\r\n')).toBe('Meeting moved');
    expect(messageLine('From: a@b\r\nTo: c@d\r\n\r\n\r\n  \r\nFirst real line\r\nsecond\r\n')).toBe('First real line');
    expect(messageLine('From: a@b\n\n12 34\n')).toBe('');
  });

  it('skips body lines that are not prose, and drops a message whose subject is unsuitable instead of using its body', () => {
    const body = 'This is a multi-part message in MIME format.\n> On Monday, Bob wrote:\nContent-Type: text/plain;\nPGh0bWw+DQo8aGVhZD4NCjxtZXRhIGh0dHAtZXF1aXY9\nSee http://x.y/z now\nWe can help you today.\n';
    expect(messageLine(mail('To: a@b', body))).toBe('We can help you today.');
    expect(messageLine(mail('Subject: Hot XXX pics', 'Click here for more fun.\n'))).toBe('');
  });

  it('keeps printable ASCII only, cuts long lines at a word, and drops lines with too few letters', () => {
    expect(cleanLine('Price: \u20ac5 \u2014 now\tor never')).toBe('Price: 5 now or never');
    const long = cleanLine('word '.repeat(40));
    expect(long.length).toBeLessThanOrEqual(100);
    expect(long.endsWith('word')).toBe(true);
    expect(cleanLine('!!! 42 ??')).toBe('');
  });

  it('labels by group, dedupes, drops a line that is both ham and spam, caps each label, and is deterministic', () => {
    const msgs: RawMessage[] = [
      ...Array.from({ length: 40 }, (_, i) => ({ group: 'easy-ham-1', text: mail(`Subject: ham topic ${i}`) })),
      { group: 'hard-ham-1', text: mail('Subject: ham topic 3') },
      { group: 'hard-ham-1', text: mail('Subject: both lists') },
      ...Array.from({ length: 30 }, (_, i) => ({ group: i % 2 ? 'spam-1' : 'spam-2', text: mail(`Subject: spam offer ${i}`) })),
      { group: 'spam-2', text: mail('Subject: both lists') },
    ];
    expect(labelOf('easy-ham-2')).toBe('ham');
    expect(labelOf('spam-1')).toBe('spam');
    const bytes = packSpam(msgs, 25);
    expect(packSpam([...msgs].reverse(), 25)).toEqual(bytes);
    const a = decodeTextAsset(bytes, 'spam');
    const ham = [...records(a, 'ham', 'train'), ...records(a, 'ham', 'eval')];
    const spam = [...records(a, 'spam', 'train'), ...records(a, 'spam', 'eval')];
    expect(ham.length).toBe(25);
    expect(spam.length).toBe(25);
    expect(new Set(ham).size).toBe(25);
    expect(ham.every((s) => s.startsWith('ham topic'))).toBe(true);
    expect(spam.every((s) => s.startsWith('spam offer'))).toBe(true);
    expect([...ham, ...spam]).not.toContain('both lists');
    expect(records(a, 'ham', 'train').filter((s) => records(a, 'ham', 'eval').includes(s))).toEqual([]);
  });
});
