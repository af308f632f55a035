/**
 * Where a vault's backups go, kept in a small file beside the vault (`balise.backups.json`)
 * so that backups can be listed and restored while the vault is locked or damaged. It holds
 * no personal data: a folder path and two settings.
 */
import { accessSync, constants, existsSync, mkdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, isAbsolute, join, resolve } from 'node:path';
import {
  DEFAULT_BACKUPS_KEPT,
  MAX_BACKUPS_KEPT,
  MIN_BACKUPS_KEPT,
  type BackupSettings,
} from '../../shared/api/backups';
import { DomainError } from '../../shared/result';
import { writeFileAtomic } from '../vault/files';

export const BACKUP_SETTINGS_FILE = 'balise.backups.json';

interface StoredSettings {
  format: 'balise-backups';
  version: 1;
  /** Null: the default folder. */
  folder: string | null;
  automatic: boolean;
  keep: number;
}

const DEFAULTS: StoredSettings = {
  format: 'balise-backups',
  version: 1,
  folder: null,
  automatic: true,
  keep: DEFAULT_BACKUPS_KEPT,
};

function readStored(file: string): StoredSettings {
  if (!existsSync(file)) return DEFAULTS;
  try {
    const raw = JSON.parse(readFileSync(file, 'utf8')) as Partial<StoredSettings>;
    const keep =
      Number.isInteger(raw.keep) && raw.keep! >= MIN_BACKUPS_KEPT && raw.keep! <= MAX_BACKUPS_KEPT
        ? raw.keep!
        : DEFAULTS.keep;
    return {
      ...DEFAULTS,
      folder: typeof raw.folder === 'string' && isAbsolute(raw.folder) ? raw.folder : null,
      automatic: typeof raw.automatic === 'boolean' ? raw.automatic : DEFAULTS.automatic,
      keep,
    };
  } catch {
    // An unreadable settings file must never block a restore: fall back to the defaults.
    return DEFAULTS;
  }
}

/** Refuses anything but an absolute path to an existing folder Balise may write to. */
export function assertWritableFolder(folder: string): string {
  if (!isAbsolute(folder))
    throw new DomainError(
      'INVALID_INPUT',
      'Indiquez le chemin complet du dossier des sauvegardes (par exemple /media/cle/Balise ou D:\\Sauvegardes).',
      { folder: 'Chemin complet attendu.' },
    );
  const path = resolve(folder);
  let isDir: boolean;
  try {
    isDir = statSync(path).isDirectory();
  } catch {
    isDir = false;
  }
  if (!isDir)
    throw new DomainError(
      'INVALID_INPUT',
      'Ce dossier n’existe pas (ou ce n’est pas un dossier). Branchez le disque ou créez le dossier, puis réessayez.',
      { folder: 'Dossier introuvable.' },
    );
  try {
    accessSync(path, constants.W_OK);
  } catch {
    throw new DomainError(
      'INVALID_INPUT',
      'Balise ne peut pas écrire dans ce dossier. Choisissez un dossier où vous avez le droit d’écrire.',
      { folder: 'Dossier protégé en écriture.' },
    );
  }
  return path;
}

export class BackupSettingsFile {
  readonly file: string;

  constructor(
    vaultDir: string,
    readonly defaultFolder: string,
  ) {
    this.file = join(vaultDir, BACKUP_SETTINGS_FILE);
  }

  read(): BackupSettings {
    const stored = readStored(this.file);
    return {
      folder: stored.folder ?? this.defaultFolder,
      defaultFolder: stored.folder === null,
      automatic: stored.automatic,
      keep: stored.keep,
    };
  }

  update(change: {
    folder?: string;
    useDefaultFolder?: true;
    automatic?: boolean;
    keep?: number;
  }): BackupSettings {
    const stored = readStored(this.file);
    const next: StoredSettings = { ...stored };
    if (change.useDefaultFolder) next.folder = null;
    else if (change.folder !== undefined) next.folder = assertWritableFolder(change.folder);
    if (change.automatic !== undefined) next.automatic = change.automatic;
    if (change.keep !== undefined) next.keep = change.keep;
    mkdirSync(dirname(this.file), { recursive: true, mode: 0o700 });
    writeFileAtomic(this.file, JSON.stringify(next, null, 2));
    return this.read();
  }
}
