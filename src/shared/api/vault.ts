import { z } from 'zod';
import { noInput } from './fields';
import { MIN_PASSPHRASE_LENGTH } from '../rules/passphrase';

export const passphrase = z
  .string()
  .min(
    MIN_PASSPHRASE_LENGTH,
    `La phrase de passe doit compter au moins ${MIN_PASSPHRASE_LENGTH} caractères.`,
  )
  .max(1024);

/** Recovery keys are typed by hand: case, spaces and dashes do not matter. */
export const recoveryKey = z.string().min(1, 'Saisissez la clé de secours.').max(200);

/**
 * The open vault's integrity check (SQLite's quick_check of every page), run in the background
 * after unlocking: en_cours while it runs, ok, abimee (every write is then refused),
 * or inconnue when the check could not run (the cause is logged).
 */
export const vaultIntegrity = z.enum(['en_cours', 'ok', 'abimee', 'inconnue']);
export type VaultIntegrity = z.output<typeof vaultIntegrity>;

export const vaultState = z.object({
  /** none: no vault yet; pending: created in memory, waiting for the recovery key to be confirmed. */
  state: z.enum(['none', 'pending', 'locked', 'unlocked']),
  demo: z.boolean(),
  autoLockMinutes: z.number().int(),
  /** Only while unlocked. */
  integrity: vaultIntegrity.optional(),
});
export type VaultState = z.output<typeof vaultState>;

const nothing = noInput;

export const vaultRoutes = {
  'vault.status': { input: nothing, output: vaultState },
  'vault.create': {
    input: z.object({ passphrase }),
    output: z.object({ recoveryKey: z.string() }),
  },
  'vault.confirmCreate': { input: z.object({ recoveryKey }), output: vaultState },
  'vault.cancelCreate': { input: nothing, output: vaultState },
  'vault.unlock': {
    input: z.object({
      passphrase: z.string().min(1, 'Saisissez votre phrase de passe.').max(1024),
    }),
    output: vaultState,
  },
  'vault.unlockWithRecoveryKey': {
    input: z.object({ recoveryKey, newPassphrase: passphrase }),
    output: vaultState,
  },
  'vault.changePassphrase': {
    input: z.object({ current: z.string().min(1).max(1024), next: passphrase }),
    output: nothing,
  },
  'vault.lock': { input: nothing, output: vaultState },
  'vault.openDemo': { input: nothing, output: vaultState },
  'vault.leaveDemo': { input: nothing, output: vaultState },
};
