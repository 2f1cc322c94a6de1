// A validation the engine cannot complete still answers with a message for the form, never an
// exception that would blank the screen.
import { describe, expect, it, vi } from 'vitest';
import { validate } from '@renderer/common/schedule-info';
import type * as Cron from '@shared/cron';

vi.mock('@shared/cron', async (importOriginal) => ({
  ...(await importOriginal<typeof Cron>()),
  validateQuartz: () => {
    throw new Error('engine stopped');
  },
}));

describe('validation when the engine fails', () => {
  it('reports the whole expression as invalid with the engine message', () => {
    expect(validate('0 0 4 ? * *')).toEqual({ ok: false, field: 'expression', message: 'engine stopped' });
  });
});
