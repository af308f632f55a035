/**
 * A returned template between its preview and its import, on a real encrypted vault: what the
 * contained process read at the preview is kept in memory for the import of the same bytes
 * (and only of the same bytes), never beyond the open vault or the import itself.
 */
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import * as contained from '../../src/main/imports/contained';
import { readTemplateFile } from '../../src/main/services/activity/imports';
import { lastEndedPeriod } from '../../src/shared/rules/activity';
import { todayInParis } from '../../src/shared/rules/dates';
import { createTestVault, TEST_PASSPHRASE, type TestVault } from '../support/vault';
import { loadWorkbook } from '../support/workbooks';

vi.mock('../../src/main/imports/contained', async (original) => {
  const real = await original<typeof contained>();
  return { ...real, runContained: vi.fn(real.runContained) };
});
const parses = () =>
  vi.mocked(contained.runContained).mock.calls.filter(([task]) => task.startsWith('activity'))
    .length;

const PERIOD = lastEndedPeriod('trimestrielle', todayInParis());
let vault: TestVault;
const ids = { ines: 0, yanis: 0 };

beforeEach(async () => {
  vault = await createTestVault();
  const { id: structureId } = await vault.value('structures.create', {
    fields: {
      name: 'Centre social du Val',
      type: 'centre_social',
      legalForm: 'association',
      networkStatus: 'dans_le_reseau',
      territory: 'CC du Val',
    },
  });
  const promeneur = async (firstName: string, lastName: string) =>
    (
      await vault.value('promeneurs.create', {
        fields: {
          firstName,
          lastName,
          job: 'animateur',
          structureId,
          status: 'actif',
          statusSince: '2025-01-06',
          email: `${lastName.toLowerCase()}@pdn.example`,
        },
      })
    ).id;
  ids.ines = await promeneur('Inès', 'Garnier');
  ids.yanis = await promeneur('Yanis', 'Benali');
  vi.mocked(contained.runContained).mockClear();
});
afterEach(() => vault.cleanup());

/** The template of one Promeneur, filled in with `contacted` young people contacted. */
async function returned(promeneurId: number, contacted: number) {
  const out = await vault.value('activity.templates', { periodKey: PERIOD.key, promeneurId });
  const book = await loadWorkbook(Buffer.from(out.contentBase64, 'base64'));
  const sheet = book.getWorksheet('Bilan d’activité')!;
  sheet.eachRow((row) => {
    if (row.getCell(1).value === 'Jeunes contactés en ligne') row.getCell(2).value = contacted;
  });
  const bytes = Buffer.from(await book.xlsx.writeBuffer());
  return { periodKey: PERIOD.key, fileName: out.fileName, contentBase64: bytes.toString('base64') };
}

describe('a returned template, read once', () => {
  it('is imported from the read kept at its preview, then dropped', async () => {
    const file = await returned(ids.ines, 12);
    const preview = await vault.value('activity.importPreview', file);
    expect(preview.figures?.youngContacted).toBe(12);
    expect(parses()).toBe(1);
    const done = await vault.value('activity.importConfirm', { ...file, replace: false });
    expect(done.replaced).toBe(false);
    expect(parses()).toBe(1); // not read again
    // Imported: the read is dropped; a second import of the same file reads it again.
    const again = await vault.call('activity.importConfirm', { ...file, replace: false });
    expect(again.ok || again.error.code).toBe('CONFLICT');
    expect(parses()).toBe(2);
  });

  it('keeps a whole selection previewed before any is imported', async () => {
    const ines = await returned(ids.ines, 12);
    const yanis = await returned(ids.yanis, 7);
    await vault.value('activity.importPreview', ines);
    await vault.value('activity.importPreview', yanis);
    await vault.value('activity.importConfirm', { ...ines, replace: false });
    await vault.value('activity.importConfirm', { ...yanis, replace: false });
    expect(parses()).toBe(2);
  });

  it('reads other bytes again, even under the same name', async () => {
    const first = await returned(ids.ines, 12);
    await vault.value('activity.importPreview', first);
    const edited = await returned(ids.ines, 30);
    expect(edited.fileName).toBe(first.fileName);
    const done = await vault.value('activity.importConfirm', { ...edited, replace: false });
    expect(parses()).toBe(2);
    const stored = vault.session.vault.connection
      .prepare('select young_contacted as n from activity_reports where id = ?')
      .get(done.id) as { n: number };
    expect(stored.n).toBe(30);
  });

  it('checks the vault again at the import: a Promeneur erased since the preview', async () => {
    const file = await returned(ids.ines, 12);
    await vault.value('activity.importPreview', file);
    vault.session.vault.connection.prepare('delete from promeneurs where id = ?').run(ids.ines);
    const refused = await vault.call('activity.importConfirm', { ...file, replace: false });
    expect(refused.ok || refused.error.message).toMatch(/n’est pas \(ou plus\) dans ce coffre/);
    expect(parses()).toBe(1);
  });

  it('belongs to the open vault: locked and unlocked again, the file is read again', async () => {
    const file = await returned(ids.ines, 12);
    await vault.value('activity.importPreview', file);
    const kept = await readTemplateFile(vault.session.db, file);
    expect(parses()).toBe(1);
    await vault.session.lock();
    await vault.session.vault.unlock(TEST_PASSPHRASE);
    const after = await readTemplateFile(vault.session.db, file);
    expect(after.value).not.toBe(kept.value);
    expect(parses()).toBe(2);
  });
});
