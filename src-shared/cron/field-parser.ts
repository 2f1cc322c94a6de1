// Quartz 2.3.2's field grammar, one comma-separated value at a time (storeExpressionVals/checkNext).
// Besides the value sets it notes what Quartz reads silently differently from what was typed (text it
// ignores, a step of 0), for the linter.
import { CronSyntaxError } from './errors';
import { FieldReader } from './field-reader';
import { QUARTZ_FIELDS } from './fields';
import { ALL_SPEC, DAY_OF_MONTH, DAY_OF_WEEK, MONTH, NO_SPEC } from './value-sets';

// Stryker disable next-line ArrayDeclaration: the field table always has month names; the fallback only satisfies the type checker.
const MONTHS = QUARTZ_FIELDS[MONTH]?.names ?? [];
// Stryker disable next-line ArrayDeclaration: the field table always has day names; the fallback only satisfies the type checker.
const DAYS = QUARTZ_FIELDS[DAY_OF_WEEK]?.names ?? [];

export class FieldParser extends FieldReader {
  /** `token` is upper-cased as Quartz reads it; `shown` is the same text as typed (same length). */
  parseField(type: number, token: string, shown: string = token): void {
    this.type = type;
    this.shown = shown.length === token.length ? shown : token;
    const hasL = token.includes('L');
    if (type === DAY_OF_MONTH && hasL && token.includes(',')) {
      this.fail(`'L' and 'LW' cannot be combined with other days in a list ('${this.quoted()}')`, 'Use L, L-n or LW on its own.');
    }
    if (type === DAY_OF_WEEK && hasL && token.includes(',')) {
      this.fail(`'L' cannot be combined with other days in a list ('${this.quoted()}')`, 'Use a single nL (e.g. 6L = last Friday).');
    }
    if (type === DAY_OF_WEEK && token.indexOf('#') !== token.lastIndexOf('#')) {
      this.fail(`only one "nth day" (#) is supported ('${this.quoted()}')`);
    }
    let start = 0;
    for (const part of token.split(',')) {
      this.partStart = start;
      this.partLen = part.length;
      if (part !== '') this.storeValue(part);
      start += part.length + 1;
    }
  }

  // Quartz's own checks for a space or tab inside a value are left out: its tokens (ours too, parse.ts)
  // are split at every space and tab, so no value holds one, and each value here has a first character.
  private storeValue(s: string): void {
    const type = this.type;
    let i = 0;
    let c = s[i] as string;
    if (c >= 'A' && c <= 'Z' && s !== 'L' && s !== 'LW' && !/^L-[0-9]*W?$/.test(s)) {
      this.storeName(s, i);
      return;
    }
    if (c === '?') {
      i++;
      // Quartz refuses two or more characters after '?' and ignores a single one ('?X' is '?').
      if (i + 1 < s.length) this.fail(`unexpected '${this.raw(i, i + 1)}' after '?'`, "'?' stands alone.");
      if (type !== DAY_OF_WEEK && type !== DAY_OF_MONTH) {
        this.fail("'?' is only allowed in day-of-month or day-of-week", 'Use * here.');
      }
      if (type === DAY_OF_WEEK && !this.lastdayOfMonth) {
        const dom = this.sets[DAY_OF_MONTH] as Set<number>;
        // Only commas in day-of-month (','): that field is the one to fix, not the '?' here.
        if (dom.size === 0) {
          throw new CronSyntaxError(
            'day-of-month',
            "Day-of-month: has no value (only commas). Give it a day such as 15, or * for every day, and keep '?' in day-of-week.",
          );
        }
        if (Math.max(...dom) === NO_SPEC) {
          this.fail("'?' cannot be used in both day-of-month and day-of-week", 'Give one of them a value (e.g. * or 1-7) and keep ? in the other.');
        }
      }
      // Stryker disable next-line UnaryOperator: with a step of 0 only the start is added, and an end of 1 is in range for every field.
      this.addToSet(NO_SPEC, -1, 0);
      this.ignoreFrom(s, i);
      return;
    }
    if (c === '*' || c === '/') {
      if (c === '*' && i + 1 >= s.length) {
        this.addToSet(ALL_SPEC, -1, 0);
        return;
      }
      // Stryker disable next-line ConditionalExpression,EqualityOperator,StringLiteral,ArithmeticOperator,BlockStatement: a lone '/' also fails below, with the same words.
      if (c === '/' && i + 1 >= s.length) {
        this.fail("'/' must be followed by a number", 'For example */5 or 0/15.');
      }
      if (c === '*') i++;
      c = s[i] as string;
      let incr = 1;
      if (c === '/') {
        i++;
        if (i >= s.length) this.fail("'/' must be followed by a number", 'For example */5 or 0/15.');
        incr = this.javaInt(s.substring(i), `the step after '/' must be a whole number`);
        this.checkIncrement(incr);
        if (incr <= 0) this.zeroStep('*');
      } else {
        this.ignoreFrom(s, i); // '*5' is '*'
      }
      this.addToSet(ALL_SPEC, -1, incr);
      return;
    }
    if (c === 'L') {
      // Outside the day fields Quartz skips the whole part ('5,L' in hours fires at 5 only).
      if (type !== DAY_OF_MONTH && type !== DAY_OF_WEEK) this.ignoreFrom(s, i);
      i++;
      if (type === DAY_OF_MONTH) this.lastdayOfMonth = true;
      if (type === DAY_OF_WEEK) {
        this.addToSet(7, 7, 0);
        this.ignoreFrom(s, i); // 'L-3' or 'LW' in day-of-week is plain 'L'
      }
      // Stryker disable next-line ConditionalExpression,EqualityOperator: past the end s[i] is undefined, neither '-' nor 'W'.
      if (type === DAY_OF_MONTH && s.length > i) {
        if (s[i] === '-') {
          const v = this.readNumber(0, s, i + 1);
          if (v.value > 30) this.fail(`the offset in '${this.raw()}' must be 30 or less`, 'L-n counts back from the last day, n = 0-30.');
          this.lastdayOffset = v.value;
          i = v.pos;
        }
        // Stryker disable next-line ConditionalExpression,EqualityOperator,LogicalOperator: the L-n pattern leaves only a 'W' or nothing here.
        if (s.length > i && s[i] === 'W') {
          this.nearestWeekday = true;
        }
      }
      return;
    }
    if (c >= '0' && c <= '9') {
      let val = c.charCodeAt(0) - 48;
      i++;
      // Stryker disable next-line ConditionalExpression,EqualityOperator,BlockStatement: checkNext adds a lone digit the same way.
      if (i >= s.length) {
        // Stryker disable next-line UnaryOperator: with no step only the value is added, and an end of 1 is in range for every field.
        this.addToSet(val, -1, -1);
        return;
      }
      // Stryker disable next-line ConditionalExpression,LogicalOperator,StringLiteral: readNumber on a non-digit returns the digit and position unchanged.
      if (s[i]! >= '0' && s[i]! <= '9') {
        const v = this.readNumber(val, s, i);
        val = v.value;
        i = v.pos;
      }
      this.checkNext(i, s, val);
      return;
    }
    this.fail(`unexpected character '${this.raw(i, i + 1)}' in '${this.raw()}'`, this.hintFor());
  }

