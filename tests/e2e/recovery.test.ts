/**
 * The forgotten passphrase: the recovery key noted at creation opens the vault and sets a new
 * passphrase; afterwards the old passphrase no longer opens it and the new one does. Real
 * key-derivation cost, real files.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startHarness, type Harness } from './harness';
import {
  click,
  confirmRecoveryKey,
  createVault,
  fieldError,
  fill,
  heading,
  lock,
  stopAtFirstFailure,
  unlock,
  until,
  visible,
} from './steps';

const OLD_PASSPHRASE = 'Lanterne violette sur le quai 1987';
const NEW_PASSPHRASE = 'Girafe pensive au marché du jeudi';

describe('recovery journey', () => {
  let h: Harness;
  let recoveryKey: string;
  const shoot = (name: string) => h.screenshot(name);

  beforeAll(async () => {
    h = await startHarness();
  });
  stopAtFirstFailure(() => h);

  afterAll(async () => {
    await h?.close();
  });

  it('creates a vault, notes its recovery key, and locks it', async () => {
    const { page } = h;
    recoveryKey = await createVault(page, OLD_PASSPHRASE);
    await confirmRecoveryKey(page, recoveryKey);
    await heading(page, 'Accueil');
    // Something to find again after the recovery.
    const created = await h.invoke('structures.create', {
      fields: {
        name: 'Centre social des Tilleuls',
        type: 'centre_social',
        legalForm: 'association',
        networkStatus: 'dans_le_reseau',
      },
    });
    expect(created.ok).toBe(true);
    await lock(page);
  });

  it('refuses a wrong recovery key in French', async () => {
    const { page } = h;
    await page.getByRole('button', { name: /^Phrase de passe oubliée/ }).click();
    await heading(page, 'Ouvrir avec la clé de secours');
    // Same length and shape as the real key, one group changed.
    const groups = recoveryKey.split('-');
    groups[0] = groups[0] === 'AAAA' ? 'BBBB' : 'AAAA';
    await fill(page, 'Clé de secours', groups.join('-'));
    await fill(page, 'Nouvelle phrase de passe', NEW_PASSPHRASE);
    await fill(page, 'Confirmer la nouvelle phrase de passe', NEW_PASSPHRASE);
    await click(page, 'button', 'Ouvrir avec la clé de secours');
    await until('the recovery key error', async () =>
      ((await fieldError(page, 'Clé de secours')) ?? '').includes('Clé de secours incorrecte'),
    );
    await shoot('11-recovery-wrong-key');
    expect((await h.session.status()).state).toBe('locked');
  });

  it('opens with the recovery key and a new passphrase', async () => {
    const { page } = h;
    await fill(page, 'Clé de secours', recoveryKey);
    await click(page, 'button', 'Ouvrir avec la clé de secours');
    await heading(page, 'Accueil');
    expect((await h.session.status()).state).toBe('unlocked');
    await page
      .getByRole('navigation')
      .getByRole('link', { name: 'Structures', exact: true })
      .click();
    await visible(page.getByRole('table').getByText('Centre social des Tilleuls'));
  });

  it('no longer opens with the old passphrase, and opens with the new one', async () => {
    const { page } = h;
    await lock(page);
    await unlock(page, OLD_PASSPHRASE);
    await visible(page.getByText('Phrase de passe incorrecte', { exact: false }));
    expect((await h.session.status()).state).toBe('locked');

    await unlock(page, NEW_PASSPHRASE);
    await heading(page, 'Structures'); // back where it was locked
    await visible(page.getByRole('table').getByText('Centre social des Tilleuls'));
    expect((await h.session.status()).state).toBe('unlocked');
  });

  it('ran without page errors or outside requests', () => {
    expect(h.pageErrors).toEqual([]);
    expect(h.blockedRequests).toEqual([]);
  });
});
