/**
 * The committees, end to end in Chromium: a vault with two structures, a Promeneur, the
 * COPIL's members and two COPIL meetings (the first with an open action) is set up through
 * the router; then, on screen: the COPIL's page lists its members and meetings; the meeting's
 * agenda is prepared (the open action followed up first, a point linked to a candidate
 * structure, a point moved up); attendance is recorded with an excused and a represented
 * member and the quorum follows; the minutes are written in the rich-text editor (bold
 * included) and saved; a decision selects the structure, whose page then shows it
 * « Retenue par le COPIL »; an action is added and appears in « À faire »; the minutes are
 * exported to PDF and to .docx (both read back); the decision register lists the decision.
 *
 * Screenshots 80-… to 89-… land in test-results/screenshots/.
 */
import mammoth from 'mammoth';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { formatDate, todayInParis } from '../../src/shared/rules/dates';
import { startHarness, TEST_KDF, type Harness } from './harness';
import {
  click,
  dialog,
  download,
  fill,
  fillDate,
  heading,
  hidden,
  inkPixels,
  nav,
  select,
  stopAtFirstFailure,
  tableRows,
  visible,
} from './steps';

const PASSPHRASE = 'Le comité se réunit sous le tilleul 2027';
const CANDIDATE = 'Centre social des Tilleuls';
const TODAY = todayInParis();
const YEAR = Number(TODAY.slice(0, 4));

const addDays = (iso: string, days: number) =>
  new Date(Date.parse(`${iso}T12:00:00Z`) + days * 86_400_000).toISOString().slice(0, 10);
/** The meeting under way: last week (its minutes are being written). */
const MEETING_DAY = addDays(TODAY, -7);
const PREVIOUS_DAY = addDays(TODAY, -180);
const MEETING = `COPIL ${YEAR} : sélection des candidatures`;

function value<T>(result: { ok: true; value: T } | { ok: false; error: { message: string } }): T {
  if (!result.ok) throw new Error(result.error.message);
  return result.value;
}

