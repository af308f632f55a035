/**
 * The personal data journey, end to end in Chromium: a Promeneur with a profile, an event
 * invitation and a history is set up through the router; then, on screen: the coordinator
 * finds her under « Données personnelles », sees where she appears, exports her data as JSON
 * (the downloaded file is read back), erases her (a wrong name keeps the button disabled),
 * and the « Journal des modifications » shows the erasure without the erased values. The
 * retention proposals and the processing record are shown too.
 *
 * Screenshots 70-… to 74-… land in test-results/screenshots/.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startHarness, TEST_KDF, type Harness } from './harness';
import {
  choose,
  dialog,
  download,
  field,
  heading,
  stopAtFirstFailure,
  until,
  visible,
} from './steps';

const PASSPHRASE = 'Boussole verte sous la pluie 1974';
const NAME = 'Léonie Carrasco';

function value<T>(result: { ok: true; value: T } | { ok: false; error: { message: string } }): T {
  if (!result.ok) throw new Error(result.error.message);
  return result.value;
}

describe('personal data journey', () => {
  let h: Harness;
  let promeneurId: number;
  const shoot = (name: string) => h.screenshot(name);
  const sidebar = (label: string) =>
    h.page.getByRole('navigation').getByRole('link', { name: label, exact: true });

  beforeAll(async () => {
    h = await startHarness({ kdf: TEST_KDF, open: false });
    const { recoveryKey } = value(await h.invoke('vault.create', { passphrase: PASSPHRASE }));
    value(await h.invoke('vault.confirmCreate', { recoveryKey }));
    value(await h.invoke('settings.update', { departmentName: 'Val-de-Balise' }));
    const structureId = value(
      await h.invoke('structures.create', {
        fields: {
          name: 'Centre social La Passerelle',
          type: 'centre_social',
          legalForm: 'association',
          networkStatus: 'dans_le_reseau',
          representativeName: 'Bernard Ollivier',
          representativeTitle: 'Président',
        },
      }),
    ).id;
    promeneurId = value(
      await h.invoke('promeneurs.create', {
        fields: {
          firstName: 'Léonie',
          lastName: 'Carrasco',
          job: 'educateur',
          structureId,
          email: 'leonie.carrasco@passerelle.example',
          phone: '06 11 22 33 44',
          status: 'actif',
          profiles: [{ platform: 'instagram', name: 'leonie_passerelle' }],
        },
      }),
    ).id;
    const promeneur = value(await h.invoke('promeneurs.get', { id: promeneurId }));
    value(
      await h.invoke('promeneurs.update', {
        id: promeneurId,
        fields: { ...promeneur, phone: '07 55 44 33 22', statusSince: null },
      }),
    );
    const eventId = value(
      await h.invoke('calendar.create', {
        fields: {
          type: 'formation',
          title: 'Formation éthique du numérique',
          start: '2026-03-12T09:00',
          end: '2026-03-12T12:00',
        },
      }),
    ).id;
    value(await h.invoke('calendar.invite', { eventId, promeneurIds: [promeneurId] }));
    // Someone who left the network long ago: proposed for erasure.
    value(
      await h.invoke('promeneurs.create', {
        fields: {
          firstName: 'Armand',
          lastName: 'Delorme',
          job: 'animateur',
          structureId,
          status: 'sorti',
          statusSince: '2019-06-30',
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

  it('finds a Promeneur and shows where she appears', async () => {
    const { page } = h;
    await sidebar('Données personnelles').click();
    await heading(page, 'Données personnelles');
    await visible(page.getByText('Saisissez le nom de la personne'));
    await field(page, 'Rechercher').fill('carrasco');
    const card = page.getByRole('listitem').filter({ hasText: NAME });
    await visible(card);
    await visible(card.getByText('Promeneur du Net', { exact: true }));
    await visible(card.getByText('Invité à 1 évènement'));
    await visible(card.getByText('1 profil professionnel'));
    await shoot('70-rights-person-found');
  });

  it('exports her data as JSON, with French labels', async () => {
    const { page } = h;
    const file = await download(page, () =>
      page.getByRole('button', { name: `Exporter les données de ${NAME} en JSON` }).click(),
    );
    expect(file.name).toMatch(/^donnees-leonie-carrasco-\d{4}-\d{2}-\d{2}\.json$/);
    const data = JSON.parse(file.content.toString('utf8')) as {
      personne: string;
      données: Record<string, Record<string, unknown>[]>;
    };
    console.log(
      `e2e rights export: ${file.content.length} bytes, ${Object.keys(data.données).length} sections`,
    );
    expect(data.personne).toBe(NAME);
    expect(data.données.Fiche![0]).toMatchObject({ Prénom: 'Léonie', Métier: 'Éducateur' });
    expect(data.données.Profils![0]).toMatchObject({ 'Nom du profil': 'leonie_passerelle' });
    expect(data.données['Évènements']![0]).toMatchObject({
      Évènement: 'Formation éthique du numérique',
    });
    await visible(page.getByText('Export prêt'));
  });

  it('erases her only once her name is typed back', async () => {
    const { page } = h;
    await page.getByRole('button', { name: `Effacer ${NAME}` }).click();
    const modal = dialog(page, `Effacer ${NAME} ?`);
    await visible(modal);
    const confirm = modal.getByRole('button', { name: 'Effacer définitivement' });
    await modal.getByLabel(`Pour confirmer, saisissez le nom « ${NAME} »`).fill('Léonie');
    expect(await confirm.isDisabled()).toBe(true);
    await shoot('71-rights-erase-confirm');
    await modal.getByLabel(`Pour confirmer, saisissez le nom « ${NAME} »`).fill('léonie carrasco');
    await until('the erase button to be enabled', async () => !(await confirm.isDisabled()));
    await confirm.click();
    await visible(page.getByText(`${NAME} a été effacé(e)`));
    await visible(page.getByText('Personne de ce nom dans le coffre'));
    const gone = await h.invoke('promeneurs.get', { id: promeneurId });
    expect(gone.ok).toBe(false);
  });

  it('shows the erasure in the audit log, without the erased values', async () => {
    const { page } = h;
    await sidebar('Journal des modifications').click();
    await heading(page, 'Journal des modifications');
    await choose(page, 'Type de modification', 'Effacement (données personnelles)');
    const rows = page.getByRole('table', { name: 'Modifications' }).locator('tbody tr');
    await until('only the erasure to be listed', async () => (await rows.count()) === 1);
    const row = rows.first();
    await visible(row.getByText('Données effacées (n° 1)'));
    await visible(row.getByText(/Données effacées : Prénom, Nom/));
    await shoot('72-audit-log-erasure');
    // The Promeneur's earlier entries keep their fields, not their values.
    await choose(page, 'Type de modification', 'Modification');
    await visible(page.getByText('valeurs retirées lors d’un effacement').first());
    const text = await page.getByRole('main').innerText();
    for (const erased of ['Carrasco', 'leonie', '06 11 22 33 44', '07 55 44 33 22'])
      expect(text, erased).not.toContain(erased);
  });

  it('proposes those who left the network long ago, and shows the processing record', async () => {
    const { page } = h;
    await sidebar('Données personnelles').click();
    await page.getByRole('tab', { name: 'Conservation' }).click();
    const table = page.getByRole('table', { name: 'Promeneurs à effacer' });
    await visible(table.getByText('Armand Delorme'));
    await visible(table.getByText('30/06/2019'));
    await shoot('73-rights-retention');
    await page.getByRole('tab', { name: 'Registre des traitements' }).click();
    const record = page.getByLabel('Registre des traitements');
    await visible(record.getByText(/Val-de-Balise/).first());
    await visible(record.getByText(/3 ans après la sortie/));
    await shoot('74-rights-register');
    expect(h.pageErrors).toEqual([]);
  });
});
