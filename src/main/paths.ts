/** Where the vaults live: in the user's application data folder, unless told otherwise. */
import { join } from 'node:path';
import type { SessionPaths } from './session';

export function vaultPaths(userData: string, env: NodeJS.ProcessEnv = process.env): SessionPaths {
  return {
    vault: env.BALISE_VAULT_DIR || join(userData, 'vault'),
    demoVault: env.BALISE_DEMO_VAULT_DIR || join(userData, 'demo-vault'),
  };
}
