/**
 * The directory import, end to end in Chromium: from the Structures list, a coordinator's
 * workbook with a title above the headings and French headings (tests/support/messyDirectory.ts)
 * is read, one mapping is changed (the phones are left out), the preview shows the duplicate
 * row skipped with its reason, the import runs and the new structures and Promeneurs are in
 * the lists. Opened again from the Promeneurs list: a PDF is refused inline, a « ; » CSV of
 * Promeneurs shows its updates (before → after), and the first file comes back with its
 * mapping remembered.
 *
 * Screenshots 97-directory-import-… land in test-results/screenshots/.
 */
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { combinedWorkbook, semicolonCsv } from '../support/messyDirectory';
import { startHarness, TEST_KDF, type Harness } from './harness';
import {
  choose,
  click,
  heading,
  nav,
  select,
  stopAtFirstFailure,
  tableRows,
  visible,
} from './steps';

const PASSPHRASE = 'Balise de la pointe aux phoques 2031';
const FILE_NAME = 'Annuaire PdN 2026.xlsx';
const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

function value<T>(result: { ok: true; value: T } | { ok: false; error: { message: string } }): T {
  if (!result.ok) throw new Error(result.error.message);
  return result.value;
}

/** Picks a file through the page's file button, as a person does in the file dialog. */
async function pick(page: Page, button: string, file: { name: string; buffer: Buffer }) {
  const chooser = page.waitForEvent('filechooser');
  await click(page, 'button', button);
  await (await chooser).setFiles({ ...file, mimeType: XLSX });
}

