/**
 * Backups of a vault. A backup is two files in the backup folder:
 * - `<name>.db`, a copy of the database made with `VACUUM INTO` on the open connection:
 *   encrypted exactly like the vault, with the same database key;
 * - `<name>.keys.json`, the vault's key file at that moment: the key only wrapped under the
 *   passphrase and the recovery key, so a backup opens only with one of them.
 * Both are written under temporary names and renamed when complete, so a half-written
 * backup never looks like one. Restoring verifies first, and never deletes the vault it
 * replaces: its files are moved aside into `remplace-<date>/` inside the vault folder.
 */
import {
  chmodSync,
  closeSync,
  copyFileSync,
  existsSync,
  fsyncSync,
  mkdirSync,
  openSync,
  readdirSync,
  readFileSync,
  renameSync,
  statSync,
  unlinkSync,
} from 'node:fs';
import { basename, dirname, join } from 'node:path';
import type { BackupInfo, BackupKind } from '../../shared/api/backups';
import { DomainError } from '../../shared/result';
import {
  integrityProblems,
  openConnection,
  UnreadableDatabaseError,
  type Connection,
} from '../db/connection';
import { migrations } from '../db/migrations';
import { logError } from '../log';
import { writeFileAtomic } from '../vault/files';
import { isDamageError } from '../vault/integrity';
import { isKeyFile, unwrapWithPassphrase, unwrapWithRecoveryKey } from '../vault/keys';
import { DB_FILE, KEY_FILE, type Vault } from '../vault/vault';
import { assertWritableFolder, BackupSettingsFile } from './settings';

export const BACKUP_DB_SUFFIX = '.db';
export const BACKUP_KEYS_SUFFIX = '.keys.json';
const DAY_MS = 24 * 60 * 60 * 1000;

const KIND_SUFFIX: Record<BackupKind, string> = {
  automatic: 'auto',
  manual: 'manuelle',
  'before-restore': 'avant-restauration',
};

const NAME =
  /^balise-(\d{4})-(\d{2})-(\d{2})-(\d{2})(\d{2})(\d{2})-(auto|manuelle|avant-restauration)(?:-(\d{1,4}))?$/;

/** The passphrase, or the recovery key (and, to open the vault after a restore, a new passphrase). */
export type BackupSecret =
  { passphrase: string } | { recoveryKey: string; newPassphrase?: string | undefined };

/** The two files of one backup. */
export interface BackupFiles {
  name: string;
  db: string;
  keys: string;
}

const pad = (n: number, width = 2) => String(n).padStart(width, '0');

/** `2026-11-22-140312`, local time: what a person reads in a file name. */
export function stamp(date: Date): string {
  return `${date.getFullYear()}-${pad(date.getMonth() + 1)}-${pad(date.getDate())}-${pad(date.getHours())}${pad(date.getMinutes())}${pad(date.getSeconds())}`;
}

/** What a backup's name says: its date and kind; null for any other file name. */
export function parseBackupName(name: string): { date: Date; kind: BackupKind } | null {
  const m = NAME.exec(name);
  if (!m) return null;
  const [, y, mo, d, h, mi, s, suffix] = m;
  const date = new Date(+y!, +mo! - 1, +d!, +h!, +mi!, +s!);
  if (Number.isNaN(date.getTime())) return null;
  const kind = (Object.keys(KIND_SUFFIX) as BackupKind[]).find((k) => KIND_SUFFIX[k] === suffix)!;
  return { date, kind };
}

export function backupFiles(folder: string, name: string): BackupFiles {
  return {
    name,
    db: join(folder, `${name}${BACKUP_DB_SUFFIX}`),
    keys: join(folder, `${name}${BACKUP_KEYS_SUFFIX}`),
  };
}

/** The backup a path designates: its `.db` file, its `.keys.json` file, or either without suffix. */
export function backupFilesOfPath(path: string): BackupFiles {
  const file = basename(path);
  const name = file.endsWith(BACKUP_KEYS_SUFFIX)
    ? file.slice(0, -BACKUP_KEYS_SUFFIX.length)
    : file.endsWith(BACKUP_DB_SUFFIX)
      ? file.slice(0, -BACKUP_DB_SUFFIX.length)
      : file;
  return backupFiles(dirname(path), name);
}

function infoOf(files: BackupFiles): BackupInfo | null {
  const parsed = parseBackupName(files.name);
  if (!parsed || !existsSync(files.db) || !existsSync(files.keys)) return null;
  return {
    name: files.name,
    date: parsed.date.toISOString(),
    size: statSync(files.db).size + statSync(files.keys).size,
    kind: parsed.kind,
  };
}

