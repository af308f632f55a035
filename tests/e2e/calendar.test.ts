/**
 * The calendar journey, end to end in Chromium: a vault, a structure and three active
 * Promeneurs are set up through the router; then, on screen: the home page says the year's
 * departmental meetings are missing; the month view marks the public holidays; a
 * departmental meeting is planned by clicking a day (an end before the start is refused
 * first); every active Promeneur and a guest are invited; attendance is recorded in one
 * save; the attendance sheet is shown on a canvas and saved as a PDF; the event is exported
 * to .ics; the home page's goal shows one fewer missing; the week and list views show it;
 * an .ics file from another calendar is imported twice without duplicates; the Promeneur's
 * page lists the meeting with their attendance.
 *
 * Screenshots 40-… to 49-… land in test-results/screenshots/.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { holidaysBetween } from '../../src/shared/rules/calendar';
import { addDays } from '../../src/shared/rules/conventions';
import { formatDate, todayInParis } from '../../src/shared/rules/dates';
import { startHarness, TEST_KDF, type Harness } from './harness';
import {
  calendarDay,
  calendarEvent,
  choose,
  click,
  dialog,
  download,
  field,
  fieldError,
  fill,
  heading,
  hidden,
  inkPixels,
  nav,
  openTab,
  stopAtFirstFailure,
  until,
  visible,
} from './steps';

const PASSPHRASE = 'Phare du Ponant sous la brume 1988';
const STRUCTURE = 'Maison des jeunes de Saint-Rémy';
const PROMENEURS = [
  ['Léa', 'Martin'],
  ['Hugo', 'Bernard'],
  ['Chloé', 'Petit'],
] as const;
const TODAY = todayInParis();
const YEAR = Number(TODAY.slice(0, 4));
/** The meeting's day: two days from now (shown in the month view of today, or its last week). */
const DAY = addDays(TODAY, 2);
const TITLE = 'Rencontre départementale';
const PLACE = 'Salle du conseil, Maison des associations';
const GUEST = 'Claire Fontaine';

function value<T>(result: { ok: true; value: T } | { ok: false; error: { message: string } }): T {
  if (!result.ok) throw new Error(result.error.message);
  return result.value;
}

/** An .ics file as another calendar program writes it (CRLF lines, a VTIMEZONE, one VEVENT). */
function otherCalendarIcs(): string {
  const day = addDays(TODAY, 9).replaceAll('-', '');
  return [
    'BEGIN:VCALENDAR',
    'VERSION:2.0',
    'PRODID:-//Mozilla.org/NONSGML Mozilla Calendar V1.1//EN',
    'BEGIN:VTIMEZONE',
    'TZID:Europe/Paris',
    'BEGIN:DAYLIGHT',
    'TZOFFSETFROM:+0100',
    'TZOFFSETTO:+0200',
    'TZNAME:CEST',
    'DTSTART:19700329T020000',
    'RRULE:FREQ=YEARLY;BYDAY=-1SU;BYMONTH=3',
    'END:DAYLIGHT',
    'BEGIN:STANDARD',
    'TZOFFSETFROM:+0200',
    'TZOFFSETTO:+0100',
    'TZNAME:CET',
    'DTSTART:19701025T030000',
    'RRULE:FREQ=YEARLY;BYDAY=-1SU;BYMONTH=10',
    'END:STANDARD',
    'END:VTIMEZONE',
    'BEGIN:VEVENT',
    'UID:4f1c2d9e-cotech-e2e@thunderbird.example',
    'DTSTAMP:20260101T090000Z',
    `DTSTART;TZID=Europe/Paris:${day}T093000`,
    `DTEND;TZID=Europe/Paris:${day}T113000`,
    'SUMMARY:COTECH de suivi',
    'LOCATION:CAF\\, salle 2',
    'END:VEVENT',
    'END:VCALENDAR',
    '',
  ].join('\r\n');
}