describe('directory import journey', () => {
  let h: Harness;
  let workbook: Buffer;
  const shoot = (name: string, fullPage = false) => h.screenshot(name, { fullPage });

  beforeAll(async () => {
    workbook = await combinedWorkbook();
    h = await startHarness({ kdf: TEST_KDF, open: false });
    const { recoveryKey } = value(await h.invoke('vault.create', { passphrase: PASSPHRASE }));
    value(await h.invoke('vault.confirmCreate', { recoveryKey }));
    await h.page.goto(h.url);
    await heading(h.page, 'Accueil');
  });
  stopAtFirstFailure(() => h);

  afterAll(async () => {
    await h?.close();
  });

  it('opens the import from the Structures list and reads a workbook with a title row', async () => {
    const { page } = h;
    await nav(page, 'Structures');
    await click(page, 'button', 'Importer un fichier');
    await heading(page, 'Importer un annuaire');
    await visible(page.getByText('Choisissez le tableau de votre annuaire', { exact: false }));
    const started = performance.now();
    await pick(page, 'Choisir un fichier .xlsx ou .csv', { name: FILE_NAME, buffer: workbook });
    const found = page.getByRole('region', { name: 'Fichier lu' });
    await visible(found);
    console.log(`read step on screen: ${Math.round(performance.now() - started)} ms`);
    expect(await found.innerText()).toContain('Classeur Excel (.xlsx)');
    expect(await found.innerText()).toContain(
      'Feuille « Annuaire 2026 » : 7 lignes, titres des colonnes en ligne 3 (2 lignes vides ignorées)',
    );
    await shoot('97-directory-import-file');
  });

  it('proposes each column with a sample, and takes a change of mapping', async () => {
    const { page } = h;
    await click(page, 'button', 'Choisir les colonnes');
    const sheet = page.getByRole('region', { name: 'Feuille « Annuaire 2026 »' });
    await visible(sheet);
    expect(await select(sheet, 'Contenu de la feuille').inputValue()).toBe(
      'Des Promeneurs du Net, chacun avec sa structure',
    );
    expect(await select(sheet, 'Nom de la structure').inputValue()).toBe('A · STRUCTURE PORTEUSE');
    expect(await select(sheet, 'Territoire (EPCI)').inputValue()).toBe('C · EPCI');
    expect(await select(sheet, 'Date d’entrée').inputValue()).toBe('I · Date d’entrée');
    await visible(sheet.getByText('Exemple : Centre social Les Tilleuls', { exact: true }));
    await visible(sheet.getByText('Exemple : 02/09/2024', { exact: true }));
    // The coordinator keeps the Promeneurs' phones out of the directory.
    await choose(page, 'Téléphone professionnel', 'Aucune colonne');
    await visible(sheet.getByText('Colonne non importée : H · Tél.', { exact: true }));
    await shoot('97-directory-import-mapping', true);
  });

  it('previews every row: the duplicate is skipped, with its reason', async () => {
    const { page } = h;
    await click(page, 'button', 'Voir l’aperçu');
    const structures = page.getByRole('region', { name: 'Structures' });
    await visible(structures);
    const figures = async (name: string) =>
      (await page.getByRole('region', { name }).getByRole('definition').allInnerTexts()).map((t) =>
        t.trim(),
      );
    expect(await figures('Structures')).toEqual(['3', '0', '1']);
    expect(await figures('Promeneurs du Net')).toEqual(['4', '0', '3']);
    await shoot('98-directory-import-preview', true);
    await page.getByText('Ignorées (4)', { exact: true }).click();
    const rows = await tableRows(page);
    expect(rows).toHaveLength(4);
    expect(rows).toContain('8 Promeneur Ignorée Léa Martin — MJC du Vexin Doublon de la ligne 7');
    expect(rows.some((r) => /^9 Structure Ignorée Maison des ados.*SIRET invalide/.test(r))).toBe(
      true,
    );
    await shoot('98-directory-import-skipped');
  });

  it('imports, says what was done, and the new records are in the lists', async () => {
    const { page } = h;
    await click(page, 'button', 'Importer (7 fiches)');
    const done = page.getByRole('status').filter({ hasText: `Import de « ${FILE_NAME} » terminé` });
    await visible(done);
    const text = await done.innerText();
    expect(text).toContain('3 structures créées, 0 mise à jour');
    expect(text).toContain('4 Promeneurs du Net créés, 0 mis à jour');
    expect(text).toContain('4 lignes ignorées');
    await shoot('99-directory-import-done');

    await click(page, 'link', 'Voir les structures');
    await heading(page, 'Structures');
    const structures = await tableRows(page);
    expect(structures).toHaveLength(3);
    for (const name of ['Centre social Les Tilleuls', 'MJC du Vexin', 'Accueil jeunes de Louviers'])
      expect(structures.some((r) => r.startsWith(name))).toBe(true);

    await nav(page, 'Promeneurs');
    const promeneurs = await tableRows(page);
    expect(promeneurs).toHaveLength(4);
    expect(promeneurs.join('\n')).toContain('Inès');
    // The phone column was left out: no phone was imported.
    expect(promeneurs.join('\n')).not.toMatch(/06 12 34 56/);
  });

  it('opened from the Promeneurs list, refuses a PDF inline, then previews updates', async () => {
    const { page } = h;
    await click(page, 'button', 'Importer un fichier');
    await heading(page, 'Importer un annuaire');
    await visible(page.getByRole('link', { name: 'Promeneurs du Net' }));

    await pick(page, 'Choisir un fichier .xlsx ou .csv', {
      name: 'scan.xlsx',
      buffer: Buffer.from('%PDF-1.7\n'),
    });
    const refused = page.getByRole('alert').filter({ hasText: 'Fichier non lu' });
    await visible(refused);
    expect(await refused.innerText()).toMatch(/« scan\.xlsx » est un document PDF, pas un tableau/);
    await shoot('97-directory-import-refused');

    // Promeneurs only, « ; » in Windows-1252: Karim gets a phone, Jules's structure is unknown.
    await pick(page, 'Choisir un fichier .xlsx ou .csv', {
      name: 'promeneurs.csv',
      buffer: semicolonCsv(),
    });
    const found = page.getByRole('region', { name: 'Fichier lu' });
    await visible(found);
    expect(await found.innerText()).toContain(
      'Fichier CSV, encodage Windows-1252, séparateur « ; »',
    );
    await click(page, 'button', 'Choisir les colonnes');
    const table = page.getByRole('region', { name: 'Tableau de « promeneurs.csv »' });
    expect(await select(table, 'Contenu de la feuille').inputValue()).toBe(
      'Des Promeneurs du Net (leur structure existe déjà)',
    );
    await visible(table.getByText('Sa structure (pour la retrouver parmi celles de Balise)'));
    await click(page, 'button', 'Voir l’aperçu');
    await page.getByText(/^À mettre à jour \(\d+\)$/).click();
    const updates = await tableRows(page);
    expect(updates).toContain(
      '8 Promeneur À mettre à jour Karim Benali — Centre social Les Tilleuls Téléphone professionnel : — → 07 98 76 54 32',
    );
    await shoot('98-directory-import-updates', true);
    await page.getByText(/^Ignorées \(\d+\)$/).click();
    expect((await tableRows(page)).join('\n')).toContain(
      'Structure « Foyer des Acacias » inconnue : elle n’est ni dans Balise ni dans le fichier',
    );
  });

  it('remembers the mapping chosen for the same headings', async () => {
    const { page } = h;
    await click(page, 'button', 'Retour aux colonnes');
    await click(page, 'button', 'Retour au fichier');
    await pick(page, 'Choisir un autre fichier', { name: FILE_NAME, buffer: workbook });
    await click(page, 'button', 'Choisir les colonnes');
    const sheet = page.getByRole('region', { name: 'Feuille « Annuaire 2026 »' });
    await visible(sheet.getByText('Correspondance mémorisée', { exact: true }));
    expect(await select(sheet, 'Téléphone professionnel').inputValue()).toBe('Aucune colonne');
    await click(page, 'button', 'Voir l’aperçu');
    await visible(
      page.getByText('Rien à importer : chaque ligne est ignorée ou déjà à jour', { exact: false }),
    );
    expect(await page.getByRole('button', { name: /^Importer \(/ }).isDisabled()).toBe(true);
  });
});
