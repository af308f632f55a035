/**
 * « Explorer avec des données fictives »: from the first-run screen, a separate demo vault
 * opens, filled with a fictional department, with the demo banner always visible; leaving it
 * comes back to the coordinator's own (still absent) vault, which the demo never touched.
 */
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startHarness, TEST_KDF, type Harness } from './harness';
import { TODO_PAGE } from '../../src/shared/api/todo';
import {
  choose,
  click,
  heading,
  hidden,
  nav,
  stopAtFirstFailure,
  tableRows,
  todoRows,
  until,
  visible,
} from './steps';

describe('demo journey', () => {
  let h: Harness;
  const shoot = (name: string) => h.screenshot(name);
  const banner = () => h.page.getByRole('region', { name: 'Coffre de démonstration' });

  beforeAll(async () => {
    // The demo vault is not what is under test here: cheap key derivation.
    h = await startHarness({ kdf: TEST_KDF });
  });
  stopAtFirstFailure(() => h);

  afterAll(async () => {
    await h?.close();
  });

  it('opens a populated demo from the first-run screen', async () => {
    const { page } = h;
    await heading(page, 'Bienvenue dans Balise');
    await click(page, 'button', 'Explorer avec des données fictives');
    await until(
      'one click on « Explorer avec des données fictives » to ask for the demo (vault.openDemo)',
      async () => h.calls.includes('vault.openDemo'),
    );
    await heading(page, 'Accueil');
    await visible(banner());
    await visible(banner().getByText('Coffre de démonstration — données fictives'));
    expect(await h.session.status()).toMatchObject({ state: 'unlocked', demo: true });
    // The home page counts something.
    await visible(page.getByRole('region', { name: 'Chiffres clés' }));
    await shoot('12-demo-home');
  });

  it('lists demo structures and Promeneurs, banner still visible', async () => {
    const { page } = h;
    await nav(page, 'Structures');
    await visible(page.getByRole('table'));
    const structures = await tableRows(page);
    expect(structures.length).toBeGreaterThan(3);
    await visible(banner());
    await shoot('13-demo-structures');

    await nav(page, 'Promeneurs');
    await visible(page.getByRole('table'));
    const promeneurs = await tableRows(page);
    expect(promeneurs.length).toBeGreaterThan(3);
    await visible(banner());
    await shoot('14-demo-promeneurs');

    // A demo record opens with its history like any other.
    await page.getByRole('table').locator('tbody tr').first().getByRole('link').first().click();
    await visible(page.getByRole('tab', { name: 'Historique' }));
    await visible(banner());
    await shoot('15-demo-promeneur-detail');
  });

  it('shows the demo’s conventions, to-do list, calendar and journal', async () => {
    const { page } = h;
    await nav(page, 'Conventions');
    expect((await tableRows(page)).length).toBeGreaterThan(5);
    await shoot('16-demo-conventions');

    await nav(page, 'À faire');
    await visible(page.getByRole('heading', { name: /En retard/ }));
    await shoot('17-demo-todo');

    // A year ahead, the demo's list is longer than what the page shows at first: the headings
    // count every item, « Afficher plus » shows the rest.
    await choose(page, 'Horizon', '12 mois');
    const more = page.getByRole('button', { name: /^Afficher \d+ de plus$/ });
    await visible(more);
    const answer = await h.invoke('todo.list', { horizonMonths: 12, limit: 1 });
    if (!answer.ok) throw new Error(answer.error.message);
    const { total, periods } = answer.value;
    expect(total).toBeGreaterThan(TODO_PAGE);
    await visible(page.getByText(`${TODO_PAGE} premiers éléments affichés sur ${total}.`));
    expect(await todoRows(page)).toHaveLength(TODO_PAGE);
    const later = page.getByRole('heading', { level: 2, name: 'Plus tard' });
    expect(await later.locator('xpath=..').innerText()).toContain(String(periods.later));
    await more.scrollIntoViewIfNeeded();
    await shoot('17b-demo-todo-more');
    await more.click();
    await until('every item to be shown', async () => (await todoRows(page)).length === total);
    await hidden(more);

    await nav(page, 'Calendrier');
    await visible(page.locator('.fc-event').first());
    await shoot('18-demo-calendar');

    await nav(page, 'Journal');
    await visible(page.getByRole('heading', { name: /Totaux de l’année/ }));
    await visible(banner());
    await shoot('19-demo-journal');
  });

  it('shows the demo’s activity figures: completeness and synthesis', async () => {
    const { page } = h;
    await nav(page, 'Activité');
    await visible(page.getByText(/bilans reçus sur \d+ · \d+ manquants?/));
    expect((await tableRows(page)).length).toBeGreaterThan(10);
    await page.getByRole('tab', { name: 'Synthèse' }).click();
    await visible(page.getByRole('table', { name: 'Par structure' }));
    await visible(banner());
    await shoot('90-demo-activity');
  });

  it('leaves the demo for the coordinator’s own vault, untouched', async () => {
    const { page } = h;
    await banner().getByRole('button', { name: 'Quitter la démonstration' }).click();
    await heading(page, 'Bienvenue dans Balise');
    expect(await h.session.status()).toMatchObject({ state: 'none', demo: false });
    expect(existsSync(join(h.dir, 'vault', 'balise.db'))).toBe(false);
    expect(existsSync(join(h.dir, 'demo', 'balise.db'))).toBe(true);
  });

  it('ran without page errors or outside requests', () => {
    expect(h.pageErrors).toEqual([]);
    expect(h.blockedRequests).toEqual([]);
  });
});
