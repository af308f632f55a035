/** Key handling: recovery keys as people copy them, wrapping, and the key file's shape. */
import { randomBytes } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import {
  derivePassphraseKey,
  deriveRecoveryKey,
  isKeyFile,
  isWrappedWith,
  newDatabaseKey,
  newRecoveryKey,
  normalizeRecoveryKey,
  recoveryKeysEqual,
  unwrap,
  unwrapWithPassphrase,
  unwrapWithRecoveryKey,
  wrap,
  wrapForPassphrase,
  wrapForRecovery,
  type KeyFile,
} from '../../src/main/vault/keys';
import { TEST_PASSPHRASE, TEST_KDF } from '../support/constants';

const CROCKFORD_KEY = /^([0-9A-HJKMNP-TV-Z]{4}-){7}[0-9A-HJKMNP-TV-Z]{4}$/;

describe('recovery keys', () => {
  it('are 8 groups of 4 characters of Crockford’s base32 (no I, L, O, U)', () => {
    for (let i = 0; i < 50; i++) expect(newRecoveryKey()).toMatch(CROCKFORD_KEY);
  });

  it('are different every time', () => {
    const keys = new Set(Array.from({ length: 100 }, () => newRecoveryKey()));
    expect(keys.size).toBe(100);
  });

  it('accept what a person types: lower case, spaces, missing or extra dashes', () => {
    const key = 'ABCD-EFGH-JKMN-PQRS-TVWX-YZ01-2345-6789';
    expect(normalizeRecoveryKey(key)).toBe(key);
    expect(normalizeRecoveryKey(key.toLowerCase())).toBe(key);
    expect(normalizeRecoveryKey(key.replace(/-/g, ' '))).toBe(key);
    expect(normalizeRecoveryKey(key.replace(/-/g, ''))).toBe(key);
    expect(normalizeRecoveryKey(`  ${key.replace(/-/g, ' - ')}\n`)).toBe(key);
  });

  it('read O as zero, and I or L as one', () => {
    expect(normalizeRecoveryKey('O0o0-IiLl')).toBe('0000-1111');
    expect(recoveryKeysEqual('ABO1-2345', 'AB01-2345')).toBe(true);
    expect(recoveryKeysEqual('ABl1-2345', 'AB11-2345')).toBe(true);
  });

  it('compare equal only when the characters match', () => {
    const key = newRecoveryKey();
    expect(recoveryKeysEqual(key, key.toLowerCase().replace(/-/g, ' '))).toBe(true);
    expect(recoveryKeysEqual(key, key.slice(0, -1))).toBe(false);
    expect(recoveryKeysEqual(key, newRecoveryKey())).toBe(false);
  });

  it('derive the same wrapping key however they are written', () => {
    const key = newRecoveryKey();
    const salt = randomBytes(16);
    expect(deriveRecoveryKey(key.toLowerCase().replace(/-/g, ''), salt)).toEqual(
      deriveRecoveryKey(key, salt),
    );
  });
});

