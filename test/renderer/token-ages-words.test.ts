// How the sidebar and the editor word an API token's age: days left, tomorrow, today, days since expiry,
// and the steps to renew it.
import { describe, expect, it } from 'vitest';
import type { TokenAge } from '@shared/ipc/channels/connections';
import { RENEW_STEPS, expiryWords } from '@renderer/profiles/token-ages';

const age = (daysLeft: number): TokenAge => ({
  profileId: 'p1',
  since: '2026-09-01T00:00:00.000Z',
  source: 'saved',
  expiresAt: '2026-11-30T00:00:00.000Z',
  daysLeft,
  warn: daysLeft <= 14,
});

describe('expiryWords', () => {
  it.each([
    [90, 'expires in 90 days'],
    [2, 'expires in 2 days'],
    [1, 'expires tomorrow'],
    [0, 'expires today'],
    [-1, 'expired 1 day ago'],
    [-2, 'expired 2 days ago'],
    [-30, 'expired 30 days ago'],
  ])('%i days left reads "%s"', (daysLeft, words) => {
    expect(expiryWords(age(daysLeft))).toBe(words);
  });
});

describe('RENEW_STEPS', () => {
  it('says where in Design Center a new token is made and where to put it', () => {
    expect(RENEW_STEPS).toBe(
      'To renew it: in Design Center open the profile menu (top right) > API Token, create a new token, and paste it here as the API token.',
    );
  });
});
