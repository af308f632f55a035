/**
 * The Excel exports, opened back with exceljs and checked cell by cell against figures the
 * test computes itself with plain SQL over the demo department (plus a structure and a
 * Promeneur with hostile text): types, totals formulas, formats, injection-safe text, the
 * directory's consent, overdue highlighting, and the Bilan's Synthèse equal to the dashboard.
 */
import type ExcelJS from 'exceljs';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { seedDemo } from '../../src/main/demo/seed';
import { dashboardData } from '../../src/main/services/dashboard';
import {
  exportAnnuaire,
  exportAttendance,
  exportBilan,
  exportConventions,
  exportCopil,
} from '../../src/main/services/exports';
import { createPromeneur } from '../../src/main/services/promeneurs';
import { createStructure } from '../../src/main/services/structures';
import { dashboardFilters } from '../../src/shared/api/dashboard';
import { promeneurFields } from '../../src/shared/api/promeneurs';
import { structureFields } from '../../src/shared/api/structures';
import { createTestVault, type TestVault } from '../support/vault';
import { loadWorkbook } from '../support/workbooks';

const TODAY = '2026-11-15';
const YEAR = 2026;
const HOSTILE_STRUCTURE = '=HYPERLINK("http://piege.example","clic")';
const HOSTILE_LAST_NAME = '-2+3';
const OVERDUE_ARGB = 'FFF8D7DA';

let v: TestVault;
let bilan: ExcelJS.Workbook;

const db = () => v.session.db;
const one = async <T>(query: ReturnType<typeof sql<T>>) => (await query.execute(db())).rows[0]!;

/** The sheet's rows below the header, as arrays of cell values (index 0 = column A). */
function body(ws: ExcelJS.Worksheet): ExcelJS.CellValue[][] {
  const rows: ExcelJS.CellValue[][] = [];
  for (let r = 2; r <= ws.rowCount; r++)
    rows.push((ws.getRow(r).values as ExcelJS.CellValue[]).slice(1));
  return rows;
}
const header = (ws: ExcelJS.Worksheet) => (ws.getRow(1).values as string[]).slice(1);
const formulaOf = (value: ExcelJS.CellValue) => value as ExcelJS.CellFormulaValue;
/** exceljs reads a cached result of 0 back as undefined. */
const resultOf = (value: ExcelJS.CellValue) => Number(formulaOf(value).result ?? 0);

/** Every sheet: frozen header row, filters over the data, widths set. */
function expectSheetRules(ws: ExcelJS.Worksheet) {
  expect(ws.views[0]).toMatchObject({ state: 'frozen', ySplit: 1 });
  expect(ws.getRow(1).font?.bold).toBe(true);
  if (ws.rowCount > 2) expect(ws.autoFilter).toBeTruthy();
  for (const column of ws.columns) expect(column.width ?? 9).toBeGreaterThanOrEqual(8);
}

/** The last row: « Total » and SUBTOTAL formulas over the data rows. */
function expectTotal(ws: ExcelJS.Worksheet, column: string, expected: number) {
  const last = ws.rowCount;
  const cell = ws.getCell(`${column}${last}`);
  expect(ws.getCell(`A${last}`).value).toBe('Total');
  expect(formulaOf(cell.value).formula).toBe(`SUBTOTAL(109,${column}2:${column}${last - 1})`);
  expect(resultOf(cell.value)).toBeCloseTo(expected, 2);
}

beforeAll(async () => {
  v = await createTestVault();
  await seedDemo(db(), { today: TODAY });
  const { id: structureId } = await createStructure(
    db(),
    structureFields.parse({
      name: HOSTILE_STRUCTURE,
      type: 'mjc',
      legalForm: 'association',
      networkStatus: 'dans_le_reseau',
    }),
  );
  await createPromeneur(
    db(),
    promeneurFields.parse({
      firstName: '@Zélie',
      lastName: HOSTILE_LAST_NAME,
      job: 'animateur',
      structureId,
      status: 'actif',
      statusSince: '2026-01-05',
      startDate: '2026-01-05',
      email: 'zelie.secret@exemple.fr',
      phone: '06 12 34 56 78',
      publication: { lastName: true, phone: true, email: false },
    }),
  );
  bilan = await loadWorkbook((await exportBilan(db(), YEAR, TODAY)).contentBase64);
}, 60_000);
afterAll(() => v.cleanup());

