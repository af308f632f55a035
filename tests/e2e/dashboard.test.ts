/**
 * « Tableau de bord » on the demo vault: key figures and charts appear, a filter narrows
 * them, a chart switches to its table (same figures as the route), and a chart saves as PNG.
 */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SCREENSHOT_DIR, startHarness, TEST_KDF, type Harness } from './harness';
import { choose, click, download, heading, stopAtFirstFailure, until, visible } from './steps';

describe('dashboard journey', () => {
  let h: Harness;
  const shoot = (name: string, fullPage = false) => h.screenshot(name, { fullPage });
  const chart = (title: string) => h.page.getByRole('region', { name: title, exact: true });
  const figure = (label: string) =>
    h.page
      .getByRole('region', { name: 'Chiffres clés' })
      .getByRole('listitem')
      .filter({ has: h.page.getByText(label, { exact: true }) });

  beforeAll(async () => {
    h = await startHarness({ kdf: TEST_KDF });
  });
  stopAtFirstFailure(() => h);
  afterAll(async () => {
    await h?.close();
  });

  it('opens the dashboard of the demo department', async () => {
    const { page } = h;
    await heading(page, 'Bienvenue dans Balise');
    await click(page, 'button', 'Explorer avec des données fictives');
    await heading(page, 'Accueil');
    await page.getByRole('navigation').getByRole('link', { name: 'Tableau de bord' }).click();
    await heading(page, 'Tableau de bord');
    await visible(figure('Promeneurs actifs'));
    const year = Number(new Date().toISOString().slice(0, 4));
    const data = await h.invoke('dashboard.data', { year });
    if (!data.ok) throw new Error(data.error.message);
    const expected = data.value.figures.promeneursActive.toLocaleString('fr-FR');
    await until('the active Promeneurs figure to show the route’s value', async () =>
      (await figure('Promeneurs actifs').innerText()).includes(expected),
    );
    // Every chart has its French title; the page drew them from the data (an SVG each, or
    // an honest « aucun… » text).
    for (const title of [
      'Promeneurs et structures au fil du temps',
      'Jeunes contactés et rencontrés',
      'Demandes par thème',
      'Canaux utilisés',
      'Participation aux rencontres départementales',
      'Subventions engagées et versées',
      'À faire, par nature',
    ])
      await visible(chart(title));
    await visible(chart('Demandes par thème').locator('svg.recharts-surface'));
    await visible(chart('Subventions engagées et versées').locator('svg.recharts-surface'));
    expect(h.pageErrors).toEqual([]);
    await shoot('98-dashboard');
    await shoot('98-dashboard-full', true);
  });

  it('narrows the figures to one territory', async () => {
    const { page } = h;
    const options = await h.invoke('dashboard.options', {});
    if (!options.ok) throw new Error(options.error.message);
    const territory = options.value.territories[0]!;
    const before = await figure('Structures dans le réseau').innerText();
    await choose(page, 'Territoire (EPCI)', territory);
    const year = Number(new Date().toISOString().slice(0, 4));
    const data = await h.invoke('dashboard.data', { year, territory });
    if (!data.ok) throw new Error(data.error.message);
    const expected = data.value.figures.structuresInNetwork.toLocaleString('fr-FR');
    await until('the structures figure to follow the territory', async () => {
      const text = await figure('Structures dans le réseau').innerText();
      return text !== before && text.includes(expected);
    });
    await until(
      'the last call to be the filtered dashboard',
      async () => h.calls.filter((c) => c === 'dashboard.data').length >= 2,
    );
    await shoot('98-dashboard-territory');
  });

  it('shows a chart as a table with the same figures', async () => {
    const { page } = h;
    const card = chart('Subventions engagées et versées');
    await card.getByText('Tableau', { exact: true }).click();
    const table = await visible(card.getByRole('table'));
    const rows = await table.first().locator('tbody tr').allInnerTexts();
    const year = Number(new Date().toISOString().slice(0, 4));
    const options = await h.invoke('dashboard.options', {});
    if (!options.ok) throw new Error(options.error.message);
    const data = await h.invoke('dashboard.data', {
      year,
      territory: options.value.territories[0]!,
    });
    if (!data.ok) throw new Error(data.error.message);
    expect(rows).toHaveLength(data.value.series.subsidies.length);
    const euros = (cents: number) =>
      new Intl.NumberFormat('fr-FR', { style: 'currency', currency: 'EUR' }).format(cents / 100);
    data.value.series.subsidies.forEach((y, i) => {
      expect(rows[i]).toContain(String(y.year));
      expect(rows[i]).toContain(euros(y.committedCents));
      expect(rows[i]).toContain(euros(y.paidCents));
    });
    // The switch is reachable from the keyboard: back to the chart with the arrow keys.
    await card.getByRole('radio', { name: 'Tableau' }).focus();
    await page.keyboard.press('ArrowLeft');
    await visible(card.locator('svg.recharts-surface'));
    await card.getByText('Tableau', { exact: true }).click();
    await card.scrollIntoViewIfNeeded();
    await shoot('98-dashboard-table');
  });

  it('saves a chart as a PNG image', async () => {
    const { page } = h;
    const card = chart('Demandes par thème');
    await card.scrollIntoViewIfNeeded();
    const file = await download(page, () =>
      card.getByRole('button', { name: 'Enregistrer en PNG' }).click(),
    );
    expect(file.name).toMatch(/^demandes-par-theme-\d{4}\.png$/);
    expect(file.content.subarray(1, 4).toString('latin1')).toBe('PNG');
    expect(file.content.length).toBeGreaterThan(10_000);
    // Kept beside the screenshots, to look at.
    writeFileSync(join(SCREENSHOT_DIR, '98-dashboard-chart-export.png'), file.content);
    expect(h.pageErrors).toEqual([]);
  });

  it('says so when a period holds nothing', async () => {
    const { page } = h;
    await page.evaluate(() => window.scrollTo(0, 0));
    await page.getByRole('region', { name: 'Filtres' }).getByText('Dates', { exact: true }).click();
    await page.getByLabel('Du', { exact: true }).fill('01/01/2001');
    await page.keyboard.press('Enter');
    await page.getByLabel('Au', { exact: true }).fill('31/12/2001');
    await page.keyboard.press('Enter');
    await visible(page.getByText('Aucun bilan d’activité sur la période.'));
    await visible(page.getByText('Aucune rencontre départementale tenue sur la période.'));
    await shoot('98-dashboard-empty');
  });
});
