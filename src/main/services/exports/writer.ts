/**
 * The one writer of the exported workbooks (runs in the contained process, see ./generate):
 * a WorkbookSpec → .xlsx bytes, with the same rules on every sheet: a bold header row, frozen,
 * with filters; real dates and numbers in French formats; fitted column widths; a totals row
 * of formulas; highlighted overdue cells; text safe from formula injection; the document's
 * title, creator (« Balise ») and date.
 *
 * Rows are streamed (exceljs's WorkbookWriter: each row is written out and compressed as soon
 * as it is added). exceljs's streaming writer cannot place images, so the charts (the Bilan annuel's
 * Synthèse) are drawn as PNG and placed into the written package afterwards (./xlsxImages).
 */
import ExcelJS from 'exceljs';
import { PassThrough } from 'node:stream';
import { writeCsv } from './csv';
import { fittedWidth, NUMBER_FORMATS, neutralise, shownLength } from './cells';
import { barChartPng, CHART_HEIGHT, CHART_WIDTH } from './charts';
import { placePictures, type Picture } from './xlsxImages';
import {
  columnLetter,
  formatOf,
  isFormula,
  isOverdue,
  valueOf,
  type Sheet,
  type Value,
  type WorkbookSpec,
} from './model';

const HEADER_FILL: ExcelJS.Fill = {
  type: 'pattern',
  pattern: 'solid',
  fgColor: { argb: 'FFE6ECF2' },
};
const OVERDUE_FILL: ExcelJS.Fill = {
  type: 'pattern',
  pattern: 'solid',
  fgColor: { argb: 'FFF8D7DA' },
};
const OVERDUE_FONT: Partial<ExcelJS.Font> = { color: { argb: 'FF842029' }, bold: true };

/** A cell's value as exceljs takes it: text neutralised, `{r}` of formulas replaced. */
function cellValue(value: Value, row: number): ExcelJS.CellValue {
  if (value === null) return null;
  if (typeof value === 'string') return neutralise(value);
  if (isFormula(value))
    return {
      formula: value.formula.replaceAll('{r}', String(row)),
      result: value.result ?? undefined,
    } as ExcelJS.CellFormulaValue;
  return value;
}

/** The number a cell adds to its column's total. */
function numberOf(value: Value): number {
  if (typeof value === 'number') return value;
  if (isFormula(value) && typeof value.result === 'number') return value.result;
  return 0;
}

/** Sheet names: 31 characters, none of : \ / ? * [ ], each once. */
function sheetName(name: string, used: Set<string>): string {
  const base = name.replace(/[:\\/?*[\]]/g, ' ').slice(0, 31);
  let candidate = base;
  for (let n = 2; used.has(candidate); n++) candidate = `${base.slice(0, 28)} ${n}`;
  used.add(candidate);
  return candidate;
}

function widthsOf(sheet: Sheet): number[] {
  return sheet.columns.map((c, i) => {
    let longest = i === 0 && sheet.totalsLabel ? sheet.totalsLabel.length : 0;
    for (const row of sheet.rows) {
      const cell = row[i] ?? null;
      const v = valueOf(cell);
      const shown = isFormula(v) ? v.result : v;
      longest = Math.max(longest, shownLength(shown, formatOf(cell, c)));
    }
    return fittedWidth(c.header, longest);
  });
}

type AnySheet = ExcelJS.Worksheet & { commit?: () => void };

