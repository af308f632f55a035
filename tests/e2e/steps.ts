/**
 * Steps shared by the journeys, written the way a person acts: by role and French label.
 * Only what the screen shows is used (the recovery key is read from the page, not from main).
 */
import { beforeEach, expect } from 'vitest';
import type { Locator, Page } from 'playwright-core';
import type { Harness } from './harness';

/**
 * A journey's steps depend on each other: once one fails, the next ones are skipped (their
 * failures would only repeat the first), and the screen at the moment of failure is saved
 * as test-results/screenshots/FAILED-<step>.png.
 */
export function stopAtFirstFailure(harness: () => Harness | undefined): void {
  let failed = false;
  beforeEach((ctx) => {
    if (failed) ctx.skip();
    ctx.onTestFailed(async () => {
      failed = true;
      const name = ctx.task.name.replace(/[^\p{L}\p{N}]+/gu, '-').slice(0, 60);
      await harness()
        ?.screenshot(`FAILED-${name}`, { keepNotifications: true })
        .catch(() => undefined);
    });
  });
}

/** Playwright's own waiting, without @playwright/test's expect. */
export const TIMEOUT = 10_000;

export async function visible(locator: Locator, timeout = TIMEOUT): Promise<Locator> {
  await locator.first().waitFor({ state: 'visible', timeout });
  return locator;
}

export async function hidden(locator: Locator, timeout = TIMEOUT): Promise<void> {
  await locator.first().waitFor({ state: 'hidden', timeout });
}

/** Waits until a condition on the page holds (e.g. a text changed), failing with `what`. */
export async function until(
  what: string,
  check: () => Promise<boolean>,
  timeout = TIMEOUT,
): Promise<void> {
  const end = Date.now() + timeout;
  for (;;) {
    if (await check().catch(() => false)) return;
    if (Date.now() > end) throw new Error(`Timed out waiting for: ${what}`);
    await new Promise((r) => setTimeout(r, 100));
  }
}

/** A text field, a passphrase field or a select, by its exact visible label. */
export function field(page: Page | Locator, label: string): Locator {
  return page.getByLabel(label, { exact: true });
}

export async function fill(page: Page | Locator, label: string, value: string): Promise<void> {
  await field(page, label).fill(value);
}

/** A Mantine Select's input, by its label (its options list carries the same label). */
export function select(page: Page | Locator, label: string): Locator {
  return page.getByRole('combobox', { name: label, exact: true });
}

/** Picks an option of a Mantine Select by the option's visible text. */
export async function choose(page: Page, label: string, option: string): Promise<void> {
  await select(page, label).click();
  await page.getByRole('option', { name: option, exact: true }).click();
  await hidden(page.getByRole('listbox'));
}

export async function click(
  page: Page | Locator,
  role: 'button' | 'link' | 'tab' | 'checkbox',
  name: string,
): Promise<void> {
  await page.getByRole(role, { name, exact: true }).click();
}

export async function nav(page: Page, section: keyof typeof PAGE_HEADINGS): Promise<void> {
  await page.getByRole('navigation').getByRole('link', { name: section, exact: true }).click();
  // Wait for the target page's own heading, not whatever heading the previous page still shows.
  await heading(page, PAGE_HEADINGS[section]);
}

const PAGE_HEADINGS = {
  Accueil: 'Accueil',
  Structures: 'Structures',
  Promeneurs: 'Promeneurs du Net',
  Conventions: 'Conventions',
  Paramètres: 'Paramètres',
  'À faire': 'À faire',
  Calendrier: 'Calendrier',
  Journal: 'Journal d’activité',
  Activité: 'Activité des Promeneurs',
  Instances: 'Instances',
} as const;

export async function heading(page: Page, name: string | RegExp): Promise<Locator> {
  return visible(page.getByRole('heading', { level: 1, name }));
}

/** Fills the first-run form and returns the recovery key as the screen shows it. */
export async function createVault(
  page: Page,
  passphrase: string,
  shoot?: (name: string) => Promise<unknown>,
): Promise<string> {
  await heading(page, 'Bienvenue dans Balise');
  await shoot?.('01-first-run');
  await fill(page, 'Phrase de passe', passphrase);
  await fill(page, 'Confirmer la phrase de passe', passphrase);
  await click(page, 'button', 'Créer mon coffre');
  await heading(page, 'Votre clé de secours');
  const key = await readRecoveryKey(page);
  await shoot?.('02-recovery-key');
  return key;
}

export async function readRecoveryKey(page: Page): Promise<string> {
  const groups = await page.getByTestId('recovery-key').locator('span').allTextContents();
  const key = groups.map((g) => g.trim()).join('-');
  expect(key).toMatch(/^[A-Z0-9]{4}(-[A-Z0-9]{4})+$/);
  return key;
}

