// Default AtScale URLs from one host name: installer deployments answer the engine API on :10502 and
// Design Center (password sign-in) on :10500. Used by the profile form and by main (demo, import).

export const DEFAULT_API_PORT = 10502;
export const DEFAULT_DESIGN_CENTER_PORT = 10500;

export interface DefaultUrls {
  apiUrl: string;
  authUrl: string;
}

/** A host as typed, split into its parts; port and path are null when not typed. */
export interface TypedHost {
  scheme: 'https' | 'http';
  /** Whether the scheme was typed (otherwise it is the default given). */
  schemeTyped: boolean;
  host: string;
  port: number | null;
  /** e.g. '/engine' (no trailing slash), or null. */
  path: string | null;
}

/**
 * `atscale.example.com`, `https://atscale.example.com:8443/engine` or `[::1]:9000` -> its parts.
 * Returns null when the input has no usable host name or an impossible port.
 */
export function parseTypedHost(input: string, scheme: 'https' | 'http' = 'https'): TypedHost | null {
  const trimmed = input.trim();
  if (trimmed === '') return null;
  const match = /^(?:(https?):\/\/)?([^/:?#\s[\]]+|\[[0-9a-fA-F:.]+\])(?::(\d{1,5}))?(\/[^?#\s]*)?(?:[?#]\S*)?$/i.exec(trimmed);
  if (!match) return null;
  const host = match[2];
  if (!host || !/^(\[[0-9a-fA-F:.]+\]|[A-Za-z0-9]([A-Za-z0-9.-]*[A-Za-z0-9])?)$/.test(host)) return null;
  const port = match[3] === undefined ? null : Number(match[3]);
  if (port !== null && (port < 1 || port > 65535)) return null;
  const rawPath = (match[4] ?? '').replace(/\/+$/, '');
  return {
    scheme: (match[1]?.toLowerCase() as 'https' | 'http' | undefined) ?? scheme,
    schemeTyped: match[1] !== undefined,
    host,
    port,
    path: rawPath === '' ? null : rawPath,
  };
}

/**
 * Both URLs from one typed host. What is typed is kept and defaults only fill what is missing: a typed
 * port and path belong to the engine API (`atscale.example.com:8443` -> `https://atscale.example.com:8443`);
 * Design Center is a separate service, so it stays on its default port 10500 of the same host.
 * Returns null when the input has no usable host name.
 */
export function defaultUrlsFromHost(input: string, scheme: 'https' | 'http' = 'https'): DefaultUrls | null {
  const typed = parseTypedHost(input, scheme);
  if (!typed) return null;
  const base = `${typed.scheme}://${typed.host}`;
  return {
    apiUrl: `${base}:${typed.port ?? DEFAULT_API_PORT}${typed.path ?? ''}`,
    authUrl: `${base}:${DEFAULT_DESIGN_CENTER_PORT}`,
  };
}

const URL_PARTS = /^([a-z][a-z0-9+.-]*):\/\/(?:[^@/?#]*@)?(\[[^\]/?#]*\]|[^:/?#]*)(?::(\d*))?(?:[/?#]|$)/i;
const DEFAULT_PORTS: Record<string, string> = { https: '443', http: '80' };

/**
 * Which server (engine) a profile talks to: `host:port` of its API URL, lower case, with the scheme's
 * default port made explicit (`https://AtScale.example.com/api` -> `atscale.example.com:443`). Orgs with
 * the same key share one engine's hardware and connection budget; unparsable input comes back trimmed
 * and lower-cased.
 */
export function serverKeyOf(apiUrl: string): string {
  const trimmed = apiUrl.trim();
  const m = URL_PARTS.exec(trimmed);
  if (!m || !m[2]) return trimmed.toLowerCase();
  const scheme = (m[1] as string).toLowerCase();
  const port = m[3] ? String(Number(m[3])) : (DEFAULT_PORTS[scheme] ?? '');
  return `${m[2].toLowerCase()}:${port}`;
}
