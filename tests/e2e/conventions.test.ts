/**
 * The conventions journey, end to end in Chromium: a vault and an association are set up
 * through the router (as the renderer would, only faster); then, on screen: the empty list
 * says what to do, a convention is created for the structure (an end before the start is
 * refused first), documents are ticked as received, a text file is refused and a PDF is
 * attached and shown inside the app on a canvas, a payment is recorded and the year's totals
 * follow, an amendment extends the end date and the obligations of the added year appear,
 * the status changes (a termination without a reason is refused), and a renewal starts
 * pre-filled from it.
 *
 * Screenshots 20-… to 29-… land in test-results/screenshots/.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { MAX_ATTACHMENT_BYTES } from '../../src/shared/domain/conventions';
import { formatEuros } from '../../src/shared/rules/conventions';
import { formatDate, todayInParis } from '../../src/shared/rules/dates';
import { startHarness, TEST_KDF, type Harness } from './harness';
import {
  choose,
  click,
  dialog,
  field,
  fieldError,
  fill,
  fillDate,
  heading,
  hidden,
  nav,
  openTab,
  select,
  stopAtFirstFailure,
  tableRows,
  until,
  visible,
} from './steps';

const PASSPHRASE = 'Boussole verte sous la pluie 1974';
const STRUCTURE = 'Centre social La Passerelle';
const REFERENCE = 'CAF-PDN-2026-007';
const TODAY = todayInParis();
const YEAR = Number(TODAY.slice(0, 4));
const PDF_NAME = `statuts-${YEAR}.pdf`;

function value<T>(result: { ok: true; value: T } | { ok: false; error: { message: string } }): T {
  if (!result.ok) throw new Error(result.error.message);
  return result.value;
}

/** A small but valid one-page PDF: a filled teal rectangle and a line of text. */
function tinyPdf(): Buffer {
  const content = '0 0.5 0.45 rg 30 120 240 50 re f BT /F1 18 Tf 30 80 Td (Statuts) Tj ET';
  const objects = [
    '<< /Type /Catalog /Pages 2 0 R >>',
    '<< /Type /Pages /Kids [3 0 R] /Count 1 >>',
    '<< /Type /Page /Parent 2 0 R /MediaBox [0 0 300 200] /Contents 4 0 R /Resources << /Font << /F1 5 0 R >> >> >>',
    `<< /Length ${content.length} >>\nstream\n${content}\nendstream`,
    '<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>',
  ];
  let pdf = '%PDF-1.4\n';
  const offsets: number[] = [];
  objects.forEach((body, i) => {
    offsets.push(pdf.length);
    pdf += `${i + 1} 0 obj\n${body}\nendobj\n`;
  });
  const xref = pdf.length;
  pdf += `xref\n0 ${objects.length + 1}\n0000000000 65535 f \n`;
  for (const offset of offsets) pdf += `${String(offset).padStart(10, '0')} 00000 n \n`;
  pdf += `trailer\n<< /Size ${objects.length + 1} /Root 1 0 R >>\nstartxref\n${xref}\n%%EOF\n`;
  return Buffer.from(pdf, 'latin1');
}

/** A 2×1 PNG (one teal pixel, one white). */
const PNG = Buffer.from(
  'iVBORw0KGgoAAAANSUhEUgAAAAIAAAABCAIAAAB7QOjdAAAAD0lEQVR4nGNgaCj+//8/AApNA/H89AH5AAAAAElFTkSuQmCC',
  'base64',
);