describe('Bilan annuel', () => {
  it('has the French sheets, the document properties and the rules on every sheet', () => {
    expect(bilan.worksheets.map((w) => w.name)).toEqual([
      'Synthèse',
      'Structures et conventions',
      'Promeneurs',
      'Activité',
      'Activité par période',
      'Réseau',
      'Financement',
    ]);
    expect(bilan.creator).toBe('Balise');
    expect(bilan.title).toBe(`Bilan annuel ${YEAR} des Promeneurs du Net`);
    expect(bilan.created).toBeInstanceOf(Date);
    for (const ws of bilan.worksheets) expectSheetRules(ws);
  });

  it('Synthèse shows the dashboard’s figures for the same year, typed, with charts as PNG', async () => {
    const data = await dashboardData(db(), dashboardFilters.parse({ year: YEAR }), TODAY);
    const ws = bilan.getWorksheet('Synthèse')!;
    const byLabel = new Map(body(ws).map((r) => [r[0] as string, r[1]]));
    const f = data.figures;
    expect(byLabel.get('Période')).toBe(String(YEAR));
    expect(byLabel.get('Promeneurs du Net actifs')).toBe(f.promeneursActive);
    expect(byLabel.get('Structures dans le réseau')).toBe(f.structuresInNetwork);
    expect(byLabel.get('Conventions en vigueur')).toBe(f.conventionsInForce);
    expect(byLabel.get('Subventions engagées')).toBe(f.subsidies.committedCents / 100);
    expect(byLabel.get('Subventions versées')).toBe(f.subsidies.paidCents / 100);
    expect(byLabel.get('Bilans d’activité reçus')).toBe(f.activity.reports);
    expect(byLabel.get('Jeunes contactés en ligne')).toBe(f.activity.youngContacted);
    expect(byLabel.get('Jeunes rencontrés physiquement')).toBe(f.activity.youngMet);
    expect(byLabel.get('Projets engagés')).toBe(f.activity.projectsStarted);
    for (const m of f.meetings) expect(byLabel.get(`${m.label} tenu(e)s`)).toBe(m.held);
    expect(byLabel.get('Promeneurs actifs formés')).toBe(f.training.trained);
    expect(byLabel.get('Éléments en retard')).toBe(f.overdue);
    expect(byLabel.get('Situation au')).toEqual(new Date(`${data.period.asOf}T00:00:00Z`));

    const row = (label: string) => body(ws).findIndex((r) => r[0] === label) + 2;
    expect(ws.getCell(`B${row('Subventions engagées')}`).numFmt).toContain('€');
    expect(ws.getCell(`B${row('Situation au')}`).numFmt).toBe('dd/mm/yyyy');
    expect(ws.getCell(`B${row('Part des Promeneurs actifs formés')}`).numFmt).toBe('0.0%');

    const images = ws.getImages();
    expect(images.length).toBeGreaterThanOrEqual(3);
    const media = bilan.model.media as unknown as { buffer: Buffer; extension: string }[];
    expect(media.length).toBe(images.length);
    for (const m of media) {
      expect(m.extension).toBe('png');
      expect(Buffer.from(m.buffer).subarray(1, 4).toString('latin1')).toBe('PNG');
    }
  });

  it('Activité lists each report of the year with SUBTOTAL totals equal to plain SQL sums', async () => {
    const expected = await one(sql<{
      n: number;
      contacted: number;
      met: number;
      hours: number;
    }>`select count(*) as n, sum(young_contacted) as contacted, sum(young_met) as met,
         sum(hours_online_x100) / 100.0 as hours from activity_reports
       where period_start >= ${`${YEAR}-01-01`} and period_end <= ${`${YEAR}-12-31`}`);
    const ws = bilan.getWorksheet('Activité')!;
    expect(header(ws).slice(5, 7)).toEqual(['Jeunes contactés', 'Jeunes rencontrés']);
    expect(ws.rowCount).toBe(Number(expected.n) + 2);
    const first = body(ws)[0]!;
    expect(first[1]).toBeInstanceOf(Date);
    expect(typeof first[5]).toBe('number');
    expect(ws.getCell('B2').numFmt).toBe('dd/mm/yyyy');
    expectTotal(ws, 'F', Number(expected.contacted));
    expectTotal(ws, 'G', Number(expected.met));
    expectTotal(ws, 'K', Number(expected.hours));
    const perPeriod = bilan.getWorksheet('Activité par période')!;
    expectTotal(perPeriod, 'F', Number(expected.contacted));
    expectTotal(perPeriod, 'D', Number(expected.n));
  });

  it('Promeneurs and Structures et conventions count what the directory holds; text is neutralised', async () => {
    const { n } = await one(sql<{ n: number }>`select count(*) as n from promeneurs
      where archived_at is null and (start_date is null or start_date <= ${`${YEAR}-12-31`})`);
    const promeneurs = bilan.getWorksheet('Promeneurs')!;
    expect(promeneurs.rowCount).toBe(Number(n) + 2);
    const hostile = body(promeneurs).find((r) => r[1] === "'@Zélie")!;
    expect(hostile[0]).toBe(`'${HOSTILE_LAST_NAME}`);
    expect(hostile[2]).toBe(`'${HOSTILE_STRUCTURE}`);
    expect(hostile[6]).toEqual(new Date('2026-01-05T00:00:00Z'));
    // Each Promeneur's year in figures, worked out here one Promeneur at a time.
    const year = { from: `${YEAR}-01-01`, to: `${YEAR}-12-31`, next: `${YEAR + 1}-01-01` };
    const presentAt = (type: string) => sql`(select count(*) from event_invitees i
      join events e on e.id = i.event_id where i.promeneur_id = p.id and i.attendance = 'present'
      and e.type = ${type} and e.start >= ${year.from} and e.start < ${year.next})`;
    const figures = await one(sql<{ trainings: number; meetings: number; reports: number }>`
      select sum(${presentAt('formation')}) as trainings,
        sum(${presentAt('rencontre_departementale')}) as meetings,
        sum((select count(*) from activity_reports r where r.promeneur_id = p.id
          and r.period_start >= ${year.from} and r.period_end <= ${year.to})) as reports
      from promeneurs p
      where p.archived_at is null and (p.start_date is null or p.start_date <= ${year.to})`);
    expect(Number(figures.trainings)).toBeGreaterThan(0);
    expect(Number(figures.meetings)).toBeGreaterThan(0);
    expect(Number(figures.reports)).toBeGreaterThan(0);
    expectTotal(promeneurs, 'K', Number(figures.trainings));
    expectTotal(promeneurs, 'L', Number(figures.meetings));
    expectTotal(promeneurs, 'M', Number(figures.reports));

    const structures = bilan.getWorksheet('Structures et conventions')!;
    const names = body(structures).map((r) => r[0]);
    expect(names).toContain(`'${HOSTILE_STRUCTURE}`);
    expect(names.some((s) => typeof s === 'string' && s.startsWith('='))).toBe(false);
  });

  it('Réseau counts invitations and attendance of the year’s events, with the rate as a formula', async () => {
    const expected = await one(sql<{ events: number; invited: number; present: number }>`
      select (select count(*) from events where start >= ${`${YEAR}-01-01`} and start < ${`${YEAR + 1}-01-01`}) as events,
        count(i.id) as invited, count(case when i.attendance = 'present' then 1 end) as present
      from event_invitees i join events e on e.id = i.event_id
      where e.start >= ${`${YEAR}-01-01`} and e.start < ${`${YEAR + 1}-01-01`}`);
    const ws = bilan.getWorksheet('Réseau')!;
    expect(ws.rowCount).toBe(Number(expected.events) + 2);
    expectTotal(ws, 'E', Number(expected.invited));
    expectTotal(ws, 'F', Number(expected.present));
    const rate = formulaOf(ws.getCell('I2').value);
    expect(rate.formula).toBe('IF(F2+G2+H2=0,"",F2/(F2+G2+H2))');
    const [p, e, a] = ['F2', 'G2', 'H2'].map((c) => Number(ws.getCell(c).value));
    if (p! + e! + a! > 0) expect(rate.result).toBeCloseTo(p! / (p! + e! + a!), 6);
    expect(ws.getCell('I2').numFmt).toBe('0.0%');
  });

  it('Financement: paid per structure and year adds up to every payment made; the year agrees with Synthèse', async () => {
    const { paid } = await one(sql<{ paid: number }>`
      select sum(amount_cents) / 100.0 as paid from convention_payments where paid_on is not null`);
    const ws = bilan.getWorksheet('Financement')!;
    expectTotal(ws, 'E', Number(paid));
    const rows = body(ws).slice(0, -1);
    const ofYear = rows.filter((r) => r[2] === YEAR);
    const synthese = new Map(
      body(bilan.getWorksheet('Synthèse')!).map((r) => [r[0] as string, r[1]]),
    );
    const committed = ofYear.reduce((t, r) => t + Number(r[3]), 0);
    expect(committed).toBeCloseTo(Number(synthese.get('Subventions engagées')), 2);
    expect(ofYear.reduce((t, r) => t + Number(r[4]), 0)).toBeCloseTo(
      Number(synthese.get('Subventions versées')),
      2,
    );
    expect(formulaOf(ws.getCell('F2').value).formula).toBe('D2-E2');
    expect(ws.getCell('D2').numFmt).toBe('#,##0.00 "€"');
    expect(ws.getCell('C2').numFmt).toBe('0');
  });
});

