// Small wording helpers shared by banners and notes.

/** Drops a trailing full stop so a reason can sit inside a sentence. */
export function clause(text: string): string {
  return text.trim().replace(/[.\s]+$/, '');
}
