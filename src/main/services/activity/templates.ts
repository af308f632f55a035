/**
 * The activity templates sent to Promeneurs: one Excel workbook per Promeneur and period,
 * made with exceljs in memory. Identity and period are pre-filled; only the yellow input
 * cells are unlocked (the sheet is protected, without password, so the layout survives being
 * filled in); counts accept whole numbers, hours decimals, the age question a drop-down; a
 * very hidden sheet holds the template's version, the Promeneur's id, the period and the map
 * of input cells, which the reader (templateRead.ts) checks back.
 */
import ExcelJS from 'exceljs';
import { zipSync } from 'fflate';
import {
  ACTIVITY_COUNTS,
  ACTIVITY_TEXTS,
  AGE_BANDS,
  CHANNEL_COUNT_LABEL,
  HOURS_ONLINE_LABEL,
  MAX_ACTIVITY_COUNT,
  MAX_ACTIVITY_TEXT,
  MAX_HOURS_ONLINE,
  THEME_COUNT_LABEL,
  type ActivityCount,
  type ActivityText,
  type AgeBand,
} from '../../../shared/domain/activity';
import type { Period } from '../../../shared/rules/activity';
import { formatDate, todayInParis } from '../../../shared/rules/dates';
import { DomainError } from '../../../shared/result';
import type { Db } from '../../db/connection';
import { slugOf } from '../calendar/fileName';
import { readSettings } from '../settings';
import { expectedPromeneurs, type Expected } from './completeness';
import { listEntries } from './lists';
import { assertEnterable, periodOfKey, promeneurNotFound } from './reports';
import {
  AGE_KNOWN,
  AGE_KNOWN_KEY,
  cellKey,
  HIDDEN_SHEET,
  IDENTITY_ROWS,
  LABEL_COLUMN,
  MAIN_SHEET,
  MAP_FIRST_ROW,
  MARKER,
  TEMPLATE_VERSION,
  VALUE_COLUMN,
} from './templateLayout';

const INPUT_FILL: ExcelJS.Fill = {
  type: 'pattern',
  pattern: 'solid',
  fgColor: { argb: 'FFFFF2CC' },
};
const SECTION_FILL: ExcelJS.Fill = {
  type: 'pattern',
  pattern: 'solid',
  fgColor: { argb: 'FFDDEBF7' },
};
const THIN: Partial<ExcelJS.Border> = { style: 'thin', color: { argb: 'FF9E9E9E' } };
const BOX: Partial<ExcelJS.Borders> = { top: THIN, left: THIN, bottom: THIN, right: THIN };

const COUNT_HINTS: Record<ActivityCount, string> = {
  youngContacted: 'Chaque jeune compte une fois, même contacté plusieurs fois.',
  youngMet: 'Parmi les jeunes contactés en ligne. Ne peut pas dépasser le nombre de contactés.',
  projectsStarted: 'Projets de jeunes nés de ces contacts (détaillez-les plus bas).',
  exchanges: 'Conversations ou échanges suivis avec des jeunes.',
  concernsReferred: 'Transmises à l’ASE, la CRIP, un service de santé, la gendarmerie…',
};

const INSTRUCTIONS = [
  'Remplissez seulement les cellules sur fond jaune : le reste est protégé, pour que Balise relise le fichier sans erreur.',
  'Indiquez des nombres (0 s’il n’y a rien), jamais de texte dans les cases de chiffres. Les heures acceptent deux décimales (12,5).',
  'Aucun jeune n’est nommé : seulement des nombres, éventuellement par tranche d’âge.',
  'N’ajoutez, ne supprimez ni ne déplacez aucune ligne. Enregistrez au format Excel (.xlsx), puis renvoyez ce fichier à la coordination.',
];

export interface TemplateFile {
  recipient: Expected;
  fileName: string;
  bytes: Uint8Array;
}

/** `bilan-activite-2026-T3-garnier-ines.xlsx` */
export const templateFileName = (period: Period, p: Pick<Expected, 'firstName' | 'lastName'>) =>
  `bilan-activite-${period.key}-${slugOf(`${p.lastName} ${p.firstName}`)}.xlsx`;

