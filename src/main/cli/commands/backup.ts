/**
 * `backup` and `restore`: an encrypted backup of a vault into a folder, and the restore of a
 * backup after verifying it, the replaced vault kept aside.
 */
import { existsSync, mkdirSync } from 'node:fs';
import { dirname, isAbsolute, join, resolve } from 'node:path';
import { backupName } from '../../../shared/api/backups';
import { DomainError } from '../../../shared/result';
import {
  backupFiles,
  backupFilesOfPath,
  restoreBackup,
  writeBackup,
  type BackupSecret,
} from '../../backups/backups';
import { assertWritableFolder, BackupSettingsFile } from '../../backups/settings';
import { Vault } from '../../vault/vault';
import type { CliContext, Command } from '../command';
import { PASSPHRASE_ENV } from '../create';
import { readSecret, UsageError } from '../io';
import { openVault } from '../open';
import { RECOVERY_ENV } from './verify';

const sizeOf = (bytes: number) =>
  bytes < 1024 * 1024
    ? `${Math.max(1, Math.round(bytes / 1024))} Ko`
    : `${(bytes / 1024 / 1024).toFixed(1).replace('.', ',')} Mo`;

async function secretOf(useRecovery: boolean, ctx: CliContext): Promise<BackupSecret> {
  if (useRecovery) {
    const { value } = await readSecret(ctx.io, RECOVERY_ENV, 'Clé de secours : ');
    if (!value)
      throw new DomainError(
        'INVALID_INPUT',
        `Aucune clé de secours reçue. Définissez la variable d’environnement ${RECOVERY_ENV} ou saisissez-la quand elle est demandée.`,
      );
    return { recoveryKey: value };
  }
  const { value } = await readSecret(ctx.io, PASSPHRASE_ENV, 'Phrase de passe : ');
  if (!value)
    throw new DomainError(
      'INVALID_INPUT',
      `Aucune phrase de passe reçue. Définissez la variable d’environnement ${PASSPHRASE_ENV} ou saisissez-la quand elle est demandée.`,
    );
  return { passphrase: value };
}

/** The vault's backup folder: the one set in the app, else the default beside the vault. */
const backupFolderOf = (vaultDir: string) =>
  new BackupSettingsFile(vaultDir, join(dirname(vaultDir), 'backups')).read();

export const backupCommand: Command = {
  name: 'backup',
  usage: 'backup --vault DOSSIER --to DOSSIER_SAUVEGARDES',
  summary: 'Sauvegarde le coffre (copie chiffrée) dans un dossier.',
  details: [
    'Écrit deux fichiers dans le dossier indiqué : balise-AAAA-MM-JJ-HHMMSS-manuelle.db (la copie des données, chiffrée comme le coffre) et …keys.json (ses clés, protégées par la phrase de passe et la clé de secours). La sauvegarde ne s’ouvre qu’avec la phrase de passe du coffre ou sa clé de secours.',
    'Le dossier doit exister (un disque externe, un partage réseau…). La phrase de passe est lue dans BALISE_PASSPHRASE, sinon demandée sans être affichée.',
  ],
  options: { to: { type: 'string' } },
  async run({ vault: dir, values }, ctx) {
    if (typeof values.to !== 'string' || values.to.trim() === '')
      throw new UsageError(
        'L’option --to DOSSIER est obligatoire : indiquez le dossier où écrire la sauvegarde.',
      );
    const folder = assertWritableFolder(resolve(values.to));
    const vault = await openVault(dir, ctx);
    try {
      const started = performance.now();
      const made = writeBackup(vault.connection, vault.keyFile, folder, 'manual', new Date());
      const seconds = ((performance.now() - started) / 1000).toFixed(1).replace('.', ',');
      ctx.out(
        `Sauvegarde écrite : ${join(folder, made.name)}.db (${sizeOf(made.size)}, ${seconds} s).`,
      );
      ctx.out('Elle ne s’ouvre qu’avec la phrase de passe de ce coffre ou sa clé de secours.');
    } finally {
      await vault.lock();
    }
    return 0;
  },
};

export const restoreCommand: Command = {
  name: 'restore',
  usage: 'restore --vault DOSSIER --from SAUVEGARDE [--recovery]',
  summary: 'Restaure une sauvegarde après l’avoir vérifiée ; le coffre remplacé est conservé.',
  details: [
    'SAUVEGARDE est le chemin du fichier .db d’une sauvegarde, ou son nom (balise-AAAA-MM-JJ-HHMMSS-…) dans le dossier des sauvegardes du coffre.',
    'La sauvegarde est d’abord vérifiée (ses clés s’ouvrent, integrity_check, version du schéma connue) ; si elle échoue, rien n’est modifié (code de sortie 1). Sinon le coffre en place est sauvegardé s’il s’ouvre, ses fichiers sont déplacés dans un dossier remplace-AAAA-MM-JJ-HHMMSS du coffre (jamais supprimés), et la sauvegarde prend leur place.',
    'La phrase de passe (celle du coffre au moment de la sauvegarde) est lue dans BALISE_PASSPHRASE, sinon demandée. --recovery : utilise la clé de secours (BALISE_RECOVERY_KEY) ; la phrase de passe restaurée reste celle de la sauvegarde.',
  ],
  options: { from: { type: 'string' }, recovery: { type: 'boolean' } },
  async run({ vault: dir, values }, ctx) {
    const from = values.from;
    if (typeof from !== 'string' || from.trim() === '')
      throw new UsageError(
        'L’option --from SAUVEGARDE est obligatoire : le fichier .db de la sauvegarde, ou son nom.',
      );
    const settings = backupFolderOf(dir);
    const byName = backupName.safeParse(from).success;
    const files =
      byName && !existsSync(resolve(from))
        ? backupFiles(settings.folder, from)
        : backupFilesOfPath(isAbsolute(from) ? from : resolve(from));
    const vault = new Vault(dir, { kdf: ctx.kdf });
    const secret = await secretOf(values.recovery === true, ctx);
    const outcome = await restoreBackup(vault, files, secret, {
      now: () => new Date(),
      beforeRestoreFolder: () => {
        if (settings.defaultFolder) mkdirSync(settings.folder, { recursive: true, mode: 0o700 });
        return assertWritableFolder(settings.folder);
      },
    });
    try {
      ctx.out(`Sauvegarde ${files.name} vérifiée et restaurée dans ${vault.dir}.`);
      ctx.out(
        outcome.replacedFolder
          ? `Le coffre remplacé est conservé dans ${outcome.replacedFolder}.`
          : 'Il n’y avait pas de coffre à remplacer.',
      );
      if (outcome.beforeRestore)
        ctx.out(`Une sauvegarde du coffre remplacé a été faite : ${outcome.beforeRestore}.`);
    } finally {
      await vault.lock();
    }
    return 0;
  },
};
