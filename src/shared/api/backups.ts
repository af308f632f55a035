/**
 * Backups of the vault (Sauvegardes): where they go, automatic or not, how many are kept;
 * the list, a manual backup, the verification of one, and the restore. Every route but
 * `backups.create` works while the vault is locked, so a damaged vault can be restored.
 */
import { z } from 'zod';
import { noInput } from './fields';
import { passphrase, recoveryKey, vaultState } from './vault';

export const BACKUP_KINDS = ['automatic', 'manual', 'before-restore'] as const;
export type BackupKind = (typeof BACKUP_KINDS)[number];

export const BACKUP_KIND_LABELS: Record<BackupKind, string> = {
  automatic: 'Automatique',
  manual: 'Manuelle',
  'before-restore': 'Avant restauration',
};

export const MIN_BACKUPS_KEPT = 1;
export const MAX_BACKUPS_KEPT = 100;
export const DEFAULT_BACKUPS_KEPT = 10;

/** A backup's name, as listed: `balise-2026-11-22-140312-manuelle` (never a path). */
export const backupName = z
  .string()
  .regex(
    /^balise-\d{4}-\d{2}-\d{2}-\d{6}-(auto|manuelle|avant-restauration)(-\d{1,4})?$/,
    'Nom de sauvegarde inconnu.',
  );

export const backupSettings = z.object({
  /** The folder the backups are written to (absolute). */
  folder: z.string(),
  /** True when no folder was chosen: the default one beside the vault is used. */
  defaultFolder: z.boolean(),
  automatic: z.boolean(),
  keep: z.number().int(),
});
export type BackupSettings = z.output<typeof backupSettings>;

export const backupInfo = z.object({
  name: z.string(),
  /** When it was made (ISO 8601). */
  date: z.string(),
  /** Bytes on disk, both files together. */
  size: z.number().int(),
  kind: z.enum(BACKUP_KINDS),
});
export type BackupInfo = z.output<typeof backupInfo>;

const settingsUpdate = z
  .object({
    folder: z
      .string()
      .trim()
      .min(1, 'Indiquez le dossier des sauvegardes.')
      .max(4096, 'Chemin trop long.')
      .optional(),
    /** Back to the default folder beside the vault. */
    useDefaultFolder: z.literal(true).optional(),
    automatic: z.boolean().optional(),
    keep: z
      .number()
      .int('Nombre entier attendu.')
      .min(MIN_BACKUPS_KEPT, `Gardez au moins ${MIN_BACKUPS_KEPT} sauvegarde.`)
      .max(MAX_BACKUPS_KEPT, `Au plus ${MAX_BACKUPS_KEPT} sauvegardes automatiques gardées.`)
      .optional(),
  })
  .strict();

const unlockSecret = z.union(
  [
    z.object({ name: backupName, passphrase: z.string().min(1).max(1024) }).strict(),
    z.object({ name: backupName, recoveryKey, newPassphrase: passphrase.optional() }).strict(),
  ],
  { error: 'Indiquez la sauvegarde et la phrase de passe (ou la clé de secours).' },
);

const restoreInput = z.union(
  [
    z.object({ name: backupName, passphrase: z.string().min(1).max(1024) }).strict(),
    z.object({ name: backupName, recoveryKey, newPassphrase: passphrase }).strict(),
  ],
  {
    error:
      'Indiquez la sauvegarde et la phrase de passe, ou la clé de secours et une nouvelle phrase de passe.',
  },
);

export const backupsRoutes = {
  'backups.settings.get': { input: noInput, output: backupSettings },
  'backups.settings.update': { input: settingsUpdate, output: backupSettings },
  'backups.list': {
    input: noInput,
    output: z.object({
      folder: z.string(),
      /** The vault's own folder, where a replaced vault is kept (`remplace-…`). */
      vaultFolder: z.string(),
      backups: z.array(backupInfo),
    }),
  },
  'backups.create': { input: noInput, output: backupInfo },
  'backups.verify': {
    input: unlockSecret,
    output: z.object({
      backup: backupInfo,
      /** Migrations recorded in the backup, and how many this version knows. */
      migrations: z.number().int(),
      knownMigrations: z.number().int(),
    }),
  },
  'backups.restore': {
    input: restoreInput,
    output: z.object({
      status: vaultState,
      /** The folder where the replaced vault's files were kept. */
      replacedFolder: z.string().nullable(),
      /** The backup made of the vault just before it was replaced, when it could be opened. */
      beforeRestore: z.string().nullable(),
    }),
  },
};
