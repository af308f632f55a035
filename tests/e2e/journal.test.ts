/**
 * The coordinator's log (journal d'activité), end to end in Chromium: a vault, a structure
 * and a Promeneur are set up through the router; then, on screen: the empty journal says
 * what to do, an entry without an objet and lasting 0 minutes is refused inline, three
 * entries are added (with a Promeneur, with a structure, by phone for 45 minutes) and the
 * year's totals follow, one is changed, the list is filtered by kind (kept in the address)
 * and by Promeneur, another year is empty, and an entry is deleted after confirmation.
 *
 * Screenshots 50-… to 54-… land in test-results/screenshots/.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { formatDate, todayInParis } from '../../src/shared/rules/dates';
import { startHarness, TEST_KDF, type Harness } from './harness';
import {
  choose,
  click,
  dialog,
  field,
  fieldError,
  fill,
  fillDate,
  heading,
  hidden,
  nav,
  select,
  stopAtFirstFailure,
  until,
  visible,
} from './steps';

const PASSPHRASE = 'Carnet bleu sur la table du port 1987';
const STRUCTURE = 'Maison des jeunes du Val';
const PROMENEUR = 'Inès Garnier';
const TODAY = todayInParis();
const YEAR = Number(TODAY.slice(0, 4));
const VISIT = 'Visite de la maison des jeunes et point sur la convention';
const COACHING = 'Point avec Inès sur sa présence en ligne';
const CALL = 'Appel à la CAF pour préparer la rencontre départementale';

function value<T>(result: { ok: true; value: T } | { ok: false; error: { message: string } }): T {
  if (!result.ok) throw new Error(result.error.message);
  return result.value;
}

describe('journal journey', () => {
  let h: Harness;
  let structureId: number;
  let promeneurId: number;
  const shoot = (name: string, fullPage = false) => h.screenshot(name, { fullPage });

  /** The year's total time and count, as the « Totaux de l’année » section shows them. */
  const totals = async () => ({
    time: (await h.page.getByTestId('journal-total-time').innerText()).trim(),
    count: (await h.page.getByTestId('journal-total-count').innerText()).trim(),
  });
  const untilTotals = (time: string, count: number) =>
    until(`the totals to be ${time}, ${count}`, async () => {
      const t = await totals();
      return t.time === time && t.count === String(count);
    });

  /** A row of a totals table (by kind or by channel), as its cells' text. */
  const totalsRow = async (table: string, label: string) =>
    (
      await h.page
        .getByRole('table', { name: table })
        .locator('tbody tr')
        .filter({ has: h.page.getByRole('cell', { name: label, exact: true }) })
        .innerText()
    )
      .split('\t')
      .map((t) => t.trim());

  /** Picks an option of a searchable multiple choice, typing the start of its name first. */
  const pick = async (label: string, typed: string, option: RegExp) => {
    const input = field(h.page.getByRole('dialog'), label);
    await input.fill(typed);
    await h.page.getByRole('option', { name: option }).click();
    await input.press('Escape');
  };

  /** Picks an option of a select inside the open modal (the list behind has its own « Nature »). */
  const chooseIn = async (label: string, option: string) => {
    await select(h.page.getByRole('dialog'), label).click();
    await h.page.getByRole('option', { name: option, exact: true }).click();
    await hidden(h.page.getByRole('listbox'));
  };

  beforeAll(async () => {
    h = await startHarness({ kdf: TEST_KDF, open: false });
    const { recoveryKey } = value(await h.invoke('vault.create', { passphrase: PASSPHRASE }));
    value(await h.invoke('vault.confirmCreate', { recoveryKey }));
    structureId = value(
      await h.invoke('structures.create', {
        fields: {
          name: STRUCTURE,
          type: 'mjc',
          legalForm: 'association',
          networkStatus: 'retenue',
          selectionYear: YEAR - 1,
          commune: 'Doué-en-Anjou',
        },
      }),
    ).id;
    promeneurId = value(
      await h.invoke('promeneurs.create', {
        fields: {
          firstName: 'Inès',
          lastName: 'Garnier',
          job: 'animateur',
          structureId,
          status: 'en_preparation',
        },
      }),
    ).id;
    await h.page.goto(h.url);
    await heading(h.page, 'Accueil');
  });
  stopAtFirstFailure(() => h);

  afterAll(async () => {
    await h?.close();
  });

  it('shows an empty journal that says what to do', async () => {
    const { page } = h;
    await nav(page, 'Journal');
    await visible(page.getByText('Ce que vous faites pour le réseau, pour qui', { exact: false }));
    await visible(page.getByText(`Rien de noté en ${YEAR}`));
    await visible(page.getByRole('button', { name: 'Ajouter une première entrée' }));
    expect(await select(page, 'Année').inputValue()).toBe(String(YEAR));
    await shoot('50-journal-empty');
  });

  it('refuses an entry without objet and lasting 0 minutes, inline', async () => {
    const { page } = h;
    await click(page, 'button', 'Nouvelle entrée');
    const modal = dialog(page, 'Nouvelle entrée');
    await visible(modal);
    expect(await field(modal, 'Date').inputValue()).toBe(formatDate(TODAY));
    // A fixed day, so the order of the entries holds whatever today is.
    await fillDate(modal, 'Date', `15/01/${YEAR}`);
    await chooseIn('Nature', 'Accompagnement d’un Promeneur');
    await chooseIn('Moyen', 'En présentiel');
    await fill(modal, 'Heures', '0');
    await fill(modal, 'Minutes', '0');
    await click(modal, 'button', 'Enregistrer');
    await visible(
      modal.getByRole('alert').filter({ hasText: 'L’enregistrement n’a pas été fait' }),
    );
    expect(await fieldError(page, 'Objet')).toBe('Objet : champ obligatoire.');
    expect(await fieldError(page, 'Heures')).toBe('Au moins 5 minutes.');
    expect(await fieldError(page, 'Minutes')).toBe('Au moins 5 minutes.');
    expect(h.calls).not.toContain('journal.create');
    await shoot('51-journal-entry-refused');

    // Corrected: an hour and a half with the Promeneur.
    await click(modal, 'button', '1 h 30');
    expect(await field(modal, 'Heures').inputValue()).toBe('1');
    expect(await field(modal, 'Minutes').inputValue()).toBe('30');
    await fill(modal, 'Objet', COACHING);
    await pick('Promeneurs concernés', 'garn', new RegExp(`^${PROMENEUR}`));
    await until('the errors to go', async () => (await fieldError(page, 'Heures')) === null);
    await shoot('51-journal-entry-form');
    await click(modal, 'button', 'Enregistrer');
    await hidden(modal);
    await untilTotals('1 h 30', 1);
  });

  it('adds a visit to a structure and a phone call, and the year’s totals follow', async () => {
    const { page } = h;
    await click(page, 'button', 'Nouvelle entrée');
    let modal = dialog(page, 'Nouvelle entrée');
    await visible(modal);
    await fillDate(modal, 'Date', `02/01/${YEAR}`);
    await chooseIn('Nature', 'Visite ou échange avec une structure');
    await chooseIn('Moyen', 'En présentiel');
    await fill(modal, 'Heures', '2');
    await fill(modal, 'Objet', VISIT);
    await pick('Structures concernées', 'val', new RegExp(`^${STRUCTURE}`));
    await click(modal, 'button', 'Enregistrer');
    await hidden(modal);
    await untilTotals('3 h 30', 2);

    await click(page, 'button', 'Nouvelle entrée');
    modal = dialog(page, 'Nouvelle entrée');
    await visible(modal);
    await fillDate(modal, 'Date', `03/01/${YEAR}`);
    await chooseIn('Nature', 'Préparation et suivi des instances');
    await chooseIn('Moyen', 'Téléphone');
    await fill(modal, 'Minutes', '45');
    await fill(modal, 'Objet', CALL);
    await fill(modal, 'Partenaires', 'CAF');
    await click(modal, 'button', 'Enregistrer');
    await hidden(modal);
    await untilTotals('4 h 15', 3);

    expect(await totalsRow('Totaux par nature', 'Accompagnement d’un Promeneur')).toEqual([
      'Accompagnement d’un Promeneur',
      '1',
      '1 h 30',
    ]);
    expect(await totalsRow('Totaux par moyen', 'Téléphone')).toEqual(['Téléphone', '1', '45 min']);
    expect(await totalsRow('Totaux par moyen', 'En présentiel')).toEqual([
      'En présentiel',
      '2',
      '3 h 30',
    ]);
    expect(await totalsRow('Totaux par moyen', 'Visioconférence')).toEqual([
      'Visioconférence',
      '0',
      '0 min',
    ]);

    // Latest first; whom each entry was for, as links to their pages.
    const rows = await entryRows();
    expect(rows).toHaveLength(3);
    expect(rows[2]).toContain(`02/01/${YEAR}`);
    expect(rows[1]).toContain('45 min');
    expect(rows[1]).toContain('CAF');
    expect(rows[0]).toContain(COACHING);
    const entries = page.getByRole('table', { name: 'Entrées du journal' });
    expect(await entries.getByRole('link', { name: PROMENEUR }).getAttribute('href')).toBe(
      `#/promeneurs/${promeneurId}`,
    );
    expect(await entries.getByRole('link', { name: STRUCTURE }).getAttribute('href')).toBe(
      `#/structures/${structureId}`,
    );
    const stored = value(await h.invoke('journal.list', { year: YEAR }));
    expect(stored.map((e) => [e.kind, e.channel, e.durationMinutes])).toEqual([
      ['accompagnement_pdn', 'presentiel', 90],
      ['instances', 'telephone', 45],
      ['visite_structure', 'presentiel', 120],
    ]);
    expect(stored[0]!.promeneurIds).toEqual([promeneurId]);
    expect(stored[2]!.structureIds).toEqual([structureId]);
    await shoot('52-journal-totals', true);
  });

  it('changes an entry', async () => {
    const { page } = h;
    await page
      .getByRole('button', { name: new RegExp(`^Modifier l’entrée du 03/01/${YEAR}`) })
      .click();
    const modal = dialog(page, 'Modifier l’entrée');
    await visible(modal);
    expect(await field(modal, 'Objet').inputValue()).toBe(CALL);
    expect(await field(modal, 'Minutes').inputValue()).toBe('45');
    await fill(modal, 'Heures', '1');
    await fill(modal, 'Minutes', '0');
    await click(modal, 'button', 'Enregistrer');
    await hidden(modal);
    await untilTotals('4 h 30', 3);
    expect(await totalsRow('Totaux par moyen', 'Téléphone')).toEqual(['Téléphone', '1', '1 h']);
  });

  it('filters by kind and by Promeneur, and keeps the filter in the address', async () => {
    const { page } = h;
    await select(page, 'Nature').click();
    await page
      .getByRole('option', { name: 'Visite ou échange avec une structure', exact: true })
      .click();
    await page.keyboard.press('Escape');
    await until('one entry left', async () => (await entryRows()).length === 1);
    expect((await entryRows())[0]).toContain(VISIT);
    await visible(page.getByText('1 entrée, 2 h pour ces filtres'));
    expect(page.url()).toContain('nature=visite_structure');
    await untilTotals('4 h 30', 3); // the year's totals ignore the filters
    await page
      .getByRole('heading', { name: `Entrées de ${YEAR}` })
      .evaluate((el) => el.scrollIntoView({ block: 'start' }));
    await shoot('53-journal-filtered');

    await page.reload();
    await heading(page, 'Journal d’activité');
    await until('the filter to be kept', async () => (await entryRows()).length === 1);

    // Another year: nothing there, and a way back.
    await choose(page, 'Année', String(YEAR - 1));
    await visible(page.getByText(`Rien de noté en ${YEAR - 1}`));
    expect(page.url()).toContain(`annee=${YEAR - 1}`);
    await click(page, 'button', `Voir ${YEAR}`);
    await untilTotals('4 h 30', 3);

    // A fresh journal (no filter), then the Promeneur's entries only.
    await nav(page, 'Journal');
    await until('every entry back', async () => (await entryRows()).length === 3);
    await choose(page, 'Promeneur', `${PROMENEUR} (${STRUCTURE})`);
    await until('the Promeneur’s entry', async () => (await entryRows()).length === 1);
    expect((await entryRows())[0]).toContain(COACHING);
    expect(page.url()).toContain(`promeneur=${promeneurId}`);
    await nav(page, 'Journal');
    await until('every entry back', async () => (await entryRows()).length === 3);
  });

  it('deletes an entry after confirmation', async () => {
    const { page } = h;
    await page
      .getByRole('button', { name: new RegExp(`^Supprimer l’entrée du 02/01/${YEAR}`) })
      .click();
    const confirm = dialog(page, 'Supprimer cette entrée ?');
    await visible(confirm);
    await visible(confirm.getByText(VISIT, { exact: false }));
    await shoot('54-journal-delete-confirm');
    await click(confirm, 'button', 'Annuler');
    await hidden(confirm);
    expect(h.calls).not.toContain('journal.remove');

    await page
      .getByRole('button', { name: new RegExp(`^Supprimer l’entrée du 02/01/${YEAR}`) })
      .click();
    await click(dialog(page, 'Supprimer cette entrée ?'), 'button', 'Supprimer l’entrée');
    await hidden(dialog(page, 'Supprimer cette entrée ?'));
    await untilTotals('2 h 30', 2);
    const rows = await entryRows();
    expect(rows).toHaveLength(2);
    expect(rows.join(' ')).not.toContain(VISIT);
    const stored = value(await h.invoke('journal.list', { year: YEAR }));
    expect(stored.map((e) => e.summary)).toEqual([COACHING, CALL]);
  });

  /** The entries table's rows, as their visible text (none when the table is not shown). */
  async function entryRows(): Promise<string[]> {
    const rows = h.page.getByRole('table', { name: 'Entrées du journal' }).locator('tbody tr');
    return (await rows.allInnerTexts()).map((t) => t.replace(/\s+/g, ' ').trim());
  }
});
