/**
 * The directory import's file between its steps, on a real encrypted vault: the
 * table parsed at the read is kept in memory for the preview and the import of the same file
 * (and only of the same file), never beyond it.
 */
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import {
  forgetTable,
  readTableFile,
  TABLE_KEPT_MS,
} from '../../src/main/services/directoryImport/file';
import type { ImportedTable } from '../../src/shared/api/directoryImport';
import { createTestVault, TEST_PASSPHRASE, type TestVault } from '../support/vault';

const csv = (...lines: string[]) => ({
  fileName: 'annuaire.csv',
  contentBase64: Buffer.from(lines.join('\r\n')).toString('base64'),
});
const HEADINGS = 'Structure;Commune;EPCI;Prénom;Nom';
const chosen = (table: ImportedTable) =>
  table.sheets.map((s) => ({ sheet: s.name, role: s.role, columns: s.columns }));

let vault: TestVault;
beforeEach(async () => {
  vault = await createTestVault();
});
afterEach(() => vault.cleanup());

describe('the parsed table, kept between the steps', () => {
  const file = csv(HEADINGS, 'MJC du Vexin;Gisors;Vexin;Léa;Martin');

  it('is parsed once for the same file, again for other bytes or another name', async () => {
    const db = vault.session.db;
    const first = await readTableFile(db, file);
    expect(await readTableFile(db, file)).toBe(first);
    const edited = csv(HEADINGS, 'MJC du Vexin;Gisors;Vexin;Léa;Martin', 'MJC;Gisors;;Tom;Leroy');
    const other = await readTableFile(db, edited);
    expect(other).not.toBe(first);
    expect(other.sheets[0]!.rows).toHaveLength(2);
    // The same bytes under another name: a CSV's sheet is named after its file.
    const renamed = await readTableFile(db, { ...file, fileName: 'autre.csv' });
    expect(renamed.sheets[0]!.name).toBe('autre.csv');
    // Only the last file is kept.
    expect(await readTableFile(db, file)).not.toBe(first);
  });

  it('serves the preview and the import of the file read, and is dropped once imported', async () => {
    const db = vault.session.db;
    const table = await vault.value('directoryImport.read', file);
    const kept = await readTableFile(db, file);
    const plan = await vault.value('directoryImport.preview', { ...file, sheets: chosen(table) });
    expect(plan.promeneurs.create).toBe(1);
    expect(await readTableFile(db, file)).toBe(kept);
    await vault.value('directoryImport.run', { ...file, sheets: chosen(table) });
    expect(await readTableFile(db, file)).not.toBe(kept);
  });

  it('previews the bytes it is given, not an earlier file of the same name', async () => {
    const table = await vault.value('directoryImport.read', file);
    const edited = csv(HEADINGS, 'MJC du Vexin;Gisors;Vexin;Léa;Martin', 'MJC;Gisors;;Tom;Leroy');
    const plan = await vault.value('directoryImport.preview', {
      ...edited,
      sheets: chosen(table),
    });
    expect(plan.promeneurs.create).toBe(2);
  });

  it('belongs to the open vault: another vault parses the file itself', async () => {
    const other = await createTestVault();
    try {
      const mine = await readTableFile(vault.session.db, file);
      expect(await readTableFile(other.session.db, file)).not.toBe(mine);
      // Locked and unlocked again: a new connection, nothing kept from before.
      await vault.session.lock();
      await vault.session.vault.unlock(TEST_PASSPHRASE);
      expect(await readTableFile(vault.session.db, file)).not.toBe(mine);
    } finally {
      await other.cleanup();
    }
  });

  it('goes after a quarter of an hour unused', async () => {
    const db = vault.session.db;
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout'] });
    try {
      const first = await readTableFile(db, file);
      vi.advanceTimersByTime(TABLE_KEPT_MS - 1000);
      expect(await readTableFile(db, file)).toBe(first); // used again: kept longer
      vi.advanceTimersByTime(TABLE_KEPT_MS - 1000);
      expect(await readTableFile(db, file)).toBe(first);
      vi.advanceTimersByTime(TABLE_KEPT_MS);
      expect(await readTableFile(db, file)).not.toBe(first);
    } finally {
      vi.useRealTimers();
      forgetTable(db);
    }
  });
});
