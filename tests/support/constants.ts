import type { Argon2Params } from '../../src/main/vault/keys';

/** Key derivation made cheap for tests (its real cost is measured by `npm run bench`). */
export const TEST_KDF: Argon2Params = { memoryKiB: 64, passes: 1, lanes: 1 };
export const TEST_PASSPHRASE = 'correct horse battery staple';