describe('conventions journey', () => {
  let h: Harness;
  let structureId: number;
  let conventionId: number;
  const shoot = (name: string) => h.screenshot(name);

  beforeAll(async () => {
    h = await startHarness({ kdf: TEST_KDF, open: false });
    const { recoveryKey } = value(await h.invoke('vault.create', { passphrase: PASSPHRASE }));
    value(await h.invoke('vault.confirmCreate', { recoveryKey }));
    structureId = value(
      await h.invoke('structures.create', {
        fields: {
          name: STRUCTURE,
          type: 'centre_social',
          legalForm: 'association',
          networkStatus: 'retenue',
          selectionYear: YEAR - 1,
          commune: 'Montreuil-sur-Loir',
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

  it('shows an empty list that says what to do', async () => {
    const { page } = h;
    await nav(page, 'Conventions');
    await visible(page.getByText('Aucune convention pour l’instant'));
    await visible(page.getByRole('button', { name: 'Enregistrer une convention' }));
    await shoot('20-conventions-empty');
  });

  it('refuses an end before the start inline, then creates the convention', async () => {
    const { page } = h;
    await click(page, 'button', 'Nouvelle convention');
    await heading(page, 'Nouvelle convention');
    await select(page, 'Structure').click();
    await page.getByRole('option', { name: new RegExp(`^${STRUCTURE}`) }).click();
    await fill(page, 'Référence', REFERENCE);
    await page
      .getByRole('checkbox', { name: 'La MSA est aussi signataire de la convention' })
      .check();
    await fillDate(page, 'Début', `01/01/${YEAR}`);
    await fillDate(page, 'Fin', `31/12/${YEAR - 1}`);
    await fill(page, 'Promeneurs financés', '2');
    await click(page, 'button', 'Enregistrer');
    await visible(page.getByRole('alert').filter({ hasText: 'L’enregistrement n’a pas été fait' }));
    expect(await fieldError(page, 'Fin')).toBe('La date de fin doit suivre la date de début.');
    await heading(page, 'Nouvelle convention'); // still on the form
    await page.keyboard.press('Escape'); // the focused date field opened its calendar
    await shoot('21-convention-form-error');

    // A two-year period: one subsidy per covered year is asked for.
    await fillDate(page, 'Fin', `31/12/${YEAR + 1}`);
    await until('the end date error to go', async () => (await fieldError(page, 'Fin')) === null);
    await fill(page, `Subvention ${YEAR}`, '12000');
    await fill(page, `Subvention ${YEAR + 1}`, '12000,50');
    await visible(page.getByText(`Total : ${formatEuros(2_400_050)}`));
    expect(await field(page, `Subvention ${YEAR + 2}`).count()).toBe(0);
    await shoot('21-convention-form');

    await click(page, 'button', 'Enregistrer');
    await heading(page, REFERENCE);
    conventionId = Number(/#\/conventions\/(\d+)/.exec(page.url())?.[1]);
    expect(conventionId).toBeGreaterThan(0);
    const stored = value(await h.invoke('conventions.get', { id: conventionId }));
    expect(stored).toMatchObject({
      reference: REFERENCE,
      withMsa: true,
      kind: 'premiere',
      status: 'brouillon',
      structure: { id: structureId, name: STRUCTURE },
      signed: {
        startDate: `${YEAR}-01-01`,
        endDate: `${YEAR + 1}-12-31`,
        fundedPromeneurs: 2,
        subsidies: [
          { year: YEAR, amountCents: 1_200_000 },
          { year: YEAR + 1, amountCents: 1_200_050 },
        ],
      },
    });
    // The last day to give notice before the first anniversary, and no tacit renewal.
    await visible(
      page.getByText(
        `Dernier jour pour dénoncer avant l’anniversaire du ${formatDate(`${YEAR + 1}-01-01`)}`,
        { exact: false },
      ),
    );
    await visible(page.getByText('Pas de tacite reconduction', { exact: false }));
    await shoot('22-convention-detail');
  });

  it('ticks documents as received', async () => {
    const { page } = h;
    await openTab(page, 'Pièces justificatives');
    await visible(page.getByRole('table', { name: 'Pièces justificatives' }));
    await page.getByRole('checkbox', { name: 'Reçue : Statuts' }).click();
    await visible(page.getByText(`le ${formatDate(TODAY)}`));
    await page.getByRole('checkbox', { name: 'Reçue : Relevé d’identité bancaire (RIB)' }).click();
    await until('both documents received', async () => {
      const c = value(await h.invoke('conventions.get', { id: conventionId }));
      return c.documents.filter((d) => d.receivedOn === TODAY).length === 2;
    });
    const c = value(await h.invoke('conventions.get', { id: conventionId }));
    expect(
      c.documents
        .filter((d) => d.receivedOn !== null)
        .map((d) => d.key)
        .sort(),
    ).toEqual(['rib', 'statuts']);
  });

  it('refuses a text file, attaches a PDF and shows it inside the app', async () => {
    const { page } = h;
    const attach = page.getByRole('button', { name: 'Joindre un scan à « Statuts »' });

    let chooser = page.waitForEvent('filechooser');
    await attach.click();
    await (
      await chooser
    ).setFiles({ name: 'notes.txt', mimeType: 'text/plain', buffer: Buffer.from('bonjour') });
    await visible(
      page.getByText('« notes.txt » n’est ni un PDF, ni une image JPEG ou PNG', { exact: false }),
    );

    // Too large: refused before anything is sent, with the limit in words.
    chooser = page.waitForEvent('filechooser');
    await attach.click();
    await (
      await chooser
    ).setFiles({
      name: 'scan-enorme.pdf',
      mimeType: 'application/pdf',
      buffer: Buffer.alloc(MAX_ATTACHMENT_BYTES + 1, 0x20),
    });
    await visible(
      page.getByText('« scan-enorme.pdf » est trop volumineux (20,1 Mo)', { exact: false }),
    );
    expect(h.calls).not.toContain('conventions.attachments.add');

    const pdf = tinyPdf();
    chooser = page.waitForEvent('filechooser');
    await attach.click();
    await (await chooser).setFiles({ name: PDF_NAME, mimeType: 'application/pdf', buffer: pdf });
    const open = page.getByRole('button', { name: `Ouvrir ${PDF_NAME}` });
    await visible(open);
    const c = value(await h.invoke('conventions.get', { id: conventionId }));
    const attachment = c.documents.find((d) => d.key === 'statuts')?.attachments[0];
    expect(attachment).toMatchObject({ fileName: PDF_NAME, mimeType: 'application/pdf' });
    const file = value(await h.invoke('conventions.attachments.open', { id: attachment!.id }));
    expect(Buffer.from(file.contentBase64, 'base64').equals(pdf)).toBe(true);
    await shoot('23-convention-documents');

    await open.click();
    const viewer = dialog(page, PDF_NAME);
    const canvas = viewer.getByRole('img', { name: 'Page 1 sur 1' });
    await visible(canvas);
    await visible(viewer.getByText('1 page', { exact: true }));
    // pdf.js really drew the page: the teal rectangle is there.
    const colouredPixels = await canvas.evaluate((el) => {
      const c = el as HTMLCanvasElement;
      const data = c.getContext('2d')!.getImageData(0, 0, c.width, c.height).data;
      let count = 0;
      for (let i = 0; i < data.length; i += 4)
        if (data[i]! < 60 && data[i + 1]! > 90 && data[i + 2]! > 80) count++;
      return count;
    });
    expect(colouredPixels).toBeGreaterThan(1000);
    await shoot('24-attachment-viewer');
    await viewer.getByRole('button', { name: 'Fermer' }).click();
    await hidden(viewer);

    // An image scan is shown from memory too (an object URL, revoked on close).
    chooser = page.waitForEvent('filechooser');
    await page
      .getByRole('button', { name: 'Joindre un scan à « Relevé d’identité bancaire (RIB) »' })
      .click();
    await (await chooser).setFiles({ name: 'rib.png', mimeType: 'image/png', buffer: PNG });
    await page.getByRole('button', { name: 'Ouvrir rib.png' }).click();
    const image = dialog(page, 'rib.png').getByRole('img', { name: 'rib.png' });
    await visible(image);
    await until('the image to be decoded', async () =>
      image.evaluate((el) => (el as HTMLImageElement).naturalWidth === 2),
    );
    expect(await image.getAttribute('src')).toMatch(/^blob:/);
    await dialog(page, 'rib.png').getByRole('button', { name: 'Fermer' }).click();
    await hidden(dialog(page, 'rib.png'));
  });

  it('records a payment and shows the year’s totals', async () => {
    const { page } = h;
    await openTab(page, 'Versements');
    await visible(page.getByText('Aucun versement enregistré', { exact: false }));
    await click(page, 'button', 'Ajouter un versement');
    const modal = dialog(page, 'Nouveau versement');
    await visible(modal);
    await choose(page, 'Année', String(YEAR));
    await choose(page, 'Nature du versement', 'Avance');
    await fill(modal, 'Montant', '6000');
    await fillDate(modal, 'Versé le', `15/03/${YEAR}`);
    await click(modal, 'button', 'Enregistrer');
    await hidden(modal);

    const payments = page.getByRole('table', { name: 'Versements' });
    await visible(payments);
    const row = (await payments.locator('tbody tr').allInnerTexts()).join(' ');
    expect(row).toContain('Avance');
    expect(row).toContain(formatEuros(600_000));
    expect(row).toContain(`15/03/${YEAR}`);
    const totals = page.getByRole('table', { name: 'Totaux par année' });
    const year = (
      await totals
        .locator('tbody tr')
        .filter({ hasText: String(YEAR) })
        .first()
        .innerText()
    ).split('\t');
    expect(year.map((t) => t.trim())).toEqual([
      String(YEAR),
      formatEuros(1_200_000),
      formatEuros(600_000),
      formatEuros(0),
      formatEuros(600_000),
    ]);
    await shoot('25-convention-payments');
  });

  it('adds an amendment that extends the end date, and the obligations follow', async () => {
    const { page } = h;
    await openTab(page, 'Obligations');
    await visible(page.getByRole('heading', { name: `Année ${YEAR + 1}` }));
    const added = page.getByText(`Attestation de service fait ${YEAR + 2}`, { exact: true });
    expect(await added.count()).toBe(0);
    await shoot('26-convention-obligations');

    await openTab(page, 'Avenants');
    await visible(page.getByText('Aucun avenant pour cette convention.'));
    await click(page, 'button', 'Ajouter un avenant');
    const modal = dialog(page, 'Nouvel avenant');
    await visible(modal);
    await fillDate(modal, 'Signé le', `01/10/${YEAR}`);
    await fill(modal, 'Objet', 'Prolongation d’un an, à la demande de la structure');
    await fillDate(modal, 'Nouvelle date de fin', `31/12/${YEAR + 2}`);
    await visible(field(modal, `Subvention ${YEAR + 2}`));
    await fill(modal, `Subvention ${YEAR + 2}`, '12000');
    await shoot('27-amendment-form');
    await click(modal, 'button', 'Enregistrer');
    await hidden(modal);
    const amendments = await tableRows(page);
    expect(amendments).toHaveLength(1);
    expect(amendments[0]).toContain('n° 1');
    expect(amendments[0]).toContain(`Nouvelle fin : 31/12/${YEAR + 2}`);
    await shoot('27-convention-amendments');

    await openTab(page, 'Obligations');
    await visible(page.getByRole('heading', { name: `Année ${YEAR + 2}` }));
    await visible(added);
    const c = value(await h.invoke('conventions.get', { id: conventionId }));
    expect(c.terms.endDate).toBe(`${YEAR + 2}-12-31`);
    expect(c.obligations.some((o) => o.key === `attestation_service_fait:${YEAR + 2}`)).toBe(true);

    // An obligation marked received keeps its state.
    const label = `Attestation de service fait ${YEAR}`;
    await click(page, 'button', `Marquer reçu : ${label}`);
    const mark = dialog(page, label);
    await visible(mark);
    expect(await field(mark, 'Reçue le').inputValue()).toBe(formatDate(TODAY));
    await click(mark, 'button', 'Enregistrer');
    await hidden(mark);
    await visible(page.getByText(`Reçu le ${formatDate(TODAY)}`));
    await shoot('28-obligations-after-amendment');

    await openTab(page, 'Convention');
    await visible(page.getByText('(prolongée par avenant)', { exact: false }));
    await visible(page.getByRole('columnheader', { name: 'Avec les avenants' }));
    await h.screenshot('28-convention-terms-amended', { fullPage: true });
  });

  it('changes the status, asking a reason for a termination', async () => {
    const { page } = h;
    await click(page, 'button', 'Changer le statut');
    const modal = dialog(page, 'Changer le statut');
    await visible(modal);
    await choose(page, 'Nouveau statut', 'Résiliée');
    await click(modal, 'button', 'Enregistrer');
    await until('the reason to be asked', async () =>
      ((await fieldError(page, 'Motif')) ?? '').includes('Indiquez le motif'),
    );
    await shoot('29-status-reason-required');
    await choose(page, 'Nouveau statut', 'Signée');
    await hidden(field(modal, 'Motif'));
    await click(modal, 'button', 'Enregistrer');
    await hidden(modal);
    await visible(page.getByRole('main').getByText('Signée', { exact: true }).first());
    const c = value(await h.invoke('conventions.get', { id: conventionId }));
    expect(c.status).toBe('signee');
    expect(c.statusHistory.map((s) => s.status)).toContain('signee');
  });

  it('starts a renewal pre-filled from the convention', async () => {
    const { page } = h;
    await click(page, 'button', 'Renouveler');
    await heading(page, `Renouveler « ${REFERENCE} »`);
    expect(await field(page, 'Début').inputValue()).toBe(`01/01/${YEAR + 3}`);
    expect(await field(page, 'Fin').inputValue()).toBe(`31/12/${YEAR + 5}`);
    expect(await page.getByRole('radio', { name: 'Renouvellement' }).isChecked()).toBe(true);
    // The choices (the structure's conventions) load after the form.
    await until('the previous convention to be chosen', async () =>
      (await select(page, 'Convention précédente').inputValue()).includes(REFERENCE),
    );
    expect(await field(page, `Subvention ${YEAR + 3}`).inputValue()).toMatch(/^12\s?000/);
    await h.screenshot('29-renewal-form', { fullPage: true });
    await click(page, 'button', 'Annuler');
    await heading(page, REFERENCE);
  });

  it('edits the convention as signed, its amendments still applying', async () => {
    const { page } = h;
    await click(page, 'button', 'Modifier');
    await heading(page, `Modifier « ${REFERENCE} »`);
    await visible(
      page.getByText('Ces champs sont les termes de la convention telle qu’elle a été signée', {
        exact: false,
      }),
    );
    // The form shows the signed end, not the amended one.
    expect(await field(page, 'Fin').inputValue()).toBe(`31/12/${YEAR + 1}`);
    await fill(page, 'Notes', 'Dossier suivi avec la CAF et la MSA.');
    await click(page, 'button', 'Enregistrer');
    await heading(page, REFERENCE);
    await visible(page.getByText('Dossier suivi avec la CAF et la MSA.'));
    const c = value(await h.invoke('conventions.get', { id: conventionId }));
    expect(c.notes).toBe('Dossier suivi avec la CAF et la MSA.');
    expect(c.terms.endDate).toBe(`${YEAR + 2}-12-31`);
  });

  it('lists the convention, filters it, and shows its history', async () => {
    const { page } = h;
    await openTab(page, 'Historique');
    await visible(page.getByText('Création', { exact: true }).first());
    await shoot('29-convention-history');

    await nav(page, 'Conventions');
    const rows = await tableRows(page);
    expect(rows).toHaveLength(1);
    expect(rows[0]).toContain(REFERENCE);
    expect(rows[0]).toContain(STRUCTURE);
    expect(rows[0]).toContain('Signée');
    expect(rows[0]).toContain(formatEuros(3_600_050).replace(/\s+/g, ' '));
    await shoot('20-conventions-list');

    await page.getByRole('combobox', { name: 'Statut' }).click();
    await page.getByRole('option', { name: 'Brouillon', exact: true }).click();
    await page.keyboard.press('Escape');
    await visible(page.getByText('Aucune convention ne correspond'));
    await click(page, 'button', 'Effacer la recherche et les filtres');
    await visible(page.getByRole('table').getByText(REFERENCE));
  });

  it('keeps an obligation received for a year an amendment no longer covers, apart', async () => {
    const { page } = h;
    await nav(page, 'Conventions');
    await page.getByRole('table').getByRole('link', { name: REFERENCE }).click();
    await heading(page, REFERENCE);
    await openTab(page, 'Obligations');
    const label = `Attestation de service fait ${YEAR + 2}`;
    await click(page, 'button', `Marquer reçu : ${label}`);
    await click(dialog(page, label), 'button', 'Enregistrer');
    await hidden(dialog(page, label));

    await openTab(page, 'Avenants');
    await click(page, 'button', 'Supprimer l’avenant n° 1');
    const confirm = dialog(page, 'Supprimer cet avenant ?');
    await click(confirm, 'button', 'Supprimer l’avenant');
    await hidden(confirm);
    await visible(page.getByText('Aucun avenant pour cette convention.'));

    await openTab(page, 'Obligations');
    const apart = page.getByRole('table', { name: 'Obligations hors période' });
    await visible(apart);
    const rows = await apart.locator('tbody tr').allInnerTexts();
    expect(rows).toHaveLength(1);
    expect(rows[0]).toContain(label);
    expect(rows[0]).toContain(`Reçu le ${formatDate(TODAY)}`);
    await page.getByRole('heading', { name: 'Hors période' }).scrollIntoViewIfNeeded();
    await shoot('28-obligations-hors-periode');
  });

  it('ran without page errors, blocked requests or security policy violations', () => {
    expect(h.pageErrors).toEqual([]);
    expect(h.blockedRequests).toEqual([]);
    expect(h.consoleErrors.filter((e) => /Content Security Policy/i.test(e))).toEqual([]);
  });
});