describe('committees journey', () => {
  let h: Harness;
  let meetingId: number;
  let candidateId: number;
  const shoot = (name: string, fullPage = false) => h.screenshot(name, { fullPage });

  /** Picks an option of a select inside the open modal. */
  const chooseIn = async (label: string, option: string | RegExp) => {
    await select(h.page.getByRole('dialog'), label).click();
    await h.page.getByRole('option', { name: option }).first().click();
    await hidden(h.page.getByRole('listbox'));
  };

  beforeAll(async () => {
    h = await startHarness({ kdf: TEST_KDF, open: false });
    const { recoveryKey } = value(await h.invoke('vault.create', { passphrase: PASSPHRASE }));
    value(await h.invoke('vault.confirmCreate', { recoveryKey }));
    value(await h.invoke('settings.update', { departmentName: 'Val-de-Quille' }));
    candidateId = value(
      await h.invoke('structures.create', {
        fields: {
          name: CANDIDATE,
          type: 'centre_social',
          legalForm: 'association',
          networkStatus: 'interessee',
          commune: 'Angers',
        },
      }),
    ).id;
    const member = async (name: string, organisation: string, role: 'president' | 'membre') =>
      value(
        await h.invoke('committees.members.create', {
          committee: 'copil',
          fields: { name, organisationKind: 'caf', organisation, role, seat: 'titulaire' },
        }),
      ).id;
    await member('Agnès Postulat', 'CAF de Val-de-Quille', 'president');
    await member('Laurent Présomption', 'MSA de Val-de-Quille', 'membre');
    await member('Sophie Vraisemblance', 'Conseil départemental', 'membre');
    await member('Henri Syllogisme', 'Communauté de communes du Val', 'membre');
    value(
      await h.invoke('committees.updateRules', {
        committee: 'copil',
        rules: 'Un représentant par institution.',
        quorum: 3,
      }),
    );
    const previous = value(
      await h.invoke('calendar.create', {
        fields: {
          type: 'copil',
          title: `COPIL de printemps`,
          start: `${PREVIOUS_DAY}T10:00`,
          end: `${PREVIOUS_DAY}T12:00`,
          place: 'CAF, salle du conseil',
        },
      }),
    ).id;
    value(
      await h.invoke('committees.actions.create', {
        eventId: previous,
        fields: { who: 'CAF de Val-de-Quille', what: 'Relancer l’appel à projets auprès des EPCI' },
      }),
    );
    meetingId = value(
      await h.invoke('calendar.create', {
        fields: {
          type: 'copil',
          title: MEETING,
          start: `${MEETING_DAY}T10:00`,
          end: `${MEETING_DAY}T12:00`,
          place: 'CAF, salle du conseil',
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

  it('shows the COPIL with its meetings, members and rules', async () => {
    const { page } = h;
    await nav(page, 'Instances');
    await visible(page.getByRole('table', { name: 'Réunions du Comité de pilotage (COPIL)' }));
    await visible(page.getByText('Un représentant par institution.'));
    const rows = await tableRows(page);
    expect(rows[0]).toContain(MEETING);
    expect(rows[0]).toContain('Pas commencé');
    await shoot('80-instances-copil', true);
  });

  it('prepares the agenda: follow-up first, a point on a candidate, an order changed', async () => {
    const { page } = h;
    await page.getByRole('link', { name: MEETING }).click();
    await heading(page, MEETING);
    const agenda = page.getByRole('list', { name: 'Ordre du jour' });
    await visible(agenda.getByText('1. Suivi des actions des réunions précédentes'));
    await visible(
      agenda.getByText('CAF de Val-de-Quille : Relancer l’appel à projets auprès des EPCI'),
    );

    await click(page, 'button', 'Ajouter un point');
    let modal = dialog(page, 'Nouveau point de l’ordre du jour');
    await visible(modal);
    await fill(modal, 'Intitulé', 'Budget de l’année');
    await fill(modal, 'Durée prévue', '20');
    await click(modal, 'button', 'Enregistrer');
    await hidden(modal);
    await visible(agenda.getByText('2. Budget de l’année'));

    await click(page, 'button', 'Ajouter un point');
    modal = dialog(page, 'Nouveau point de l’ordre du jour');
    await visible(modal);
    await fill(modal, 'Intitulé', 'Candidatures à l’appel à projets');
    await fill(modal, 'Présenté par', 'La coordinatrice');
    await fill(modal, 'Durée prévue', '40');
    const links = modal.getByRole('combobox', { name: 'Fiches liées' });
    await links.fill('tilleuls');
    await page.getByRole('option', { name: CANDIDATE }).click();
    await links.press('Escape');
    await click(modal, 'button', 'Enregistrer');
    await hidden(modal);
    await visible(agenda.getByText('3. Candidatures à l’appel à projets'));

    await click(page, 'button', 'Monter « Candidatures à l’appel à projets »');
    await visible(agenda.getByText('2. Candidatures à l’appel à projets'));
    await visible(agenda.getByText(`Structure : ${CANDIDATE}`));
    await visible(page.getByText('3 points, durée prévue 1 h', { exact: false }));
    await shoot('81-meeting-agenda', true);
  });

  it('records attendance with an excused and a represented member, against the quorum', async () => {
    const { page } = h;
    await page.getByRole('tab', { name: /^Présences/ }).click();
    const choose = async (label: string, option: string) => {
      await select(page, label).click();
      await page.getByRole('option', { name: option, exact: true }).click();
      await hidden(page.getByRole('listbox'));
    };
    await choose('Présence de Agnès Postulat', 'Présent·e');
    await choose('Présence de Laurent Présomption', 'Excusé·e');
    await choose('Présence de Sophie Vraisemblance', 'Présent·e');
    await choose('Présence de Henri Syllogisme', 'Représenté·e');
    await choose('Représentant de Henri Syllogisme', 'Agnès Postulat');
    await visible(page.getByText('4 présences modifiées, pas encore enregistrées.'));
    await visible(page.getByTestId('quorum').getByText('Quorum atteint'));
    await click(page, 'button', 'Enregistrer les présences');
    await visible(page.getByText('Toutes les présences affichées sont enregistrées.'));
    await visible(
      page.getByTestId('quorum').getByText('3 sièges tenus sur 3 requis', { exact: false }),
    );
    await shoot('82-meeting-attendance');
  });

  it('writes the minutes in the editor, bold included, saved as one types', async () => {
    const { page } = h;
    await page.getByRole('tab', { name: 'Compte rendu' }).click();
    const editor = page.getByRole('textbox', {
      name: 'Compte rendu : Candidatures à l’appel à projets',
    });
    await visible(editor);
    await editor.click();
    await page.keyboard.type('Le comité examine la candidature du centre social. ');
    await page
      .getByRole('toolbar', {
        name: 'Mise en forme — Compte rendu : Candidatures à l’appel à projets',
      })
      .getByRole('button', { name: 'Gras' })
      .click();
    await page.keyboard.type('Avis favorable unanime.');
    await visible(page.getByTestId('save-state-2').getByText(/^Enregistré à/), 15_000);
    expect(await editor.locator('strong').innerText()).toBe('Avis favorable unanime.');
    await shoot('83-meeting-minutes', true);
    const saved = value(await h.invoke('committees.meeting', { eventId: meetingId }));
    expect(JSON.stringify(saved.agenda[1]!.minutes)).toContain('"type":"bold"');
  });

  it('selects the structure by a decision, and its page shows it « retenue »', async () => {
    const { page } = h;
    await page.getByRole('tab', { name: /^Décisions/ }).click();
    await click(page, 'button', 'Nouvelle décision');
    const modal = dialog(page, 'Nouvelle décision');
    await visible(modal);
    await chooseIn('Type de décision', 'Structure retenue');
    await fill(modal, 'Intitulé', `Candidature du ${CANDIDATE} retenue`);
    await chooseIn('Structure retenue', CANDIDATE);
    await visible(
      modal.getByText('la structure passe au statut « Retenue par le COPIL »', { exact: false }),
    );
    await shoot('84-decision-form');
    await click(modal, 'button', 'Enregistrer la décision');
    await hidden(modal);
    const table = page.getByRole('table', { name: 'Décisions de la réunion' });
    await visible(table.getByText(`COPIL-${MEETING_DAY.slice(0, 4)}-01`));
    await shoot('85-meeting-decisions');

    await page.goto(`${h.url}#/structures/${candidateId}`);
    await heading(page, CANDIDATE);
    await visible(page.getByText('Retenue par le COPIL').first());
    await shoot('86-structure-retenue');
    await page.goto(`${h.url}#/instances/reunions/${meetingId}?onglet=actions`);
    await heading(page, MEETING);
  });

  it('adds an action, which « À faire » lists', async () => {
    const { page } = h;
    await click(page, 'button', 'Nouvelle action');
    const modal = dialog(page, 'Nouvelle action');
    await visible(modal);
    await fill(modal, 'Qui', 'La coordinatrice');
    await fill(modal, 'Quoi', 'Envoyer la charte au centre social');
    await fillDate(modal, 'Échéance', formatDate(addDays(TODAY, 14)));
    await click(modal, 'button', 'Enregistrer');
    await hidden(modal);
    await visible(
      page
        .getByRole('table', { name: 'Actions de la réunion' })
        .getByText('Envoyer la charte au centre social'),
    );
    await shoot('87-meeting-actions');
    await nav(page, 'À faire');
    await visible(
      page.getByRole('link', { name: 'Envoyer la charte au centre social (La coordinatrice)' }),
    );
  });

  it('exports the minutes to PDF and to Word', async () => {
    const { page } = h;
    await page.goto(`${h.url}#/instances/reunions/${meetingId}?onglet=compte-rendu`);
    await heading(page, MEETING);
    await click(page, 'button', 'Exporter en PDF');
    const modal = dialog(page, 'Compte rendu');
    const canvas = modal.getByRole('img', { name: /^Page 1 sur \d+$/ });
    await visible(canvas, 20_000);
    // The canvas shows before pdf.js has drawn on it: wait for the ink.
    await expect.poll(() => inkPixels(canvas), { timeout: 20_000 }).toBeGreaterThan(2000);
    await shoot('88-minutes-pdf');
    const pdf = await download(page, () => click(modal, 'button', 'Enregistrer le PDF'));
    expect(pdf.name).toBe(`compte-rendu-copil-${MEETING_DAY}.pdf`);
    expect(pdf.content.subarray(0, 5).toString('latin1')).toBe('%PDF-');
    await modal.getByRole('button', { name: 'Fermer' }).click();
    await hidden(modal);

    const docx = await download(page, () => click(page, 'button', 'Exporter en Word (.docx)'));
    expect(docx.name).toBe(`compte-rendu-copil-${MEETING_DAY}.docx`);
    const { value: text } = await mammoth.extractRawText({ buffer: docx.content });
    for (const words of [
      'Avis favorable unanime.',
      'Laurent Présomption',
      'Henri Syllogisme',
      `COPIL-${MEETING_DAY.slice(0, 4)}-01`,
    ])
      expect(text).toContain(words);
  });

  it('lists the decision in the register', async () => {
    const { page } = h;
    await nav(page, 'Instances');
    await page.getByRole('tab', { name: 'Relevé des décisions' }).click();
    const table = page.getByRole('table', { name: 'Relevé des décisions' });
    await visible(table.getByText(`Candidature du ${CANDIDATE} retenue`));
    expect(await table.locator('tbody tr').count()).toBe(1);
    await shoot('89-decision-register');
  });

  it('ran without page errors or outside requests', () => {
    expect(h.pageErrors).toEqual([]);
    expect(h.blockedRequests).toEqual([]);
  });
});