interface Lists {
  channels: { id: number; label: string }[];
  themes: { id: number; label: string }[];
}

/** Builds one Promeneur's workbook. */
async function workbookFor(
  period: Period,
  who: Expected,
  lists: Lists,
  departmentName: string,
): Promise<Uint8Array> {
  const book = new ExcelJS.Workbook();
  book.creator = 'Balise';
  book.title = `Bilan d’activité — ${who.name} — ${period.label}`;
  book.created = new Date();
  const sheet = book.addWorksheet(MAIN_SHEET, {
    pageSetup: { paperSize: 9, orientation: 'portrait', fitToPage: true, fitToWidth: 1 },
    views: [{ showGridLines: false }],
  });
  sheet.columns = [{ width: 62 }, { width: 16 }, { width: 62 }];
  const map: { key: string; address: string; label: string }[] = [];
  let row = 1;

  const title = sheet.getCell(`A${row}`);
  title.value = 'Promeneurs du Net — bilan d’activité';
  title.font = { bold: true, size: 15 };
  sheet.mergeCells(`A${row}:C${row}`);
  row += 1;
  if (departmentName) {
    sheet.getCell(`A${row}`).value = `Réseau départemental : ${departmentName}`;
    sheet.getCell(`A${row}`).font = { italic: true, color: { argb: 'FF555555' } };
  }
  row += 1;
  for (const [label, value] of [
    ['Promeneur du Net', who.name],
    ['Structure', who.structure.name],
    ['Période', `${period.label} (du ${formatDate(period.start)} au ${formatDate(period.end)})`],
  ] as const) {
    sheet.getCell(`A${row}`).value = label;
    sheet.getCell(`A${row}`).font = { bold: true };
    sheet.getCell(`B${row}`).value = value;
    sheet.mergeCells(`B${row}:C${row}`);
    row += 1;
  }
  row += 1;
  sheet.getCell(`A${row}`).value = 'Comment remplir ce bilan';
  sheet.getCell(`A${row}`).font = { bold: true };
  row += 1;
  for (const line of INSTRUCTIONS) {
    const cell = sheet.getCell(`A${row}`);
    cell.value = `• ${line}`;
    cell.alignment = { wrapText: true, vertical: 'top' };
    sheet.mergeCells(`A${row}:C${row}`);
    sheet.getRow(row).height = 30;
    row += 1;
  }
  row += 1;

  const section = (label: string) => {
    for (const col of ['A', 'B', 'C']) sheet.getCell(`${col}${row}`).fill = SECTION_FILL;
    sheet.getCell(`A${row}`).value = label;
    sheet.getCell(`A${row}`).font = { bold: true };
    row += 1;
  };
  const header = () => {
    ['Indicateur', 'Valeur', 'Précisions'].forEach((text, i) => {
      const cell = sheet.getRow(row).getCell(i + 1);
      cell.value = text;
      cell.font = { bold: true };
      cell.border = { bottom: THIN };
    });
    row += 1;
  };
  /**
   * An input row: label, yellow unlocked cell with its validation, and a hint; a text's cell
   * spans the hint's column instead, and is taller.
   */
  const input = (
    key: string,
    label: string,
    validation: ExcelJS.DataValidation,
    numFmt: string | null,
    hint: string | null,
  ) => {
    sheet.getCell(`${LABEL_COLUMN}${row}`).value = label;
    sheet.getCell(`${LABEL_COLUMN}${row}`).alignment = { wrapText: true, vertical: 'middle' };
    const cell = sheet.getCell(`${VALUE_COLUMN}${row}`);
    if (hint === null) {
      sheet.mergeCells(`${VALUE_COLUMN}${row}:C${row}`);
      cell.alignment = { wrapText: true, vertical: 'top' };
      sheet.getRow(row).height = 60;
    } else {
      const help = sheet.getCell(`C${row}`);
      help.value = hint;
      help.font = { italic: true, size: 9, color: { argb: 'FF555555' } };
      help.alignment = { wrapText: true, vertical: 'middle' };
    }
    cell.fill = INPUT_FILL;
    cell.border = BOX;
    cell.protection = { locked: false };
    cell.dataValidation = validation;
    if (numFmt) cell.numFmt = numFmt;
    map.push({ key, address: `${VALUE_COLUMN}${row}`, label });
    row += 1;
  };
  const whole: ExcelJS.DataValidation = {
    type: 'whole',
    operator: 'between',
    allowBlank: true,
    formulae: [0, MAX_ACTIVITY_COUNT],
    showErrorMessage: true,
    errorStyle: 'stop',
    errorTitle: 'Nombre entier attendu',
    error: `Indiquez un nombre entier de 0 à ${MAX_ACTIVITY_COUNT.toLocaleString('fr-FR')} (0 s’il n’y a rien).`,
  };

  section('Chiffres de la période');
  header();
  for (const [count, label] of Object.entries(ACTIVITY_COUNTS) as [ActivityCount, string][]) {
    input(count, label, whole, '0', COUNT_HINTS[count]);
    if (count === 'exchanges')
      input(
        'hoursOnline',
        HOURS_ONLINE_LABEL,
        {
          type: 'decimal',
          operator: 'between',
          allowBlank: true,
          formulae: [0, MAX_HOURS_ONLINE],
          showErrorMessage: true,
          errorStyle: 'stop',
          errorTitle: 'Nombre d’heures attendu',
          error: `Indiquez un nombre d’heures de 0 à ${MAX_HOURS_ONLINE.toLocaleString('fr-FR')}, deux décimales au plus (12,5).`,
        },
        '0.00',
        'Temps passé en ligne en tant que Promeneur (12,5 pour 12 h 30).',
      );
  }
  row += 1;
  section('Répartition par âge des jeunes contactés (facultatif)');
  input(
    AGE_KNOWN_KEY,
    'Connaissez-vous la répartition par âge ?',
    {
      type: 'list',
      allowBlank: false,
      formulae: [`"${AGE_KNOWN.yes},${AGE_KNOWN.no}"`],
      showErrorMessage: true,
      errorStyle: 'stop',
      errorTitle: 'Choix attendu',
      error: 'Choisissez « Oui » ou « Non » dans la liste.',
    },
    null,
    'Choisissez « Oui » pour remplir les trois tranches ci-dessous.',
  );
  sheet.getCell(`${VALUE_COLUMN}${row - 1}`).value = AGE_KNOWN.no;
  for (const [band, label] of Object.entries(AGE_BANDS) as [AgeBand, string][])
    input(cellKey.age(band), label, whole, '0', 'Leur total ne peut pas dépasser les contactés.');
  row += 1;
  section(CHANNEL_COUNT_LABEL);
  for (const c of lists.channels)
    input(cellKey.channel(c.id), c.label, whole, '0', 'Jeunes contactés par ce canal.');
  row += 1;
  section(THEME_COUNT_LABEL);
  for (const t of lists.themes)
    input(cellKey.theme(t.id), t.label, whole, '0', 'Nombre de demandes sur ce thème.');
  row += 1;
  section('En quelques mots');
  for (const [field, label] of Object.entries(ACTIVITY_TEXTS) as [ActivityText, string][])
    input(
      cellKey.text(field),
      label,
      {
        type: 'textLength',
        operator: 'lessThanOrEqual',
        allowBlank: true,
        formulae: [MAX_ACTIVITY_TEXT],
        showErrorMessage: true,
        errorStyle: 'stop',
        errorTitle: 'Texte trop long',
        error: `${MAX_ACTIVITY_TEXT.toLocaleString('fr-FR')} caractères au plus.`,
      },
      '@',
      null,
    );

  await sheet.protect('', {
    selectLockedCells: true,
    selectUnlockedCells: true,
    formatColumns: true,
    formatRows: true,
  });

  const hidden = book.addWorksheet(HIDDEN_SHEET, { state: 'veryHidden' });
  const identity: [number, string, string | number][] = [
    [IDENTITY_ROWS.marker, MARKER, TEMPLATE_VERSION],
    [IDENTITY_ROWS.promeneur, 'promeneur', who.promeneurId],
    [IDENTITY_ROWS.period, 'periode', period.key],
    [IDENTITY_ROWS.generated, 'genere', todayInParis()],
  ];
  for (const [r, name, value] of identity) {
    hidden.getCell(`A${r}`).value = name;
    hidden.getCell(`B${r}`).value = value;
  }
  map.forEach((m, i) => {
    const r = hidden.getRow(MAP_FIRST_ROW + i);
    r.getCell(1).value = m.key;
    r.getCell(2).value = m.address;
    r.getCell(3).value = m.label;
  });
  await hidden.protect('', {});
  return new Uint8Array(await book.xlsx.writeBuffer());
}

