// The text cronstrue is given: the expression as Quartz reads it, so the words follow what the server
// will do. Text Quartz skips ('*2100' is '*', '?L' is '?'), a step of 0 ('52/0' is '52'), a bare step
// ('/19' is '*/19') and a list holding '*' or '?' (Quartz then ignores the rest of the list) are written
// the way Quartz reads them; anything else is left as typed, so steps and ranges keep their words.
import { QUARTZ_FIELDS } from './fields';
import { quartzTokens } from './fields';
import { parseQuartzDetail, type ParseDetail } from './parse';

function readField(token: string, index: number, detail: ParseDetail): string {
  const field = QUARTZ_FIELDS[index]?.field;
  const parts: string[] = [];
  for (const part of token.split(',')) {
    const note = detail.notes.find((n) => n.field === field && n.part === part);
    const read = note ? note.read : part;
    if (read === '') continue;
    parts.push(read.startsWith('/') ? `*${read}` : read);
  }
  if (parts.length === 0) return token;
  if (parts.includes('?')) return '?';
  if (parts.includes('*')) return '*';
  return parts.join(',');
}

/** The expression as Quartz reads it, for wording; unchanged when Quartz rejects it. */
export function quartzReading(expression: string): string {
  let detail: ParseDetail;
  try {
    detail = parseQuartzDetail(expression);
  } catch {
    return expression;
  }
  return quartzTokens(expression)
    .slice(0, 7)
    .map((token, i) => readField(token, i, detail))
    .join(' ');
}
