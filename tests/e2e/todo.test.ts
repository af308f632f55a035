/**
 * The to-do journey (À faire), end to end in Chromium: a vault, two structures and a running
 * convention are set up through the router (as the renderer would, only faster); then, on
 * screen, the home page lists what is due, « À faire » filters by kind, a document is marked
 * done and leaves the list, an item leads to its convention, and a new « J/M » date in
 * Paramètres (31/04 refused first) moves an obligation's due date.
 *
 * Dates are computed from today in Paris, so the journey holds on any day of the year.
 * Screenshots 30-… to 39-… land in test-results/screenshots/.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addDays } from '../../src/shared/rules/conventions';
import { addMonths, formatDate, todayInParis } from '../../src/shared/rules/dates';
import { startHarness, TEST_KDF, type Harness } from './harness';
import {
  choose,
  click,
  fieldError,
  heading,
  hidden,
  nav,
  select,
  stopAtFirstFailure,
  todoRow,
  todoRows,
  until,
  visible,
} from './steps';

const PASSPHRASE = 'Phare rouge au bout de la jetée 1931';
const STRUCTURE = 'Centre social Les Tilleuls';
const OTHER_STRUCTURE = 'MJC du Port';
const TODAY = todayInParis();
const YEAR = Number(TODAY.slice(0, 4));
const REFERENCE = `PDN-${YEAR - 1}-014`;
/** The two documents left missing; every other one of the checklist is received. */
const STATUTS = 'Pièce manquante : Statuts';
const RIB = 'Pièce manquante : Relevé d’identité bancaire (RIB)';
const BUDGET = `Budget prévisionnel ${YEAR - 1}`;

/** Scrolls a section's heading to the top of the window (for a screenshot of that section). */
async function showSection(page: Harness['page'], title: string): Promise<void> {
  await page
    .getByRole('heading', { name: title, exact: true })
    .evaluate((el) => el.scrollIntoView({ block: 'start' }));
}

function value<T>(result: { ok: true; value: T } | { ok: false; error: { message: string } }): T {
  if (!result.ok) throw new Error(result.error.message);
  return result.value;
}