describe('wrapping the database key', () => {
  it('round-trips with the right wrapping key', () => {
    const dbKey = newDatabaseKey();
    const kek = randomBytes(32);
    const wrapped = wrap(dbKey, kek);
    expect(Buffer.from(wrapped.data, 'base64')).not.toEqual(dbKey);
    expect(unwrap(wrapped, kek)).toEqual(dbKey);
  });

  it('uses a new nonce each time', () => {
    const dbKey = newDatabaseKey();
    const kek = randomBytes(32);
    expect(wrap(dbKey, kek).iv).not.toBe(wrap(dbKey, kek).iv);
  });

  it('answers null for a wrong key or a tampered envelope', () => {
    const dbKey = newDatabaseKey();
    const kek = randomBytes(32);
    const wrapped = wrap(dbKey, kek);
    expect(unwrap(wrapped, randomBytes(32))).toBeNull();
    const data = Buffer.from(wrapped.data, 'base64');
    data[0]! ^= 1;
    expect(unwrap({ ...wrapped, data: data.toString('base64') }, kek)).toBeNull();
    expect(unwrap({ ...wrapped, tag: randomBytes(16).toString('base64') }, kek)).toBeNull();
    expect(unwrap({ ...wrapped, iv: 'not base64 at all!' }, kek)).toBeNull();
  });

  it('round-trips under a passphrase, and refuses a wrong one', async () => {
    const dbKey = newDatabaseKey();
    const file = await keyFileFor(dbKey, newRecoveryKey());
    expect(await unwrapWithPassphrase(file, TEST_PASSPHRASE)).toEqual(dbKey);
    expect(await unwrapWithPassphrase(file, `${TEST_PASSPHRASE}!`)).toBeNull();
  });

  it('treats the same passphrase typed with composed or decomposed accents alike', async () => {
    const dbKey = newDatabaseKey();
    const composed = 'phrase accentuée très sûre';
    const passphrase = await wrapForPassphrase(dbKey, composed, TEST_KDF);
    const file = { ...(await keyFileFor(dbKey, newRecoveryKey())), passphrase };
    expect(await unwrapWithPassphrase(file, composed.normalize('NFD'))).toEqual(dbKey);
  });

  it('round-trips under the recovery key as typed, and refuses a wrong one', async () => {
    const dbKey = newDatabaseKey();
    const recoveryKey = newRecoveryKey();
    const file = await keyFileFor(dbKey, recoveryKey);
    expect(unwrapWithRecoveryKey(file, recoveryKey.toLowerCase().replace(/-/g, ' '))).toEqual(
      dbKey,
    );
    expect(unwrapWithRecoveryKey(file, newRecoveryKey())).toBeNull();
  });
});

describe('the passphrase’s key derivation', () => {
  // Pinned outputs: a change of library or of a default must never change the key a passphrase
  // gives, or every existing vault would refuse its own passphrase. The Argon2id values were
  // cross-checked with a second implementation (hash-wasm); the scrypt one is OpenSSL's.
  const salt = Buffer.from('balise-kat-salt!');
  const passphrase = 'phrase accentuée très sûre';

  it('derives Argon2id (version 0x13) keys that never change', async () => {
    const key = (memoryKiB: number, passes: number, lanes: number) =>
      derivePassphraseKey(passphrase, salt, {
        kdf: 'argon2id',
        params: { memoryKiB, passes, lanes },
      }).then((k) => k.toString('hex'));
    expect(await key(64, 1, 1)).toBe(
      'bb8465adae07b8c073fa23080825542abcf9d77c4e23c0075ef5273348919e12',
    );
    expect(await key(1024, 3, 4)).toBe(
      '5f2887f0bf4affac2954c26a9aa1dccd8d0c3908b0e5659835dcd49697a42e8f',
    );
    // Typed with decomposed accents, the same key.
    expect(
      (
        await derivePassphraseKey(passphrase.normalize('NFD'), salt, {
          kdf: 'argon2id',
          params: { memoryKiB: 64, passes: 1, lanes: 1 },
        })
      ).toString('hex'),
    ).toBe('bb8465adae07b8c073fa23080825542abcf9d77c4e23c0075ef5273348919e12');
  });

  it('still derives the scrypt keys of key files written before Argon2id', async () => {
    const key = await derivePassphraseKey(passphrase, salt, {
      kdf: 'scrypt',
      params: { N: 1024, r: 8, p: 1 },
    });
    expect(key.toString('hex')).toBe(
      '19f7b00e06ff10f84b3b20f6651ffac1821ab12b0f9ae403c5fc7194bc4fb4b0',
    );
  });

  it('wraps new keys with Argon2id, and tells which costs a key file was wrapped with', async () => {
    const file = await keyFileFor(newDatabaseKey(), newRecoveryKey());
    expect(file.passphrase).toMatchObject({ kdf: 'argon2id', params: TEST_KDF });
    expect(isWrappedWith(file, TEST_KDF)).toBe(true);
    expect(isWrappedWith(file, { ...TEST_KDF, passes: 2 })).toBe(false);
    const legacy = await scryptKeyFileFor(newDatabaseKey());
    expect(isWrappedWith(legacy, TEST_KDF)).toBe(false);
  });

  it('opens a key file wrapped with scrypt', async () => {
    const dbKey = newDatabaseKey();
    const legacy = await scryptKeyFileFor(dbKey);
    expect(isKeyFile(JSON.parse(JSON.stringify(legacy)))).toBe(true);
    expect(await unwrapWithPassphrase(legacy, TEST_PASSPHRASE)).toEqual(dbKey);
    expect(await unwrapWithPassphrase(legacy, `${TEST_PASSPHRASE} `)).toBeNull();
  });
});

