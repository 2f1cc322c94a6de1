// What Quartz accepts but reads differently from how it looks: look-alike characters (an en dash for a
// hyphen, a non-breaking space, full-width digits), text it silently skips ("5X" = 5), a step of 0,
// fields past the seventh.
import { CronSyntaxError } from './errors';
import { excerpt } from './parse-notes';
import { QUARTZ_FIELDS, fieldLabel, quartzTokens } from './fields';
import { javaDigit } from './java-text';
import type { LintIssue } from './lint-types';
import { timeAfter } from './next';
import { parseQuartzDetail, sameCompiled, type ParseDetail } from './parse';
import { zoneFor } from './zone';

/** Where a fix's first fire time is looked for: any instant shows whether Quartz can compute one. */
const SOME_INSTANT = Date.UTC(2026, 0, 1);

interface Lookalike {
  /** In words, e.g. "an en dash (–, U+2013)". */
  readonly name: string;
  /** What was probably meant. */
  readonly plain: string;
}

const hex = (c: string): string => `U+${(c.codePointAt(0) ?? 0).toString(16).toUpperCase().padStart(4, '0')}`;

const NAMED: Record<string, [string, string]> = {
  '\u2010': ['a Unicode hyphen', '-'],
  '\u2011': ['a non-breaking hyphen', '-'],
  '\u2012': ['a figure dash', '-'],
  '\u2013': ['an en dash', '-'],
  '\u2014': ['an em dash', '-'],
  '\u2015': ['a horizontal bar', '-'],
  '\u2212': ['a minus sign', '-'],
  '\u2043': ['a hyphen bullet', '-'],
  '\uFE58': ['a small em dash', '-'],
  '\uFE63': ['a small hyphen', '-'],
  '\u00A0': ['a non-breaking space', ' '],
  '\u2007': ['a figure space', ' '],
  '\u202F': ['a narrow non-breaking space', ' '],
  '\u3000': ['an ideographic space', ' '],
  '\u1680': ['an ogham space', ' '],
  '\u205F': ['a mathematical space', ' '],
  '\u200B': ['a zero-width space', ''],
  '\u200C': ['a zero-width non-joiner', ''],
  '\u200D': ['a zero-width joiner', ''],
  '\u2060': ['a word joiner', ''],
  '\uFEFF': ['a byte-order mark', ''],
  '\u2044': ['a fraction slash', '/'],
  '\u2215': ['a division slash', '/'],
  '\u29F8': ['a big solidus', '/'],
  '\u2217': ['an asterisk operator', '*'],
  '\u204E': ['a low asterisk', '*'],
  '\uFE61': ['a small asterisk', '*'],
  '\u2731': ['a heavy asterisk', '*'],
  '\u201A': ['a low quotation mark', ','],
  '\u060C': ['an Arabic comma', ','],
  '\u3001': ['an ideographic comma', ','],
  '\uFE50': ['a small comma', ','],
  '\uFE56': ['a small question mark', '?'],
  '\uFE5F': ['a small number sign', '#'],
};
// Letters that look Latin but are not: Quartz rejects them, the eye does not see why.
const HOMOGLYPHS: Record<string, string> = {
  '\u0410': 'A',
  '\u0412': 'B',
  '\u0415': 'E',
  '\u041A': 'K',
  '\u041C': 'M',
  '\u041D': 'H',
  '\u041E': 'O',
  '\u0420': 'P',
  '\u0421': 'C',
  '\u0422': 'T',
  '\u0425': 'X',
  '\u0430': 'a',
  '\u0435': 'e',
  '\u043E': 'o',
  '\u0440': 'p',
  '\u0441': 'c',
  '\u0443': 'y',
  '\u0445': 'x',
  '\u0391': 'A',
  '\u0392': 'B',
  '\u0395': 'E',
  '\u0396': 'Z',
  '\u0397': 'H',
  '\u0399': 'I',
  '\u039A': 'K',
  '\u039C': 'M',
  '\u039D': 'N',
  '\u039F': 'O',
  '\u03A1': 'P',
  '\u03A4': 'T',
  '\u03A5': 'Y',
  '\u03A7': 'X',
  '\u03BF': 'o',
};

