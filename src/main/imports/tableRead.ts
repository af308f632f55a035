/**
 * Reads a coordinator's spreadsheet (.xlsx, or .csv in any usual encoding and separator) into
 * plain rows of cells. Runs inside the contained import process (tasks.ts `table`): exceljs
 * can be exhausted by a crafted workbook, so it never runs in the app's own process.
 *
 * Pure: bytes in, sheets out. The format is told by the bytes, not the name: a renamed PDF
 * or an old .xls is refused with a French message. The heading row is the one that names
 * the most known fields among the first rows (titles and blank lines above it are dropped);
 * rows keep the number a spreadsheet shows them under, for the preview's « Ligne 14 ».
 * exceljs is loaded only for a workbook: a CSV file does not wait for it.
 */
import type ExcelJS from 'exceljs';
import Papa from 'papaparse';
import {
  MAX_DIRECTORY_COLUMNS,
  MAX_DIRECTORY_ROWS,
  MAX_DIRECTORY_SHEETS,
} from '../../shared/domain/directoryImport';
import { headingStrength, isBlankRow, type Cell } from '../../shared/rules/directoryImport';
import { DomainError } from '../../shared/result';

export interface TableRow {
  /** The row's number in the spreadsheet (1 for the first line of the file). */
  line: number;
  cells: Cell[];
}

export interface TableSheet {
  name: string;
  headerLine: number;
  headers: string[];
  rows: TableRow[];
  /** Blank rows under the headings, left out. */
  blankRows: number;
}

export interface ReadTable {
  format: 'xlsx' | 'csv';
  /** For a CSV file: how its text was decoded and which separator it uses. */
  encoding: 'UTF-8' | 'UTF-16' | 'Windows-1252' | null;
  separator: ';' | ',' | 'tabulation' | '|' | null;
  sheets: TableSheet[];
}

/** Rows searched for the headings, below any title. */
const HEADING_SEARCH_ROWS = 30;

const refuse = (message: string) =>
  new DomainError('INVALID_INPUT', message, { contentBase64: message });

const startsWith = (bytes: Uint8Array, ...prefix: number[]) =>
  prefix.every((b, i) => bytes[i] === b);

export async function readTable(input: {
  bytes: Uint8Array;
  fileName: string;
}): Promise<ReadTable> {
  const { bytes, fileName } = input;
  const name = `« ${fileName.slice(0, 80)} »`;
  if (bytes.length === 0) throw refuse(`${name} est vide.`);
  if (startsWith(bytes, 0x25, 0x50, 0x44, 0x46))
    throw refuse(
      `${name} est un document PDF, pas un tableau. Enregistrez l’annuaire au format Excel (.xlsx) ou CSV.`,
    );
  if (startsWith(bytes, 0xd0, 0xcf, 0x11, 0xe0))
    throw refuse(
      `${name} est un classeur Excel ancien (.xls) ou protégé par un mot de passe. Ouvrez-le dans votre tableur et enregistrez-le au format .xlsx (sans mot de passe) ou .csv.`,
    );
  if (startsWith(bytes, 0x50, 0x4b, 0x03, 0x04)) return readWorkbook(bytes, name);
  if (/\.(xlsx|xlsm|xls|ods)$/i.test(fileName))
    throw refuse(`${name} n’est pas un classeur Excel lisible. Vérifiez le fichier choisi.`);
  return readCsv(bytes, name);
}

// ---- the sheet, once in rows -----------------------------------------------------------------

const filled = (cells: readonly Cell[]) =>
  cells.filter((c) => c !== null && !(typeof c === 'string' && c.trim() === '')).length;

