/**
 * The Promeneurs' activity figures, end to end in Chromium: a vault with three active
 * Promeneurs is set up through the router; then, on screen: the completeness of the last
 * quarter shows every report missing, the templates are downloaded as a .zip (read back),
 * one Promeneur's figures are entered by hand (met more than contacted is refused inline),
 * returned templates are imported (one filled, one with a word in a number cell, one PDF),
 * completeness and the synthesis follow, the settings rename a channel and refuse to remove
 * one in use, and « À faire » lists the figures still missing.
 *
 * Screenshots 90-… to 99-… land in test-results/screenshots/.
 */
import type ExcelJS from 'exceljs';
import { unzipSync } from 'fflate';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { lastEndedPeriod } from '../../src/shared/rules/activity';
import { todayInParis } from '../../src/shared/rules/dates';
import { startHarness, TEST_KDF, type Harness } from './harness';
import {
  click,
  dialog,
  download,
  field,
  fieldError,
  fill,
  heading,
  hidden,
  nav,
  openTab,
  stopAtFirstFailure,
  tableRows,
  todoRows,
  until,
  visible,
} from './steps';
import { loadWorkbook } from '../support/workbooks';

const PASSPHRASE = 'Phare rouge au bout de la digue 2031';
const PERIOD = lastEndedPeriod('trimestrielle', todayInParis());

function value<T>(result: { ok: true; value: T } | { ok: false; error: { message: string } }): T {
  if (!result.ok) throw new Error(result.error.message);
  return result.value;
}

/** Fills a template as a Promeneur does: next to each label, in the yellow cells. */
async function fillIn(bytes: Uint8Array, values: Record<string, ExcelJS.CellValue>) {
  const book = await loadWorkbook(bytes);
  book.getWorksheet('Bilan d’activité')!.eachRow((row) => {
    const label = row.getCell(1).value;
    if (typeof label === 'string' && label in values) row.getCell(2).value = values[label]!;
  });
  return Buffer.from(await book.xlsx.writeBuffer());
}

