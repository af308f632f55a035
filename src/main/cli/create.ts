/** What `init` and `demo` share: refusing an existing vault, choosing a passphrase, creating. */
import { existsSync, readdirSync } from 'node:fs';
import { basename } from 'node:path';
import { passphrase as passphraseSchema } from '../../shared/api/vault';
import { MIN_PASSPHRASE_LENGTH } from '../../shared/rules/passphrase';
import { DomainError } from '../../shared/result';
import { DB_FILE, type Vault } from '../vault/vault';
import type { CliContext } from './command';
import { readHidden, readSecret } from './io';

export const PASSPHRASE_ENV = 'BALISE_PASSPHRASE';

/** Refuses to create a vault where one exists; nothing is touched. */
export function assertNoVault(vault: Vault): void {
  if (vault.state() !== 'none')
    throw new DomainError(
      'VAULT_EXISTS',
      `Un coffre existe déjà dans ${vault.dir} : rien n’a été modifié. Choisissez un autre dossier.`,
    );
}

function checkLength(value: string): string {
  const parsed = passphraseSchema.safeParse(value);
  if (!parsed.success) throw new DomainError('INVALID_INPUT', parsed.error.issues[0]!.message);
  return parsed.data;
}

/**
 * The passphrase of a new vault: from BALISE_PASSPHRASE, typed twice on a terminal, or the
 * first line of standard input. With `fallback`, nothing given means the fallback (null
 * is returned so the caller can say so).
 */
export async function newPassphrase(
  ctx: CliContext,
  options: { fallbackHint?: string } = {},
): Promise<string | null> {
  const optional = options.fallbackHint !== undefined;
  const prompt = optional
    ? `Phrase de passe du coffre (${MIN_PASSPHRASE_LENGTH} caractères au moins ; Entrée pour ${options.fallbackHint}) : `
    : `Choisissez une phrase de passe (${MIN_PASSPHRASE_LENGTH} caractères au moins) : `;
  const { value, source } = await readSecret(ctx.io, PASSPHRASE_ENV, prompt);
  if (optional && (value === null || value === '')) return null;
  if (value === null)
    throw new DomainError(
      'INVALID_INPUT',
      `Aucune phrase de passe reçue. Définissez la variable d’environnement ${PASSPHRASE_ENV} ou saisissez-la quand elle est demandée.`,
    );
  const checked = checkLength(value);
  if (source === 'terminal') {
    const again = await readHidden(ctx.io, 'Saisissez-la une seconde fois : ');
    if (again !== value)
      throw new DomainError(
        'INVALID_INPUT',
        'Les deux saisies ne correspondent pas. Aucun coffre n’a été créé ; recommencez.',
      );
  }
  return checked;
}

/**
 * Creates the vault and leaves it unlocked. A database file found without its key file
 * cannot be opened by anyone; the vault keeps it aside (renamed), and this says where.
 */
export async function createVault(
  vault: Vault,
  passphrase: string,
): Promise<{ recoveryKey: string; setAside: string | null }> {
  const orphanBefore = existsSync(vault.dbFile);
  const { recoveryKey } = await vault.create(passphrase);
  await vault.confirmCreate(recoveryKey);
  const setAside = orphanBefore
    ? (readdirSync(vault.dir)
        .filter((name) => name.startsWith(`${DB_FILE}.orphan-`))
        .sort()
        .pop() ?? null)
    : null;
  return { recoveryKey, setAside };
}

export function printRecoveryKey(ctx: CliContext, recoveryKey: string): void {
  ctx.out('Clé de secours (elle ne sera plus jamais affichée) :');
  ctx.out();
  ctx.out(`    ${recoveryKey}`);
  ctx.out();
  ctx.out(
    'Recopiez-la maintenant, sur papier ou dans un gestionnaire de mots de passe, et rangez-la',
  );
  ctx.out(
    'à l’écart de cet ordinateur. Elle seule permet de rouvrir le coffre si la phrase de passe',
  );
  ctx.out(
    'est oubliée : sans elle, personne ne pourra récupérer les données, pas même l’équipe Balise.',
  );
  ctx.out('Ne l’envoyez pas par e-mail et ne l’enregistrez pas dans un fichier à côté du coffre.');
}

export function printSetAside(ctx: CliContext, setAside: string | null): void {
  if (setAside)
    ctx.err(
      `Attention : un fichier de données sans fichier de clés se trouvait dans ce dossier. Il n’a pas été supprimé : il est conservé sous le nom ${basename(setAside)}.`,
    );
}
