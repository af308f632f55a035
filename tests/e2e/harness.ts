/**
 * The end-to-end harness: Balise's renderer in Debian's Chromium, without an Electron binary.
 *
 * - A real Session (real encryption, real migrations) lives in a fresh temporary folder.
 * - A loopback HTTP server (127.0.0.1, random port) serves the *built* renderer from
 *   out/renderer and answers `POST /__balise/invoke` by calling the very same router as the
 *   main process: `dispatch(handlers, { session }, route, input)`. The endpoint answers only
 *   requests carrying this run's random token (403 otherwise).
 * - Chromium is driven by playwright-core (`/usr/bin/chromium`, never a downloaded browser),
 *   with a fresh empty profile. An init script, run before any page script, defines
 *   `window.api.invoke(route, input)` over that endpoint: it stands in for the Electron
 *   preload, which exposes exactly that one function.
 *
 * The renderer must be built first. `npm test` runs `npm run build` before vitest; on its own:
 *
 *     npx electron-vite build && npx vitest run --project e2e
 *
 * The harness fails with a clear message when out/renderer/index.html is missing, and warns
 * when a renderer source file is newer than the build (the test would exercise stale code).
 */
import { randomBytes, timingSafeEqual } from 'node:crypto';
import {
  existsSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
  statSync,
} from 'node:fs';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { extname, join, normalize, resolve, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium, type BrowserContext, type Page } from 'playwright-core';
import { handlers } from '../../src/main/ipc/handlers';
import { dispatch } from '../../src/main/ipc/router';
import { Session } from '../../src/main/session';
import type { Argon2Params } from '../../src/main/vault/keys';
import { CONTENT_SECURITY_POLICY } from '../../src/main/window/security';
import type { RouteInput, RouteName, RouteOutput } from '../../src/shared/api/contract';
import type { Result } from '../../src/shared/result';
import { TEST_KDF } from '../support/constants';

export { TEST_KDF };

export const ROOT = fileURLToPath(new URL('../../', import.meta.url));
/** The built renderer; BALISE_OUT_DIR picks another build folder (`electron-vite build --outDir`). */
export const RENDERER_DIR = join(ROOT, process.env.BALISE_OUT_DIR ?? 'out', 'renderer');
export const SCREENSHOT_DIR = join(ROOT, 'test-results', 'screenshots');
export const CHROMIUM = '/usr/bin/chromium';
export const INVOKE_PATH = '/__balise/invoke';
export const TOKEN_HEADER = 'x-balise-token';
export const VIEWPORT = { width: 1280, height: 800 };

/** The same flags on every run: no network chatter, no GPU, no first-run UI. */
export const CHROMIUM_ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

const CONTENT_TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.map': 'application/json; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.jpeg': 'image/jpeg',
  '.gif': 'image/gif',
  '.webp': 'image/webp',
  '.ico': 'image/x-icon',
  '.woff': 'font/woff',
  '.woff2': 'font/woff2',
  '.ttf': 'font/ttf',
  '.otf': 'font/otf',
  '.txt': 'text/plain; charset=utf-8',
  '.wasm': 'application/wasm',
};

const MAX_BODY = 5 * 1024 * 1024;

export interface HarnessOptions {
  /**
   * Key-derivation cost. Defaults to the app's real cost (about 0.4 s per derivation);
   * pass TEST_KDF for speed where the vault is not what is under test.
   */
  kdf?: Argon2Params;
  /** Colour scheme the page sees (prefers-color-scheme). Light by default, for screenshots. */
  colorScheme?: 'light' | 'dark';
  /** Open the app's URL at once (default true). */
  open?: boolean;
}

export interface Harness {
  page: Page;
  context: BrowserContext;
  /** The app's address, e.g. http://127.0.0.1:41234/ */
  url: string;
  session: Session;
  /** The temporary folder: `vault/` and `demo/` inside. */
  dir: string;
  /** This run's token (the init script already carries it). */
  token: string;
  /** Errors the page threw, and console errors (CSP violations, failed requests, React warnings). */
  pageErrors: string[];
  consoleErrors: string[];
  /** Requests the harness refused because they left the loopback server (the app must work offline). */
  blockedRequests: string[];
  /** The routes the page called, in order. */
  calls: string[];
  /** Calls a route through the real router, as the renderer does (for setup and checks). */
  invoke<R extends RouteName>(route: R, input: RouteInput<R>): Promise<Result<RouteOutput<R>>>;
  /**
   * Saves test-results/screenshots/<name>.png (1280×800 viewport); returns the file path.
   * Passing notifications are hidden unless `keepNotifications`; `dark` shoots in dark mode.
   */
  screenshot(
    name: string,
    options?: { fullPage?: boolean; dark?: boolean; keepNotifications?: boolean },
  ): Promise<string>;
  close(): Promise<void>;
}

