// App-wide hardening, applied before any window exists: CSP header, deny-by-default permissions, no
// navigation, no new windows, no webviews, external links only https through the system browser.
import { app, shell, type Session, type WebContents } from 'electron';
import { isTrustedUrl } from '@core/web/app-origin';
import { developmentCsp, externalHttpsUrl } from '@core/web/csp';

export function hardenSession(session: Session, devUrl: string | null): void {
  // Deny every permission (camera, notifications, geolocation, ...): the app needs none.
  session.setPermissionRequestHandler((_contents, _permission, callback) => callback(false));
  session.setPermissionCheckHandler(() => false);
  session.setDevicePermissionHandler(() => false);

  // CSP as a header for every response (also app:// and file loads), on top of the page's meta tag.
  if (devUrl) {
    const policy = developmentCsp(new URL(devUrl).origin);
    session.webRequest.onHeadersReceived((details, callback) => {
      callback({ responseHeaders: { ...details.responseHeaders, 'Content-Security-Policy': [policy] } });
    });
  } else {
    // The literal is core/web/csp.ts's CONTENT_SECURITY_POLICY (a test keeps them equal); written out so
    // Electronegativity can read and evaluate it.
    session.webRequest.onHeadersReceived((details, callback) => {
      callback({
        responseHeaders: {
          ...details.responseHeaders,
          'Content-Security-Policy': [
            "default-src 'none'; script-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data:; font-src 'self'; connect-src 'self'; object-src 'none'; frame-src 'none'; worker-src 'none'; base-uri 'none'; form-action 'none'; frame-ancestors 'none'",
          ],
        },
      });
    });
  }
}

/** Opens an https link in the system browser; anything else (file:, javascript:, http:) is refused. */
export function openExternalHttps(raw: string): void {
  const url = externalHttpsUrl(raw);
  if (url === null) return;
  // The URL was parsed and checked just above: https only, no credentials.
  void shell.openExternal(url); // eng-disable OPEN_EXTERNAL_JS_CHECK
}

/** Every web contents the app ever creates: no navigation away, no popups, no webviews. */
export function hardenAllWebContents(devUrl: string | null): void {
  app.on('web-contents-created', (_event, contents: WebContents) => {
    contents.on('will-navigate', (event) => {
      if (!isTrustedUrl(event.url, devUrl)) event.preventDefault();
    });
    contents.on('will-redirect', (event) => {
      if (!isTrustedUrl(event.url, devUrl)) event.preventDefault();
    });
    contents.on('will-attach-webview', (event) => event.preventDefault());
    contents.setWindowOpenHandler(({ url }) => {
      openExternalHttps(url);
      return { action: 'deny' };
    });
  });
}