/** The complete backups in a folder, newest first (a half-written one is never listed). */
export function listBackups(folder: string): BackupInfo[] {
  if (!existsSync(folder)) return [];
  let names: string[];
  try {
    names = readdirSync(folder);
  } catch {
    return [];
  }
  return names
    .filter((f) => f.endsWith(BACKUP_DB_SUFFIX))
    .map((f) => infoOf(backupFiles(folder, f.slice(0, -BACKUP_DB_SUFFIX.length))))
    .filter((b): b is BackupInfo => b !== null)
    .sort((a, b) => b.date.localeCompare(a.date) || b.name.localeCompare(a.name));
}

function fsyncFile(file: string): void {
  const fd = openSync(file, 'r+');
  try {
    fsyncSync(fd);
  } finally {
    closeSync(fd);
  }
}

function fsyncDir(dir: string): void {
  try {
    const fd = openSync(dir, 'r');
    fsyncSync(fd);
    closeSync(fd);
  } catch {
    // Directories cannot be opened for fsync on Windows; renames are still atomic there.
  }
}

/**
 * Writes a backup of an open, keyed connection into `folder`: the `VACUUM INTO` copy (same
 * key) and the key file's bytes, both under temporary names first.
 */
export function writeBackup(
  conn: Connection,
  keyFile: string,
  folder: string,
  kind: BackupKind,
  now: Date,
): BackupInfo {
  const keyBytes = readFileSync(keyFile, 'utf8');
  const base = `balise-${stamp(now)}-${KIND_SUFFIX[kind]}`;
  let files = backupFiles(folder, base);
  for (let n = 2; existsSync(files.db) || existsSync(files.keys); n++)
    files = backupFiles(folder, `${base}-${n}`);
  const tmp = `${files.db}.tmp-${process.pid}`;
  try {
    if (existsSync(tmp)) unlinkSync(tmp);
    conn.prepare('VACUUM INTO ?').run(tmp);
    chmodSync(tmp, 0o600);
    fsyncFile(tmp);
    writeFileAtomic(files.keys, keyBytes);
    renameSync(tmp, files.db);
    fsyncDir(folder);
  } catch (error) {
    for (const f of [tmp, files.keys]) if (existsSync(f)) unlinkSync(f);
    // A damaged page met while copying: the caller says so (the router, in French).
    if (error instanceof DomainError || isDamageError(error)) throw error;
    logError('backup failed', error);
    throw new DomainError(
      'INTERNAL',
      'La sauvegarde n’a pas pu être écrite (disque plein, dossier débranché ou protégé ?). Aucune sauvegarde incomplète n’a été laissée.',
    );
  }
  return infoOf(files)!;
}

export interface VerifiedBackup {
  backup: BackupInfo;
  migrations: number;
  knownMigrations: number;
}

/**
 * Checks a backup without writing anything: both files present, the key file parses, the
 * secret unwraps the key, the database opens read-only with it, `integrity_check` passes
 * and every migration it records is known to this version.
 */
export async function verifyBackup(
  files: BackupFiles,
  secret: BackupSecret,
): Promise<VerifiedBackup> {
  const info = infoOf(files);
  if (!existsSync(files.db) || !existsSync(files.keys) || !parseBackupName(files.name) || !info)
    throw new DomainError(
      'NOT_FOUND',
      'Cette sauvegarde est introuvable ou incomplète (il faut ses deux fichiers, .db et .keys.json). Rien n’a été modifié.',
    );
  let keyFile: unknown;
  try {
    keyFile = JSON.parse(readFileSync(files.keys, 'utf8'));
  } catch {
    keyFile = null;
  }
  if (!isKeyFile(keyFile))
    throw new DomainError(
      'VAULT_DAMAGED',
      'Le fichier des clés de cette sauvegarde est illisible ou abîmé : elle ne peut pas être restaurée. Rien n’a été modifié.',
    );
  const key =
    'passphrase' in secret
      ? await unwrapWithPassphrase(keyFile, secret.passphrase)
      : unwrapWithRecoveryKey(keyFile, secret.recoveryKey);
  if (!key)
    throw 'passphrase' in secret
      ? new DomainError(
          'WRONG_PASSPHRASE',
          'Cette phrase de passe n’ouvre pas cette sauvegarde. Il faut celle du coffre au moment de la sauvegarde (ou la clé de secours). Rien n’a été modifié.',
        )
      : new DomainError(
          'WRONG_RECOVERY_KEY',
          'Cette clé de secours n’ouvre pas cette sauvegarde. Vérifiez chaque groupe de caractères. Rien n’a été modifié.',
        );
  let conn: Connection;
  try {
    conn = openConnection(files.db, key, { readonly: true });
  } catch (error) {
    if (error instanceof UnreadableDatabaseError)
      throw new DomainError(
        'VAULT_DAMAGED',
        'Le fichier de données de cette sauvegarde est abîmé ou ne correspond pas à ses clés : elle ne peut pas être restaurée. Rien n’a été modifié.',
      );
    throw error;
  } finally {
    key.fill(0);
  }
  try {
    let problems: string[];
    try {
      problems = integrityProblems(conn);
    } catch {
      problems = ['unreadable'];
    }
    if (problems.length > 0)
      throw new DomainError(
        'VAULT_DAMAGED',
        'Cette sauvegarde est abîmée (le contrôle d’intégrité échoue) : elle ne peut pas être restaurée. Rien n’a été modifié.',
      );
    let applied: string[];
    try {
      const table = conn
        .prepare(`select name from sqlite_master where type = 'table' and name = 'migrations'`)
        .get();
      applied = table
        ? (conn.prepare('select name from migrations').all() as { name: string }[]).map(
            (r) => r.name,
          )
        : [];
    } catch {
      throw new DomainError(
        'VAULT_DAMAGED',
        'La version du schéma de cette sauvegarde est illisible : elle ne peut pas être restaurée. Rien n’a été modifié.',
      );
    }
    const known = Object.keys(migrations);
    if (applied.some((name) => !known.includes(name)))
      throw new DomainError(
        'VAULT_TOO_NEW',
        'Cette sauvegarde a été faite par une version plus récente de Balise. Installez la dernière version de l’application pour la restaurer. Rien n’a été modifié.',
      );
    if (applied.length === 0)
      throw new DomainError(
        'VAULT_DAMAGED',
        'Cette sauvegarde ne contient pas de coffre Balise : elle ne peut pas être restaurée. Rien n’a été modifié.',
      );
    return { backup: info, migrations: applied.length, knownMigrations: known.length };
  } finally {
    conn.close();
  }
}

