import { afterEach, describe, expect, it, vi } from 'vitest';
import { dispatch, type Context, type Handlers } from '../../src/main/ipc/router';
import { DAMAGED_VAULT_MESSAGE } from '../../src/main/vault/integrity';
import { DEFAULT_SETTINGS } from '../../src/shared/api/settings';
import { DomainError } from '../../src/shared/result';

const ctx = {} as Context;

/** A handler map where only the route under test is defined. */
function handlersWith(route: string, handler: (input: unknown) => unknown): Handlers {
  return { [route]: handler } as unknown as Handlers;
}

afterEach(() => vi.restoreAllMocks());

describe('the router', () => {
  it('passes the validated, normalised input to the handler and returns its output', async () => {
    const seen: unknown[] = [];
    const handlers = handlersWith('settings.update', (input) => {
      seen.push(input);
      return { ...DEFAULT_SETTINGS, autoLockMinutes: 30, departmentName: 'Val-de-Balise' };
    });
    const result = await dispatch(handlers, ctx, 'settings.update', {
      autoLockMinutes: 30,
      extra: 'dropped',
    });
    expect(seen).toEqual([{ autoLockMinutes: 30 }]);
    expect(result).toEqual({
      ok: true,
      value: { ...DEFAULT_SETTINGS, autoLockMinutes: 30, departmentName: 'Val-de-Balise' },
    });
  });

  it('turns a domain error into a failed Result with its code and French message', async () => {
    const handlers = handlersWith('structures.get', () => {
      throw new DomainError('NOT_FOUND', 'Cette structure n’existe pas ou a été supprimée.');
    });
    expect(await dispatch(handlers, ctx, 'structures.get', { id: 4 })).toEqual({
      ok: false,
      error: { code: 'NOT_FOUND', message: 'Cette structure n’existe pas ou a été supprimée.' },
    });
  });

  it('hides unexpected errors behind a French message and logs no input', async () => {
    const log = vi.spyOn(console, 'error').mockImplementation(() => undefined);
    const handlers = handlersWith('settings.update', () => {
      throw new Error('secret value Dupont in message');
    });
    const result = await dispatch(handlers, ctx, 'settings.update', { departmentName: 'Dupont' });
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.error.code).toBe('INTERNAL');
    const logged = log.mock.calls.flat().join(' ');
    expect(logged).toContain('settings.update');
    expect(logged).not.toContain('Dupont');
  });

  it('refuses an output that does not match the contract', async () => {
    vi.spyOn(console, 'error').mockImplementation(() => undefined);
    const handlers = handlersWith('settings.get', () => ({ autoLockMinutes: 'never' }));
    const result = await dispatch(handlers, ctx, 'settings.get', {});
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.error.code).toBe('INTERNAL');
  });
});

describe('the router and a damaged vault', () => {
  const sqliteError = (code: string) =>
    Object.assign(new Error('database disk image is malformed'), { code });

  it('turns SQLite’s damaged-file errors into the French « coffre abîmé » message', async () => {
    vi.spyOn(console, 'error').mockImplementation(() => undefined);
    for (const code of ['SQLITE_CORRUPT', 'SQLITE_CORRUPT_INDEX', 'SQLITE_NOTADB']) {
      const handlers = handlersWith('structures.get', () => {
        throw sqliteError(code);
      });
      expect(await dispatch(handlers, ctx, 'structures.get', { id: 4 })).toEqual({
        ok: false,
        error: { code: 'VAULT_DAMAGED', message: DAMAGED_VAULT_MESSAGE },
      });
    }
    // Also when the SQLite error is the cause of another one.
    const wrapped = handlersWith('structures.get', () => {
      throw new Error('query failed', { cause: sqliteError('SQLITE_CORRUPT') });
    });
    const result = await dispatch(wrapped, ctx, 'structures.get', { id: 4 });
    expect(result.ok || result.error.code).toBe('VAULT_DAMAGED');
  });

  it('leaves other SQLite errors to the generic message while the vault is sound', async () => {
    vi.spyOn(console, 'error').mockImplementation(() => undefined);
    const handlers = handlersWith('structures.get', () => {
      throw sqliteError('SQLITE_READONLY');
    });
    const result = await dispatch(handlers, ctx, 'structures.get', { id: 4 });
    expect(result.ok || result.error.code).toBe('INTERNAL');
  });
});
