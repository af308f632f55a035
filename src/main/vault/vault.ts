/**
 * One vault: a folder holding the encrypted database (`balise.db`) and its wrapped keys
 * (`balise.keys.json`). Creating, unlocking, locking and changing the passphrase live here;
 * nothing in this module writes the database's content except migrations.
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
import { migrate } from '../db/migrate';
import { writeFileAtomic } from './files';
import {
  DEFAULT_SCRYPT,
  isKeyFile,
  newDatabaseKey,
  newRecoveryKey,
  recoveryKeysEqual,
  unwrapWithPassphrase,
  unwrapWithRecoveryKey,
  wrapForPassphrase,
  wrapForRecovery,
  type KeyFile,
  type ScryptParams,
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
}

export interface VaultOptions {
  /** Key-derivation cost; tests lower it, the app keeps the default. */
  scrypt?: ScryptParams;
}

export class Vault {
  readonly dbFile: string;
  readonly keyFile: string;
  private pending: Pending | null = null;
  private open: Open | null = null;
  private readonly scrypt: ScryptParams;

  constructor(
    readonly dir: string,
    options: VaultOptions = {},
  ) {
    this.dbFile = join(dir, DB_FILE);
    this.keyFile = join(dir, KEY_FILE);
    this.scrypt = options.scrypt ?? DEFAULT_SCRYPT;
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
      passphrase: await wrapForPassphrase(dbKey, passphrase, this.scrypt),
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
      passphrase: await wrapForPassphrase(dbKey, newPassphrase, this.scrypt),
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
      passphrase: await wrapForPassphrase(dbKey, next, this.scrypt),
    };
    writeFileAtomic(this.keyFile, JSON.stringify(updated, null, 2));
  }

  /** Closes the database; the key leaves memory with the connection. */
  async lock(): Promise<void> {
    const open = this.open;
    this.open = null;
    if (!open) return;
    open.conn.pragma('wal_checkpoint(TRUNCATE)');
    await open.db.destroy(); // closes the connection too
    if (open.conn.open) open.conn.close();
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
    if (!create && !quickCheckPasses(conn)) {
      conn.close();
      throw new DomainError(
        'VAULT_DAMAGED',
        'Le fichier de données du coffre est abîmé (le contrôle d’intégrité échoue). Il n’a pas été modifié ; restaurez une sauvegarde.',
      );
    }
    const db = kyselyOf(conn);
    try {
      await migrate(db, { file: this.dbFile, conn });
    } catch (error) {
      await db.destroy();
      if (conn.open) conn.close();
      const code = (error as { code?: unknown } | null)?.code;
      if (code === 'SQLITE_CORRUPT' || code === 'SQLITE_NOTADB')
        throw new DomainError(
          'VAULT_DAMAGED',
          'Le fichier de données du coffre est abîmé. Il n’a pas été modifié ; restaurez une sauvegarde.',
        );
      throw error;
    }
    this.open = { conn, db };
  }
}

/** SQLite's quick check of every page (a damaged page fails here, not in the middle of work). */
function quickCheckPasses(conn: Connection): boolean {
  try {
    const rows = conn.pragma('quick_check') as { quick_check: string }[];
    return rows.every((r) => r.quick_check === 'ok');
  } catch {
    return false;
  }
}
