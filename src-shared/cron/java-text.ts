// The few java.lang text rules Quartz's parser leans on, so odd input is read exactly as the server reads it.

const ND = /^\p{Nd}$/u;
const isNd = (code: number): boolean => ND.test(String.fromCharCode(code));

/**
 * Character.digit(c, 10): 0-9 for ASCII and for every other Unicode decimal digit in the BMP ('６' = 6,
 * '٣' = 3); -1 otherwise. Unicode encodes each script's digits as a run of 0..9, so a digit's value is
 * its distance from the start of its run, modulo 10.
 */
export function javaDigit(c: string): number {
  if (c.length !== 1) return -1;
  const code = c.charCodeAt(0);
  if (code >= 48 && code <= 57) return code - 48;
  // Stryker disable next-line ConditionalExpression,EqualityOperator: a shortcut; no other ASCII character is a decimal digit.
  if (code < 128 || !isNd(code)) return -1;
  let start = code;
  while (isNd(start - 1)) start--;
  return (code - start) % 10;
}

/** Integer.parseInt(text): optional sign, then decimal digits of any script; null where Java throws. */
export function javaParseInt(text: string): number | null {
  let i = text[0] === '-' || text[0] === '+' ? 1 : 0;
  if (i >= text.length) return null;
  let n = 0;
  for (; i < text.length; i++) {
    const d = javaDigit(text[i] as string);
    if (d < 0) return null;
    n = n * 10 + d;
    if (n > 2147483648) return null;
  }
  const value = text[0] === '-' ? -n : n;
  return value > 2147483647 ? null : value;
}

/** Java String.trim(): strips characters <= U+0020 at both ends. */
export function javaTrim(text: string): string {
  let a = 0,
    b = text.length;
  // Past either end charCodeAt is NaN, which stops the loop; a text of nothing but such characters is ''.
  while (text.charCodeAt(a) <= 32) a++;
  while (b > a && text.charCodeAt(b - 1) <= 32) b--;
  return text.slice(a, b);
}