/**
 * The workbooks of a period: for one Promeneur (any, even not expected), or for every
 * Promeneur active during the period.
 */
export async function templatesFor(
  db: Db,
  periodKey: string,
  promeneurId: number | null,
  today = todayInParis(),
): Promise<{ period: Period; files: TemplateFile[] }> {
  const period = periodOfKey(periodKey);
  await assertEnterable(db, period, today);
  let recipients: Expected[];
  if (promeneurId === null) {
    recipients = await expectedPromeneurs(db, period);
    if (recipients.length === 0)
      throw new DomainError(
        'CONFLICT',
        `Aucun Promeneur du Net n’était actif pendant « ${period.label} » : il n’y a pas de modèle à produire.`,
      );
  } else {
    const p = await db
      .selectFrom('promeneurs')
      .innerJoin('structures', 'structures.id', 'promeneurs.structureId')
      .select([
        'promeneurs.id',
        'promeneurs.firstName',
        'promeneurs.lastName',
        'promeneurs.email',
        'promeneurs.structureId',
        'structures.name as structureName',
      ])
      .where('promeneurs.id', '=', promeneurId)
      .executeTakeFirst();
    if (!p) throw promeneurNotFound();
    recipients = [
      {
        promeneurId: p.id,
        firstName: p.firstName,
        lastName: p.lastName,
        name: `${p.firstName} ${p.lastName}`,
        email: p.email,
        structure: { id: p.structureId, name: p.structureName },
      },
    ];
  }
  const lists = {
    channels: await listEntries(db, 'channels'),
    themes: await listEntries(db, 'themes'),
  };
  const { departmentName } = await readSettings(db);
  const files: TemplateFile[] = [];
  const used = new Set<string>();
  for (const who of recipients) {
    let fileName = templateFileName(period, who);
    // Two Promeneurs of the same name get distinct files.
    if (used.has(fileName)) fileName = fileName.replace(/\.xlsx$/, `-${who.promeneurId}.xlsx`);
    used.add(fileName);
    files.push({
      recipient: who,
      fileName,
      bytes: await workbookFor(period, who, lists, departmentName),
    });
  }
  return { period, files };
}

/** The route's answer: one .xlsx, or one .zip of them all, with who to send each to. */
export async function templatesDownload(db: Db, periodKey: string, promeneurId: number | null) {
  const { period, files } = await templatesFor(db, periodKey, promeneurId);
  const recipients = files.map((f) => ({
    promeneurId: f.recipient.promeneurId,
    name: f.recipient.name,
    structure: f.recipient.structure,
    email: f.recipient.email,
    fileName: f.fileName,
  }));
  if (promeneurId !== null)
    return {
      fileName: files[0]!.fileName,
      contentBase64: Buffer.from(files[0]!.bytes).toString('base64'),
      recipients,
    };
  // The workbooks are already compressed: stored as they are.
  const zip = zipSync(Object.fromEntries(files.map((f) => [f.fileName, [f.bytes, { level: 0 }]])));
  return {
    fileName: `bilans-activite-${period.key}.zip`,
    contentBase64: Buffer.from(zip).toString('base64'),
    recipients,
  };
}
