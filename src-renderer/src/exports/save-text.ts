// Saving an export: the desktop app's save dialog (files:save), or, where there is none (the browser
// version), a download of the text as a Blob.
import { call } from '../api-client';

export type SaveOutcome = { how: 'saved'; path: string } | { how: 'downloaded'; name: string } | { how: 'cancelled' };

const TYPES: Record<string, string> = { ics: 'text/calendar;charset=utf-8', csv: 'text/csv;charset=utf-8' };

export function download(name: string, text: string): void {
  const type = TYPES[name.split('.').pop() ?? ''] ?? 'text/plain;charset=utf-8';
  const url = URL.createObjectURL(new Blob([text], { type }));
  const a = document.createElement('a');
  a.href = url;
  a.download = name;
  a.rel = 'noopener';
  document.body.append(a);
  a.click();
  a.remove();
  // The download has started once click() returns; the URL is released a moment later.
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}

export async function saveText(suggestedName: string, text: string): Promise<SaveOutcome> {
  const answer = await call('files:save', { suggestedName, text });
  if (answer.status === 'saved') return { how: 'saved', path: answer.path };
  if (answer.status === 'cancelled') return { how: 'cancelled' };
  download(suggestedName, text);
  return { how: 'downloaded', name: suggestedName };
}