/** Copies a file to its place through a temporary name, so the place never holds half of it. */
function copyInPlace(from: string, to: string): void {
  const tmp = `${to}.restore-${process.pid}`;
  copyFileSync(from, tmp);
  chmodSync(tmp, 0o600);
  fsyncFile(tmp);
  renameSync(tmp, to);
}

/**
 * Moves the vault's files aside into `<vault>/remplace-<date>/` (never deleted) and puts the
 * backup's two files in their place. The vault must be locked. Returns the folder used, or
 * null when there was nothing to move.
 */
export function replaceVaultFiles(vault: Vault, files: BackupFiles, now: Date): string | null {
  if (vault.state() === 'unlocked') throw new Error('lock the vault before replacing its files');
  mkdirSync(vault.dir, { recursive: true, mode: 0o700 });
  const present = [DB_FILE, `${DB_FILE}-wal`, `${DB_FILE}-shm`, KEY_FILE].filter((f) =>
    existsSync(join(vault.dir, f)),
  );
  let aside: string | null = null;
  if (present.length > 0) {
    aside = join(vault.dir, `remplace-${stamp(now)}`);
    for (let n = 2; existsSync(aside); n++) aside = join(vault.dir, `remplace-${stamp(now)}-${n}`);
    mkdirSync(aside, { mode: 0o700 });
    for (const f of present) renameSync(join(vault.dir, f), join(aside, f));
    fsyncDir(aside);
  }
  try {
    copyInPlace(files.db, vault.dbFile);
    copyInPlace(files.keys, vault.keyFile);
  } catch (error) {
    // Put the vault back as it was (a full disk, a backup drive unplugged midway).
    for (const f of [vault.dbFile, vault.keyFile]) if (existsSync(f)) unlinkSync(f);
    if (aside) for (const f of present) renameSync(join(aside, f), join(vault.dir, f));
    throw error;
  }
  fsyncDir(vault.dir);
  return aside;
}

/** The key of the vault in place, when the secret opens it (null when damaged or another key). */
async function currentKey(vault: Vault, secret: BackupSecret): Promise<Buffer | null> {
  try {
    const keyFile = vault.readKeyFile();
    return 'passphrase' in secret
      ? await unwrapWithPassphrase(keyFile, secret.passphrase)
      : unwrapWithRecoveryKey(keyFile, secret.recoveryKey);
  } catch {
    return null;
  }
}

export interface RestoreOutcome {
  replacedFolder: string | null;
  beforeRestore: string | null;
}

/** One vault's backups: settings, list, create, automatic, verify, restore. */
export class Backups {
  readonly settings: BackupSettingsFile;

  constructor(
    readonly vault: Vault,
    defaultFolder: string,
    private readonly now: () => Date = () => new Date(),
  ) {
    this.settings = new BackupSettingsFile(vault.dir, defaultFolder);
  }

  folder(): string {
    return this.settings.read().folder;
  }

  list(): BackupInfo[] {
    return listBackups(this.folder());
  }