  private storeName(s: string, start: number): void {
    let i = start;
    const type = this.type;
    const read = (from: number): string => {
      // Stryker disable next-line ConditionalExpression,EqualityOperator: a part is never empty, so from === s.length already means from > start.
      if (from === s.length && from > start) {
        // 'MON-': a range with nothing after the '-'.
        this.fail(`the range '${this.raw()}' has no end`, `Write both ends, e.g. ${type === MONTH ? 'JAN-MAR' : 'MON-FRI'}.`);
      }
      if (from + 3 > s.length) this.fail(`'${this.raw(from)}' is not a valid value`, this.hintFor());
      return s.substring(from, from + 3);
    };
    let sub = read(i);
    let sval: number;
    let eval_ = -1;
    if (type === MONTH) {
      sval = MONTHS.indexOf(sub) + 1;
      if (sval <= 0) this.fail(`'${this.raw(i, i + 3)}' is not a month name`, 'Use JAN-DEC or 1-12.');
      // Stryker disable next-line ConditionalExpression,EqualityOperator,ArithmeticOperator: past the end s[i + 3] is undefined, not '-'.
      if (s.length > i + 3 && s[i + 3] === '-') {
        i += 4;
        sub = read(i);
        eval_ = MONTHS.indexOf(sub) + 1;
        if (eval_ <= 0) this.fail(`'${this.raw(i, i + 3)}' is not a month name`, 'Use JAN-DEC or 1-12.');
      }
      this.ignoreFrom(s, i + 3); // 'JANUARY' is 'JAN', 'JAN-JUN/2' is 'JAN-JUN'
    } else if (type === DAY_OF_WEEK) {
      sval = DAYS.indexOf(sub) + 1;
      if (sval <= 0) this.fail(`'${this.raw(i, i + 3)}' is not a day name`, 'Use SUN-SAT or 1-7 (1 = Sunday).');
      // Stryker disable next-line ConditionalExpression,EqualityOperator,ArithmeticOperator: past the end the else branch below reads nothing (ignoreFrom at the end is a no-op).
      if (s.length > i + 3) {
        const next = s[i + 3];
        if (next === '-') {
          i += 4;
          sub = read(i);
          eval_ = DAYS.indexOf(sub) + 1;
          if (eval_ <= 0) this.fail(`'${this.raw(i, i + 3)}' is not a day name`, 'Use SUN-SAT or 1-7 (1 = Sunday).');
          this.ignoreFrom(s, i + 3);
        } else if (next === '#') {
          this.nthdayOfWeek = this.readNth(s.substring(i + 4));
        } else if (next === 'L') {
          this.lastdayOfWeek = true;
          this.ignoreFrom(s, i + 4);
        } else {
          this.ignoreFrom(s, i + 3); // 'MONDAY' is 'MON'; 'MON–FRI' (en dash) is 'MON'
        }
      }
    } else {
      // Quote the whole value ('SUNDAY', 'L-3X'), not just the three letters Quartz looked at.
      this.fail(`letters are not allowed here ('${this.raw()}')`, this.hintFor());
    }
    this.addToSet(sval, eval_, eval_ !== -1 ? 1 : 0);
  }

