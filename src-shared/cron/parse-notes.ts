// What the parser tells the linter besides the value sets, and how messages quote what was typed.
import type { QuartzField } from './fields';

/** Messages quote at most this much of what was typed. */
const QUOTE_MAX = 40;

/** The user's text for a message: at most QUOTE_MAX characters, cut with an ellipsis. */
export function excerpt(text: string): string {
  return text.length > QUOTE_MAX ? `${text.slice(0, QUOTE_MAX - 1)}…` : text;
}

/** Something Quartz accepts but reads differently from how it was typed, in one comma-separated part. */
export interface ParseNote {
  readonly kind: 'ignored' | 'zero-step';
  readonly field: QuartzField;
  /** The part as typed, e.g. 'MON–FRI', '5X', '0/0'. */
  readonly part: string;
  /** What Quartz takes from it: the text it read ('MON'), or for a zero step the value it means ('0', '*'). */
  readonly read: string;
  /** The typed text it skipped ('–FRI'); '' for a zero step. */
  readonly ignored: string;
}
