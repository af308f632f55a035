/**
 * One vault: a folder holding the encrypted database (`balise.db`) and its wrapped keys
 * (`balise.keys.json`). Creating, unlocking, locking and changing the passphrase live here;
 * nothing in this module writes the database's content except migrations.
 *
 * Integrity. Unlocking proves the key right and the file a database (its schema is read),
 * then SQLite's quick_check of every page runs in the background (integrity.ts) so that a
 * national-sized vault opens in a fraction of a second. When the check, or any query, finds
 * the file damaged, the connection turns read-only (`query_only`): every later write is
 * refused with the French « coffre abîmé » message.
 */
import { existsSync, mkdirSync, readFileSync, renameSync } from 'node:fs';
import { join } from 'node:path';
import { DomainError } from '../../shared/result';
import {
  kyselyOf,
  openConnection,
  UnreadableDatabaseError,
  type Connection,
  type Db,
} from '../db/connection';
import { appliedMigrations, migrate } from '../db/migrate';
import { migrations } from '../db/migrations';
import { logError } from '../log';
import type { VaultIntegrity } from '../../shared/api/vault';
import { writeFileAtomic } from './files';
import { checkInBackground, isDamageError, quickCheck, type BackgroundCheck } from './integrity';
import {
  DEFAULT_ARGON2,
  isKeyFile,
  isWrappedWith,
  newDatabaseKey,
  newRecoveryKey,
  recoveryKeysEqual,
  unwrapWithPassphrase,
  unwrapWithRecoveryKey,
  wrapForPassphrase,
  wrapForRecovery,
  type Argon2Params,
  type KeyFile,
} from './keys';

export type VaultStateName = 'none' | 'pending' | 'locked' | 'unlocked';

export const DB_FILE = 'balise.db';
export const KEY_FILE = 'balise.keys.json';

interface Pending {
  dbKey: Buffer;
  recoveryKey: string;
  keyFile: KeyFile;
}

interface Open {
  conn: Connection;
  db: Db;
  integrity: VaultIntegrity;
  /** The background check while it runs. */
  check: BackgroundCheck | null;
}

export interface VaultOptions {
  /** The passphrase's key-derivation costs (Argon2id); tests lower them, the app keeps the default. */
  kdf?: Argon2Params;
  /**
   * When an existing vault's quick_check runs: 'in-background' (the default, the app's:
   * unlocking does not wait for it) or 'at-unlock' (unlocking waits and refuses a damaged
   * file: the command line's short commands). A vault about to be migrated is always checked
   * before, since migrating writes.
   */
  integrityCheck?: 'in-background' | 'at-unlock';
}

export class Vault {
  readonly dbFile: string;
  readonly keyFile: string;
  private pending: Pending | null = null;
  private open: Open | null = null;
  private readonly kdf: Argon2Params;
  private readonly integrityCheck: 'in-background' | 'at-unlock';

  constructor(
    readonly dir: string,
    options: VaultOptions = {},
  ) {
    this.dbFile = join(dir, DB_FILE);
    this.keyFile = join(dir, KEY_FILE);
    this.kdf = options.kdf ?? DEFAULT_ARGON2;
    this.integrityCheck = options.integrityCheck ?? 'in-background';
  }

  state(): VaultStateName {
    if (this.open) return 'unlocked';
    if (this.pending) return 'pending';
    return existsSync(this.keyFile) ? 'locked' : 'none';
  }

  /** The open database; throws VAULT_LOCKED when the vault is not unlocked. */
  get db(): Db {
    if (!this.open)
      throw new DomainError(
        'VAULT_LOCKED',
        'Le coffre est verrouillé. Déverrouillez-le pour continuer.',
      );
    return this.open.db;
  }

  get connection(): Connection {
    if (!this.open)
      throw new DomainError(
        'VAULT_LOCKED',
        'Le coffre est verrouillé. Déverrouillez-le pour continuer.',
      );
    return this.open.conn;
  }

  /** The open vault's integrity (null while locked). */
  get integrity(): VaultIntegrity | null {
    return this.open?.integrity ?? null;
  }

  /** Resolves with the integrity once the background check has answered (null while locked). */
  async integrityChecked(): Promise<VaultIntegrity | null> {
    const open = this.open;
    if (!open) return null;
    if (open.check) await open.check.verdict;
    return this.open === open ? open.integrity : null;
  }