describe('Annuaire départemental', () => {
  it('shows only what each active Promeneur agreed to publish, +33 numbers kept readable', async () => {
    const people = (
      await sql<{
        firstName: string;
        lastName: string;
        email: string | null;
        phone: string | null;
        publication: string;
      }>`select first_name as firstName, last_name as lastName, email, phone, publication
         from promeneurs where status = 'actif' and archived_at is null`.execute(db())
    ).rows;
    const ws = (await loadWorkbook((await exportAnnuaire(db(), 'xlsx', TODAY)).contentBase64))
      .worksheets[0]!;
    expectSheetRules(ws);
    expect(header(ws)).toEqual([
      'Prénom',
      'Nom',
      'Métier',
      'Structure',
      'Commune',
      'E-mail professionnel',
      'Téléphone professionnel',
      'Profils en ligne',
      'Permanences en ligne',
    ]);
    const rows = body(ws);
    expect(rows).toHaveLength(people.length);
    const all = JSON.stringify(rows);
    for (const p of people) {
      const consent = JSON.parse(p.publication) as Record<string, boolean>;
      if (p.email && !consent.email) expect(all).not.toContain(p.email);
      if (p.email && consent.email) expect(all).toContain(p.email);
      if (p.phone && consent.phone) expect(all).toContain(p.phone);
    }
    const zelie = rows.find((r) => r[0] === "'@Zélie")!;
    expect(zelie[1]).toBe(`'${HOSTILE_LAST_NAME}`);
    expect(zelie[3]).toBe(`'${HOSTILE_STRUCTURE}`);
    expect(zelie[5] ?? null).toBeNull();
    expect(zelie[6]).toBe('+33612345678');
    expect(all).not.toContain('zelie.secret@exemple.fr');
  });

  it('as CSV: BOM, semicolons, the same rows, injection-safe', async () => {
    const file = await exportAnnuaire(db(), 'csv', TODAY);
    expect(file.fileName).toBe(`annuaire-departemental-${TODAY}.csv`);
    const text = Buffer.from(file.contentBase64, 'base64').toString('utf8');
    expect(text.startsWith('\uFEFFPrénom;Nom;Métier;')).toBe(true);
    const zelie = text.split('\r\n').find((l) => l.startsWith("'@Zélie"))!;
    expect(zelie).toContain(`;'${HOSTILE_LAST_NAME};`);
    expect(zelie).toContain(`"'=HYPERLINK(""http://piege.example"",""clic"")"`);
    expect(zelie).toContain(';+33612345678;');
    expect(text).not.toContain('zelie.secret@exemple.fr');
    expect(text.split('\r\n').filter((l) => /^[=+\-@]/.test(l))).toEqual([]);
  });
});