function lookalike(c: string): Lookalike | null {
  const code = c.charCodeAt(0);
  const named = NAMED[c];
  if (named) return { name: `${named[0]} (${named[1] === ' ' || named[1] === '' ? '' : `${c}, `}${hex(c)})`, plain: named[1] };
  if (code >= 0xff01 && code <= 0xff5e) return { name: `a full-width '${c}' (${hex(c)})`, plain: String.fromCharCode(code - 0xfee0) };
  if (code >= 0x2000 && code <= 0x200a) return { name: `a Unicode space (${hex(c)})`, plain: ' ' };
  // A tab separates fields as a space does, so it never stands inside one.
  if (code < 32 || code === 127) return { name: `a control character (${hex(c)})`, plain: ' ' };
  const digit = code >= 128 ? javaDigit(c) : -1;
  if (digit >= 0) return { name: `a non-ASCII digit '${c}' (${hex(c)})`, plain: String(digit) };
  const latin = HOMOGLYPHS[c];
  if (latin) return { name: `a non-Latin '${c}' (${hex(c)}, looks like '${latin}')`, plain: latin };
  return null;
}

/** Text for a quote: invisible and space-like characters shown by their code, at most an excerpt. */
function visible(text: string): string {
  let out = '';
  for (const c of text) {
    const l = lookalike(c);
    out += l && (l.plain === ' ' || l.plain === '') ? `<${hex(c)}>` : c;
  }
  return excerpt(out);
}

/** The parse, or the CronSyntaxError that names what Quartz rejects. */
export function tryParse(expression: string): ParseDetail | CronSyntaxError {
  try {
    return parseQuartzDetail(expression);
  } catch (e) {
    // Stryker disable next-line ConditionalExpression: the parser throws only CronSyntaxError; anything else is a bug to surface.
    if (e instanceof CronSyntaxError) return e;
    throw e;
  }
}

/**
 * Whether Quartz takes an expression whole: it parses, no part of it is skipped or read as a step of 0,
 * it has no look-alike character and no field past the seventh. A fix is offered only when this holds.
 */
export function readsWhole(expression: string): boolean {
  const d = tryParse(expression);
  if (d instanceof CronSyntaxError || d.notes.length > 0 || plainText(expression) !== expression || quartzTokens(expression).length > 7) return false;
  try {
    // Quartz accepts some text it then fails on when it computes a fire time (a field left without values: ',').
    timeAfter(d.compiled, zoneFor('UTC'), SOME_INSTANT);
    return true;
  } catch (e) {
    // Stryker disable next-line ConditionalExpression: the engine throws only CronSyntaxError; anything else is a bug to surface.
    if (e instanceof CronSyntaxError) return false;
    throw e;
  }
}

/**
 * A fix to offer, or undefined: `candidate` with look-alike characters retyped and fields past the seventh
 * dropped (so one fix also clears those), when Quartz then takes it whole.
 */
export function wholeFix(candidate: string): string | undefined {
  const fixed = quartzTokens(plainText(candidate)).slice(0, 7).join(' ');
  return readsWhole(fixed) ? fixed : undefined;
}

/** The expression with every look-alike character replaced by what it looks like. */
export function plainText(expression: string): string {
  let out = '';
  for (const c of expression) out += lookalike(c)?.plain ?? c;
  return out;
}

/** One issue per field holding look-alike characters, saying what Quartz makes of them. */
export function lookalikeIssues(expression: string, detail: ParseDetail | CronSyntaxError): LintIssue[] {
  const plain = plainText(expression);
  // Stryker disable next-line ConditionalExpression: a shortcut; with no look-alike, no token below has one either.
  if (plain === expression) return [];
  const fixed = tryParse(plain);
  const same = !(detail instanceof CronSyntaxError) && !(fixed instanceof CronSyntaxError) && sameCompiled(detail.compiled, fixed.compiled);
  const suggestion = wholeFix(plain);
  const issues: LintIssue[] = [];
  quartzTokens(expression).forEach((token, index) => {
    const found = [...new Set([...token].filter((c) => lookalike(c)))];
    if (found.length === 0) return;
    const names = found.map((c) => (lookalike(c) as Lookalike).name).join(' and ');
    const plainToken = [...token].map((c) => lookalike(c)?.plain ?? c).join('');
    const label = fieldLabel(index);
    const note =
      detail instanceof CronSyntaxError ? undefined : detail.notes.find((n) => fieldLabel(n.field) === label && found.some((c) => n.ignored.includes(c)));
    // Without the look-alike the field may still carry text Quartz skips ('MON<U+200B>FRI' is 'MONFRI', read as 'MON').
    const leftover = fixed instanceof CronSyntaxError ? undefined : fixed.notes.find((n) => fieldLabel(n.field) === label && n.kind !== 'zero-step');
    const asIntended = same && !leftover;
    const effect =
      detail instanceof CronSyntaxError
        ? 'Quartz rejects the expression'
        : asIntended
          ? 'Quartz happens to read it as intended, but it is easy to misread'
          : note
            ? `Quartz reads only '${visible(note.read)}' and ignores '${visible(note.ignored)}'`
            : found.some((c) => /^ ?$/.test((lookalike(c) as Lookalike).plain))
              ? 'Quartz separates fields only at plain spaces, so it reads the fields differently'
              : 'Quartz reads the schedule differently';
    // Retyping the look-alike helps only when Quartz then reads the field whole and accepts it.
    const retypeFails = leftover !== undefined || (note !== undefined && fixed instanceof CronSyntaxError);
    // Past the seventh field retyping changes nothing: the extra-field issue offers the fix.
    const offer = index < 7 && !retypeFails ? suggestion : undefined;
    const fix = retypeFails
      ? `Remove '${visible(note?.ignored ?? leftover?.ignored ?? '')}' or correct the value`
      : `Type '${visible(plainToken.trim()) || ' '}' instead${offer ? `: ${excerpt(offer)}` : fixed instanceof CronSyntaxError ? '; Quartz still rejects the expression then (see the other issues)' : ', and fix the other issues'}`;
    issues.push({
      code: 'lookalike-character',
      severity: asIntended ? 'warning' : 'error',
      field: QUARTZ_FIELDS[index]?.field ?? 'expression',
      message: `${label}: '${visible(token)}' has ${names}; ${effect}. ${fix}.`,
      ...(offer ? { suggestion: offer } : {}),
    });
  });
  return issues;
}