  private checkNext(pos: number, s: string, val: number): void {
    const type = this.type;
    let i = pos;
    // Stryker disable next-line ConditionalExpression,EqualityOperator,BlockStatement: past the end the fall-through below adds the value alone just the same.
    if (i >= s.length) {
      // Stryker disable next-line UnaryOperator: with no step only the value is added, and an end of 1 is in range for every field.
      this.addToSet(val, -1, -1);
      return;
    }
    const c = s[i];
    const set = this.sets[type] as Set<number>;
    if (c === 'L') {
      if (type !== DAY_OF_WEEK) this.fail(`'L' after a number ('${this.raw()}') is only allowed in day-of-week (e.g. 6L = last Friday)`);
      // Stryker disable next-line OptionalChaining: the field table always has day-of-week.
      if (val < 1 || val > 7) this.outOfRange(`${val} is out of range ${QUARTZ_FIELDS[DAY_OF_WEEK]?.range}`, undefined, val);
      this.lastdayOfWeek = true;
      set.add(val);
      this.ignoreFrom(s, i + 1);
      return;
    }
    if (c === 'W') {
      if (type !== DAY_OF_MONTH) this.fail(`'W' ('${this.raw()}') is only allowed in day-of-month (e.g. 15W)`);
      if (val > 31) this.fail(`'${this.raw()}': W needs a day from 1 to 31`);
      this.nearestWeekday = true;
      set.add(val);
      this.ignoreFrom(s, i + 1);
      return;
    }
    if (c === '#') {
      if (type !== DAY_OF_WEEK) this.fail(`'#' ('${this.raw()}') is only allowed in day-of-week (e.g. 6#3)`);
      this.nthdayOfWeek = this.readNth(s.substring(i + 1));
      set.add(val);
      return;
    }
    if (c === '-') {
      i++;
      let end = this.digit(s, i);
      i++;
      // Stryker disable next-line ConditionalExpression,EqualityOperator,BlockStatement: past the end the code below adds the same range and reads nothing more.
      if (i >= s.length) {
        this.addToSet(val, end, 1);
        return;
      }
      // Stryker disable next-line ConditionalExpression,LogicalOperator,StringLiteral: readNumber on a non-digit returns the end and position unchanged.
      if (s[i]! >= '0' && s[i]! <= '9') {
        const v = this.readNumber(end, s, i);
        end = v.value;
        i = v.pos;
      }
      // Stryker disable next-line ConditionalExpression,EqualityOperator: past the end s[i] is undefined, not '/'.
      if (i < s.length && s[i] === '/') {
        i++;
        let step = this.digit(s, i);
        i++;
        // Stryker disable next-line ConditionalExpression,EqualityOperator,LogicalOperator,StringLiteral: readNumber on a non-digit returns the step unchanged; past the end s[i] is undefined.
        if (i < s.length && s[i]! >= '0' && s[i]! <= '9') {
          const v = this.readNumber(step, s, i);
          step = v.value;
          i = v.pos;
        }
        // Quartz does not range-check a step that follows a range; a step of 0 keeps only the start.
        this.addToSet(val, end, step);
        if (step === 0) this.zeroStep(String(val));
        this.ignoreFrom(s, i);
        return;
      }
      this.addToSet(val, end, 1);
      this.ignoreFrom(s, i); // '1-5X' is '1-5'
      return;
    }
    if (c === '/') {
      if (i + 1 >= s.length) this.fail("'/' must be followed by a number", 'For example 0/15.');
      i++;
      let step = this.digit(s, i);
      i++;
      if (i < s.length) {
        const d = s[i] as string;
        if (d < '0' || d > '9') this.fail(`unexpected '${this.raw(i, i + 1)}' after '/' in '${this.raw()}'`, 'The step must be a whole number.');
        const v = this.readNumber(step, s, i);
        step = v.value;
        i = v.pos;
      }
      this.checkIncrement(step);
      this.addToSet(val, -1, step);
      if (step === 0) this.zeroStep(String(val));
      this.ignoreFrom(s, i); // '0/15X' is '0/15'
      return;
    }
    // Anything else after a number is ignored by Quartz ("5X" = 5).
    // Stryker disable next-line UnaryOperator: with no step only the value is added, and an end of 1 is in range for every field.
    this.addToSet(val, -1, 0);
    this.ignoreFrom(s, i);
  }
}