describe('calendar journey', () => {
  let h: Harness;
  let eventId: number;
  const promeneurIds: number[] = [];
  const shoot = (name: string) => h.screenshot(name);

  /** The home page's row of one yearly goal. */
  const goalRow = (type: string) => h.page.locator(`[data-goal="${type}"]`);
  /** An invitee's row in the « Invités et présences » table. */
  const inviteeRow = (name: string) => h.page.locator(`tr[data-invitee="${name}"]`);

  beforeAll(async () => {
    h = await startHarness({ kdf: TEST_KDF, open: false });
    const { recoveryKey } = value(await h.invoke('vault.create', { passphrase: PASSPHRASE }));
    value(await h.invoke('vault.confirmCreate', { recoveryKey }));
    const structureId = value(
      await h.invoke('structures.create', {
        fields: {
          name: STRUCTURE,
          type: 'mjc',
          legalForm: 'association',
          networkStatus: 'dans_le_reseau',
          selectionYear: YEAR - 1,
          commune: 'Saint-Rémy-la-Varenne',
        },
      }),
    ).id;
    for (const [firstName, lastName] of PROMENEURS)
      promeneurIds.push(
        value(
          await h.invoke('promeneurs.create', {
            fields: { firstName, lastName, job: 'animateur', structureId, status: 'actif' },
          }),
        ).id,
      );
    await h.page.goto(h.url);
    await heading(h.page, 'Accueil');
  });
  stopAtFirstFailure(() => h);

  afterAll(async () => {
    await h?.close();
  });

  it('says on the home page that the year’s meetings are still to plan', async () => {
    const row = goalRow('rencontre_departementale');
    await visible(row);
    expect(await row.innerText()).toContain('Il en manque 2');
    await visible(goalRow('copil').getByText('Il en manque 2'));
    await visible(goalRow('cotech').getByText('Il en manque 4'));
    await row.scrollIntoViewIfNeeded();
    await shoot('40-home-cadence-missing');
  });

  it('shows the month view, Monday first, with the public holidays marked', async () => {
    const { page } = h;
    await nav(page, 'Calendrier');
    await visible(page.getByTestId('calendar').locator('.fc-dayGridMonth-view'));
    const firstColumn = page.getByTestId('calendar').locator('th.fc-col-header-cell').first();
    expect((await firstColumn.innerText()).toLowerCase()).toContain('lun');
    // Move forward until a month with a holiday shows (most months have one; some do not).
    for (let step = 0; step < 3; step++) {
      const dates = await page
        .getByTestId('calendar')
        .locator('td.fc-daygrid-day')
        .evaluateAll((tds) => tds.map((td) => td.getAttribute('data-date') ?? ''));
      const holidays = holidaysBetween(dates[0]!, dates[dates.length - 1]!);
      if (holidays.length > 0) {
        const holiday = holidays[0]!;
        await visible(calendarDay(page, holiday.date).locator('.balise-holiday'));
        expect(await calendarDay(page, holiday.date).innerText()).toContain(holiday.name);
        break;
      }
      expect(step).toBeLessThan(2);
      await page.getByRole('button', { name: 'Période suivante' }).click();
    }
    await shoot('41-calendar-month');
    const today = page.getByRole('button', { name: 'Aujourd’hui' });
    if (await today.isEnabled()) await today.click();
    await visible(calendarDay(page, DAY));
  });

  it('plans a departmental meeting by clicking a day, refusing an end before the start', async () => {
    const { page } = h;
    await calendarDay(page, DAY).click({ position: { x: 40, y: 60 } });
    await heading(page, 'Nouvel évènement');
    expect(await field(page, 'Date de début').inputValue()).toBe(formatDate(DAY));
    await choose(page, 'Type d’évènement', TITLE);
    expect(await field(page, 'Titre').inputValue()).toBe(TITLE);
    await fill(page, 'Lieu', PLACE);
    await fill(page, 'Heure de début', '14h');
    await fill(page, 'Heure de fin', '9h30');
    await field(page, 'Heure de fin').press('Tab');
    await click(page, 'button', 'Enregistrer');
    await visible(page.getByRole('alert').filter({ hasText: 'L’enregistrement n’a pas été fait' }));
    expect(await fieldError(page, 'Heure de fin')).toBe('La fin doit suivre le début.');
    await shoot('42-event-form-error');

    await fill(page, 'Heure de fin', '16h30');
    await field(page, 'Heure de fin').press('Tab');
    await until(
      'the end error to go',
      async () => (await fieldError(page, 'Heure de fin')) === null,
    );
    await click(page, 'button', 'Enregistrer');
    await heading(page, TITLE);
    eventId = Number(/#\/calendrier\/(\d+)/.exec(page.url())?.[1]);
    expect(eventId).toBeGreaterThan(0);
    const stored = value(await h.invoke('calendar.get', { id: eventId }));
    expect(stored).toMatchObject({
      type: 'rencontre_departementale',
      title: TITLE,
      start: `${DAY}T14:00`,
      end: `${DAY}T16:30`,
      place: PLACE,
      status: 'prevu',
      invitees: [],
    });
    await visible(page.getByText(`${formatDate(DAY)}, 14h00 – 16h30`));
  });

  it('invites every active Promeneur and a guest', async () => {
    const { page } = h;
    await visible(page.getByText('Personne n’est encore invité'));
    await click(page.getByRole('main'), 'button', 'Inviter');
    const modal = dialog(page, 'Inviter');
    await visible(modal);
    await modal.getByRole('checkbox', { name: 'Tous les Promeneurs actifs du réseau' }).check();
    await fill(modal, 'Nom de l’invité', GUEST);
    await fill(modal, 'Organisme', 'CAF de Maine-et-Loire');
    await fill(modal, 'E-mail de l’invité', 'pas-un-email');
    await click(modal, 'button', 'Inviter');
    await until(
      'the e-mail to be refused',
      async () => ((await fieldError(page, 'E-mail de l’invité')) ?? '').length > 0,
    );
    await fill(modal, 'E-mail de l’invité', 'claire.fontaine@caf.example.fr');
    await shoot('43-invite-modal');
    await click(modal, 'button', 'Inviter');
    await hidden(modal);
    for (const [firstName, lastName] of PROMENEURS)
      await visible(inviteeRow(`${firstName} ${lastName}`));
    await visible(inviteeRow(GUEST));
    const stored = value(await h.invoke('calendar.get', { id: eventId }));
    expect(stored.invitees).toHaveLength(4);
    expect(stored.invitees.filter((i) => i.kind === 'promeneur')).toHaveLength(3);
  });

  it('records attendance from one list, in one save', async () => {
    const { page } = h;
    const before = h.calls.filter((c) => c === 'calendar.attendance').length;
    await click(page, 'button', 'Tous présents');
    const [, , excused] = PROMENEURS;
    await inviteeRow(`${excused[0]} ${excused[1]}`).getByText('Excusé', { exact: true }).click();
    await inviteeRow(GUEST).getByText('Absent', { exact: true }).click();
    await visible(page.getByText('4 présences modifiées, pas encore enregistrées.'));
    await click(page, 'button', 'Enregistrer les présences');
    await visible(
      page
        .getByText('Les présences sont à jour.', { exact: false })
        .or(page.getByText('Pensez à marquer l’évènement comme tenu.', { exact: false })),
    );
    await hidden(page.getByText('pas encore enregistrée', { exact: false }));
    expect(h.calls.filter((c) => c === 'calendar.attendance').length).toBe(before + 1);
    const stored = value(await h.invoke('calendar.get', { id: eventId }));
    const byName = Object.fromEntries(stored.invitees.map((i) => [i.name, i.attendance]));
    expect(byName).toEqual({
      'Léa Martin': 'present',
      'Hugo Bernard': 'present',
      'Chloé Petit': 'excuse',
      [GUEST]: 'absent',
    });
    const counts = page.getByRole('group', { name: 'Décompte des présences' });
    await until('the counts to follow', async () =>
      (await counts.innerText())
        .replace(/\s+/g, ' ')
        .includes('4 invités 2 présents 1 excusé 1 absent'),
    );
    await shoot('44-attendance');
  });

  it('shows the attendance sheet in the app and saves it as a PDF', async () => {
    const { page } = h;
    await click(page, 'button', 'Feuille d’émargement');
    const modal = dialog(page, 'Feuille d’émargement');
    const canvas = modal.getByRole('img', { name: /^Page 1 sur \d+$/ });
    await visible(canvas, 20_000);
    await visible(modal.getByText(/^\d+ pages?$/));
    // The canvas shows before pdf.js has drawn on it: wait for the ink.
    await expect.poll(() => inkPixels(canvas), { timeout: 20_000 }).toBeGreaterThan(2000);
    await shoot('45-attendance-sheet');
    const file = await download(page, () => click(modal, 'button', 'Enregistrer le PDF'));
    expect(file.name).toMatch(/\.pdf$/);
    expect(file.content.subarray(0, 5).toString('latin1')).toBe('%PDF-');
    await modal.getByRole('button', { name: 'Fermer' }).click();
    await hidden(modal);
  });

  it('exports the event as an .ics file with the Paris time zone', async () => {
    const { page } = h;
    const { uid } = value(await h.invoke('calendar.get', { id: eventId }));
    const file = await download(page, () => click(page, 'button', 'Exporter (.ics)'));
    expect(file.name).toMatch(/\.ics$/);
    const text = file.content.toString('utf8');
    expect(text.startsWith('BEGIN:VCALENDAR')).toBe(true);
    expect(text.replace(/\r\n[ \t]/g, '')).toContain(`UID:${uid}`);
    expect(text).toContain('TZID=Europe/Paris');
    expect(text).toContain(`DTSTART;TZID=Europe/Paris:${DAY.replaceAll('-', '')}T140000`);
  });

  it('shows one departmental meeting fewer to plan on the home page', async () => {
    const { page } = h;
    await nav(page, 'Accueil');
    const row = goalRow('rencontre_departementale');
    await until('the goal to count the meeting', async () =>
      (await row.innerText()).includes('Il en manque 1'),
    );
    expect(await row.innerText()).toContain('1 / 2');
    await row.scrollIntoViewIfNeeded();
    await shoot('46-home-cadence-fewer');
  });

  it('shows the meeting in the week and list views', async () => {
    const { page } = h;
    await nav(page, 'Calendrier');
    await visible(calendarEvent(page, TITLE));
    await click(page, 'button', 'Semaine');
    await visible(page.getByTestId('calendar').locator('.fc-timeGridWeek-view'));
    if (!(await calendarEvent(page, TITLE).isVisible()))
      await page.getByRole('button', { name: 'Période suivante' }).click();
    await visible(calendarEvent(page, TITLE));
    expect(page.url()).toContain('vue=semaine');
    await shoot('47-calendar-week');

    await click(page, 'button', 'Liste');
    await visible(page.getByTestId('calendar').locator('.fc-listMonth-view'));
    if (!(await calendarEvent(page, TITLE).isVisible()))
      await page.getByRole('button', { name: 'Période suivante' }).click();
    await visible(calendarEvent(page, TITLE));
    expect(page.url()).toContain('vue=liste');
    await shoot('47-calendar-list');

    // Filters live in the address, and the calendar follows them.
    await page.getByRole('combobox', { name: 'Types' }).click();
    await page.getByRole('option', { name: 'COPIL', exact: true }).click();
    await page.keyboard.press('Escape');
    await hidden(calendarEvent(page, TITLE));
    expect(page.url()).toContain('type=copil');
    await page.getByRole('combobox', { name: 'Types' }).press('Backspace');
    await visible(calendarEvent(page, TITLE));
  });

  it('imports an .ics file from another calendar twice without duplicates', async () => {
    const { page } = h;
    await click(page, 'button', 'Mois');
    const ics = Buffer.from(otherCalendarIcs(), 'utf8');
    const importOnce = async () => {
      const chooser = page.waitForEvent('filechooser');
      await click(page, 'button', 'Importer un fichier .ics');
      await (
        await chooser
      ).setFiles({ name: 'cotech.ics', mimeType: 'text/calendar', buffer: ics });
      const summary = dialog(page, 'Import terminé');
      await visible(summary);
      return summary;
    };
    let summary = await importOnce();
    const figures = async () =>
      (await summary.getByRole('definition').allInnerTexts()).map((t) => t.trim());
    expect(await figures()).toEqual(['1', '0', '0']);
    await shoot('48-ics-import');
    await click(summary, 'button', 'Retour au calendrier');
    await hidden(summary);

    summary = await importOnce();
    expect(await figures()).toEqual(['0', '0', '1']);
    await click(summary, 'button', 'Retour au calendrier');
    await hidden(summary);
    const listed = value(await h.invoke('calendar.list', { from: TODAY, to: addDays(TODAY, 40) }));
    const imported = listed.filter((e) => e.imported);
    expect(imported.map((e) => [e.title, e.start, e.end])).toEqual([
      ['COTECH de suivi', `${addDays(TODAY, 9)}T09:30`, `${addDays(TODAY, 9)}T11:30`],
    ]);
    // Shown in the month of its day.
    if (!(await calendarEvent(page, 'COTECH de suivi').isVisible()))
      await page.getByRole('button', { name: 'Période suivante' }).click();
    await visible(calendarEvent(page, 'COTECH de suivi'));
    await h.screenshot('48-calendar-dark', { dark: true });
  });

  it('lists the meeting and the attendance on a Promeneur’s page', async () => {
    const { page } = h;
    await page.goto(`${h.url}#/promeneurs/${promeneurIds[2]}`);
    await heading(page, 'Chloé Petit');
    await openTab(page, 'Formations et rencontres');
    const table = page.getByRole('table', { name: 'Formations et rencontres' });
    await visible(table);
    const rows = (await table.locator('tbody tr').allInnerTexts()).map((r) =>
      r.replace(/\s+/g, ' '),
    );
    expect(rows).toHaveLength(1);
    expect(rows[0]).toContain(TITLE);
    expect(rows[0]).toContain('Excusé');
    await shoot('49-promeneur-events');

    await table.getByRole('link', { name: TITLE }).click();
    await heading(page, TITLE);
    await openTab(page, 'Historique');
    await visible(page.getByText('Modification · Présences'));
    await visible(page.getByRole('cell', { name: 'Excusé' }).first());
    await shoot('49-event-history');
  });

  it('ran without page errors, blocked requests or security policy violations', () => {
    expect(h.pageErrors).toEqual([]);
    expect(h.blockedRequests).toEqual([]);
    expect(h.consoleErrors.filter((e) => /Content Security Policy/i.test(e))).toEqual([]);
  });
});
