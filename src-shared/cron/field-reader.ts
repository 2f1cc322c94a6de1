// The state and reading helpers under Quartz 2.3.2's field grammar (field-parser.ts): value sets and
// flags, Java's number reading, and messages that name the field and quote what was typed.
import { CronSyntaxError } from './errors';
import { QUARTZ_FIELDS, fieldLabel } from './fields';
import { javaDigit, javaParseInt } from './java-text';
import { excerpt, type ParseNote } from './parse-notes';
import { addToSet } from './value-sets';

export class FieldReader {
  readonly sets: Set<number>[] = [new Set(), new Set(), new Set(), new Set(), new Set(), new Set(), new Set()];
  lastdayOfWeek = false;
  nthdayOfWeek = 0;
  lastdayOfMonth = false;
  nearestWeekday = false;
  lastdayOffset = 0;
  readonly notes: ParseNote[] = [];
  protected type = 0;
  /** The field as the user typed it (not upper-cased), for quoting in messages. */
  protected shown = '';
  protected partStart = 0;
  protected partLen = 0;

  fail(what: string, hint = ''): never {
    const field = QUARTZ_FIELDS[this.type]?.field ?? 'expression';
    const tail = hint ? ` ${hint}` : '';
    throw new CronSyntaxError(field, `${fieldLabel(this.type)}: ${what}.${tail}`);
  }

  /** Out of range: names the number and, when the typed part is more than that number, quotes the part. */
  protected outOfRange(what: string, hint?: string, value?: number): never {
    const part = this.raw();
    this.fail(value !== undefined && part !== String(value) ? `${what} (in '${part}')` : what, hint);
  }

  /** Text of the current comma-separated part as typed, from `a` to `b` (part-relative, like `s`), cut for quoting. */
  protected raw(a = 0, b = this.partLen): string {
    return excerpt(this.shown.slice(this.partStart + a, this.partStart + Math.min(b, this.partLen)));
  }

  /** Quartz stops reading this part at `i`: note what it skipped, if anything. */
  protected ignoreFrom(s: string, i: number): void {
    if (i >= s.length) return;
    const field = QUARTZ_FIELDS[this.type]?.field;
    if (field) this.notes.push({ kind: 'ignored', field, part: this.raw(), read: this.raw(0, i), ignored: this.raw(i) });
  }

  /** A step of 0: Quartz then takes only the start value (`read`), or every value for '*'. */
  protected zeroStep(read: string): void {
    const field = QUARTZ_FIELDS[this.type]?.field;
    if (field) this.notes.push({ kind: 'zero-step', field, part: this.raw(), read, ignored: '' });
  }

  /** Java's charAt: reading past the end is a rejection. */
  protected at(s: string, i: number): string {
    const c = s[i];
    if (c === undefined) this.fail(`'${this.quoted()}' ends too early`, this.hintFor());
    return c;
  }

  /** The whole field as typed, cut for quoting. */
  protected quoted(): string {
    return excerpt(this.shown);
  }

  /** One digit where Quartz calls Integer.parseInt on a single char: any script's digit counts ('６' = 6). */
  protected digit(s: string, i: number): number {
    const d = javaDigit(this.at(s, i));
    if (d < 0) this.fail(`'${this.quoted()}' has '${this.raw(i, i + 1)}' where a number was expected`, this.hintFor());
    return d;
  }

  /** Java Integer.parseInt: optional sign then digits (of any script), 32-bit. */
  protected javaInt(text: string, what: string): number {
    const n = javaParseInt(text);
    if (n !== null) return n;
    if (/^[+-]?\p{Nd}+$/u.test(text)) this.fail(`'${this.quoted()}': the number ${excerpt(text)} is too large`, this.hintFor());
    return this.fail(`'${this.quoted()}': ${what}`);
  }

  protected hintFor(): string {
    return QUARTZ_FIELDS[this.type]?.fix ?? '';
  }

  protected readNth(text: string): number {
    const n = javaParseInt(text) ?? NaN;
    if (!(n >= 1 && n <= 5)) this.fail(`'#' must be followed by a number from 1 to 5 ('${this.quoted()}')`, 'For example 6#3 = third Friday.');
    return n;
  }

  /** Quartz's getValue: digits after a known leading value; pos past the end is length + 1. */
  protected readNumber(lead: number, s: string, start: number): { value: number; pos: number } {
    let i = start;
    let text = String(lead);
    let c = this.at(s, i);
    while (c >= '0' && c <= '9') {
      text += c;
      i++;
      if (i >= s.length) break;
      c = s[i] as string;
    }
    return { value: this.javaInt(text, 'number too large'), pos: i < s.length ? i : i + 1 };
  }

  protected checkIncrement(incr: number): void {
    const limit = QUARTZ_FIELDS[this.type]?.maxStep ?? Infinity;
    if (incr > limit) this.fail(`the step ${incr} is too large (at most ${limit}) in '${this.raw()}'`);
  }

  protected addToSet(val: number, end: number, incr: number): void {
    addToSet(this.sets[this.type] as Set<number>, this.type, val, end, incr, (what, hint, value) => this.outOfRange(what, hint, value));
  }
}