/** Throws a clear message when the renderer has not been built; warns when the build is stale. */
export function assertRendererBuilt(): void {
  const index = join(RENDERER_DIR, 'index.html');
  if (!existsSync(index)) {
    throw new Error(
      `The built renderer is missing (${index}).\n` +
        'The end-to-end tests run against the built app: run `npx electron-vite build` (or `npm run build`) ' +
        'first — `npm test` does it before vitest.',
    );
  }
  const built = statSync(index).mtimeMs;
  const newer = newestFile(join(ROOT, 'src', 'renderer'));
  if (newer && newer.mtime > built) {
    console.warn(
      `[e2e] ${newer.path} is newer than the renderer build: the tests run the old build. ` +
        'Run `npx electron-vite build` again.',
    );
  }
}

function newestFile(dir: string): { path: string; mtime: number } | null {
  if (!existsSync(dir)) return null;
  let best: { path: string; mtime: number } | null = null;
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    const found = entry.isDirectory() ? newestFile(path) : { path, mtime: statSync(path).mtimeMs };
    if (found && (!best || found.mtime > best.mtime)) best = found;
  }
  return best;
}

function send(res: ServerResponse, status: number, type: string, body: string | Buffer): void {
  res.writeHead(status, {
    'content-type': type,
    'cache-control': 'no-store',
    'content-security-policy': CONTENT_SECURITY_POLICY,
    'x-content-type-options': 'nosniff',
  });
  res.end(body);
}

function readBody(req: IncomingMessage): Promise<string> {
  return new Promise((resolveBody, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    req.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size > MAX_BODY) {
        reject(new Error('body too large'));
        req.destroy();
        return;
      }
      chunks.push(chunk);
    });
    req.on('end', () => resolveBody(Buffer.concat(chunks).toString('utf8')));
    req.on('error', reject);
  });
}

function tokenMatches(header: string | string[] | undefined, token: string): boolean {
  if (typeof header !== 'string') return false;
  const a = Buffer.from(header);
  const b = Buffer.from(token);
  return a.length === b.length && timingSafeEqual(a, b);
}

/** The loopback server: static files of the built renderer, and the invoke endpoint. */
export async function startServer(
  session: Session,
  token: string,
  calls: string[] = [],
): Promise<{ server: Server; url: string }> {
  const root = resolve(RENDERER_DIR);
  const server = createServer((req, res) => {
    void (async () => {
      const url = new URL(req.url ?? '/', 'http://127.0.0.1');
      if (url.pathname === INVOKE_PATH) {
        if (req.method !== 'POST') return send(res, 405, 'text/plain; charset=utf-8', 'POST only');
        if (!tokenMatches(req.headers[TOKEN_HEADER], token))
          return send(res, 403, 'text/plain; charset=utf-8', 'Forbidden');
        let payload: unknown;
        try {
          payload = JSON.parse(await readBody(req));
        } catch {
          return send(res, 400, 'text/plain; charset=utf-8', 'Bad JSON');
        }
        const { route, input } = (payload ?? {}) as { route?: unknown; input?: unknown };
        calls.push(String(route));
        const result = await dispatch(handlers, { session }, route, input);
        return send(res, 200, 'application/json; charset=utf-8', JSON.stringify(result));
      }
      if (req.method !== 'GET' && req.method !== 'HEAD')
        return send(res, 405, 'text/plain; charset=utf-8', 'GET only');
      let relative: string;
      try {
        relative = decodeURIComponent(url.pathname);
      } catch {
        return send(res, 400, 'text/plain; charset=utf-8', 'Bad path');
      }
      if (relative === '/' || relative === '') relative = '/index.html';
      const file = normalize(join(root, relative));
      if (file !== root && !file.startsWith(root + sep))
        return send(res, 403, 'text/plain; charset=utf-8', 'Forbidden');
      if (!existsSync(file) || !statSync(file).isFile())
        return send(res, 404, 'text/plain; charset=utf-8', 'Not found');
      const type = CONTENT_TYPES[extname(file).toLowerCase()] ?? 'application/octet-stream';
      return send(res, 200, type, readFileSync(file));
    })().catch((error: unknown) => {
      console.error('[e2e] server error', error);
      if (!res.headersSent) send(res, 500, 'text/plain; charset=utf-8', 'Internal error');
      else res.end();
    });
  });
  await new Promise<void>((ready, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => ready());
  });
  const { port } = server.address() as AddressInfo;
  return { server, url: `http://127.0.0.1:${port}/` };
}

