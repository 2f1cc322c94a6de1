// The server time zone of a profile must be one the engine (and Intl) knows.
import { AppFailure, quote } from '@core/errors';

export function assertTimeZone(zone: string): void {
  try {
    new Intl.DateTimeFormat('en', { timeZone: zone });
  } catch {
    throw new AppFailure(
      'invalid-input',
      `Server time zone ${quote(zone)} is not a known IANA time zone. Use a name such as UTC, Europe/Berlin or America/New_York.`,
    );
  }
}