  /**
   * The file is damaged (the check failed, or a query met a damaged page): the connection
   * becomes read-only for the rest of the session and the background check, if running, stops.
   */
  markDamaged(): void {
    const open = this.open;
    if (!open || open.integrity === 'abimee') return;
    open.integrity = 'abimee';
    try {
      open.conn.pragma('query_only = ON');
    } catch (error) {
      logError('vault: could not make the damaged vault read-only', error);
    }
    void this.stopCheck(open);
  }

  /**
   * First step of creation: makes the keys in memory and returns the recovery key to show.
   * Nothing is written until `confirmCreate` receives the same recovery key back.
   */
  async create(passphrase: string): Promise<{ recoveryKey: string }> {
    if (this.state() === 'locked' || this.state() === 'unlocked')
      throw new DomainError('VAULT_EXISTS', 'Un coffre existe déjà à cet emplacement.');
    const dbKey = newDatabaseKey();
    const recoveryKey = newRecoveryKey();
    const keyFile: KeyFile = {
      format: 'balise-keys',
      version: 1,
      passphrase: await wrapForPassphrase(dbKey, passphrase, this.kdf),
      recovery: wrapForRecovery(dbKey, recoveryKey),
    };
    this.pending = { dbKey, recoveryKey, keyFile };
    return { recoveryKey };
  }

  /** Second step: the person typed the recovery key back; the vault is written and opened. */
  async confirmCreate(recoveryKey: string): Promise<void> {
    const pending = this.pending;
    if (!pending) throw new DomainError('CONFLICT', 'Aucune création de coffre n’est en cours.');
    if (!recoveryKeysEqual(recoveryKey, pending.recoveryKey))
      throw new DomainError(
        'WRONG_RECOVERY_KEY',
        'La clé de secours saisie ne correspond pas. Vérifiez chaque groupe de caractères.',
      );
    mkdirSync(this.dir, { recursive: true, mode: 0o700 });
    if (existsSync(this.dbFile)) {
      // A database without its key file cannot be opened by anyone: keep it aside, never delete it.
      renameSync(this.dbFile, `${this.dbFile}.orphan-${Date.now()}`);
    }
    await this.openWith(pending.dbKey, { create: true });
    writeFileAtomic(this.keyFile, JSON.stringify(pending.keyFile, null, 2));
    this.pending = null;
  }

  cancelCreate(): void {
    this.pending = null;
  }

  async unlock(passphrase: string): Promise<void> {
    if (this.open) return;
    const keyFile = this.readKeyFile();
    const dbKey = await unwrapWithPassphrase(keyFile, passphrase);
    if (!dbKey)
      throw new DomainError(
        'WRONG_PASSPHRASE',
        'Phrase de passe incorrecte. Vérifiez la saisie (majuscules, accents) et réessayez.',
      );
    await this.openWith(dbKey, { create: false });
    await this.rewrapIfOutdated(keyFile, dbKey, passphrase);
  }

  /**
   * A key file written before Argon2id (scrypt), or with other costs than the vault's, is
   * wrapped again once the passphrase has proved right, so that every later unlock derives
   * with the current setting. Awaited, so no passphrase change can interleave with it. If it
   * cannot be written, the old file stays and still opens the vault: only logged.
   */
  private async rewrapIfOutdated(keyFile: KeyFile, dbKey: Buffer, passphrase: string) {
    if (isWrappedWith(keyFile, this.kdf)) return;
    try {
      const next: KeyFile = {
        ...keyFile,
        passphrase: await wrapForPassphrase(dbKey, passphrase, this.kdf),
      };
      writeFileAtomic(this.keyFile, JSON.stringify(next, null, 2));
    } catch (error) {
      logError('vault: could not rewrap the key file with the current key derivation', error);
    }
  }

  /** Opens with the recovery key and sets a new passphrase at once. */
  async unlockWithRecoveryKey(recoveryKey: string, newPassphrase: string): Promise<void> {
    const keyFile = this.readKeyFile();
    const dbKey = unwrapWithRecoveryKey(keyFile, recoveryKey);
    if (!dbKey)
      throw new DomainError(
        'WRONG_RECOVERY_KEY',
        'Clé de secours incorrecte. Vérifiez chaque groupe de caractères.',
      );
    await this.openWith(dbKey, { create: false });
    const next: KeyFile = {
      ...keyFile,
      passphrase: await wrapForPassphrase(dbKey, newPassphrase, this.kdf),
    };
    writeFileAtomic(this.keyFile, JSON.stringify(next, null, 2));
  }