/** From the recovery key screen: confirms it was noted and types it back. */
export async function confirmRecoveryKey(page: Page, typed: string): Promise<void> {
  await page.getByRole('checkbox', { name: 'Je l’ai notée en lieu sûr' }).check();
  await click(page, 'button', 'Continuer');
  await heading(page, 'Vérifions la clé de secours');
  await fill(page, 'Clé de secours', typed);
  await click(page, 'button', 'Confirmer et ouvrir mon coffre');
}

export async function lock(page: Page): Promise<void> {
  await click(page, 'button', 'Verrouiller');
  await heading(page, 'Coffre verrouillé');
}

export async function unlock(page: Page, passphrase: string): Promise<void> {
  await fill(page, 'Phrase de passe', passphrase);
  await click(page, 'button', 'Déverrouiller');
}

/**
 * The text of a field's inline error, as assistive technology gets it: the message linked to
 * the input by aria-describedby (Mantine gives it an id ending in "-error"). Null when none.
 */
export async function fieldError(page: Page, label: string): Promise<string | null> {
  const input = field(page, label);
  const ids =
    (await input.getAttribute('aria-describedby'))
      ?.split(/\s+/)
      .filter((id) => id.endsWith('-error')) ?? [];
  const texts: string[] = [];
  for (const id of ids) {
    const el = page.locator(`[id="${id}"]`);
    if ((await el.count()) > 0) texts.push((await el.innerText()).trim());
  }
  return texts.join(' ') || null;
}

/** The rows of the first table on the page, as their visible text. */
export async function tableRows(page: Page): Promise<string[]> {
  const rows = page.getByRole('table').first().locator('tbody tr');
  // The list loads after the page shows: wait for its first row before reading them all.
  await visible(rows.first());
  return (await rows.allInnerTexts()).map((t) => t.replace(/\s+/g, ' ').trim());
}

export async function search(page: Page, text: string): Promise<void> {
  await field(page, 'Rechercher').fill(text);
}

/* ---- À faire (to-do list) ---- */

/** The to-do list's rows on the page (every period's table), as their visible text. */
export async function todoRows(page: Page): Promise<string[]> {
  const rows = page.getByRole('main').locator('table tbody tr');
  return (await rows.allInnerTexts()).map((t) => t.replace(/\s+/g, ' ').trim());
}

/** The to-do row whose « À faire » cell links to `label`. */
export function todoRow(page: Page, label: string): Locator {
  return page
    .getByRole('main')
    .locator('table tbody tr')
    .filter({ has: page.getByRole('link', { name: label, exact: true }) });
}

/* ---- Conventions ---- */

/** Types a date as a person does (dd/mm/yyyy) into a date field, then leaves the field. */
export async function fillDate(page: Page | Locator, label: string, date: string): Promise<void> {
  const input = field(page, label);
  await input.fill(date);
  await input.press('Tab');
}

/** The open modal dialog with this title. */
export function dialog(page: Page, title: string | RegExp): Locator {
  return page.getByRole('dialog', { name: title });
}

/** A convention page's tab, by the start of its name (a tab may carry a count). */
export async function openTab(page: Page, name: string): Promise<void> {
  await page.getByRole('tab', { name: new RegExp(`^${name}`) }).click();
}

/* ---- Calendrier ---- */

/** A day of FullCalendar's month view, by its date (YYYY-MM-DD). */
export function calendarDay(page: Page, date: string): Locator {
  return page.getByTestId('calendar').locator(`td.fc-daygrid-day[data-date="${date}"]`);
}

/** An event shown in the calendar (any view), by its title. */
export function calendarEvent(page: Page, title: string): Locator {
  return page
    .getByTestId('calendar')
    .locator('.fc-event:not(.fc-bg-event), .fc-list-event')
    .filter({ hasText: title });
}

/** The file the page hands over for saving (an <a download>) once `action` ran. */
export async function download(
  page: Page,
  action: () => Promise<void>,
): Promise<{ name: string; content: Buffer }> {
  const event = page.waitForEvent('download');
  await action();
  const file = await event;
  const chunks: Buffer[] = [];
  for await (const chunk of await file.createReadStream()) chunks.push(chunk as Buffer);
  return { name: file.suggestedFilename(), content: Buffer.concat(chunks) };
}

/** How many pixels of a canvas are dark (drawn text and lines on a white page). */
export async function inkPixels(canvas: Locator): Promise<number> {
  return canvas.evaluate((el) => {
    const c = el as HTMLCanvasElement;
    const data = c.getContext('2d')!.getImageData(0, 0, c.width, c.height).data;
    let count = 0;
    for (let i = 0; i < data.length; i += 4)
      if (data[i]! < 100 && data[i + 1]! < 100 && data[i + 2]! < 100 && data[i + 3]! > 0) count++;
    return count;
  });
}
