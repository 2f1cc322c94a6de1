// Default AtScale URLs from one host name: installer deployments answer the engine API on :10502 and
// Design Center (password sign-in) on :10500. Used by the profile form and by main (demo, import).

export const DEFAULT_API_PORT = 10502;
export const DEFAULT_DESIGN_CENTER_PORT = 10500;

export interface DefaultUrls {
  apiUrl: string;
  authUrl: string;
}

/**
 * `atscale.example.com`, `https://atscale.example.com` or `http://localhost:9000` -> both URLs on the
 * default ports of that host. An explicit port in the input is ignored (the two services differ in port).
 * Returns null when the input has no usable host name.
 */
export function defaultUrlsFromHost(input: string, scheme: 'https' | 'http' = 'https'): DefaultUrls | null {
  const trimmed = input.trim();
  if (trimmed === '') return null;
  const match = /^(?:(https?):\/\/)?([^/:?#\s]+|\[[0-9a-fA-F:.]+\])(?::\d+)?(?:[/?#].*)?$/i.exec(trimmed);
  if (!match) return null;
  const host = match[2];
  if (!host || !/^(\[[0-9a-fA-F:.]+\]|[A-Za-z0-9]([A-Za-z0-9.-]*[A-Za-z0-9])?)$/.test(host)) return null;
  const proto = (match[1]?.toLowerCase() as 'https' | 'http' | undefined) ?? scheme;
  return {
    apiUrl: `${proto}://${host}:${DEFAULT_API_PORT}`,
    authUrl: `${proto}://${host}:${DEFAULT_DESIGN_CENTER_PORT}`,
  };
}

/** The host name of a URL, or null when it does not parse (for showing "which server" in the UI). */
export function hostOf(url: string): string | null {
  const match = /^https?:\/\/([^/:?#\s]+|\[[0-9a-fA-F:.]+\])/i.exec(url.trim());
  return match?.[1] ?? null;
}

const URL_PARTS = /^([a-z][a-z0-9+.-]*):\/\/(?:[^@/?#]*@)?(\[[^\]/?#]*\]|[^:/?#]*)(?::(\d*))?(?:[/?#]|$)/i;
const DEFAULT_PORTS: Record<string, string> = { https: '443', http: '80' };

/**
 * Which server (engine) a profile talks to: `host:port` of its API URL, lower case, with the scheme's
 * default port made explicit (user info dropped). Orgs with the same key share one engine's hardware and
 * connection budget. Unparsable input comes back trimmed and lower-cased.
 */
export function serverKeyOf(apiUrl: string): string {
  const trimmed = apiUrl.trim();
  const m = URL_PARTS.exec(trimmed);
  if (!m || !m[2]) return trimmed.toLowerCase();
  const scheme = (m[1] as string).toLowerCase();
  const port = m[3] ? String(Number(m[3])) : (DEFAULT_PORTS[scheme] ?? '');
  return `${m[2].toLowerCase()}:${port}`;
}
