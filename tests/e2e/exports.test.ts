/**
 * The exports journey, end to end in Chromium on the demo vault: « Exports » from the
 * sidebar, the Bilan annuel of the current year exported (a progress bar while it is
 * prepared, then the file handed over for saving, read back), and a refused attendance
 * period explained in French. Screenshot 99-exports lands in test-results/screenshots/.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { todayInParis } from '../../src/shared/rules/dates';
import { loadWorkbook } from '../support/workbooks';
import { startHarness, TEST_KDF, type Harness } from './harness';
import { click, download, heading, stopAtFirstFailure, until, visible } from './steps';

describe('exports journey', () => {
  let h: Harness;
  const year = todayInParis().slice(0, 4);

  beforeAll(async () => {
    h = await startHarness({ kdf: TEST_KDF });
  });
  stopAtFirstFailure(() => h);
  afterAll(async () => {
    await h?.close();
  });

  it('exports the Bilan annuel of the demo department from the « Exports » page', async () => {
    const { page } = h;
    await heading(page, 'Bienvenue dans Balise');
    await click(page, 'button', 'Explorer avec des données fictives');
    await heading(page, 'Accueil');
    await page.getByRole('navigation').getByRole('link', { name: 'Exports', exact: true }).click();
    await heading(page, 'Exports');
    const card = page.getByRole('region', { name: 'Bilan annuel' });
    await visible(card);
    expect(
      await card
        .getByRole('textbox', { name: 'Année' })
        .or(card.getByRole('combobox', { name: 'Année' }))
        .first()
        .inputValue(),
    ).toBe(year);

    const started = Date.now();
    const file = await download(page, async () => {
      await card.getByRole('button', { name: 'Exporter : Bilan annuel' }).click();
      await visible(page.getByRole('status').getByText(/Préparation de « Bilan annuel »/));
    });
    const seconds = (Date.now() - started) / 1000;
    expect(file.name).toBe(`bilan-annuel-${year}.xlsx`);
    const book = await loadWorkbook(file.content);
    expect(book.worksheets.map((w) => w.name)).toContain('Financement');
    expect(book.getWorksheet('Synthèse')!.getImages().length).toBeGreaterThan(0);
    await until(
      'the progress bar to go once the file is ready',
      async () =>
        (await page
          .getByRole('status')
          .getByText(/Préparation de/)
          .count()) === 0,
    );
    console.log(
      `Bilan annuel ${year}, demo vault: ${seconds.toFixed(1)} s, ${file.content.length} bytes`,
    );
    await h.screenshot('99-exports');
  });

  it('says in French what is wrong with an attendance period', async () => {
    const { page } = h;
    const card = page.getByRole('region', { name: 'Émargement' });
    const to = card.getByRole('textbox', { name: 'Au' });
    await to.fill('01/01/2000');
    await to.press('Tab');
    await card.getByRole('button', { name: 'Exporter : Émargement' }).click();
    await visible(page.getByText('Émargement : export impossible'));
    await visible(page.getByText(/Saisie|période/));
  });
});