/**
 * Fields past the seventh: Quartz ignores them. `detail` is the expression's parse, which reads only
 * the first seven, so it tells whether those alone are accepted.
 */
export function extraFieldIssues(tokens: readonly string[], detail: ParseDetail | CronSyntaxError): LintIssue[] {
  if (tokens.length <= 7) return [];
  const head = tokens.slice(0, 7).join(' ');
  // The first seven alone are offered only when Quartz takes them whole; else the other issues say what to fix.
  const suggestion = detail instanceof CronSyntaxError ? undefined : wholeFix(head);
  return [
    {
      code: 'too-many-fields',
      severity: 'error',
      field: 'expression',
      message: `Expression: has ${tokens.length} fields; Quartz reads the first 7 and ignores '${visible(tokens.slice(7).join(' '))}'. Remove the extra text.`,
      ...(suggestion ? { suggestion } : {}),
    },
  ];
}

/** Text Quartz skips ("5X", "MONDAY", "*5") and steps of 0, from the parser's notes. */
export function readingIssues(expression: string, detail: ParseDetail): LintIssue[] {
  const issues: LintIssue[] = [];
  const tokens = quartzTokens(expression);
  for (const n of detail.notes) {
    const label = fieldLabel(n.field);
    if (n.kind === 'zero-step') {
      const step = n.part.slice(n.part.lastIndexOf('/') + 1);
      const reads = n.read === '*' ? "'*' (every value)" : `'${n.read}' only`;
      issues.push({
        code: 'zero-step',
        severity: 'error',
        field: n.field,
        message: `${label}: '${n.part}' has a step of ${step}, so Quartz reads it as ${reads}. Use a step of 1 or more, e.g. '${n.read}/5'.`,
      });
      continue;
    }
    if ([...n.ignored].some((c) => lookalike(c))) continue; // told as a look-alike character
    // Letters after a whole name ('MONDAY', 'MON-FRIDAY') mean what they look like; anything else may not.
    const harmless = /^[A-Z]+$/i.test(n.ignored) && /[A-Z]{3}$/i.test(n.read);
    const index = tokens.findIndex((_, i) => fieldLabel(i) === label);
    const token = tokens[index];
    const parts = token?.split(',');
    const at = parts?.indexOf(n.part) ?? -1;
    let suggestion: string | undefined;
    if (harmless && parts && at >= 0) {
      parts[at] = n.read;
      suggestion = wholeFix(tokens.map((t, i) => (i === index ? parts.join(',') : t)).join(' '));
    }
    issues.push({
      code: 'ignored-text',
      severity: harmless ? 'warning' : 'error',
      field: n.field,
      message:
        n.read === ''
          ? // Quartz reads nothing of a part only for an 'L' outside the day fields.
            `${label}: Quartz ignores '${n.part}' here ('L', last, means something only in day-of-month and day-of-week). Remove it.`
          : `${label}: Quartz reads '${n.part}' as '${n.read}' and ignores '${n.ignored}'. ${harmless ? `Write '${n.read}'` : `Remove '${n.ignored}' or correct the value`}.`,
      ...(suggestion ? { suggestion } : {}),
    });
  }
  return issues;
}