  /** The folder ready for writing: the default one is created, a chosen one must exist. */
  private writableFolder(): string {
    const settings = this.settings.read();
    if (settings.defaultFolder) {
      mkdirSync(settings.folder, { recursive: true, mode: 0o700 });
      return settings.folder;
    }
    if (!existsSync(settings.folder))
      throw new DomainError(
        'NOT_FOUND',
        `Le dossier des sauvegardes (${settings.folder}) est introuvable : le disque est-il branché ? Branchez-le ou choisissez un autre dossier.`,
      );
    return assertWritableFolder(settings.folder);
  }

  /** A backup of the open vault, now; refused once the vault is known damaged. */
  create(kind: BackupKind = 'manual'): BackupInfo {
    const conn = this.vault.connection;
    if (this.vault.integrity === 'abimee')
      throw new DomainError(
        'VAULT_DAMAGED',
        'Le fichier de données du coffre est abîmé (le contrôle d’intégrité échoue) : une sauvegarde faite maintenant en copierait les dommages. Restaurez plutôt une sauvegarde existante.',
      );
    return writeBackup(conn, this.vault.keyFile, this.writableFolder(), kind, this.now());
  }

  /**
   * The automatic backup made when the vault locks: only when switched on, and at most once
   * a day; then the oldest automatic backups beyond the number to keep are deleted (never a
   * manual one, never one made before a restore). Never from a vault known damaged: that
   * would push a good backup out. (While the background check still runs, the copy reads
   * every table page anyway and stops on a damaged one, leaving no backup.)
   */
  automatic(): BackupInfo | null {
    const settings = this.settings.read();
    if (!settings.automatic || this.vault.state() !== 'unlocked') return null;
    if (this.vault.integrity === 'abimee') return null;
    const newest = this.list()[0];
    if (newest && this.now().getTime() - new Date(newest.date).getTime() < DAY_MS) return null;
    const made = this.create('automatic');
    this.prune(settings.keep);
    return made;
  }

  /** Deletes the oldest automatic backups beyond `keep`; returns their names. */
  prune(keep: number): string[] {
    const folder = this.folder();
    const extra = this.list()
      .filter((b) => b.kind === 'automatic')
      .slice(keep);
    for (const b of extra) {
      const files = backupFiles(folder, b.name);
      unlinkSync(files.db);
      unlinkSync(files.keys);
    }
    return extra.map((b) => b.name);
  }

  verify(name: string, secret: BackupSecret): Promise<VerifiedBackup> {
    return verifyBackup(backupFiles(this.folder(), name), secret);
  }

  /**
   * Verifies the backup, saves the vault in place when it opens (`…-avant-restauration`),
   * locks, moves the vault's files aside, puts the backup in place and unlocks it with the
   * same secret (a recovery key also needs the new passphrase to set).
   */
  async restore(name: string, secret: BackupSecret): Promise<RestoreOutcome> {
    return restoreBackup(this.vault, backupFiles(this.folder(), name), secret, {
      now: this.now,
      beforeRestoreFolder: () => this.writableFolder(),
    });
  }
}

export async function restoreBackup(
  vault: Vault,
  files: BackupFiles,
  secret: BackupSecret,
  options: { now: () => Date; beforeRestoreFolder: () => string },
): Promise<RestoreOutcome> {
  await verifyBackup(files, secret);
  const beforeRestore = await saveBeforeRestore(vault, secret, options);
  await vault.lock();
  const replacedFolder = replaceVaultFiles(vault, files, options.now());
  if ('passphrase' in secret) await vault.unlock(secret.passphrase);
  else if (secret.newPassphrase)
    await vault.unlockWithRecoveryKey(secret.recoveryKey, secret.newPassphrase);
  return { replacedFolder, beforeRestore };
}

/** A backup of the vault about to be replaced, when it opens; null when it does not (damaged). */
async function saveBeforeRestore(
  vault: Vault,
  secret: BackupSecret,
  options: { now: () => Date; beforeRestoreFolder: () => string },
): Promise<string | null> {
  try {
    // Known damaged while open: there is nothing sound to copy (the files are kept aside).
    if (vault.integrity === 'abimee') return null;
    if (vault.state() === 'unlocked')
      return writeBackup(
        vault.connection,
        vault.keyFile,
        options.beforeRestoreFolder(),
        'before-restore',
        options.now(),
      ).name;
    if (!existsSync(vault.dbFile)) return null;
    const key = await currentKey(vault, secret);
    if (!key) return null;
    let conn: Connection;
    try {
      conn = openConnection(vault.dbFile, key);
    } finally {
      key.fill(0);
    }
    try {
      if (integrityProblems(conn).length > 0) return null;
      return writeBackup(
        conn,
        vault.keyFile,
        options.beforeRestoreFolder(),
        'before-restore',
        options.now(),
      ).name;
    } finally {
      conn.close();
    }
  } catch (error) {
    // A damaged vault cannot be copied; its files are kept aside all the same.
    if (!(error instanceof UnreadableDatabaseError))
      logError('backup before restore skipped', error);
    return null;
  }
}