/** The preload's stand-in, run before any page script. Serialised into the page: keep it self-contained. */
function installApi({
  path,
  header,
  token,
}: {
  path: string;
  header: string;
  token: string;
}): void {
  const api = {
    invoke(route: string, input: unknown): Promise<unknown> {
      if (typeof route !== 'string') return Promise.reject(new TypeError('route must be a string'));
      return fetch(path, {
        method: 'POST',
        headers: { 'content-type': 'application/json', [header]: token },
        body: JSON.stringify({ route, input }),
      }).then((r) => r.json());
    },
  };
  Object.defineProperty(window, 'api', {
    value: Object.freeze(api),
    writable: false,
    configurable: false,
  });
}

export async function startHarness(options: HarnessOptions = {}): Promise<Harness> {
  assertRendererBuilt();
  const dir = mkdtempSync(join(tmpdir(), 'balise-e2e-'));
  const session = new Session(
    { vault: join(dir, 'vault'), demoVault: join(dir, 'demo') },
    options.kdf ? { kdf: options.kdf } : {},
  );
  const token = randomBytes(32).toString('hex');
  const calls: string[] = [];
  const { server, url } = await startServer(session, token, calls);
  const origin = new URL(url).origin;

  let context: BrowserContext;
  try {
    context = await chromium.launchPersistentContext(join(dir, 'chromium-profile'), {
      executablePath: CHROMIUM,
      headless: true,
      args: CHROMIUM_ARGS,
      viewport: VIEWPORT,
      deviceScaleFactor: 1,
      colorScheme: options.colorScheme ?? 'light',
      locale: 'fr-FR',
      timezoneId: 'Europe/Paris',
      reducedMotion: 'reduce',
    });
  } catch (error) {
    server.close();
    rmSync(dir, { recursive: true, force: true });
    throw new Error(`Chromium (${CHROMIUM}) did not start: ${String(error)}`, { cause: error });
  }

  const blockedRequests: string[] = [];
  // The app works offline: anything leaving the loopback server is refused and recorded.
  await context.route('**/*', (route) => {
    const target = route.request().url();
    if (target.startsWith(origin + '/') || target.startsWith('data:') || target.startsWith('blob:'))
      return route.continue();
    blockedRequests.push(target);
    return route.abort('blockedbyclient');
  });
  await context.addInitScript(installApi, { path: INVOKE_PATH, header: TOKEN_HEADER, token });

  // Fail fast: a screen that has not appeared in 10 s will not appear.
  context.setDefaultTimeout(10_000);
  const page = context.pages()[0] ?? (await context.newPage());
  const pageErrors: string[] = [];
  const consoleErrors: string[] = [];
  page.on('pageerror', (error) => pageErrors.push(error.message));
  page.on('console', (message) => {
    if (message.type() === 'error') consoleErrors.push(message.text());
  });
  if (options.open ?? true) await page.goto(url);

  const invoke = <R extends RouteName>(route: R, input: RouteInput<R>) =>
    dispatch(handlers, { session }, route, input) as Promise<Result<RouteOutput<R>>>;

  return {
    page,
    context,
    url,
    session,
    dir,
    token,
    pageErrors,
    consoleErrors,
    blockedRequests,
    calls,
    invoke,
    async screenshot(name, shotOptions = {}) {
      mkdirSync(SCREENSHOT_DIR, { recursive: true });
      const path = join(SCREENSHOT_DIR, `${name}.png`);
      if (shotOptions.dark) await page.emulateMedia({ colorScheme: 'dark' });
      // The screen as it stays: no hover effect under the pointer, no passing notification.
      await page.mouse.move(VIEWPORT.width - 1, VIEWPORT.height - 1);
      const toasts = page.locator('.mantine-Notifications-root');
      const hideToasts = !(shotOptions.keepNotifications ?? false);
      if (hideToasts)
        await toasts.evaluateAll((els) =>
          els.forEach((e) => ((e as HTMLElement).style.visibility = 'hidden')),
        );
      try {
        // Let transitions and the dark-scheme switch settle.
        await page.waitForTimeout(shotOptions.dark ? 400 : 150);
        await page.screenshot({
          path,
          fullPage: shotOptions.fullPage ?? false,
          animations: 'disabled',
        });
      } finally {
        if (hideToasts)
          await toasts.evaluateAll((els) =>
            els.forEach((e) => ((e as HTMLElement).style.visibility = '')),
          );
        if (shotOptions.dark)
          await page.emulateMedia({ colorScheme: options.colorScheme ?? 'light' });
      }
      return path;
    },
    async close() {
      await context.close().catch(() => undefined);
      server.closeAllConnections();
      await new Promise<void>((done) => server.close(() => done()));
      await session.close().catch(() => undefined);
      rmSync(dir, { recursive: true, force: true });
    },
  };
}
