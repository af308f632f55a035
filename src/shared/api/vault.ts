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

export const vaultState = z.object({
  /** none: no vault yet; pending: created in memory, waiting for the recovery key to be confirmed. */
  state: z.enum(['none', 'pending', 'locked', 'unlocked']),
  demo: z.boolean(),
  autoLockMinutes: z.number().int(),
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
