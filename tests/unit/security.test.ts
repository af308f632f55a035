import { describe, expect, it } from 'vitest';
import {
  CONTENT_SECURITY_POLICY,
  isAppUrl,
  isExternalWebUrl,
  windowOptions,
} from '../../src/main/window/security';

describe('window security', () => {
  const options = windowOptions({
    preload: '/app/out/preload/index.cjs',
    icon: '/app/icon.png',
    dark: false,
  });
  const prefs = options.webPreferences!;

  it('isolates and sandboxes the page, without Node', () => {
    expect(prefs.contextIsolation).toBe(true);
    expect(prefs.sandbox).toBe(true);
    expect(prefs.nodeIntegration).toBe(false);
    expect(prefs.nodeIntegrationInWorker).toBe(false);
    expect(prefs.nodeIntegrationInSubFrames).toBe(false);
    expect(prefs.webSecurity).toBe(true);
    expect(prefs.allowRunningInsecureContent).toBe(false);
    expect(prefs.webviewTag).toBe(false);
    expect(prefs.experimentalFeatures).toBe(false);
    expect(prefs.navigateOnDragDrop).toBe(false);
    expect(prefs.preload).toBe('/app/out/preload/index.cjs');
  });

  it('has a strict content security policy', () => {
    expect(CONTENT_SECURITY_POLICY).toContain("default-src 'self'");
    expect(CONTENT_SECURITY_POLICY).toContain("script-src 'self'");
    expect(CONTENT_SECURITY_POLICY).toContain("object-src 'none'");
    expect(CONTENT_SECURITY_POLICY).not.toMatch(/script-src[^;]*unsafe/);
  });

  it('recognises only the app itself as a place to navigate to', () => {
    const app = 'file:///opt/Balise/resources/app.asar/out/renderer/index.html';
    expect(isAppUrl(`${app}#/structures`, app)).toBe(true);
    expect(isAppUrl('file:///etc/passwd', app)).toBe(false);
    expect(isAppUrl('https://example.org/', app)).toBe(false);
    expect(isAppUrl('http://localhost:5173/#/x', 'http://localhost:5173/')).toBe(true);
    expect(isAppUrl('http://localhost:5174/', 'http://localhost:5173/')).toBe(false);
    expect(isAppUrl('not a url', app)).toBe(false);
  });

  it('opens only web and mail links outside the app', () => {
    expect(isExternalWebUrl('https://mjc.example/')).toBe(true);
    expect(isExternalWebUrl('mailto:coordination@example.org')).toBe(true);
    expect(isExternalWebUrl('file:///etc/passwd')).toBe(false);
    expect(isExternalWebUrl('javascript:alert(1)')).toBe(false);
    expect(isExternalWebUrl('smb://share/x')).toBe(false);
  });
});
