// Which engine a profile talks to: the API URL's host and port. Orgs on one engine share its hardware, so
// this key groups the load views, the overlap checks and the slot search.

const URL_PARTS = /^([a-z][a-z0-9+.-]*):\/\/(?:[^@/?#]*@)?(\[[^\]/?#]*\]|[^:/?#]*)(?::(\d*))?(?:[/?#]|$)/i;
const DEFAULT_PORTS: Record<string, string> = { https: '443', http: '80' };

/** `https://AtScale.example.com/api` -> `atscale.example.com:443`; unparsable input comes back trimmed and lowercased. */
export function serverKeyOf(apiUrl: string): string {
  const trimmed = apiUrl.trim();
  const m = URL_PARTS.exec(trimmed);
  if (!m || !m[2]) return trimmed.toLowerCase();
  const scheme = (m[1] as string).toLowerCase();
  const port = m[3] ? String(Number(m[3])) : (DEFAULT_PORTS[scheme] ?? '');
  return `${m[2].toLowerCase()}:${port}`;
}
