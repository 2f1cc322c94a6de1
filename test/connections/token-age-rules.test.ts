// A token's age from what is known: the server's issue date wins over the date it was saved here, an
// expiry the server gave counts only beside its issue date, and the warning starts exactly two weeks out.
import { describe, expect, it } from 'vitest';
import { API_TOKEN_DAYS, tokenAgeOf } from '@core/connections/token-dates';

const DAY = 86_400_000;
const now = new Date('2026-03-01T12:00:00.000Z');
const ago = (days: number): string => new Date(now.getTime() - days * DAY).toISOString();
const ahead = (days: number): string => new Date(now.getTime() + days * DAY).toISOString();

describe('token age rules', () => {
  it("takes the server's issue date and expiry over the date it was saved here", () => {
    expect(tokenAgeOf('p', { savedAt: ago(1), issuedAt: ago(30), expiresAt: ahead(20) }, now)).toEqual({
      profileId: 'p',
      since: ago(30),
      source: 'server',
      expiresAt: ahead(20),
      daysLeft: 20,
      warn: false,
    });
  });

  it('counts 90 days from the issue date when the server gave no expiry', () => {
    expect(tokenAgeOf('p', { issuedAt: ago(30) }, now)).toMatchObject({ source: 'server', expiresAt: ahead(API_TOKEN_DAYS - 30), daysLeft: 60 });
  });

  it('ignores an expiry without an issue date, counting from the date saved', () => {
    expect(tokenAgeOf('p', { savedAt: ago(10), expiresAt: ahead(1) }, now)).toMatchObject({ source: 'saved', since: ago(10), expiresAt: ahead(80) });
  });

  it('warns from exactly fourteen days left, and counts whole days down', () => {
    expect(tokenAgeOf('p', { issuedAt: ago(1), expiresAt: ahead(14) }, now)).toMatchObject({ daysLeft: 14, warn: true });
    expect(tokenAgeOf('p', { issuedAt: ago(1), expiresAt: new Date(now.getTime() + 14 * DAY + 1).toISOString() }, now)).toMatchObject({
      daysLeft: 14,
      warn: false,
    });
    expect(tokenAgeOf('p', { issuedAt: ago(1), expiresAt: new Date(now.getTime() + DAY - 1).toISOString() }, now)?.daysLeft).toBe(0);
    expect(tokenAgeOf('p', {}, now)).toBeNull();
  });
});