describe('Suivi des conventions', () => {
  let book: ExcelJS.Workbook;
  beforeAll(async () => {
    book = await loadWorkbook((await exportConventions(db(), TODAY)).contentBase64);
  });

  it('lists every convention with its totals, and every payment', async () => {
    const { n, planned } = await one(sql<{ n: number; planned: number }>`
      select (select count(*) from conventions) as n,
        (select sum(amount_cents) / 100.0 from convention_payments) as planned`);
    const ws = book.getWorksheet('Conventions')!;
    expect(ws.rowCount).toBe(Number(n) + 2);
    expect(body(ws)[0]![4]).toBeInstanceOf(Date);
    expect(formulaOf(ws.getCell('L2').value).formula).toBe('J2-K2');
    const payments = book.getWorksheet('Versements')!;
    expectTotal(payments, 'E', Number(planned));
    for (const w of book.worksheets) expectSheetRules(w);
  });

  it('highlights exactly the late cells: a date passed with nothing received or paid', async () => {
    const highlightedRows = (sheet: string, column: string) => {
      const ws = book.getWorksheet(sheet)!;
      const rows: number[] = [];
      for (let r = 2; r <= ws.rowCount; r++) {
        const fill = (ws.getCell(`${column}${r}`).fill as ExcelJS.FillPattern | undefined)?.fgColor
          ?.argb;
        if (fill === OVERDUE_ARGB) rows.push(r);
      }
      return { ws, rows };
    };
    const isoOf = (value: ExcelJS.CellValue) => (value as Date).toISOString().slice(0, 10);

    const obligations = highlightedRows('Obligations annuelles', 'E');
    for (const r of obligations.rows) {
      expect(isoOf(obligations.ws.getCell(`E${r}`).value) < TODAY).toBe(true);
      expect(obligations.ws.getCell(`F${r}`).value ?? null).toBeNull();
    }
    const documents = highlightedRows('Pièces justificatives', 'E');
    for (const r of documents.rows) expect(documents.ws.getCell(`E${r}`).value ?? null).toBeNull();

    // Payments, independently: planned before today, not paid, of a convention not ended early.
    const { late } = await one(sql<{ late: number }>`
      select count(*) as late from convention_payments p join conventions c on c.id = p.convention_id
      where p.paid_on is null and coalesce(p.planned_on, c.start_date) < ${TODAY}
        and c.status not in ('resiliee', 'resolue')`);
    const payments = highlightedRows('Versements', 'F');
    expect(payments.rows).toHaveLength(Number(late));
    for (const r of payments.rows) expect(payments.ws.getCell(`G${r}`).value ?? null).toBeNull();

    const summary = book.getWorksheet('Conventions')!;
    expect(resultOf(summary.getCell(`M${summary.rowCount}`).value)).toBe(documents.rows.length);
    expect(resultOf(summary.getCell(`N${summary.rowCount}`).value)).toBe(obligations.rows.length);
    expect(obligations.rows.length + documents.rows.length + payments.rows.length).toBeGreaterThan(
      0,
    );
  });
});