/** Finds the heading row and keeps the rows under it; null when there is no table. */
function sheetOf(name: string, rows: TableRow[]): TableSheet | null {
  const candidates = rows.filter((r) => !isBlankRow(r.cells)).slice(0, HEADING_SEARCH_ROWS);
  if (candidates.length === 0) return null;
  // The row naming the most fields; failing that, the first of the widest rows.
  let best = candidates[0]!;
  let bestScore = -1;
  const widest = Math.max(...candidates.map((r) => filled(r.cells)));
  for (const row of candidates) {
    const strength = headingStrength(row.cells);
    const score = strength > 0 ? 1000 + strength : filled(row.cells) === widest ? 1 : 0;
    if (score > bestScore) {
      best = row;
      bestScore = score;
    }
  }
  if (filled(best.cells) < 2) return null;
  const below = rows.filter((r) => r.line > best.line);
  const data = below.filter((r) => !isBlankRow(r.cells));
  if (data.length === 0) return null;
  const width = Math.max(
    ...[best, ...data].map((r) => {
      let last = r.cells.length - 1;
      while (last >= 0 && (r.cells[last] === null || r.cells[last] === '')) last--;
      return last + 1;
    }),
  );
  const pad = (cells: Cell[]) =>
    Array.from({ length: width }, (_, i) => (cells[i] === undefined ? null : cells[i]!));
  return {
    name,
    headerLine: best.line,
    headers: pad(best.cells).map((c) => (c === null ? '' : String(c).replace(/\s+/g, ' ').trim())),
    rows: data.map((r) => ({ line: r.line, cells: pad(r.cells) })),
    // Blank rows between the headings and the last data row (a workbook skips them: count gaps).
    blankRows: data[data.length - 1]!.line - best.line - data.length,
  };
}

const tooManyRows = (name: string) =>
  refuse(
    `${name} compte plus de ${MAX_DIRECTORY_ROWS.toLocaleString('fr-FR')} lignes : découpez-le en plusieurs fichiers.`,
  );
const tooManyColumns = (name: string) =>
  refuse(`${name} compte plus de ${MAX_DIRECTORY_COLUMNS} colonnes : ce n’est pas un annuaire.`);

function noTable(name: string): DomainError {
  return refuse(
    `${name} ne contient aucun tableau reconnaissable : il faut une ligne de titres de colonnes (Nom, Prénom, Structure…) suivie de lignes de données.`,
  );
}

// ---- xlsx --------------------------------------------------------------------------------------

/** A date cell as its calendar day (exceljs gives midnight UTC, give or take a rounding). */
const dayOf = (d: Date) =>
  new Date(Math.round(d.getTime() / 86_400_000) * 86_400_000).toISOString().slice(0, 10);

function cellOf(value: ExcelJS.CellValue): Cell {
  if (value === null || value === undefined) return null;
  if (value instanceof Date) return Number.isNaN(value.getTime()) ? null : dayOf(value);
  if (typeof value === 'string') return value.trim() === '' ? null : value.trim();
  if (typeof value === 'number' || typeof value === 'boolean') return value;
  if ('richText' in value) return cellOf(value.richText.map((r) => r.text).join(''));
  if ('hyperlink' in value) return cellOf(value.text);
  if ('result' in value) return cellOf(value.result as ExcelJS.CellValue);
  return null; // a formula without a cached result, an error (#N/A): nothing to read
}

class Stop extends Error {}

async function readWorkbook(bytes: Uint8Array, name: string): Promise<ReadTable> {
  const { default: Excel } = await import('exceljs');
  const book = new Excel.Workbook();
  try {
    await book.xlsx.load(bytes as unknown as ArrayBuffer);
  } catch {
    throw refuse(
      `${name} n’a pas pu être lu comme un classeur Excel (.xlsx) : il est abîmé ou d’un autre format. Enregistrez-le de nouveau au format .xlsx ou .csv.`,
    );
  }
  const sheets: TableSheet[] = [];
  for (const sheet of book.worksheets.slice(0, MAX_DIRECTORY_SHEETS)) {
    if (sheet.state === 'veryHidden') continue;
    const rows: TableRow[] = [];
    let problem: DomainError | null = null;
    try {
      sheet.eachRow({ includeEmpty: false }, (row, line) => {
        if (rows.length >= MAX_DIRECTORY_ROWS + HEADING_SEARCH_ROWS) {
          problem = tooManyRows(name);
          throw new Stop();
        }
        const values = row.values as ExcelJS.CellValue[];
        const cells = values.slice(1).map(cellOf);
        while (cells.length > 0 && cells[cells.length - 1] === null) cells.pop();
        if (cells.length > MAX_DIRECTORY_COLUMNS) {
          problem = tooManyColumns(name);
          throw new Stop();
        }
        rows.push({ line, cells: Array.from(cells, (c) => c ?? null) });
      });
    } catch (error) {
      if (!(error instanceof Stop)) throw error;
    }
    if (problem) throw problem;
    const table = sheetOf(sheet.name, rows);
    if (table) sheets.push(table);
  }
  if (sheets.length === 0) throw noTable(name);
  return { format: 'xlsx', encoding: null, separator: null, sheets };
}

