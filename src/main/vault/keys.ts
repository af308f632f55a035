/**
 * Envelope encryption of the database key. A random 256-bit key encrypts the database;
 * it is stored only wrapped (AES-256-GCM) under a key derived from the passphrase
 * (Argon2id; scrypt in key files written before it, still read) and under a key derived from
 * the recovery key (shown once at creation).
 */
import { hashRaw } from '@node-rs/argon2';
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

/** Argon2id's costs: memory in KiB, passes over it, lanes. */
export interface Argon2Params {
  memoryKiB: number;
  passes: number;
  lanes: number;
}

/**
 * 128 MiB and 3 passes: at least the memory and work of the scrypt it replaces (N = 2^17,
 * r = 8: 128 MiB), with Argon2id's resistance to time-memory trade-offs (RFC 9106), in
 * about a tenth of a second where scrypt took 0.35–0.45 s (Argon2's compression is
 * vectorised, OpenSSL's scrypt is not): the cost to an attacker stays, the wait goes.
 */
export const DEFAULT_ARGON2: Argon2Params = { memoryKiB: 128 * 1024, passes: 3, lanes: 4 };

export interface Wrapped {
  iv: string;
  tag: string;
  data: string;
}

/** How the passphrase's key is derived: Argon2id, or scrypt in key files written before it. */
export type PassphraseKdf =
  { kdf: 'argon2id'; params: Argon2Params } | { kdf: 'scrypt'; params: ScryptParams };

export interface KeyFile {
  format: 'balise-keys';
  version: 1;
  passphrase: PassphraseKdf & { salt: string; wrapped: Wrapped };
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

/** The passphrase's key (NFC-normalised first: keyboards type « é » either way), off the JS thread. */
export function derivePassphraseKey(
  passphrase: string,
  salt: Buffer,
  kdf: PassphraseKdf,
): Promise<Buffer> {
  const text = passphrase.normalize('NFC');
  if (kdf.kdf === 'argon2id')
    return hashRaw(text, {
      algorithm: 2, // Argon2id
      version: 1, // 0x13, the RFC's
      memoryCost: kdf.params.memoryKiB,
      timeCost: kdf.params.passes,
      parallelism: kdf.params.lanes,
      outputLen: 32,
      salt,
    });
  const params = kdf.params;
  return new Promise((resolve, reject) => {
    scrypt(
      text,
      salt,
      32,
      { ...params, maxmem: 256 * params.N * params.r + 16 * 1024 * 1024 },
      (err, key) => (err ? reject(err) : resolve(key)),
    );
  });
}

/** Whether a key file's passphrase wrapping was derived with these costs. */
export function isWrappedWith(file: KeyFile, params: Argon2Params): boolean {
  const own = file.passphrase;
  return (
    own.kdf === 'argon2id' &&
    own.params.memoryKiB === params.memoryKiB &&
    own.params.passes === params.passes &&
    own.params.lanes === params.lanes
  );
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
  params: Argon2Params,
): Promise<KeyFile['passphrase']> {
  if (passphrase.includes('\u0000'))
    throw new DomainError(
      'INVALID_INPUT',
      'La phrase de passe ne peut pas contenir de caractère nul.',
      { passphrase: 'La phrase de passe ne peut pas contenir de caractère nul.' },
    );
  const salt = randomBytes(16);
  const kek = await derivePassphraseKey(passphrase, salt, { kdf: 'argon2id', params });
  return { kdf: 'argon2id', salt: salt.toString('base64'), params, wrapped: wrap(dbKey, kek) };
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
  const { salt, wrapped } = file.passphrase;
  // scrypt keys HMAC-SHA-256 with the passphrase, and HMAC pads its key with zero bytes: « x »
  // and « x\0 » derive the same key. No passphrase can hold U+0000 (see wrapForPassphrase),
  // so one that does is wrong, not an alias.
  if (passphrase.includes('\u0000')) return null;
  return unwrap(
    wrapped,
    await derivePassphraseKey(passphrase, Buffer.from(salt, 'base64'), file.passphrase),
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
  const costs = (params: object | undefined, names: string[]) =>
    !!params &&
    names.every((name) => {
      const cost = (params as Record<string, unknown>)[name];
      return Number.isInteger(cost) && (cost as number) > 0;
    });
  const kdfKnown =
    (v?.passphrase?.kdf === 'argon2id' &&
      costs(v.passphrase.params, ['memoryKiB', 'passes', 'lanes'])) ||
    (v?.passphrase?.kdf === 'scrypt' && costs(v.passphrase.params, ['N', 'r', 'p']));
  return (
    !!v &&
    v.format === 'balise-keys' &&
    v.version === 1 &&
    kdfKnown &&
    typeof v.passphrase.salt === 'string' &&
    isWrapped(v.passphrase.wrapped) &&
    v.recovery?.kdf === 'hkdf-sha256' &&
    typeof v.recovery.salt === 'string' &&
    isWrapped(v.recovery.wrapped)
  );
}
