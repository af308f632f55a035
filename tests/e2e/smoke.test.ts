/**
 * The harness itself: the built page loads in Chromium, `window.api.invoke` reaches the real
 * router, and the invoke endpoint refuses calls without this run's token.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { INVOKE_PATH, startHarness, TEST_KDF, TOKEN_HEADER, type Harness } from './harness';

describe('e2e harness', () => {
  let h: Harness;

  beforeAll(async () => {
    h = await startHarness({ kdf: TEST_KDF });
  });

  afterAll(async () => {
    await h?.close();
  });

  it('serves the built renderer with the right content types', async () => {
    const index = await fetch(h.url);
    expect(index.status).toBe(200);
    expect(index.headers.get('content-type')).toMatch(/^text\/html/);
    const html = await index.text();
    const script = /<script[^>]+src="([^"]+)"/.exec(html)?.[1];
    expect(script, 'index.html loads a script').toBeTruthy();
    const js = await fetch(new URL(script!, h.url));
    expect(js.status).toBe(200);
    expect(js.headers.get('content-type')).toMatch(/^text\/javascript/);
    expect((await fetch(new URL('/..%2f..%2fpackage.json', h.url))).status).toBe(403);
    expect((await fetch(new URL('/nope.js', h.url))).status).toBe(404);
  });

  it('answers window.api.invoke through the real router', async () => {
    const status = await h.page.evaluate(() =>
      (
        window as unknown as { api: { invoke(r: string, i: unknown): Promise<unknown> } }
      ).api.invoke('vault.status', {}),
    );
    expect(status).toEqual({
      ok: true,
      value: { state: 'none', demo: false, autoLockMinutes: 15 },
    });
    const unknown = await h.page.evaluate(() =>
      (
        window as unknown as { api: { invoke(r: string, i: unknown): Promise<unknown> } }
      ).api.invoke('nope.nope', {}),
    );
    expect(unknown).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT' } });
  });

  it('refuses invoke calls without the run token', async () => {
    const endpoint = new URL(INVOKE_PATH, h.url);
    const body = JSON.stringify({ route: 'vault.status', input: {} });
    const headers = { 'content-type': 'application/json' };
    expect((await fetch(endpoint, { method: 'POST', headers, body })).status).toBe(403);
    expect(
      (
        await fetch(endpoint, {
          method: 'POST',
          headers: { ...headers, [TOKEN_HEADER]: 'x'.repeat(64) },
          body,
        })
      ).status,
    ).toBe(403);
    const good = await fetch(endpoint, {
      method: 'POST',
      headers: { ...headers, [TOKEN_HEADER]: h.token },
      body,
    });
    expect(good.status).toBe(200);
    expect((await fetch(endpoint, { headers: { [TOKEN_HEADER]: h.token } })).status).toBe(405);
  });

  it('shows the first-run screen without page errors or outside requests', async () => {
    await h.page.getByRole('button', { name: 'Créer mon coffre' }).waitFor();
    expect(h.pageErrors).toEqual([]);
    expect(h.blockedRequests).toEqual([]);
  });
});
