// The editor's token-age warning: shown from two weeks before the API token expires, with the renewal steps.
import type { TokenAge } from '@shared/ipc/channels/connections';
import { RENEW_STEPS, expiryWords } from './token-ages';

export function TokenAgeNote({ age }: { age: TokenAge | undefined }) {
  if (!age?.warn) return null;
  const since = new Date(age.since).toLocaleDateString();
  const how = age.source === 'server' ? `issued on ${since} (the server says)` : `saved here on ${since}`;
  return (
    <p className="warning token-age-note" role="alert">
      This API token {expiryWords(age)} (API tokens live 90 days; this one was {how}). {RENEW_STEPS}
    </p>
  );
}
