/**
 * The shell's handlers, driven with small fakes of WebContents and IpcMainInvokeEvent:
 * navigation away from the app, new windows, javascript: and file: URLs, webviews, and IPC
 * from another frame or another origin are all refused.
 */
import { beforeEach, describe, expect, it, vi } from 'vitest';

type InvokeListener = (event: unknown, route: unknown, input: unknown) => Promise<unknown>;
const ipc = vi.hoisted(() => ({ listeners: new Map<string, InvokeListener>() }));
vi.mock('electron', () => ({
  ipcMain: {
    handle: (channel: string, listener: InvokeListener) => ipc.listeners.set(channel, listener),
  },
}));

const { applyContentSecurity } = await import('../../src/main/window/security');
const { INVOKE_CHANNEL, registerRoutes } = await import('../../src/main/ipc/register');

const APP = 'file:///opt/Balise/resources/app.asar/out/renderer/index.html';

/** A WebContents that records its listeners, and a navigation event that records prevention. */
function fakeContents() {
  const listeners = new Map<string, (event: { preventDefault(): void }, url?: string) => void>();
  let openHandler: ((details: { url: string }) => { action: string }) | null = null;
  const contents = {
    on: (name: string, listener: (event: { preventDefault(): void }, url?: string) => void) => {
      listeners.set(name, listener);
      return contents;
    },
    setWindowOpenHandler: (handler: typeof openHandler) => {
      openHandler = handler;
    },
  };
  const opened: string[] = [];
  applyContentSecurity(contents as never, APP, { openExternal: (url) => opened.push(url) });
  /** Fires a navigation-like event; true when the handler prevented it. */
  const fire = (name: string, url?: string) => {
    let prevented = false;
    listeners.get(name)!({ preventDefault: () => (prevented = true) }, url);
    return prevented;
  };
  return { fire, open: (url: string) => openHandler!({ url }), opened };
}

describe('navigation and new windows', () => {
  let shell: ReturnType<typeof fakeContents>;
  beforeEach(() => {
    shell = fakeContents();
  });

  it('refuses navigation and redirects away from the app', () => {
    for (const url of [
      'https://example.org/',
      'http://localhost:5173/',
      'javascript:alert(1)',
      'file:///etc/passwd',
      'file:///opt/Balise/resources/app.asar/out/renderer/other.html',
      'data:text/html,<script>alert(1)</script>',
      'about:blank',
      'not a url',
    ]) {
      expect(shell.fire('will-navigate', url), url).toBe(true);
      expect(shell.fire('will-redirect', url), url).toBe(true);
    }
    // The app's own page (another route of it) is allowed.
    expect(shell.fire('will-navigate', `${APP}#/structures`)).toBe(false);
  });

  it('denies every window.open, handing only web and mail links to the system browser', () => {
    for (const url of [
      'https://mjc.example/',
      'mailto:coordination@example.org',
      'javascript:alert(1)',
      'file:///etc/passwd',
      APP,
      'smb://share/x',
      'data:text/html,x',
    ])
      expect(shell.open(url), url).toEqual({ action: 'deny' });
    expect(shell.opened).toEqual(['https://mjc.example/', 'mailto:coordination@example.org']);
  });

  it('refuses to attach a webview', () => {
    expect(shell.fire('will-attach-webview')).toBe(true);
  });
});

describe('IPC sender check', () => {
  let calls = 0;
  registerRoutes(
    { session: {} as never },
    () => APP,
    () => calls++,
  );
  const invoke = ipc.listeners.get(INVOKE_CHANNEL)!;
  const top = { url: `${APP}#/`, parent: null };

  it('answers the app’s own top frame', async () => {
    const result = (await invoke({ senderFrame: top }, 'no.such.route', {})) as {
      ok: boolean;
      error: { code: string };
    };
    // Past the sender check: the router answers (an unknown route here).
    expect(result).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT' } });
    expect(calls).toBe(1);
  });

  it('refuses a subframe, another origin, another file, and a missing frame', async () => {
    const before = calls;
    for (const [label, senderFrame] of [
      ['a subframe of the app', { url: `${APP}#/`, parent: top }],
      ['an outside page', { url: 'https://evil.example/', parent: null }],
      ['another local file', { url: 'file:///tmp/evil.html', parent: null }],
      ['a javascript: URL', { url: 'javascript:alert(1)', parent: null }],
      ['a data: URL', { url: 'data:text/html,x', parent: null }],
      ['no frame (destroyed)', null],
    ] as const) {
      const result = await invoke({ senderFrame }, 'vault.status', {});
      expect(result, label).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
    }
    expect(calls).toBe(before);
  });
});
