/**
 * The decision register (relevé des décisions) as an Excel workbook: one row per decision,
 * real dates, a title and the filters it was made with above a frozen header row with
 * filters, text cells safe from formula injection. Built in memory, never written to disk.
 */
import ExcelJS from 'exceljs';
import { COMMITTEES, DECISION_TYPES } from '../../../../shared/domain/committees';
import { formatDate } from '../../../../shared/rules/dates';
import { neutralise } from '../../rights/exportFile';
import type { DecisionRegisterRow } from './model';

export interface RegisterMeta {
  departmentName: string;
  /** The day the register was produced (YYYY-MM-DD). */
  generatedOn: string;
  /** The filters, in words (« Instance : COPIL · Année : 2027 »). */
  filters: string;
}

const COLUMNS: { header: string; width: number }[] = [
  { header: 'Référence', width: 16 },
  { header: 'Instance', width: 10 },
  { header: 'Date', width: 12 },
  { header: 'Réunion', width: 30 },
  { header: 'Type', width: 22 },
  { header: 'Objet', width: 40 },
  { header: 'Concerne', width: 30 },
  { header: 'Décision', width: 60 },
];
/** Rows above the header: title, department and date, filters, a blank line. */
const HEADER_ROW = 5;

const asDate = (iso: string) => new Date(`${iso.slice(0, 10)}T00:00:00Z`);

export async function decisionRegisterXlsx(
  rows: DecisionRegisterRow[],
  meta: RegisterMeta,
): Promise<Uint8Array> {
  const workbook = new ExcelJS.Workbook();
  workbook.creator = 'Balise';
  workbook.title = 'Relevé des décisions';
  workbook.created = asDate(meta.generatedOn);
  const sheet = workbook.addWorksheet('Décisions', {
    views: [{ state: 'frozen', ySplit: HEADER_ROW }],
    pageSetup: { paperSize: 9, orientation: 'landscape', fitToPage: true, fitToWidth: 1 },
  });
  sheet.columns = COLUMNS.map((c) => ({ width: c.width }));

  sheet.getCell('A1').value = 'Relevé des décisions des instances des Promeneurs du Net';
  sheet.getCell('A1').font = { bold: true, size: 14 };
  const department = meta.departmentName.trim();
  sheet.getCell('A2').value = neutralise(
    `${department ? `${department} — ` : ''}édité le ${formatDate(meta.generatedOn)}`,
  );
  sheet.getCell('A3').value = neutralise(meta.filters);
  sheet.getCell('A3').font = { italic: true };

  const header = sheet.getRow(HEADER_ROW);
  header.values = COLUMNS.map((c) => c.header);
  header.font = { bold: true };
  header.fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFE6ECF2' } };

  for (const r of rows) {
    const row = sheet.addRow([
      r.reference,
      COMMITTEES[r.committee],
      asDate(r.date),
      neutralise(r.meetingTitle),
      DECISION_TYPES[r.type],
      neutralise(r.title),
      r.subject ? neutralise(r.subject) : null,
      r.text ? neutralise(r.text) : null,
    ]);
    row.getCell(3).numFmt = 'dd/mm/yyyy';
    row.alignment = { vertical: 'top', wrapText: true };
  }
  if (rows.length === 0) sheet.addRow(['Aucune décision ne correspond à ces critères.']);
  else
    sheet.autoFilter = {
      from: { row: HEADER_ROW, column: 1 },
      to: { row: HEADER_ROW + rows.length, column: COLUMNS.length },
    };
  return new Uint8Array(await workbook.xlsx.writeBuffer());
}
