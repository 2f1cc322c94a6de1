// The one rule after a write failed, as the user reads its outcome: a refused input is passed on with
// nothing audited or re-listed; a lost answer the re-list cannot settle quotes the cause as a clause;
// a write the re-list shows undone keeps the kind of its failure.
import { describe, expect, it } from 'vitest';
import type { Schedule } from '@shared/domain';
import { AppFailure } from '@core/errors';
import { settleLostWrite, type LostWrite } from '@core/schedules/lost-answer';

function write(after: Schedule[] | null) {
  const calls: string[] = [];
  const audited: unknown[] = [];
  const w: LostWrite<string> = {
    verb: 'created',
    notDone: 'it was not created',
    whenUnknown: 'Refresh before trying again.',
    notDoneResolution: 'not created (re-list)',
    relist: async () => {
      calls.push('relist');
      return after;
    },
    settled: () => null,
    recordFailure: async (outcome) => void audited.push(outcome),
  };
  return { w, calls, audited };
}
/** A reset after the request was written, or a server that went silent: either may have acted. */
const lost = (message: string, kind = 'network') =>
  Object.assign(new Error(message), kind === 'timeout' ? { kind, step: 'response' } : { kind, code: 'ECONNRESET', step: 'connect' });

describe('settling a failed write', () => {
  it('passes a refused input on untouched: nothing re-listed, nothing audited', async () => {
    const { w, calls, audited } = write([]);
    const refused = new AppFailure('invalid-input', 'The expression is not valid.');
    await expect(settleLostWrite(refused, w)).rejects.toBe(refused);
    expect(calls).toEqual([]);
    expect(audited).toEqual([]);
  });

  it('quotes a lost answer as a clause: no surrounding spaces, no closing periods', async () => {
    const { w, audited } = write(null);
    const cause = '  The connection to h.example.com failed (ECONNRESET: socket hang up). Check the network. . ';
    await expect(settleLostWrite(lost(cause), w)).rejects.toMatchObject({
      kind: 'outcome-unknown',
      message:
        'The server may have created it: the answer was lost (The connection to h.example.com failed (ECONNRESET: socket hang up). Check the network). Refresh before trying again.',
    });
    expect(audited).toEqual([{ outcome: 'unknown', error: cause, resolution: 'unresolved' }]);
  });

  it('keeps the kind of a failure the re-list shows undone', async () => {
    const { w, audited } = write([]);
    await expect(settleLostWrite(lost('No answer within 5 s.', 'timeout'), w)).rejects.toMatchObject({
      kind: 'timeout',
      message: 'No answer within 5 s. The re-list shows it was not created, so it is safe to try again.',
    });
    expect(audited).toEqual([{ outcome: 'failed', error: 'No answer within 5 s.', resolution: 'not created (re-list)' }]);
  });
});
