/**
 * The window's security settings, from one pure function so a unit test can check them,
 * and the handlers that deny navigation, new windows, webviews and permission requests.
 */
import type { BrowserWindowConstructorOptions, Session, WebContents } from 'electron';

export interface WindowInput {
  preload: string;
  icon: string;
  dark: boolean;
}

/** The main window's options: sandboxed, isolated, no Node, no webviews. */
export function windowOptions({
  preload,
  icon,
  dark,
}: WindowInput): BrowserWindowConstructorOptions {
  return {
    width: 1280,
    height: 820,
    minWidth: 960,
    minHeight: 600,
    title: 'Balise',
    show: false,
    backgroundColor: dark ? '#1a1b1e' : '#ffffff',
    icon,
    webPreferences: {
      preload, // eng-disable PRELOAD_JS_CHECK: one function, invoke(route, input), reviewed in src/preload/index.ts
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      nodeIntegrationInSubFrames: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      webviewTag: false,
      experimentalFeatures: false,
      disableBlinkFeatures: 'Auxclick',
      navigateOnDragDrop: false,
      spellcheck: true,
      safeDialogs: true,
    },
  };
}

/**
 * The Content-Security-Policy every response of the app carries. The page carries it too, in a
 * meta tag the renderer build writes from `metaContentSecurityPolicy` (electron.vite.config.ts).
 */
export const CONTENT_SECURITY_POLICY = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self' 'unsafe-inline'",
  "img-src 'self' data: blob:",
  "font-src 'self' data:",
  "connect-src 'self'",
  "object-src 'none'",
  "base-uri 'none'",
  "form-action 'none'",
  "frame-ancestors 'none'",
].join('; ');

/** The same policy for a meta tag, where frame-ancestors is not allowed (Chromium logs an error). */
export const metaContentSecurityPolicy = () =>
  CONTENT_SECURITY_POLICY.split('; ')
    .filter((d) => !d.startsWith('frame-ancestors'))
    .join('; ');

/** Whether a URL is the app's own page (the packaged file, or the dev server in development). */
export function isAppUrl(url: string, appUrl: string): boolean {
  try {
    const target = new URL(url);
    const app = new URL(appUrl);
    if (app.protocol === 'file:')
      return target.protocol === 'file:' && target.pathname === app.pathname;
    return target.origin === app.origin;
  } catch {
    return false;
  }
}

/** Links to the web (e.g. a structure's website) open in the system browser, never in the app. */
export function isExternalWebUrl(url: string): boolean {
  try {
    const u = new URL(url);
    return u.protocol === 'https:' || u.protocol === 'http:' || u.protocol === 'mailto:';
  } catch {
    return false;
  }
}

export interface SecurityHooks {
  openExternal(url: string): void;
}

/** Denies everything a page could use to escape: navigation, new windows, webviews, permissions. */
export function applyContentSecurity(
  contents: WebContents,
  appUrl: string,
  hooks: SecurityHooks,
): void {
  contents.on('will-navigate', (event, url) => {
    if (!isAppUrl(url, appUrl)) event.preventDefault();
  });
  contents.on('will-redirect', (event, url) => {
    if (!isAppUrl(url, appUrl)) event.preventDefault();
  });
  contents.on('will-attach-webview', (event) => event.preventDefault());
  contents.setWindowOpenHandler(({ url }) => {
    if (isExternalWebUrl(url)) hooks.openExternal(url); // eng-disable OPEN_EXTERNAL_JS_CHECK: scheme checked just before
    return { action: 'deny' };
  });
}

export function applySessionSecurity(session: Session): void {
  session.setPermissionRequestHandler((_contents, _permission, callback) => callback(false));
  session.setPermissionCheckHandler(() => false);
  session.webRequest.onHeadersReceived((details, callback) => {
    // Electronegativity's CSP_GLOBAL_CHECK only remarks that script-src 'self' is risky when the
    // origin serves JSONP or uploaded files; this origin is the app's own integrity-checked files.
    callback({
      responseHeaders: /* eng-disable CSP_GLOBAL_CHECK */ {
        ...details.responseHeaders,
        'Content-Security-Policy': [CONTENT_SECURITY_POLICY],
      },
    });
  });
}