/** A key file as Balise wrote them before Argon2id: the passphrase's key derived by scrypt. */
async function scryptKeyFileFor(dbKey: Buffer): Promise<KeyFile> {
  const salt = randomBytes(16);
  const params = { N: 1024, r: 8, p: 1 };
  const kek = await derivePassphraseKey(TEST_PASSPHRASE, salt, { kdf: 'scrypt', params });
  return {
    ...(await keyFileFor(dbKey, newRecoveryKey())),
    passphrase: { kdf: 'scrypt', salt: salt.toString('base64'), params, wrapped: wrap(dbKey, kek) },
  };
}

async function keyFileFor(dbKey: Buffer, recoveryKey: string): Promise<KeyFile> {
  return {
    format: 'balise-keys',
    version: 1,
    passphrase: await wrapForPassphrase(dbKey, TEST_PASSPHRASE, TEST_KDF),
    recovery: wrapForRecovery(dbKey, recoveryKey),
  };
}

describe('isKeyFile', () => {
  it('accepts a well-formed key file, also after a JSON round trip', async () => {
    const file = await keyFileFor(newDatabaseKey(), newRecoveryKey());
    expect(isKeyFile(file)).toBe(true);
    expect(isKeyFile(JSON.parse(JSON.stringify(file)))).toBe(true);
  });

  it('rejects anything else', async () => {
    const good = JSON.parse(JSON.stringify(await keyFileFor(newDatabaseKey(), newRecoveryKey())));
    const without = (path: string[]) => {
      const copy = structuredClone(good);
      let target = copy;
      for (const key of path.slice(0, -1)) target = target[key];
      delete target[path.at(-1)!];
      return copy;
    };
    const bad: unknown[] = [
      null,
      undefined,
      42,
      'balise-keys',
      [],
      {},
      { ...good, format: 'other' },
      { ...good, version: 2 },
      { ...good, passphrase: { ...good.passphrase, kdf: 'pbkdf2' } },
      { ...good, passphrase: { ...good.passphrase, params: { N: 1024, r: 8, p: 1 } } },
      { ...good, passphrase: { ...good.passphrase, params: { ...TEST_KDF, passes: 0 } } },
      { ...good, passphrase: { ...good.passphrase, params: { ...TEST_KDF, lanes: '4' } } },
      { ...good, passphrase: { ...good.passphrase, kdf: 'scrypt', params: { N: 'big', r: 8 } } },
      { ...good, passphrase: { ...good.passphrase, salt: 12 } },
      { ...good, recovery: { ...good.recovery, kdf: 'none' } },
      { ...good, recovery: { ...good.recovery, wrapped: { iv: 'a', tag: 'b' } } },
      without(['passphrase']),
      without(['recovery']),
      without(['passphrase', 'wrapped']),
      without(['passphrase', 'wrapped', 'tag']),
      without(['recovery', 'salt']),
      without(['recovery', 'wrapped', 'data']),
    ];
    for (const value of bad) expect(isKeyFile(value), JSON.stringify(value)).toBe(false);
  });
});
