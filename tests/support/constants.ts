import type { ScryptParams } from '../../src/main/vault/keys';

/** Key derivation made cheap for tests (its real cost is measured by `npm run bench`). */
export const TEST_SCRYPT: ScryptParams = { N: 2 ** 10, r: 8, p: 1 };
export const TEST_PASSPHRASE = 'correct horse battery staple';
