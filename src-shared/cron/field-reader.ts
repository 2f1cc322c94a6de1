// The state and reading helpers under Quartz 2.3.2's field grammar (field-parser.ts): value sets and
// flags, Java's number reading, and messages that name the field and quote what was typed.
import { CronSyntaxError } from './errors';
import { QUARTZ_FIELDS, type QuartzFieldSpec } from './fields';
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
  // Stryker disable next-line StringLiteral: parseField sets it before anything reads it.
  protected shown = '';
  protected partStart = 0;
  protected partLen = 0;

  /** The field being read: the parser only ever reads positions 0-6. */
  protected spec(): QuartzFieldSpec {
    return QUARTZ_FIELDS[this.type] as QuartzFieldSpec;
  }

  fail(what: string, hint = ''): never {
    const tail = hint ? ` ${hint}` : '';
    throw new CronSyntaxError(this.spec().field, `${this.spec().label}: ${what}.${tail}`);
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
    // Stryker disable next-line StringLiteral: the linter tells an ignored-text note by its not being a zero step.
    this.notes.push({ kind: 'ignored', field: this.spec().field, part: this.raw(), read: this.raw(0, i), ignored: this.raw(i) });
  }

  /** A step of 0: Quartz then takes only the start value (`read`), or every value for '*'. */
  protected zeroStep(read: string): void {
    // Stryker disable next-line StringLiteral: the linter never reads the ignored text of a zero step.
    this.notes.push({ kind: 'zero-step', field: this.spec().field, part: this.raw(), read, ignored: '' });
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
    if (/^[+-]?\p{Nd}+$/u.test(text)) this.tooLarge(text);
    return this.fail(`'${this.quoted()}': ${what}`);
  }

  private tooLarge(text: string): never {
    this.fail(`'${this.quoted()}': the number ${excerpt(text)} is too large`, this.hintFor());
  }

  protected hintFor(): string {
    return this.spec().fix;
  }

  protected readNth(text: string): number {
    const n = javaParseInt(text) ?? NaN;
    if (!(n >= 1 && n <= 5)) this.fail(`'#' must be followed by a number from 1 to 5 ('${this.quoted()}')`, 'For example 6#3 = third Friday.');
    return n;
  }

  /** Quartz's getValue: the ASCII digits from `start` after a known leading value; pos is where they stop. */
  protected readNumber(lead: number, s: string, start: number): { value: number; pos: number } {
    this.at(s, start);
    let pos = start;
    while (/[0-9]/.test(s.charAt(pos))) pos++;
    const text = String(lead) + s.slice(start, pos);
    return { value: javaParseInt(text) ?? this.tooLarge(text), pos };
  }

  protected checkIncrement(incr: number): void {
    const limit = this.spec().maxStep;
    if (incr > limit) this.fail(`the step ${incr} is too large (at most ${limit}) in '${this.raw()}'`);
  }

  protected addToSet(val: number, end: number, incr: number): void {
    addToSet(this.sets[this.type] as Set<number>, this.type, val, end, incr, (what, hint, value) => this.outOfRange(what, hint, value));
  }
}