describe('activity journey', () => {
  let h: Harness;
  const ids = { ines: 0, yanis: 0, odile: 0 };
  let templates: Record<string, Uint8Array> = {};
  const shoot = (name: string, fullPage = false) => h.screenshot(name, { fullPage });

  beforeAll(async () => {
    h = await startHarness({ kdf: TEST_KDF, open: false });
    const { recoveryKey } = value(await h.invoke('vault.create', { passphrase: PASSPHRASE }));
    value(await h.invoke('vault.confirmCreate', { recoveryKey }));
    const structure = async (name: string, territory: string) =>
      value(
        await h.invoke('structures.create', {
          fields: {
            name,
            type: 'centre_social',
            legalForm: 'association',
            networkStatus: 'dans_le_reseau',
            territory,
          },
        }),
      ).id;
    const val = await structure('Centre social du Val', 'CC du Val');
    const port = await structure('Centre social du Port', 'CA du Port');
    const promeneur = async (firstName: string, lastName: string, structureId: number) =>
      value(
        await h.invoke('promeneurs.create', {
          fields: {
            firstName,
            lastName,
            job: 'animateur',
            structureId,
            status: 'actif',
            statusSince: '2025-01-06',
            email: `${lastName.toLowerCase()}@pdn.example`,
          },
        }),
      ).id;
    ids.ines = await promeneur('Inès', 'Garnier', val);
    ids.yanis = await promeneur('Yanis', 'Benali', port);
    ids.odile = await promeneur('Odile', 'Fabre', port);
    await h.page.goto(h.url);
    await heading(h.page, 'Accueil');
  });
  stopAtFirstFailure(() => h);

  afterAll(async () => {
    await h?.close();
  });

  it('shows the last quarter with every report missing, and the e-mails to remind', async () => {
    const { page } = h;
    await nav(page, 'Activité');
    expect(await field(page, 'Période').inputValue()).toBe(PERIOD.label);
    await visible(page.getByText('0 bilan reçu sur 3 · 3 manquants'));
    expect(await tableRows(page)).toEqual([
      expect.stringMatching(
        /^Yanis Benali Centre social du Port benali@pdn\.example Manquant Saisir$/i,
      ),
      expect.stringMatching(
        /^Odile Fabre Centre social du Port fabre@pdn\.example Manquant Saisir$/i,
      ),
      expect.stringMatching(
        /^Inès Garnier Centre social du Val garnier@pdn\.example Manquant Saisir$/i,
      ),
    ]);
    await visible(page.getByRole('button', { name: 'Copier les adresses des manquants (3)' }));
    await shoot('90-activity-completeness-empty');
  });

  it('downloads every template of the period as one .zip', async () => {
    const { page } = h;
    await openTab(page, 'Modèles Excel');
    await visible(page.getByRole('heading', { name: `Modèles de bilan pour « ${PERIOD.label} »` }));
    await shoot('91-activity-templates');
    const file = await download(page, () =>
      click(page, 'button', 'Télécharger tous les modèles (.zip)'),
    );
    expect(file.name).toBe(`bilans-activite-${PERIOD.key}.zip`);
    templates = unzipSync(new Uint8Array(file.content));
    expect(Object.keys(templates).sort()).toEqual([
      `bilan-activite-${PERIOD.key}-benali-yanis.xlsx`,
      `bilan-activite-${PERIOD.key}-fabre-odile.xlsx`,
      `bilan-activite-${PERIOD.key}-garnier-ines.xlsx`,
    ]);
  });

  it('enters Yanis’s figures by hand, refusing more met than contacted', async () => {
    const { page } = h;
    await openTab(page, 'Complétude');
    await click(page, 'button', 'Saisir les chiffres de Yanis Benali');
    const form = page.getByRole('form', { name: 'Chiffres de Yanis Benali' });
    await visible(form);
    await fill(form, 'Jeunes contactés en ligne', '20');
    await fill(form, 'Jeunes rencontrés en présentiel après un contact en ligne', '25');
    await fill(form, 'Projets engagés à partir de ces contacts', '1');
    await fill(form, 'Échanges avec des jeunes (nombre)', '44');
    await fill(form, 'Situations préoccupantes transmises aux services compétents', '0');
    await fill(form, 'Heures de présence en ligne', '12,5');
    await fill(form, 'Snapchat', '15');
    await fill(form, 'Scolarité', '4');
    await click(form, 'button', 'Enregistrer');
    await until(
      'the inline error',
      async () =>
        (await fieldError(page, 'Jeunes rencontrés en présentiel après un contact en ligne')) ===
        'Les jeunes rencontrés (25) ne peuvent pas dépasser les jeunes contactés en ligne (20).',
    );
    expect(h.calls).not.toContain('activity.reports.create');
    await shoot('92-activity-entry-refused');
    await fill(form, 'Jeunes rencontrés en présentiel après un contact en ligne', '3');
    await fill(form, 'Difficultés rencontrées', 'Peu de réponses pendant les vacances.');
    await shoot('93-activity-entry-form', true);
    await click(form, 'button', 'Enregistrer');
    await visible(page.getByText(/^Chiffres saisis le /));
    const report = value(
      await h.invoke('activity.reports.get', { promeneurId: ids.yanis, periodKey: PERIOD.key }),
    );
    expect(report?.figures).toMatchObject({ youngContacted: 20, youngMet: 3, hoursOnline: 12.5 });
  });

  it('imports returned templates: one filled, one with a word in a count, one PDF', async () => {
    const { page } = h;
    await openTab(page, 'Retours');
    const ines = await fillIn(templates[`bilan-activite-${PERIOD.key}-garnier-ines.xlsx`]!, {
      'Jeunes contactés en ligne': 52,
      'Jeunes rencontrés en présentiel après un contact en ligne': 9,
      'Projets engagés à partir de ces contacts': 3,
      'Échanges avec des jeunes (nombre)': 140,
      'Heures de présence en ligne': 38.75,
      'Situations préoccupantes transmises aux services compétents': 2,
      Snapchat: 30,
      Instagram: 18,
      'Psychosocial et mal-être': 11,
    });
    const odile = await fillIn(templates[`bilan-activite-${PERIOD.key}-fabre-odile.xlsx`]!, {
      'Jeunes contactés en ligne': 'une dizaine',
    });
    const chooser = page.waitForEvent('filechooser');
    await click(page, 'button', 'Choisir des fichiers .xlsx');
    const xlsx = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
    await (
      await chooser
    ).setFiles([
      { name: 'bilan-ines.xlsx', mimeType: xlsx, buffer: ines },
      { name: 'bilan-odile.xlsx', mimeType: xlsx, buffer: odile },
      { name: 'scan.xlsx', mimeType: xlsx, buffer: Buffer.from('%PDF-1.7\n%…\n') },
    ]);
    const card = (name: string) => page.getByRole('article', { name });
    await visible(card('scan.xlsx').getByText(/PDF renommé/));
    await visible(card('bilan-odile.xlsx').getByText(/« une dizaine » n’est pas un nombre/));
    await visible(card('bilan-ines.xlsx').getByText('Prêt'));
    await visible(
      card('bilan-ines.xlsx').getByText(`Inès Garnier · Centre social du Val`, { exact: false }),
    );
    await shoot('94-activity-returns-preview', true);
    await click(card('bilan-ines.xlsx'), 'button', 'Importer');
    await visible(card('bilan-ines.xlsx').getByText('Chiffres importés.'));
    await shoot('95-activity-returns-imported');
    expect(h.calls.filter((c) => c === 'activity.importConfirm')).toHaveLength(1);
  });

  it('shows the completeness and the synthesis following the figures', async () => {
    const { page } = h;
    await openTab(page, 'Complétude');
    await visible(page.getByText('2 bilans reçus sur 3 · 1 manquant'));
    await visible(page.getByRole('button', { name: 'Copier les adresses des manquants (1)' }));
    await shoot('96-activity-completeness');

    await openTab(page, 'Synthèse');
    const figures = page.getByTestId('activity-key-figures');
    await visible(figures.getByText('72'));
    expect((await figures.innerText()).replace(/\s+/g, ' ')).toContain(
      'Jeunes contactés en ligne 72',
    );
    const byStructure = page.getByRole('table', { name: 'Par structure' });
    expect(
      (await byStructure.locator('tbody tr').allInnerTexts()).map((t) =>
        t.replace(/\s+/g, ' ').trim(),
      ),
    ).toEqual([
      'Centre social du Port 1 20 3 1 44 12,5 0',
      'Centre social du Val 1 52 9 3 140 38,75 2',
    ]);
    await shoot('97-activity-synthesis', true);
  });

  it('renames a channel in the settings, and refuses to remove one in use', async () => {
    const { page } = h;
    await nav(page, 'Paramètres');
    await click(page, 'button', 'Renommer « Snapchat »');
    await fill(page, 'Nouveau nom de « Snapchat »', 'Snapchat (messages)');
    await page.getByLabel('Nouveau nom de « Snapchat »').press('Enter');
    await visible(page.getByRole('button', { name: 'Retirer « Snapchat (messages) »' }));
    await click(page, 'button', 'Retirer « Snapchat (messages) »');
    const modal = dialog(page, /Retirer le canal/);
    await click(modal, 'button', 'Retirer');
    await visible(
      modal.getByText(
        /Impossible de retirer le canal « Snapchat \(messages\) » : 2 bilans d’activité l’utilisent/,
      ),
    );
    await shoot('98-activity-settings-refused');
    await page.keyboard.press('Escape');
    await hidden(modal);
  });

  it('lists the missing figures in « À faire »', async () => {
    const { page } = h;
    await nav(page, 'À faire');
    await until('the missing figures to show', async () =>
      (await todoRows(page)).some((r) => r.includes('Chiffres d’activité manquants : Odile Fabre')),
    );
    await shoot('99-activity-todo');
  });
});
