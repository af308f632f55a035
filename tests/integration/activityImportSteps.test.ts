/**
 * A returned template between its preview and its import, on a real encrypted vault: what the
 * contained process read at the preview is kept in memory for the import of the same bytes
 * (and only of the same bytes), never beyond the open vault or the import itself.
 */
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import * as contained from '../../src/main/imports/contained';
import { readTemplateFile } from '../../src/main/services/activity/imports';
import { DomainError } from '../../src/shared/result';
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
async function returned(promeneurId: number, contacted: number | string) {
  const out = await vault.value('activity.templates', { periodKey: PERIOD.key, promeneurId });
  const book = await loadWorkbook(Buffer.from(out.contentBase64, 'base64'));
  const sheet = book.getWorksheet('Bilan d’activité')!;
  sheet.eachRow((row) => {
    if (row.getCell(1).value === 'Jeunes contactés en ligne') row.getCell(2).value = contacted;
  });
  const bytes = Buffer.from(await book.xlsx.writeBuffer());
  return { periodKey: PERIOD.key, fileName: out.fileName, contentBase64: bytes.toString('base64') };
}

/** The preview of one file read alone (a batch of one); fails the test if the file is refused. */
async function previewAlone({ periodKey, ...file }: Awaited<ReturnType<typeof returned>>) {
  const answers = await vault.value('activity.importPreview', { periodKey, files: [file] });
  expect(answers).toHaveLength(1);
  const [answer] = answers;
  if (!answer?.ok) throw new Error(`${file.fileName} refused: ${answer?.message}`);
  return answer.preview;
}

describe('a returned template, read once', () => {
  it('is imported from the read kept at its preview, then dropped', async () => {
    const file = await returned(ids.ines, 12);
    const preview = await previewAlone(file);
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
    await previewAlone(ines);
    await previewAlone(yanis);
    await vault.value('activity.importConfirm', { ...ines, replace: false });
    await vault.value('activity.importConfirm', { ...yanis, replace: false });
    expect(parses()).toBe(2);
  });

  it('reads other bytes again, even under the same name', async () => {
    const first = await returned(ids.ines, 12);
    await previewAlone(first);
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
    await previewAlone(file);
    vault.session.vault.connection.prepare('delete from promeneurs where id = ?').run(ids.ines);
    const refused = await vault.call('activity.importConfirm', { ...file, replace: false });
    expect(refused.ok || refused.error.message).toMatch(/n’est pas \(ou plus\) dans ce coffre/);
    expect(parses()).toBe(1);
  });

  it('belongs to the open vault: locked and unlocked again, the file is read again', async () => {
    const file = await returned(ids.ines, 12);
    await previewAlone(file);
    const kept = await readTemplateFile(vault.session.db, file);
    expect(parses()).toBe(1);
    await vault.session.lock();
    await vault.session.vault.unlock(TEST_PASSPHRASE);
    const after = await readTemplateFile(vault.session.db, file);
    expect(after.value).not.toBe(kept.value);
    expect(parses()).toBe(2);
  });
});

describe('a selection previewed in one contained process', () => {
  const reports = () =>
    (
      vault.session.vault.connection
        .prepare('select count(*) as n from activity_reports')
        .get() as { n: number }
    ).n;
  const pdf = {
    fileName: 'scan.xlsx',
    contentBase64: Buffer.from('%PDF-1.7\n').toString('base64'),
  };

  it('says of each file what importing would do, or why it is refused', async () => {
    const ines = await returned(ids.ines, 12);
    const yanis = await returned(ids.yanis, 'une dizaine');
    const out = await vault.value('activity.importPreview', {
      periodKey: PERIOD.key,
      files: [ines, pdf, yanis],
    });
    expect(parses()).toBe(1);
    expect(vi.mocked(contained.runContained).mock.calls[0]![0]).toBe('activityTemplates');
    expect(out.map((r) => (r.ok ? r.preview.promeneur.name : r.message))).toEqual([
      'Inès Garnier',
      expect.stringMatching(/PDF renommé/),
      'Yanis Benali',
    ]);
    const [first, , third] = out;
    expect(first?.ok && first.preview.figures?.youngContacted).toBe(12);
    expect(third?.ok && third.preview.errors[0]).toMatch(/« une dizaine » n’est pas un nombre/);
    expect(reports()).toBe(0); // a preview writes nothing
    // Its import does not read the file again.
    await vault.value('activity.importConfirm', { ...ines, replace: false });
    expect(parses()).toBe(1);
    expect(reports()).toBe(1);
  });

  it('reads only the files not read yet, and answers for each as for the file read alone', async () => {
    const ines = await returned(ids.ines, 12);
    const yanis = await returned(ids.yanis, 7);
    const alone = await previewAlone(ines);
    const out = await vault.value('activity.importPreview', {
      periodKey: PERIOD.key,
      files: [ines, yanis],
    });
    expect(parses()).toBe(2);
    const selectionCall = vi.mocked(contained.runContained).mock.calls[1]!;
    expect([selectionCall[0], (selectionCall[1] as unknown[]).length]).toEqual([
      'activityTemplates',
      1,
    ]);
    expect(out[0]).toEqual({ ok: true, preview: alone });
    expect(out[1]).toMatchObject({
      ok: true,
      preview: { promeneur: { name: 'Yanis Benali' }, figures: { youngContacted: 7 } },
    });
  });

  it('reads each file alone when the shared process is stopped, so only the culprit is refused', async () => {
    const ines = await returned(ids.ines, 12);
    const yanis = await returned(ids.yanis, 7);
    vi.mocked(contained.runContained).mockImplementationOnce(() =>
      Promise.reject(new DomainError('INVALID_INPUT', 'La lecture du fichier a été arrêtée.')),
    );
    const out = await vault.value('activity.importPreview', {
      periodKey: PERIOD.key,
      files: [ines, yanis],
    });
    expect(vi.mocked(contained.runContained).mock.calls.map(([task]) => task)).toEqual([
      'activityTemplates',
      'activityTemplate',
      'activityTemplate',
    ]);
    expect(out.map((r) => r.ok && r.preview.promeneur.name)).toEqual([
      'Inès Garnier',
      'Yanis Benali',
    ]);
  });

  it('refuses a whole call it cannot take, in French, and changes nothing', async () => {
    const ines = await returned(ids.ines, 12);
    const files = Array.from({ length: 21 }, () => ines);
    const many = await vault.call('activity.importPreview', { periodKey: PERIOD.key, files });
    expect(many.ok || many.error.message).toMatch(/20 fichiers au plus/);
    const none = await vault.call('activity.importPreview', {
      periodKey: PERIOD.key,
      files: [],
    });
    expect(none.ok || none.error.message).toMatch(/Aucun fichier à lire\./);
    expect(parses()).toBe(0);
    expect(reports()).toBe(0);
  });
});