/** Writes one sheet's rows into a worksheet of either kind of workbook. */
async function fillSheet(ws: AnySheet, sheet: Sheet): Promise<void> {
  const columns = sheet.columns;
  const widths = widthsOf(sheet);
  ws.columns = columns.map((c, i) => ({
    width: widths[i],
    style: NUMBER_FORMATS[c.format] ? { numFmt: NUMBER_FORMATS[c.format] } : {},
  }));
  const header = ws.getRow(1);
  header.values = columns.map((c) => c.header);
  header.font = { bold: true };
  header.alignment = { vertical: 'middle', wrapText: true };
  columns.forEach((_, i) => (header.getCell(i + 1).fill = HEADER_FILL));
  const last = 1 + sheet.rows.length;
  if (sheet.rows.length > 0)
    ws.autoFilter = { from: { row: 1, column: 1 }, to: { row: last, column: columns.length } };
  header.commit();

  if (sheet.rows.length === 0) {
    const row = ws.getRow(2);
    row.getCell(1).value = neutralise(sheet.emptyText);
    row.getCell(1).font = { italic: true };
    row.commit();
  }
  const totals = columns.map(() => 0);
  for (const [index, cells] of sheet.rows.entries()) {
    // Room for the zip to compress what is written so far: without it, a sheet's whole XML
    // (tens of MB on the national Bilan annuel) waits in memory until the sheet ends.
    if (index % 100 === 99) await new Promise((resolve) => setImmediate(resolve));
    const number = index + 2;
    const row = ws.getRow(number);
    columns.forEach((c, i) => {
      const cell = cells[i] ?? null;
      const value = valueOf(cell);
      const target = row.getCell(i + 1);
      target.value = cellValue(value, number);
      // The column's style already carries its format: only a cell of its own format sets one.
      const format = NUMBER_FORMATS[formatOf(cell, c)];
      if (format && format !== NUMBER_FORMATS[c.format]) target.numFmt = format;
      if (typeof value === 'string' && value.length > 60) target.alignment = { wrapText: true };
      if (isOverdue(cell)) {
        target.fill = OVERDUE_FILL;
        target.font = OVERDUE_FONT;
      }
      totals[i]! += numberOf(value);
    });
    row.commit();
  }
  if (sheet.totalsLabel && sheet.rows.length > 0) {
    const row = ws.getRow(last + 1);
    row.getCell(1).value = sheet.totalsLabel;
    columns.forEach((c, i) => {
      if (!c.total) return;
      const letter = columnLetter(i + 1);
      const target = row.getCell(i + 1);
      const result = Math.round(totals[i]! * 100) / 100;
      target.value = { formula: `SUBTOTAL(109,${letter}2:${letter}${last})`, result };
      if (NUMBER_FORMATS[c.format]) target.numFmt = NUMBER_FORMATS[c.format]!;
    });
    row.font = { bold: true };
    row.border = { top: { style: 'thin' } };
    row.commit();
  }
}

/** The sheet's charts as pictures to the right of the table, one under the other. */
async function chartPictures(sheet: Sheet): Promise<Picture[]> {
  const pictures: Picture[] = [];
  let row = 1;
  for (const chart of sheet.charts ?? []) {
    pictures.push({
      png: await barChartPng(chart),
      title: chart.title,
      col: sheet.columns.length + 1,
      row,
      width: CHART_WIDTH,
      height: CHART_HEIGHT,
    });
    row += Math.ceil(CHART_HEIGHT / 20) + 1;
  }
  return pictures;
}

function describe(workbook: ExcelJS.Workbook, spec: WorkbookSpec): void {
  workbook.creator = 'Balise';
  workbook.lastModifiedBy = 'Balise';
  workbook.title = spec.title;
  workbook.created = spec.created;
  workbook.modified = spec.created;
}

/** The workbook's bytes. */
export async function writeWorkbook(spec: WorkbookSpec): Promise<Uint8Array> {
  const used = new Set<string>();
  const view = { views: [{ state: 'frozen' as const, ySplit: 1, xSplit: 0 }] };
  const chunks: Buffer[] = [];
  const stream = new PassThrough();
  stream.on('data', (chunk: Buffer) => chunks.push(chunk));
  const workbook = new ExcelJS.stream.xlsx.WorkbookWriter({
    stream,
    useStyles: true,
    useSharedStrings: true,
    // Said, not left to the default: the national Bilan annuel is 3.6 MB at level 6, 4.9 MB
    // with exceljs's default, for the same time.
    zip: { zlib: { level: 6 } },
  });
  describe(workbook as unknown as ExcelJS.Workbook, spec);
  const pictures = new Map<number, Picture[]>();
  for (const [index, sheet] of spec.sheets.entries()) {
    const ws = workbook.addWorksheet(sheetName(sheet.name, used), view) as unknown as AnySheet;
    await fillSheet(ws, sheet);
    ws.commit!();
    if ((sheet.charts ?? []).length > 0) pictures.set(index + 1, await chartPictures(sheet));
  }
  await workbook.commit();
  const bytes = new Uint8Array(Buffer.concat(chunks));
  return pictures.size === 0 ? bytes : await placePictures(bytes, pictures);
}

/** The contained process's task: an .xlsx of every sheet, or a .csv of the first one. */
export async function writeExport(input: {
  spec: WorkbookSpec;
  format: 'xlsx' | 'csv';
}): Promise<Uint8Array> {
  if (input.format === 'csv') return writeCsv(input.spec.sheets[0]!);
  return writeWorkbook(input.spec);
}
