/**
 * Envelope encryption of the database key. A random 256-bit key encrypts the database;
 * it is stored only wrapped (AES-256-GCM) under a key derived from the passphrase
 * (scrypt) and under a key derived from the recovery key (shown once at creation).
 */
import {
  createCipheriv,
  createDecipheriv,
  hkdfSync,
  randomBytes,
  scrypt,
  timingSafeEqual,
} from 'node:crypto';
import { DomainError } from '../../shared/result';

export interface ScryptParams {
  N: number;
  r: number;
  p: number;
}

/** About a quarter of a second on a modest laptop, 128 MiB of memory. */
export const DEFAULT_SCRYPT: ScryptParams = { N: 2 ** 17, r: 8, p: 1 };

export interface Wrapped {
  iv: string;
  tag: string;
  data: string;
}

export interface KeyFile {
  format: 'balise-keys';
  version: 1;
  passphrase: { kdf: 'scrypt'; salt: string; params: ScryptParams; wrapped: Wrapped };
  recovery: { kdf: 'hkdf-sha256'; salt: string; wrapped: Wrapped };
}

export const newDatabaseKey = (): Buffer => randomBytes(32);

// Crockford's base32: no I, L, O, U, so a key copied by hand is unambiguous.
const ALPHABET = '0123456789ABCDEFGHJKMNPQRSTVWXYZ';

/** 160 random bits, written as 8 groups of 4 characters. */
export function newRecoveryKey(): string {
  const bytes = randomBytes(20);
  let bits = 0;
  let value = 0;
  let out = '';
  for (const byte of bytes) {
    value = (value << 8) | byte;
    bits += 8;
    while (bits >= 5) {
      out += ALPHABET[(value >>> (bits - 5)) & 31];
      bits -= 5;
    }
  }
  return out.match(/.{4}/g)!.join('-');
}

/** Accepts what a person types: lower case, spaces, missing dashes, O for 0, I or L for 1. */
export function normalizeRecoveryKey(input: string): string {
  const chars = input.toUpperCase().replace(/[\s-]/g, '').replace(/O/g, '0').replace(/[IL]/g, '1');
  return (chars.match(/.{1,4}/g) ?? []).join('-');
}

export function recoveryKeysEqual(a: string, b: string): boolean {
  const x = Buffer.from(normalizeRecoveryKey(a));
  const y = Buffer.from(normalizeRecoveryKey(b));
  return x.length === y.length && timingSafeEqual(x, y);
}

export function derivePassphraseKey(
  passphrase: string,
  salt: Buffer,
  params: ScryptParams,
): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    scrypt(
      passphrase.normalize('NFC'),
      salt,
      32,
      { ...params, maxmem: 256 * params.N * params.r + 16 * 1024 * 1024 },
      (err, key) => (err ? reject(err) : resolve(key)),
    );
  });
}

/** The recovery key has 160 bits of entropy: a fast KDF is enough. */
export function deriveRecoveryKey(recoveryKey: string, salt: Buffer): Buffer {
  return Buffer.from(
    hkdfSync('sha256', normalizeRecoveryKey(recoveryKey), salt, 'balise recovery key', 32),
  );
}

export function wrap(key: Buffer, kek: Buffer): Wrapped {
  const iv = randomBytes(12);
  const cipher = createCipheriv('aes-256-gcm', kek, iv);
  const data = Buffer.concat([cipher.update(key), cipher.final()]);
  return {
    iv: iv.toString('base64'),
    tag: cipher.getAuthTag().toString('base64'),
    data: data.toString('base64'),
  };
}

/** Returns null when the wrapping key is wrong (authentication fails). */
export function unwrap(wrapped: Wrapped, kek: Buffer): Buffer | null {
  try {
    const decipher = createDecipheriv('aes-256-gcm', kek, Buffer.from(wrapped.iv, 'base64'));
    decipher.setAuthTag(Buffer.from(wrapped.tag, 'base64'));
    return Buffer.concat([decipher.update(Buffer.from(wrapped.data, 'base64')), decipher.final()]);
  } catch {
    return null;
  }
}

export async function wrapForPassphrase(
  dbKey: Buffer,
  passphrase: string,
  params: ScryptParams,
): Promise<KeyFile['passphrase']> {
  if (passphrase.includes('\u0000'))
    throw new DomainError(
      'INVALID_INPUT',
      'La phrase de passe ne peut pas contenir de caractère nul.',
      { passphrase: 'La phrase de passe ne peut pas contenir de caractère nul.' },
    );
  const salt = randomBytes(16);
  const kek = await derivePassphraseKey(passphrase, salt, params);
  return { kdf: 'scrypt', salt: salt.toString('base64'), params, wrapped: wrap(dbKey, kek) };
}

export function wrapForRecovery(dbKey: Buffer, recoveryKey: string): KeyFile['recovery'] {
  const salt = randomBytes(16);
  return {
    kdf: 'hkdf-sha256',
    salt: salt.toString('base64'),
    wrapped: wrap(dbKey, deriveRecoveryKey(recoveryKey, salt)),
  };
}

export async function unwrapWithPassphrase(
  file: KeyFile,
  passphrase: string,
): Promise<Buffer | null> {
  const { salt, params, wrapped } = file.passphrase;
  // scrypt keys HMAC-SHA-256 with the passphrase, and HMAC pads its key with zero bytes: « x »
  // and « x\0 » derive the same key. No passphrase can hold U+0000 (see wrapForPassphrase),
  // so one that does is wrong, not an alias.
  if (passphrase.includes('\u0000')) return null;
  return unwrap(
    wrapped,
    await derivePassphraseKey(passphrase, Buffer.from(salt, 'base64'), params),
  );
}

export function unwrapWithRecoveryKey(file: KeyFile, recoveryKey: string): Buffer | null {
  return unwrap(
    file.recovery.wrapped,
    deriveRecoveryKey(recoveryKey, Buffer.from(file.recovery.salt, 'base64')),
  );
}

/** Checks the shape of a key file read from disk. */
export function isKeyFile(value: unknown): value is KeyFile {
  const v = value as KeyFile;
  const isWrapped = (w: Wrapped | undefined) =>
    !!w && typeof w.iv === 'string' && typeof w.tag === 'string' && typeof w.data === 'string';
  return (
    !!v &&
    v.format === 'balise-keys' &&
    v.version === 1 &&
    v.passphrase?.kdf === 'scrypt' &&
    typeof v.passphrase.salt === 'string' &&
    Number.isInteger(v.passphrase.params?.N) &&
    isWrapped(v.passphrase.wrapped) &&
    v.recovery?.kdf === 'hkdf-sha256' &&
    typeof v.recovery.salt === 'string' &&
    isWrapped(v.recovery.wrapped)
  );
}
