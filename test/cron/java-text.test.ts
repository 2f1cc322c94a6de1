// The java.lang text rules Quartz's parser leans on (Character.digit, Integer.parseInt, String.trim), so
// odd input is read exactly as the server reads it: a digit of another script counts, a value past
// 2^31-1 is refused, and only characters up to U+0020 are trimmed.
import { describe, expect, it } from 'vitest';
import { javaDigit, javaParseInt, javaTrim } from '@shared/cron/java-text';

describe('Character.digit(c, 10)', () => {
  it.each([
    ['0', 0],
    ['9', 9],
    ['\u0663', 3], // Arabic-Indic three
    ['\u06f7', 7], // Extended Arabic-Indic seven
    ['\u096b', 5], // Devanagari five
    ['\uff16', 6], // fullwidth six
    ['\u0e50', 0], // Thai zero
    ['\uff10', 0], // fullwidth zero
    ['\uff19', 9], // fullwidth nine
  ])('%s is %i', (c, d) => {
    expect(javaDigit(c)).toBe(d);
  });

  it.each([
    ['a', 'a letter'],
    ['/', 'the character before 0'],
    [':', 'the character after 9'],
    ['\u007f', 'DEL'],
    ['\u0080', 'the first character past ASCII'],
    ['\u00b2', 'superscript two, which is no decimal digit'],
    ['\u2155', 'a vulgar fraction'],
    ['\ud835\udfce', 'a mathematical bold zero outside the BMP (Java reads a char, not a code point)'],
    ['', 'no character'],
    ['12', 'two characters'],
  ])('%s is no digit (%s)', (c) => {
    expect(javaDigit(c)).toBe(-1);
  });
});

describe('Integer.parseInt', () => {
  it.each([
    ['0', 0],
    ['007', 7],
    ['+5', 5],
    ['-5', -5],
    ['2147483647', 2147483647],
    ['-2147483648', -2147483648],
    ['\u0663\u0663', 33],
    ['1\uff10', 10],
  ])('%s reads as %i', (text, n) => {
    expect(javaParseInt(text)).toBe(n);
  });

  it.each(['', '+', '-', '2147483648', '-2147483649', '99999999999', '1 2', '12a', ' 1', '1.5', '--1'])('%j is refused, as Java throws', (text) => {
    expect(javaParseInt(text)).toBeNull();
  });
});

describe('String.trim', () => {
  it('strips every character up to U+0020 at both ends and nothing else', () => {
    expect(javaTrim('\u0000\t\n 0 0 4 ? * * \r\u001f')).toBe('0 0 4 ? * *');
    expect(javaTrim(' \u00a0x\u00a0 ')).toBe('\u00a0x\u00a0');
    expect(javaTrim('!x!')).toBe('!x!');
    expect(javaTrim(' \t ')).toBe('');
    expect(javaTrim('')).toBe('');
    expect(javaTrim('x')).toBe('x');
    expect(javaTrim('  a b  ')).toBe('a b');
  });
});
