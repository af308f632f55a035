/**
 * The main journey, end to end in Chromium with a real encrypted vault (real key-derivation
 * cost): create the vault and confirm the recovery key, add a structure (an invalid SIRET
 * first), add a Promeneur with an accented name, find both without accents, edit the
 * Promeneur and read the change in « Historique », lock, fail to unlock with a wrong
 * passphrase (nothing on disk changes), unlock and find the data again.
 *
 * The steps share one browser and one vault and run in order; each leaves the app where the
 * next one starts. Screenshots land in test-results/screenshots/.
 */
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { folderFingerprint } from '../support/files';
import { startHarness, type Harness } from './harness';
import {
  choose,
  click,
  confirmRecoveryKey,
  createVault,
  field,
  fieldError,
  fill,
  heading,
  hidden,
  lock,
  nav,
  search,
  select,
  stopAtFirstFailure,
  tableRows,
  unlock,
  until,
  visible,
} from './steps';

const PASSPHRASE = 'Lanterne violette sur le quai 1987';
const STRUCTURE = 'Maison des Jeunes de Saint-Étienne-du-Bois';
const VALID_SIRET = '73282932000074';
const INVALID_SIRET = '73282932000075';

describe('directory journey', () => {
  let h: Harness;
  let structureId: number;
  let promeneurId: number;
  const shoot = (name: string) => h.screenshot(name);

  beforeAll(async () => {
    h = await startHarness();
  });
  stopAtFirstFailure(() => h);

  afterAll(async () => {
    await h?.close();
  });

  it('creates a vault and shows the recovery key once', async () => {
    const { page } = h;
    const key = await createVault(page, PASSPHRASE, shoot);
    expect((await h.invoke('vault.status', {})).ok && (await h.session.status()).state).toBe(
      'pending',
    );

    // A wrong key is refused in French, and the vault is still not written.
    await confirmRecoveryKey(page, 'AAAA-BBBB-CCCC-DDDD');
    await visible(page.getByText('La clé de secours saisie ne correspond pas', { exact: false }));
    expect((await h.session.status()).state).toBe('pending');

    // The screen says dashes, spaces and capitals do not matter: type it that way.
    await fill(page, 'Clé de secours', key.toLowerCase().replaceAll('-', ' '));
    await click(page, 'button', 'Confirmer et ouvrir mon coffre');
    await heading(page, 'Accueil');
    expect((await h.session.status()).state).toBe('unlocked');
    // The key is nowhere on the page any more.
    expect(await page.getByTestId('recovery-key').count()).toBe(0);
    expect(await page.locator('body').innerText()).not.toContain(key);
    await shoot('03-home');
    await h.screenshot('03-home-dark', { dark: true });
  });

  it('refuses an invalid SIRET inline, then saves the structure', async () => {
    const { page } = h;
    await nav(page, 'Structures');
    await visible(page.getByText('Aucune structure pour l’instant'));
    await click(page, 'button', 'Nouvelle structure');
    await heading(page, 'Nouvelle structure');

    await fill(page, 'Nom', STRUCTURE);
    await choose(page, 'Type de structure', 'MJC');
    await choose(page, 'Forme juridique', 'Association');
    await fill(page, 'SIRET', INVALID_SIRET);
    await field(page, 'SIRET').blur();
    await until('the SIRET error under the field', async () =>
      ((await fieldError(page, 'SIRET')) ?? '').includes('Ce SIRET n’est pas valide'),
    );
    await fill(page, 'Commune', 'Saint-Étienne-du-Bois');
    await fill(page, 'Téléphone', '06 12 34 56 78');
    await click(page, 'button', 'Enregistrer');
    await visible(page.getByRole('alert').filter({ hasText: 'L’enregistrement n’a pas été fait' }));
    expect(await fieldError(page, 'SIRET')).toContain('clé de contrôle incorrecte');
    await heading(page, 'Nouvelle structure'); // still on the form
    await shoot('05-structure-form-error');

    await fill(page, 'SIRET', VALID_SIRET);
    await until('the SIRET error to go', async () => (await fieldError(page, 'SIRET')) === null);
    await click(page, 'button', 'Enregistrer');
    await heading(page, STRUCTURE);

    // Shown the French way…
    await visible(page.getByText('06 12 34 56 78', { exact: true }));
    await visible(page.getByText('732 829 320 00074', { exact: true }));
    // …stored normalised.
    structureId = Number(/#\/structures\/(\d+)/.exec(page.url())?.[1]);
    expect(structureId).toBeGreaterThan(0);
    const stored = await h.invoke('structures.get', { id: structureId });
    expect(stored.ok && stored.value).toMatchObject({
      name: STRUCTURE,
      type: 'mjc',
      legalForm: 'association',
      siret: VALID_SIRET,
      phone: '+33612345678',
      commune: 'Saint-Étienne-du-Bois',
    });
    await shoot('06-structure-detail');
  });

  it('adds a Promeneur with an accented name to that structure', async () => {
    const { page } = h;
    await nav(page, 'Promeneurs');
    await click(page, 'button', 'Nouveau Promeneur');
    await heading(page, 'Nouveau Promeneur');
    await fill(page, 'Prénom', 'Éloïse');
    await fill(page, 'Nom', 'Test');
    await choose(page, 'Métier', 'Animateur');
    await select(page, 'Structure employeuse').click();
    await page.getByRole('option', { name: new RegExp(`^${STRUCTURE}`) }).click();
    await click(page, 'button', 'Enregistrer');
    await heading(page, /Éloïse Test/);
    await visible(page.getByText(STRUCTURE).first());
    promeneurId = Number(/#\/promeneurs\/(\d+)/.exec(page.url())?.[1]);
    expect(promeneurId).toBeGreaterThan(0);
    const stored = await h.invoke('promeneurs.get', { id: promeneurId });
    expect(stored.ok && stored.value).toMatchObject({
      firstName: 'Éloïse',
      lastName: 'Test',
      job: 'animateur',
      structureId,
    });
  });

  it('finds both records by searching without accents', async () => {
    const { page } = h;
    await nav(page, 'Promeneurs');
    await search(page, 'eloise');
    await until('the search to be in the address', async () => page.url().includes('eloise'));
    await visible(page.getByRole('table').getByText('Éloïse', { exact: false }));
    expect(await tableRows(page)).toHaveLength(1);
    await shoot('07-promeneurs-list');
    await search(page, 'personne-inconnue');
    await visible(page.getByText('Aucun Promeneur ne correspond', { exact: false }));

    await nav(page, 'Structures');
    await search(page, 'saint etienne');
    await until('the search to be in the address', async () =>
      /saint(\+|%20)etienne/.test(page.url()),
    );
    await visible(page.getByRole('table').getByText(STRUCTURE));
    expect(await tableRows(page)).toHaveLength(1);
    await shoot('04-structures-list');
    await search(page, 'mjc de lyon');
    await visible(page.getByText('Aucune structure ne correspond'));
  });

  it('edits the Promeneur and shows old → new in « Historique »', async () => {
    const { page } = h;
    await search(page, '');
    await nav(page, 'Promeneurs');
    await page.getByRole('table').getByText('Éloïse', { exact: false }).first().click();
    await heading(page, /Éloïse Test/);
    await shoot('08-promeneur-detail');
    await click(page, 'button', 'Modifier');
    await heading(page, /Modifier/);
    await choose(page, 'Métier', 'Éducateur');
    await click(page, 'button', 'Enregistrer');
    await heading(page, /Éloïse Test/);

    await click(page, 'tab', 'Historique');
    const change = page.getByRole('table').getByRole('row').filter({ hasText: 'Métier' });
    await visible(change);
    const cells = (await change.first().getByRole('cell').allInnerTexts()).map((t) => t.trim());
    expect(cells).toContain('Animateur');
    expect(cells).toContain('Éducateur');
    expect(cells.indexOf('Animateur')).toBeLessThan(cells.indexOf('Éducateur'));
    await visible(page.getByText('Modification', { exact: true }));
    await visible(page.getByText('Création', { exact: true }));
    // The creation names the employer as people know it, not by its database id.
    await visible(page.getByText(`Structure employeuse : ${STRUCTURE}`, { exact: false }));
    await shoot('08-promeneur-history');
  });

  it('shows the settings page', async () => {
    const { page } = h;
    await nav(page, 'Paramètres');
    await heading(page, 'Paramètres');
    await shoot('10-settings');
  });

  it('locks, refuses a wrong passphrase without touching the files, and unlocks', async () => {
    const { page } = h;
    await lock(page);
    expect((await h.session.status()).state).toBe('locked');
    const vaultDir = join(h.dir, 'vault');
    const before = folderFingerprint(vaultDir);
    expect(Object.keys(before)).toEqual(expect.arrayContaining(['balise.db', 'balise.keys.json']));

    await unlock(page, 'Lanterne violette sur le quai 1988');
    await visible(page.getByText('Phrase de passe incorrecte', { exact: false }));
    expect(await fieldError(page, 'Phrase de passe')).toContain('Phrase de passe incorrecte');
    expect(await field(page, 'Phrase de passe').inputValue()).toBe(''); // cleared for a new try
    await shoot('09-unlock-error');
    expect((await h.session.status()).state).toBe('locked');
    expect(folderFingerprint(vaultDir)).toEqual(before);

    await unlock(page, PASSPHRASE);
    // Back where the person locked it.
    await heading(page, 'Paramètres');
    await hidden(page.getByText('Phrase de passe incorrecte', { exact: false }));
    await nav(page, 'Structures');
    await visible(page.getByRole('table').getByText(STRUCTURE));
    await nav(page, 'Promeneurs');
    await visible(page.getByRole('table').getByText('Éloïse', { exact: false }));
  });

  it('ran without page errors or outside requests', () => {
    expect(h.pageErrors).toEqual([]);
    expect(h.blockedRequests).toEqual([]);
  });
});
