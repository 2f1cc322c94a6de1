// The few java.lang text rules Quartz's parser leans on, so odd input is read exactly as the server reads it.

const ND = /^\p{Nd}$/u;
const isNd = (code: number): boolean => code >= 0 && code <= 0xffff && ND.test(String.fromCharCode(code));

/**
 * Character.digit(c, 10): 0-9 for ASCII and for every other Unicode decimal digit in the BMP ('６' = 6,
 * '٣' = 3); -1 otherwise. Unicode encodes each script's digits as a run of 0..9, so a digit's value is
 * its distance from the start of its run, modulo 10.
 */
export function javaDigit(c: string): number {
  const code = c.length === 1 ? c.charCodeAt(0) : -1;
  if (code >= 48 && code <= 57) return code - 48;
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
  while (a < b && text.charCodeAt(a) <= 32) a++;
  while (b > a && text.charCodeAt(b - 1) <= 32) b--;
  return text.slice(a, b);
}
