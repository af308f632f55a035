/** Opening an existing vault from the command line, for the commands that read its records. */
import { DomainError } from '../../shared/result';
import { Vault } from '../vault/vault';
import type { CliContext } from './command';
import { PASSPHRASE_ENV } from './create';
import { readSecret } from './io';

/** Unlocks the vault in `dir` with the passphrase from BALISE_PASSPHRASE or standard input. */
export async function openVault(dir: string, ctx: CliContext): Promise<Vault> {
  // A command is short: it waits for the integrity check and refuses a damaged vault.
  const vault = new Vault(dir, { kdf: ctx.kdf, integrityCheck: 'at-unlock' });
  if (vault.state() === 'none')
    throw new DomainError('VAULT_MISSING', `Aucun coffre dans ${dir}. Vérifiez le dossier.`);
  const { value } = await readSecret(ctx.io, PASSPHRASE_ENV, 'Phrase de passe : ');
  if (!value)
    throw new DomainError(
      'INVALID_INPUT',
      `Aucune phrase de passe reçue. Définissez la variable d’environnement ${PASSPHRASE_ENV} ou saisissez-la quand elle est demandée.`,
    );
  await vault.unlock(value);
  return vault;
}
