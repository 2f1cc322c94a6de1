// The two text rules every message goes through (the core's own messages too): secrets become "***",
// in every form a server could echo them, and quoted text is one short, marked line.
import { describe, expect, it } from 'vitest';
import { excerpt, redactSecrets } from '@core/atscale/index';

describe('redactSecrets', () => {
  it('stars every occurrence of a secret and of its percent-encoded form', () => {
    const secret = 'p w/x?';
    expect(redactSecrets(`a ${secret} b ${encodeURIComponent(secret)} c ${secret}`, [secret])).toBe('a *** b *** c ***');
  });

  it('stars a secret of 3 characters, never one of 1 or 2 (it would mangle ordinary words)', () => {
    expect(redactSecrets('key abc in abcd', ['abc'])).toBe('key *** in ***d');
    expect(redactSecrets('a to be or not', ['a', 'to'])).toBe('a to be or not');
  });

  it('stars each secret of several, and leaves text without them as it is', () => {
    expect(redactSecrets('one-secret and two-secret', ['one-secret', 'two-secret'])).toBe('*** and ***');
    expect(redactSecrets('nothing here', ['one-secret'])).toBe('nothing here');
  });
});

describe('excerpt', () => {
  it('makes one line: control, separator, zero-width and direction characters become spaces, runs of space collapse', () => {
    expect(excerpt('  a\u0000b\u0007c\u2028d\u200be\u202ef\u2066g\ufeffh\n\n\ti  ')).toBe('a b c d e f g h i');
  });

  it('keeps text of exactly the limit, and ends longer text in "…" within the limit, trailing space trimmed', () => {
    expect(excerpt('abcde', 5)).toBe('abcde');
    expect(excerpt('abcdef', 5)).toBe('abcd…');
    expect(excerpt('abcd   efgh', 6)).toBe('abcd…');
  });

  it('counts characters, not UTF-16 units, so an emoji is never cut in half', () => {
    expect(excerpt('😀😀😀😀', 3)).toBe('😀😀…');
    expect(excerpt('😀😀😀', 3)).toBe('😀😀😀');
  });

  it('quotes at most 200 characters by default', () => {
    const long = 'x'.repeat(500);
    expect(excerpt(long)).toBe(`${'x'.repeat(199)}…`);
    expect(excerpt('y'.repeat(200))).toBe('y'.repeat(200));
  });
});