  /** Rewraps the database key under a new passphrase; the database itself is not touched. */
  async changePassphrase(current: string, next: string): Promise<void> {
    const keyFile = this.readKeyFile();
    const dbKey = await unwrapWithPassphrase(keyFile, current);
    if (!dbKey)
      throw new DomainError('WRONG_PASSPHRASE', 'La phrase de passe actuelle est incorrecte.');
    const updated: KeyFile = {
      ...keyFile,
      passphrase: await wrapForPassphrase(dbKey, next, this.kdf),
    };
    writeFileAtomic(this.keyFile, JSON.stringify(updated, null, 2));
  }

  /**
   * Closes the database; the key leaves memory with the connection. A background check still
   * running is killed first: its process and read-only connection end with it, so the
   * checkpoint is not held back by its reading.
   */
  async lock(): Promise<void> {
    const open = this.open;
    this.open = null;
    if (!open) return;
    await this.stopCheck(open);
    try {
      open.conn.pragma('wal_checkpoint(TRUNCATE)');
    } catch (error) {
      // Locking must never fail (a damaged file); closing checkpoints what it can.
      logError('vault: checkpoint before locking failed', error);
    }
    await open.db.destroy(); // closes the connection too
    if (open.conn.open) open.conn.close();
  }

  private async stopCheck(open: Open): Promise<void> {
    const check = open.check;
    open.check = null;
    if (check) await check.stop();
  }

  readKeyFile(): KeyFile {
    if (!existsSync(this.keyFile))
      throw new DomainError('VAULT_MISSING', 'Aucun coffre n’existe à cet emplacement.');
    let parsed: unknown;
    try {
      parsed = JSON.parse(readFileSync(this.keyFile, 'utf8'));
    } catch {
      parsed = null;
    }
    if (!isKeyFile(parsed))
      throw new DomainError(
        'VAULT_DAMAGED',
        'Le fichier des clés du coffre est illisible ou abîmé. Restaurez une sauvegarde.',
      );
    return parsed;
  }

  private async openWith(dbKey: Buffer, { create }: { create: boolean }): Promise<void> {
    if (!create && !existsSync(this.dbFile))
      throw new DomainError(
        'VAULT_DAMAGED',
        'Le fichier de données du coffre est introuvable. Restaurez une sauvegarde.',
      );
    let conn: Connection;
    try {
      conn = openConnection(this.dbFile, dbKey);
    } catch (error) {
      if (error instanceof UnreadableDatabaseError)
        throw new DomainError(
          'VAULT_DAMAGED',
          'Le fichier de données du coffre est abîmé ou ne correspond pas à ses clés. Il n’a pas été modifié ; restaurez une sauvegarde.',
        );
      throw error;
    }
    const db = kyselyOf(conn);
    let checkedNow = false;
    try {
      if (!create && (this.integrityCheck === 'at-unlock' || (await migrationsPending(db)))) {
        checkedNow = true;
        if (!quickCheckPasses(conn))
          throw new DomainError(
            'VAULT_DAMAGED',
            'Le fichier de données du coffre est abîmé (le contrôle d’intégrité échoue). Il n’a pas été modifié ; restaurez une sauvegarde.',
          );
      }
      await migrate(db, { file: this.dbFile, conn });
    } catch (error) {
      await db.destroy();
      if (conn.open) conn.close();
      if (isDamageError(error))
        throw new DomainError(
          'VAULT_DAMAGED',
          'Le fichier de données du coffre est abîmé. Il n’a pas été modifié ; restaurez une sauvegarde.',
        );
      throw error;
    }
    const open: Open = { conn, db, integrity: 'ok', check: null };
    if (!create && !checkedNow) {
      open.integrity = 'en_cours';
      open.check = checkInBackground(this.dbFile, dbKey);
      void open.check.verdict.then((verdict) => {
        if (this.open !== open || open.integrity !== 'en_cours') return;
        open.check = null;
        if (verdict === 'abimee') this.markDamaged();
        else open.integrity = verdict;
      });
    }
    this.open = open;
  }
}

/** Whether this version has migrations the vault has not run yet. */
async function migrationsPending(db: Db): Promise<boolean> {
  const applied = new Set(await appliedMigrations(db));
  return Object.keys(migrations).some((name) => !applied.has(name));
}

/** quick_check in this process, for the unlocks that wait for it; any failure counts as damage. */
function quickCheckPasses(conn: Connection): boolean {
  try {
    return quickCheck(conn) === 'ok';
  } catch {
    return false;
  }
}
