// The renderer's Content-Security-Policy: only the app's own scripts, no inline script, no eval, no
// frames, no plugins, no network except the app's own origin (the renderer reaches AtScale only via IPC).
// Inline styles are allowed: React style props and the renderer's meta CSP need them; they cannot run code.
export const CONTENT_SECURITY_POLICY =
  "default-src 'none'; script-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data:; font-src 'self'; " +
  "connect-src 'self'; object-src 'none'; frame-src 'none'; worker-src 'none'; base-uri 'none'; form-action 'none'; frame-ancestors 'none'";

/** Development only (ELECTRON_RENDERER_URL): Vite's dev server needs its websocket and React refresh preamble. */
export function developmentCsp(devOrigin: string): string {
  // Stryker disable next-line Regex: an origin starts with its scheme, so the first "http" is at its start anyway.
  const ws = devOrigin.replace(/^http/, 'ws');
  return (
    `default-src 'none'; script-src 'self' 'unsafe-inline' ${devOrigin}; style-src 'self' 'unsafe-inline' ${devOrigin}; ` +
    `img-src 'self' data: ${devOrigin}; font-src 'self' ${devOrigin}; connect-src 'self' ${devOrigin} ${ws}; object-src 'none'; ` +
    "frame-src 'none'; worker-src 'none'; base-uri 'none'; form-action 'none'; frame-ancestors 'none'"
  );
}

/** Only https links leave the app (to the system browser); anything else is refused. An https URL always has a host. */
export function externalHttpsUrl(raw: string): string | null {
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    return null;
  }
  if (url.protocol !== 'https:' || url.username || url.password) return null;
  return url.toString();
}