describe('to-do journey', () => {
  let h: Harness;
  let conventionId: number;
  let otherStructureId: number;
  const shoot = (name: string) => h.screenshot(name);

  beforeAll(async () => {
    h = await startHarness({ kdf: TEST_KDF, open: false });
    const { recoveryKey } = value(await h.invoke('vault.create', { passphrase: PASSPHRASE }));
    value(await h.invoke('vault.confirmCreate', { recoveryKey }));

    const base = {
      type: 'centre_social',
      legalForm: 'association',
      networkStatus: 'dans_le_reseau',
    } as const;
    const structureId = value(
      await h.invoke('structures.create', {
        fields: { ...base, name: STRUCTURE, commune: 'Villeneuve' },
      }),
    ).id;
    otherStructureId = value(
      await h.invoke('structures.create', {
        fields: { ...base, type: 'mjc', name: OTHER_STRUCTURE },
      }),
    ).id;

    // A three-year agreement that started on 1 January last year, running.
    conventionId = value(
      await h.invoke('conventions.create', {
        fields: {
          structureId,
          reference: REFERENCE,
          kind: 'premiere',
          startDate: `${YEAR - 1}-01-01`,
          endDate: `${YEAR + 1}-12-31`,
          fundedPromeneurs: 2,
          subsidies: [YEAR - 1, YEAR, YEAR + 1].map((year) => ({ year, amountCents: 4_000_00 })),
        },
      }),
    ).id;
    value(
      await h.invoke('conventions.setStatus', {
        id: conventionId,
        status: 'en_cours',
        since: `${YEAR - 1}-01-01`,
        reason: null,
      }),
    );
    const convention = value(await h.invoke('conventions.get', { id: conventionId }));
    for (const doc of convention.documents)
      if (!['statuts', 'rib'].includes(doc.key ?? ''))
        value(
          await h.invoke('conventions.documents.update', {
            id: doc.id,
            fields: { receivedOn: `${YEAR - 1}-01-15`, validatedOn: null, comment: null },
          }),
        );
    value(
      await h.invoke('conventions.payments.create', {
        conventionId,
        fields: { year: YEAR, kind: 'solde', amountCents: 1_200_00, plannedOn: addDays(TODAY, 3) },
      }),
    );

    await h.page.goto(h.url);
    await heading(h.page, 'Accueil');
  });
  stopAtFirstFailure(() => h);

  afterAll(async () => {
    await h?.close();
  });

  it('shows what is due on the home page, late items first, and counts them in the sidebar', async () => {
    const { page } = h;
    const section = page.getByRole('region', { name: 'À faire' });
    await visible(section.getByRole('link', { name: STATUTS, exact: true }));
    await visible(section.getByRole('link', { name: RIB, exact: true }));
    await visible(section.getByRole('link', { name: 'Tout voir' }));
    const rows = await section.locator('tbody tr').allInnerTexts();
    expect(rows.length).toBeGreaterThan(2);
    expect(rows.length).toBeLessThanOrEqual(8);
    // The documents are due since the agreement's start: late, and shown so.
    expect(rows[0]).toContain(formatDate(`${YEAR - 1}-01-01`));
    expect(rows[0]).toContain('En retard');
    expect(rows.join('\n')).toContain(STRUCTURE);

    const answer = value(await h.invoke('todo.list', {}));
    const overdue = answer.items.filter((i) => i.overdue).length;
    expect(overdue).toBeGreaterThan(0);
    const link = page.getByRole('navigation').getByRole('link', { name: 'À faire', exact: true });
    expect(await link.getAttribute('aria-describedby')).toBe('overdue-count');
    expect(await page.locator('#overdue-count').textContent()).toBe(`${overdue} en retard`);
    await shoot('30-home-todo');
  });

  it('lists everything due in « À faire », grouped by period, and filters it by kind', async () => {
    const { page } = h;
    await nav(page, 'À faire');
    await visible(page.getByRole('heading', { level: 2, name: 'En retard' }));
    // The payment planned in three days comes within the week.
    await visible(page.getByRole('heading', { level: 2, name: 'Dans les 7 jours' }));
    const week = page.getByRole('table', { name: 'Dans les 7 jours' });
    expect(await week.innerText()).toContain(`Versement prévu : solde ${YEAR}`);
    expect(await week.innerText()).toContain(formatDate(addDays(TODAY, 3)));
    await visible(page.getByText(`Tout ce qui est dû d’ici le ${formatDate(addMonths(TODAY, 4))}`));
    await h.screenshot('31-todo-list', { fullPage: true });

    await select(page, 'Nature').click();
    await page.getByRole('option', { name: 'Pièce justificative manquante', exact: true }).click();
    await page.keyboard.press('Escape');
    await until('only the two missing documents to be listed', async () => {
      const rows = await todoRows(page);
      return rows.length === 2 && rows.every((r) => r.includes('Pièce justificative manquante'));
    });
    expect(page.url()).toContain('nature=document_missing');
    await shoot('32-todo-filter-documents');
  });

  it('marks a document done: it leaves the list and is recorded as received today', async () => {
    const { page } = h;
    const row = todoRow(page, STATUTS);
    await row.getByRole('button', { name: `Fait : ${STATUTS} (${REFERENCE})` }).click();
    await visible(page.getByText('Pièce notée reçue aujourd’hui'));
    await hidden(row);
    expect(await todoRows(page)).toHaveLength(1);
    await visible(todoRow(page, RIB));

    const convention = value(await h.invoke('conventions.get', { id: conventionId }));
    expect(convention.documents.find((d) => d.key === 'statuts')?.receivedOn).toBe(TODAY);
    expect(convention.documents.find((d) => d.key === 'rib')?.receivedOn).toBeNull();
    await shoot('33-todo-document-done');
  });

  it('follows an item to its convention, whose history shows the document received', async () => {
    const { page } = h;
    await todoRow(page, RIB).getByRole('link', { name: RIB, exact: true }).click();
    await until('the convention page', async () =>
      new RegExp(`#/conventions/${conventionId}\\?onglet=pieces$`).test(page.url()),
    );
    // The link opens the tab where the document is dealt with.
    await visible(page.getByRole('tab', { name: /Pièces justificatives/, selected: true }));
    await heading(page, new RegExp(REFERENCE));

    // Its history says what « Fait » recorded, and on which document.
    await click(page, 'tab', 'Historique');
    const entry = page.getByRole('table', { name: /^Modification \(Pièce : Statuts\)/ });
    await visible(entry);
    expect((await entry.innerText()).replace(/\s+/g, ' ')).toContain(
      `Reçue le (vide) → ${formatDate(TODAY)}`,
    );
    await visible(page.getByText('Modification · Pièce : Statuts'));
    await shoot('34-convention-history');
  });

  it('refuses 31 April as the « J/M » date, then saves 15 September', async () => {
    const { page } = h;
    // Before: the forecast budget of last year is due on 30 June of this year.
    await page.goto(`${h.url}#/a-faire?nature=obligation_due&horizon=12`);
    await heading(page, 'À faire');
    await until(`« ${BUDGET} » due on 30/06/${YEAR}`, async () =>
      (await todoRow(page, BUDGET).innerText()).includes(`30/06/${YEAR}`),
    );

    await nav(page, 'Paramètres');
    expect(await select(page, 'Jour (J)').inputValue()).toBe('30');
    expect(await select(page, 'Mois (M)').inputValue()).toBe('juin');
    await choose(page, 'Jour (J)', '31');
    await choose(page, 'Mois (M)', 'avril');
    await until('the day error under the field', async () =>
      ((await fieldError(page, 'Jour (J)')) ?? '').includes('Le 31 avril n’existe pas'),
    );
    const form = page.getByRole('form', { name: 'Conventions et liste « À faire »' });
    await click(form, 'button', 'Enregistrer');
    // Nothing saved.
    expect(value(await h.invoke('settings.get', {})).obligationDueMonth).toBe(6);
    await showSection(page, 'Conventions et liste « À faire »');
    await shoot('35-settings-jm-error');

    await choose(page, 'Jour (J)', '15');
    await choose(page, 'Mois (M)', 'septembre');
    await until('the day error to go', async () => (await fieldError(page, 'Jour (J)')) === null);
    await form.getByLabel('Horizon de « À faire » (mois)').fill('12');
    await click(form, 'button', 'Enregistrer');
    await visible(page.getByText('Paramètres des conventions enregistrés.', { exact: false }));
    expect(value(await h.invoke('settings.get', {}))).toMatchObject({
      obligationDueDay: 15,
      obligationDueMonth: 9,
      todoHorizonMonths: 12,
    });
    await showSection(page, 'Conventions et liste « À faire »');
    await h.screenshot('36-settings-jm-saved', { keepNotifications: true });
  });

  it('moves the obligation to the new date, with the new horizon by default', async () => {
    const { page } = h;
    await nav(page, 'À faire');
    await until(
      'the horizon to be the new setting',
      async () => (await select(page, 'Horizon').inputValue()) === '12 mois (réglage)',
    );
    await select(page, 'Nature').click();
    await page.getByRole('option', { name: 'Obligation annuelle', exact: true }).click();
    await page.keyboard.press('Escape');
    await until(`« ${BUDGET} » due on 15/09/${YEAR}`, async () =>
      (await todoRow(page, BUDGET).innerText()).includes(`15/09/${YEAR}`),
    );
    expect(await todoRow(page, BUDGET).innerText()).not.toContain(`30/06/${YEAR}`);
    await shoot('37-todo-obligation-moved');
  });

  it('says plainly when nothing is due for a structure', async () => {
    const { page } = h;
    await page.goto(`${h.url}#/a-faire?structure=${otherStructureId}`);
    await heading(page, 'À faire');
    await visible(page.getByText(`Rien à faire d’ici le ${formatDate(addMonths(TODAY, 12))}`));
    await visible(page.getByRole('button', { name: 'Retirer les filtres' }));
    await shoot('38-todo-empty');
    await click(page, 'button', 'Retirer les filtres');
    await visible(todoRow(page, RIB));
  });

  it('lists the structure’s conventions on its page', async () => {
    const { page } = h;
    await todoRow(page, RIB).getByRole('link', { name: STRUCTURE }).click();
    await heading(page, STRUCTURE);
    const list = page.getByRole('list', { name: 'Conventions de la structure' });
    await visible(list.getByRole('link', { name: REFERENCE }));
    const text = await list.innerText();
    expect(text).toContain(`Du 01/01/${YEAR - 1} au 31/12/${YEAR + 1}`);
    expect(text).toContain('En cours');
    expect(text.replace(/\s/g, ' ')).toContain('12 000,00 €');
    await visible(page.getByRole('button', { name: 'Nouvelle convention' }));
    await page.getByRole('button', { name: 'Nouvelle convention' }).scrollIntoViewIfNeeded();
    await shoot('39-structure-conventions');
    expect(h.pageErrors).toEqual([]);
    expect(h.blockedRequests).toEqual([]);
  });
});
