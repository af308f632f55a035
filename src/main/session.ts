/**
 * The app's one session: which vault is in use (the coordinator's, or the separate demo
 * vault filled with a fictional department) and whether it is unlocked.
 */
import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import type { VaultState } from '../shared/api/vault';
import { DEFAULT_SETTINGS } from '../shared/api/settings';
import { DomainError } from '../shared/result';
import { Backups } from './backups/backups';
import type { Db } from './db/connection';
import { logError } from './log';
import { seedDemo } from './demo/seed';
import { readSettings } from './services/settings';
import { isDamageError } from './vault/integrity';
import { Vault, type VaultOptions } from './vault/vault';

/**
 * The demo vault holds only fictional data; it is encrypted like any vault, with a
 * passphrase written here because there is nothing in it to protect.
 */
export const DEMO_PASSPHRASE = 'balise-demonstration';

export interface SessionPaths {
  /** The coordinator's vault folder. */
  vault: string;
  /** The demo vault folder, kept apart so fictional and real data never mix. */
  demoVault: string;
}

export interface SessionOptions extends VaultOptions {
  /** The clock used to name and space backups; tests inject one. */
  now?: () => Date;
}

export class Session {
  private real: Vault;
  private demoVault: Vault;
  private realBackups: Backups;
  private demoBackups: Backups;
  private inDemo = false;

  constructor(
    readonly paths: SessionPaths,
    private readonly options: SessionOptions = {},
  ) {
    this.real = new Vault(paths.vault, options);
    this.demoVault = new Vault(paths.demoVault, options);
    // Each vault's backups default to a folder beside it; the demo's are kept apart.
    this.realBackups = new Backups(this.real, join(dirname(paths.vault), 'backups'), options.now);
    this.demoBackups = new Backups(
      this.demoVault,
      join(dirname(paths.demoVault), 'demo-backups'),
      options.now,
    );
  }

  /** The backups of the vault in use. */
  get backups(): Backups {
    return this.inDemo ? this.demoBackups : this.realBackups;
  }

  get vault(): Vault {
    return this.inDemo ? this.demoVault : this.real;
  }

  get demo(): boolean {
    return this.inDemo;
  }

  /** The open database of the vault in use; throws VAULT_LOCKED otherwise. */
  get db(): Db {
    return this.vault.db;
  }

  async status(): Promise<VaultState> {
    const state = this.vault.state();
    if (state !== 'unlocked')
      return { state, demo: this.inDemo, autoLockMinutes: DEFAULT_SETTINGS.autoLockMinutes };
    let autoLockMinutes = DEFAULT_SETTINGS.autoLockMinutes;
    try {
      autoLockMinutes = (await readSettings(this.db)).autoLockMinutes;
    } catch (error) {
      // The status must still say the vault is damaged when its settings cannot be read.
      if (!isDamageError(error)) throw error;
      this.vault.markDamaged();
    }
    return { state, demo: this.inDemo, autoLockMinutes, integrity: this.vault.integrity! };
  }

  /** Opens the demo vault, creating and filling it the first time. */
  async openDemo(): Promise<void> {
    if (this.real.state() === 'unlocked') {
      this.automaticBackup(this.realBackups);
      await this.real.lock();
    }
    this.real.cancelCreate();
    this.inDemo = true;
    const demo = this.demoVault;
    if (demo.state() === 'unlocked') return;
    if (!existsSync(demo.keyFile)) {
      const { recoveryKey } = await demo.create(DEMO_PASSPHRASE);
      await demo.confirmCreate(recoveryKey);
      await seedDemo(demo.db);
      return;
    }
    await demo.unlock(DEMO_PASSPHRASE);
  }

  /** Leaves the demo for the coordinator's own vault, which stays locked. */
  async leaveDemo(): Promise<void> {
    if (!this.inDemo) return;
    await this.demoVault.lock();
    this.inDemo = false;
  }

  async lock(): Promise<void> {
    this.automaticBackup(this.backups);
    await this.vault.lock();
  }

  async close(): Promise<void> {
    this.automaticBackup(this.realBackups);
    await this.real.lock();
    this.automaticBackup(this.demoBackups);
    await this.demoVault.lock();
  }

  /** The daily automatic backup, made on locking; a failure is logged and never prevents locking. */
  private automaticBackup(backups: Backups): void {
    try {
      backups.automatic();
    } catch (error) {
      logError('automatic backup failed', error);
    }
  }

  assertUnlocked(): void {
    if (this.vault.state() !== 'unlocked')
      throw new DomainError(
        'VAULT_LOCKED',
        'Le coffre est verrouillé. Déverrouillez-le pour continuer.',
      );
  }
}