// ---- csv ---------------------------------------------------------------------------------------

/** UTF-8 when the bytes are valid UTF-8 (with or without BOM), else Windows-1252; UTF-16 by BOM. */
function decode(bytes: Uint8Array): { text: string; encoding: ReadTable['encoding'] } {
  if (startsWith(bytes, 0xff, 0xfe))
    return { text: new TextDecoder('utf-16le').decode(bytes.subarray(2)), encoding: 'UTF-16' };
  if (startsWith(bytes, 0xfe, 0xff))
    return { text: new TextDecoder('utf-16be').decode(bytes.subarray(2)), encoding: 'UTF-16' };
  const body = startsWith(bytes, 0xef, 0xbb, 0xbf) ? bytes.subarray(3) : bytes;
  try {
    return { text: new TextDecoder('utf-8', { fatal: true }).decode(body), encoding: 'UTF-8' };
  } catch {
    return { text: new TextDecoder('windows-1252').decode(body), encoding: 'Windows-1252' };
  }
}

const SEPARATORS = [
  [';', ';'],
  [',', ','],
  ['\t', 'tabulation'],
  ['|', '|'],
] as const;

/**
 * The separator that splits the first lines most regularly: the one whose most common
 * number of fields (above one) is shared by the most lines. Ties go to « ; », France's.
 */
function separatorOf(text: string): (typeof SEPARATORS)[number] {
  const sample = text.slice(0, 64 * 1024);
  let best: (typeof SEPARATORS)[number] = SEPARATORS[0];
  let bestScore = -1;
  for (const candidate of SEPARATORS) {
    const { data } = Papa.parse<string[]>(sample, {
      delimiter: candidate[0],
      preview: 60,
      skipEmptyLines: 'greedy',
    });
    const counts = new Map<number, number>();
    for (const row of data)
      if (row.length > 1) counts.set(row.length, (counts.get(row.length) ?? 0) + 1);
    let score = 0;
    for (const [fields, lines] of counts) score = Math.max(score, lines * 1000 + fields);
    if (score > bestScore) {
      best = candidate;
      bestScore = score;
    }
  }
  return best;
}

function readCsv(bytes: Uint8Array, name: string): ReadTable {
  const { text, encoding } = decode(bytes);
  // A text file has no NUL and few control characters; anything else is binary renamed .csv.
  // eslint-disable-next-line no-control-regex -- control characters are exactly what is counted
  const controls = text.slice(0, 64 * 1024).match(/[\u0000-\u0008\u000e-\u001f]/g)?.length ?? 0;
  if (text.includes('\u0000') || controls > 10 || text.trim() === '')
    throw refuse(
      text.trim() === ''
        ? `${name} est vide.`
        : `${name} n’est ni un classeur Excel (.xlsx) ni un fichier CSV : son contenu est illisible.`,
    );
  const [delimiter, separator] = separatorOf(text);
  const { data } = Papa.parse<string[]>(text, {
    delimiter,
    preview: MAX_DIRECTORY_ROWS + HEADING_SEARCH_ROWS + 1,
    skipEmptyLines: false,
  });
  if (data.length > MAX_DIRECTORY_ROWS + HEADING_SEARCH_ROWS) throw tooManyRows(name);
  const rows: TableRow[] = [];
  for (const [index, fields] of data.entries()) {
    if (fields.length > MAX_DIRECTORY_COLUMNS) throw tooManyColumns(name);
    rows.push({
      line: index + 1,
      cells: fields.map((f) => (f.trim() === '' ? null : f.trim())),
    });
  }
  const sheet = sheetOf(name.replace(/^« | »$/g, ''), rows);
  if (!sheet) throw noTable(name);
  return { format: 'csv', encoding, separator, sheets: [sheet] };
}
