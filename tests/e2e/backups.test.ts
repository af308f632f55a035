/**
 * The backups journey, end to end in Chromium: a manual backup from the Sauvegardes page,
 * listed; the vault locked and its file damaged on disk; unlocking explains the damage and
 * offers the latest backup; a wrong passphrase is refused; the restore opens the vault with
 * the data back, the damaged file kept aside. A vault damaged only in some pages opens, then
 * the background check puts up a red banner, changes are refused in French, and the banner
 * leads to the restore.
 *
 * Screenshots 60-… to 64-… land in test-results/screenshots/.
 */
import { existsSync, readdirSync, rmSync, statSync, truncateSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { garblePages, pagesOf } from '../support/damage';
import { startHarness, TEST_KDF, type Harness } from './harness';
import {
  click,
  dialog,
  heading,
  hidden,
  lock,
  nav,
  stopAtFirstFailure,
  tableRows,
  unlock,
  visible,
} from './steps';

const PASSPHRASE = 'Boussole verte sous la pluie 1974';
const STRUCTURE = 'Maison des jeunes du Lac';

function value<T>(result: { ok: true; value: T } | { ok: false; error: { message: string } }): T {
  if (!result.ok) throw new Error(result.error.message);
  return result.value;
}

describe('backups journey', () => {
  let h: Harness;
  const shoot = (name: string) => h.screenshot(name);

  beforeAll(async () => {
    h = await startHarness({ kdf: TEST_KDF, open: false });
    const { recoveryKey } = value(await h.invoke('vault.create', { passphrase: PASSPHRASE }));
    value(await h.invoke('vault.confirmCreate', { recoveryKey }));
    value(
      await h.invoke('structures.create', {
        fields: {
          name: STRUCTURE,
          type: 'mjc',
          legalForm: 'association',
          networkStatus: 'dans_le_reseau',
        },
      }),
    );
    await h.page.goto(h.url);
    await heading(h.page, 'Accueil');
  });
  stopAtFirstFailure(() => h);

  afterAll(async () => {
    await h?.close();
  });

  it('shows the Sauvegardes page with its settings and no backup yet', async () => {
    const { page } = h;
    await page.getByRole('navigation').getByRole('link', { name: 'Sauvegardes' }).click();
    await heading(page, 'Sauvegardes');
    await visible(page.getByText('Aucune sauvegarde dans ce dossier pour l’instant.'));
    expect(await page.getByLabel('Dossier des sauvegardes').inputValue()).toBe(
      join(h.dir, 'backups'),
    );
    expect(await page.getByRole('switch', { name: 'Sauvegarde automatique' }).isChecked()).toBe(
      true,
    );
    await shoot('60-backups-empty');
  });

  it('refuses a folder that does not exist, in French', async () => {
    const { page } = h;
    await page.getByLabel('Dossier des sauvegardes').fill(join(h.dir, 'cle-usb-absente'));
    await click(page, 'button', 'Enregistrer');
    await visible(page.getByRole('alert').filter({ hasText: 'Ce dossier n’existe pas' }));
    await page.getByLabel('Dossier des sauvegardes').fill(join(h.dir, 'backups'));
  });

  it('makes a manual backup and lists it with its date, kind and size', async () => {
    const { page } = h;
    await click(page, 'button', 'Sauvegarder maintenant');
    const rows = await tableRows(page);
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatch(/^\d{2}\/\d{2}\/\d{4} à \d{2}:\d{2} Manuelle \d+ Ko Restaurer…$/i);
    const files = readdirSync(join(h.dir, 'backups'));
    expect(files.filter((f) => f.endsWith('.db'))).toHaveLength(1);
    expect(files.filter((f) => f.endsWith('.keys.json'))).toHaveLength(1);
    await h.screenshot('61-backups-list', { fullPage: true });
  });

  it('explains a damaged vault at unlock and offers the latest backup', async () => {
    const { page } = h;
    await lock(page);
    const file = join(h.dir, 'vault', 'balise.db');
    truncateSync(file, Math.floor(statSync(file).size / 3));
    await unlock(page, PASSPHRASE);
    await heading(page, 'Le coffre ne peut pas être ouvert');
    await visible(page.getByText('Le fichier du coffre est abîmé'));
    await visible(page.getByText(/il est mis de côté dans un dossier « remplace-… »/));
    await visible(page.getByRole('button', { name: /^Restaurer la dernière sauvegarde/ }));
    await shoot('62-damaged-vault');
  });

  it('refuses a wrong passphrase for the backup, then restores it', async () => {
    const { page } = h;
    await page.getByRole('button', { name: /^Restaurer la dernière sauvegarde/ }).click();
    const modal = dialog(page, 'Restaurer une sauvegarde');
    await visible(modal);
    await modal.getByLabel('Phrase de passe', { exact: true }).fill('pas la bonne phrase');
    await modal.getByRole('button', { name: 'Vérifier et restaurer' }).click();
    await visible(modal.getByRole('alert').filter({ hasText: 'n’ouvre pas cette sauvegarde' }));
    await modal.getByLabel('Phrase de passe', { exact: true }).fill(PASSPHRASE);
    await shoot('63-restore-confirm');
    await modal.getByRole('button', { name: 'Vérifier et restaurer' }).click();
    // Unlocked, back on the page it was locked on, the restored backup listed.
    await heading(page, 'Sauvegardes');
    await hidden(page.getByRole('dialog'));
    await visible(page.getByText('Sauvegarde restaurée'));
    // The damaged file is kept aside, untouched.
    const aside = readdirSync(join(h.dir, 'vault')).filter((f) => f.startsWith('remplace-'));
    expect(aside).toHaveLength(1);
    expect(existsSync(join(h.dir, 'vault', aside[0]!, 'balise.db'))).toBe(true);
  });

  it('has the data back', async () => {
    const { page } = h;
    await nav(page, 'Structures');
    await visible(page.getByRole('link', { name: STRUCTURE }));
    await shoot('64-restored-structures');
  });

  it('opens a vault whose pages are damaged, then warns in red and refuses changes in French', async () => {
    const { page } = h;
    const pages = pagesOf(h.session.vault.connection, 'structures');
    await lock(page);
    garblePages(join(h.dir, 'vault', 'balise.db'), pages);
    await unlock(page, PASSPHRASE);
    // The key and the schema are sound: the vault opens, and the check behind finds the damage.
    const banner = page.getByRole('alert').filter({ hasText: 'Le fichier du coffre est abîmé' });
    await visible(banner);
    expect((await h.session.status()).integrity).toBe('abimee');
    await nav(page, 'Paramètres');
    const preferences = page.locator('form').filter({ has: page.getByLabel('Nom du département') });
    await preferences.getByLabel('Nom du département').fill('Val-de-Panne');
    await preferences.getByRole('button', { name: 'Enregistrer' }).click();
    await visible(page.getByText(/abîmé \(le contrôle d’intégrité échoue\)/).first());
    await shoot('64b-damaged-banner');
    await banner.getByRole('link', { name: 'Restaurer une sauvegarde' }).click();
    await heading(page, 'Sauvegardes');
    await page
      .getByRole('button', { name: /^Restaurer la sauvegarde du/ })
      .first()
      .click();
    const modal = dialog(page, 'Restaurer une sauvegarde');
    await visible(modal.getByText(/le fichier abîmé n’est pas effacé/));
    await modal.getByLabel('Phrase de passe', { exact: true }).fill(PASSPHRASE);
    await modal.getByRole('button', { name: 'Vérifier et restaurer' }).click();
    await hidden(page.getByRole('dialog'));
    await hidden(banner);
    await nav(page, 'Structures');
    await visible(page.getByRole('link', { name: STRUCTURE }));
  });

  it('offers the backups, not an empty vault, when the key file has disappeared', async () => {
    const { page } = h;
    await lock(page);
    rmSync(join(h.dir, 'vault', 'balise.keys.json'));
    await page.reload();
    await visible(page.getByText('Des sauvegardes de Balise existent sur cet ordinateur'));
    await shoot('65-keys-missing-backups-found');
    await page.getByRole('button', { name: 'Restaurer une sauvegarde' }).click();
    await heading(page, 'Le coffre ne peut pas être ouvert');
    await page.getByRole('button', { name: /^Restaurer la dernière sauvegarde/ }).click();
    const modal = dialog(page, 'Restaurer une sauvegarde');
    await modal.getByLabel('Phrase de passe', { exact: true }).fill(PASSPHRASE);
    await modal.getByRole('button', { name: 'Vérifier et restaurer' }).click();
    await hidden(page.getByRole('dialog'));
    await nav(page, 'Structures');
    await visible(page.getByRole('link', { name: STRUCTURE }));
    expect(existsSync(join(h.dir, 'vault', 'balise.keys.json'))).toBe(true);
    expect(h.pageErrors).toEqual([]);
  });
});
