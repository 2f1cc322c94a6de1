// Where the renderer is served from (app://renderer/, see src-main/protocol.ts), and which page URLs count
// as the app's own: IPC senders and navigations are checked against this.
export const APP_SCHEME = 'app';
export const APP_HOST = 'renderer';
export const APP_ORIGIN = `${APP_SCHEME}://${APP_HOST}`;
export const APP_INDEX_URL = `${APP_ORIGIN}/index.html`;

/**
 * True for a page of the app itself (app://renderer/...), or of the Vite dev server in development.
 * Compares scheme and host, not URL.origin: Node's URL (which Electron's main process uses) gives every
 * custom scheme the opaque origin "null", so an origin check would refuse the app's own page.
 */
export function isTrustedUrl(raw: string, devUrl: string | null): boolean {
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    return false;
  }
  if (url.protocol === `${APP_SCHEME}:`) return url.host === APP_HOST && url.username === '' && url.password === '';
  // Stryker disable next-line ConditionalExpression: new URL(null) throws, which answers false below too.
  if (devUrl === null) return false;
  try {
    const devOrigin = new URL(devUrl).origin;
    // A dev URL without an origin of its own (file:, data:, a custom scheme: Node says "null") matches no
    // page: "null" would equal the opaque origin of about:blank, of any data: page and of any file.
    return devOrigin !== 'null' && url.origin === devOrigin;
  } catch {
    return false;
  }
}
