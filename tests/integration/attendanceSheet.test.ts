/**
 * The attendance sheet (feuille d'émargement) against a real encrypted vault: a PDF made in
 * memory, one page or several with the header repeated, the invitees sorted by last name,
 * French accents intact (read back with pdf.js).
 */
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { getDocument } from 'pdfjs-dist/legacy/build/pdf.mjs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestVault, type TestVault } from '../support/vault';

let vault: TestVault;
let structureId: number;
/** Active Promeneurs, in creation order. */
const promeneurs: number[] = [];

const FIRST_NAMES = ['Élodie', 'Loïc', 'Maëlle', 'Jérôme', 'Anaïs', 'François'];

beforeAll(async () => {
  vault = await createTestVault();
  await vault.value('settings.update', { departmentName: 'Val-de-Balise' });
  structureId = (
    await vault.value('structures.create', {
      fields: {
        name: 'Maison des Jeunes et de la Culture de Saint-Étienne-la-Forêt',
        type: 'mjc',
        legalForm: 'association',
        networkStatus: 'dans_le_reseau',
      },
    })
  ).id;
  // Created in reverse alphabetical order: the sheet must sort them.
  for (let i = 59; i >= 0; i--) {
    const lastName = `Nom${String(i).padStart(2, '0')}`;
    const { id } = await vault.value('promeneurs.create', {
      fields: {
        firstName: FIRST_NAMES[i % FIRST_NAMES.length]!,
        lastName: i === 0 ? 'Aubépine' : lastName,
        job: 'animateur',
        structureId,
        status: 'actif',
      },
    });
    promeneurs.push(id);
  }
});
afterAll(() => vault.cleanup());

const STANDARD_FONTS = join(process.cwd(), 'node_modules/pdfjs-dist/standard_fonts/');

/** The PDF's pages as text. */
async function pagesOf(base64: string): Promise<string[]> {
  const data = new Uint8Array(Buffer.from(base64, 'base64'));
  const pdf = await getDocument({ data, standardFontDataUrl: STANDARD_FONTS }).promise;
  const pages: string[] = [];
  for (let n = 1; n <= pdf.numPages; n++) {
    const content = await (await pdf.getPage(n)).getTextContent();
    pages.push(content.items.map((item) => ('str' in item ? item.str : '')).join(' '));
  }
  await pdf.destroy();
  return pages;
}

async function meetingWith(invited: number, title: string): Promise<number> {
  const { id } = await vault.value('calendar.create', {
    fields: {
      type: 'rencontre_departementale',
      title,
      start: '2027-03-12T14:00',
      end: '2027-03-12T17:00',
      place: 'Salle des fêtes de Valbourg',
    },
  });
  if (invited > 0)
    await vault.value('calendar.invite', {
      eventId: id,
      promeneurIds: promeneurs.slice(-invited),
    });
  return id;
}

describe('attendance sheet', () => {
  it.each([
    [0, 1],
    [10, 1],
    [60, 3],
  ])('with %i invitees, prints on %i page(s)', async (invited, pageCount) => {
    const title = `Rencontre départementale à ${invited} invités`;
    const id = await meetingWith(invited, title);
    const filesBefore = readdirSync(vault.session.vault.dir).sort();
    const sheet = await vault.value('calendar.attendanceSheet', { id });
    expect(sheet.fileName).toBe(
      `emargement-2027-03-12-rencontre-departementale-a-${invited}-invites.pdf`,
    );
    expect(Buffer.from(sheet.contentBase64, 'base64').subarray(0, 5).toString('latin1')).toBe(
      '%PDF-',
    );
    // Made in memory: nothing new next to the vault.
    expect(readdirSync(vault.session.vault.dir).sort()).toEqual(filesBefore);

    const pages = await pagesOf(sheet.contentBase64);
    expect(pages).toHaveLength(pageCount);
    const first = pages[0]!;
    expect(first).toContain('Val-de-Balise');
    expect(first).toContain('Feuille d’émargement');
    expect(first).toContain('Rencontre départementale');
    expect(first).toContain(title);
    expect(first).toContain('12/03/2027, 14h00 – 17h00');
    expect(first).toContain('Salle des fêtes de Valbourg');
    pages.forEach((page, i) => {
      // The table's header on every page, and the page number.
      for (const column of ['Nom', 'Prénom', 'Structure / organisation', 'Signature'])
        expect(page).toContain(column);
      expect(page).toContain(`Page ${i + 1} / ${pageCount}`);
      expect(page).toMatch(/Balise — document généré le \d{2}\/\d{2}\/\d{4}/);
    });
    const all = pages.join('\n');
    if (invited > 0) {
      expect(all).toContain('Aubépine');
      expect(all).toContain('Élodie');
      expect(all).toContain('Maison des Jeunes et de la Culture');
      // Sorted by last name: Aubépine first, then Nom01, Nom02…
      expect(all.indexOf('Aubépine')).toBeLessThan(all.indexOf('Nom01'));
      expect(all.indexOf('Nom01')).toBeLessThan(
        all.indexOf(`Nom${String(invited - 1).padStart(2, '0')}`),
      );
    } else {
      expect(all).not.toContain('Aubépine');
    }
    // Everyone invited is on the sheet (last names are unique).
    const names = all.match(/Nom\d{2}|Aubépine/g) ?? [];
    expect(new Set(names).size).toBe(invited);
  });

  it('lists staff and guests with their organisation', async () => {
    const id = await meetingWith(0, 'COPIL « bilan » de l’année');
    await vault.value('calendar.invite', {
      eventId: id,
      staff: [{ structureId, name: 'Hélène Directrice-Générale' }],
      guests: [{ name: 'Noël Partenaire', organisation: 'Mission locale du Forez' }],
    });
    const pages = await pagesOf(
      (await vault.value('calendar.attendanceSheet', { id })).contentBase64,
    );
    const text = pages.join('\n');
    expect(text).toContain('COPIL « bilan » de l’année');
    expect(text).toContain('Hélène');
    expect(text).toContain('Directrice-Générale');
    expect(text).toContain('Noël');
    expect(text).toContain('Mission locale du Forez');
  });

  it('refuses an unknown event', async () => {
    const result = await vault.call('calendar.attendanceSheet', { id: 9999 });
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.error.code).toBe('NOT_FOUND');
  });
});
