// After the server accepted a write, a local record that cannot be written is a warning on the success
// and a data problem, never an error; the other records are still written.
import { describe, expect, it } from 'vitest';
import type { DataProblem } from '@shared/ipc';
import { afterServerWrite, type LocalEffect } from '@core/schedules/write-effects';
import { createRedactor } from '@core/errors';

const at = new Date('2026-11-30T10:00:00Z');

function deps() {
  const problems: DataProblem[] = [];
  return { problems, deps: { redact: createRedactor(() => ['hunter22']), now: () => at, reportProblem: (p: DataProblem) => problems.push(p) } };
}

describe('afterServerWrite', () => {
  it('answers no warning and reports nothing when every record was written', async () => {
    const { problems, deps: d } = deps();
    const ran: string[] = [];
    const effects: LocalEffect[] = ['a', 'b'].map((what) => ({ what, file: `${what}.json`, run: async () => void ran.push(what) }));
    expect(await afterServerWrite(d, 'Created on the server', effects)).toBeNull();
    expect(ran).toEqual(['a', 'b']);
    expect(problems).toEqual([]);
  });

  it('names each record that failed, keeps writing the others, and lists each as a data problem', async () => {
    const { problems, deps: d } = deps();
    const ran: string[] = [];
    const effects: LocalEffect[] = [
      { what: 'the local audit record', file: 'audit.jsonl', run: () => Promise.reject(new Error('ENOSPC: no space hunter22\nstack line')) },
      { what: 'the offline copy', file: 'snapshots/p.json', run: async () => void ran.push('snapshot') },
      { what: 'the third', file: 'third.json', run: () => Promise.reject('EACCES') },
    ];
    const warning = await afterServerWrite(d, 'Deleted on the server', effects);
    expect(ran).toEqual(['snapshot']);
    expect(warning).toBe(
      'Deleted on the server, but the local audit record could not be written: ENOSPC: no space *** Deleted on the server, but the third could not be written: EACCES',
    );
    expect(problems).toEqual([
      {
        file: 'audit.jsonl',
        movedTo: null,
        reason:
          'Deleted on the server, but the local audit record could not be written (ENOSPC: no space ***). Check that the data folder is writable and the disk is not full.',
        at: at.toISOString(),
      },
      expect.objectContaining({ file: 'third.json', reason: expect.stringContaining('(EACCES)') }),
    ]);
  });

  it('quotes at most 300 characters of the cause', async () => {
    const { deps: d } = deps();
    const warning = await afterServerWrite(d, 'Created', [{ what: 'x', file: 'x', run: () => Promise.reject(new Error('e'.repeat(400))) }]);
    expect(warning).toBe(`Created, but x could not be written: ${'e'.repeat(300)}`);
  });
});