describe('Émargement and Dossier COPIL', () => {
  it('attendance of one event: one row per invitee', async () => {
    const event = await one(sql<{ id: number; invited: number; present: number }>`
      select e.id, count(i.id) as invited, count(case when i.attendance = 'present' then 1 end) as present
      from events e join event_invitees i on i.event_id = e.id
      where e.status = 'tenu' group by e.id order by count(i.id) desc limit 1`);
    const book = await loadWorkbook(
      (await exportAttendance(db(), { eventId: event.id, from: null, to: null })).contentBase64,
    );
    const [events, people] = book.worksheets;
    expect(events!.getCell('E2').value).toBe(Number(event.invited));
    expect(events!.getCell('F2').value).toBe(Number(event.present));
    expect(people!.rowCount).toBe(Number(event.invited) + 1);
    expect(body(people!).filter((r) => r[6] === 'Présent')).toHaveLength(Number(event.present));
  });

  it('the COPIL pack: the dashboard’s figures at the date, conventions, overdue items, decisions', async () => {
    const date = '2026-11-20';
    const book = await loadWorkbook((await exportCopil(db(), date)).contentBase64);
    expect(book.worksheets.map((w) => w.name)).toEqual([
      'Chiffres clés',
      'Conventions',
      'En retard',
      'Décisions à prendre',
    ]);
    const data = await dashboardData(
      db(),
      dashboardFilters.parse({ from: '2026-01-01', to: date }),
      date,
    );
    const figures = new Map(body(book.worksheets[0]!).map((r) => [r[0] as string, r[1]]));
    expect(figures.get('Éléments en retard')).toBe(data.figures.overdue);
    expect(figures.get('Jeunes contactés en ligne')).toBe(data.figures.activity.youngContacted);
    const late = book.getWorksheet('En retard')!;
    expect(late.rowCount - 1).toBe(data.figures.overdue);
    for (const r of body(late)) expect((r[0] as Date).toISOString().slice(0, 10) < date).toBe(true);
    const candidates = await one(sql<{ n: number }>`select count(*) as n from structures
      where network_status = 'interessee' and archived_at is null`);
    const decisions = body(book.getWorksheet('Décisions à prendre')!);
    expect(decisions.filter((r) => r[0] === 'Sélection d’une structure candidate')).toHaveLength(
      Number(candidates.n),
    );
  });

  it('the routes refuse malformed options in French', async () => {
    const bad = await v.call('exports.attendance', { eventId: null, from: '2026-05-01', to: null });
    expect(bad.ok).toBe(false);
    if (!bad.ok) expect(bad.error.fields?.to).toBe('Indiquez la fin de la période.');
    const missing = await v.call('exports.attendance', { eventId: 999_999 });
    expect(missing.ok).toBe(false);
    if (!missing.ok) expect(missing.error.message).toMatch(/n’existe pas/);
    const decisions = await v.value('exports.decisions', { year: YEAR });
    expect(decisions.fileName).toMatch(/^releve-des-decisions-.*\.xlsx$/);
  });
});
