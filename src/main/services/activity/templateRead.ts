/**
 * Reading a returned activity template: a pure function of the file's bytes, run only inside
 * the contained import process (src/main/imports), where a crafted workbook can exhaust that
 * process alone. It checks that the file is an .xlsx at all, that it is one of our templates
 * (marker and version on the very hidden sheet), that its layout is intact (every input cell's
 * label where it was written), and every value; it returns the identity it carries, the
 * figures, and per-cell errors in French. The service then checks the identity against the
 * vault (the Promeneur exists, the period is the one expected).
 */
import ExcelJS from 'exceljs';
import { unzipSync } from 'fflate';
import { activityFigures, type ActivityFiguresInput } from '../../../shared/api/activity';
import {
  ACTIVITY_COUNTS,
  ACTIVITY_TEXTS,
  AGE_BANDS,
  MAX_ACTIVITY_TEXT,
  type AgeBand,
} from '../../../shared/domain/activity';
import { countError, hoursError, parsePeriod } from '../../../shared/rules/activity';
import { DomainError } from '../../../shared/result';
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
  MAX_MAPPED_CELLS,
  TEMPLATE_VERSION,
  VALUE_COLUMN,
  type ReadTemplate,
} from './templateLayout';

/** A template inflates to about 100 ko; far beyond is no template (or a zip bomb). */
const MAX_INFLATED_BYTES = 20 * 1024 * 1024;
const MAX_ZIP_ENTRIES = 100;
/** The most cell errors listed; the rest are counted in one last line. */
export const MAX_CELL_ERRORS = 30;

const refuse = (message: string) =>
  new DomainError('INVALID_INPUT', message, { contentBase64: message });

const NOT_OURS =
  'Ce classeur n’est pas un modèle de bilan d’activité produit par Balise (ou sa feuille d’identification a été retirée). Demandez au Promeneur de remplir le modèle qui lui a été envoyé.';
const LAYOUT_CHANGED = (address: string, label: string) =>
  `La mise en page du modèle a été modifiée : la cellule ${address} devrait contenir « ${label} ». Une ligne a sans doute été insérée, supprimée ou déplacée ; recopiez les chiffres dans un modèle neuf.`;

/** Refuses what is no .xlsx before exceljs sees it: empty, PDF, other formats, zip bombs. */
function assertWorkbookBytes(bytes: Uint8Array): void {
  if (bytes.length === 0) throw refuse('Le fichier est vide.');
  const head = String.fromCharCode(...bytes.subarray(0, 5));
  if (head === '%PDF-')
    throw refuse(
      'Ce fichier est un PDF renommé, pas un classeur Excel : renvoyez le modèle rempli au format .xlsx.',
    );
  if (head.slice(0, 4) !== 'PK\u0003\u0004')
    throw refuse(
      'Ce fichier n’est pas un classeur Excel (.xlsx). Un ancien format (.xls), un CSV ou un document texte ne peut pas être lu : enregistrez le modèle au format .xlsx.',
    );
  let inflated = 0;
  let entries = 0;
  try {
    // Only the sizes the archive announces are read here: nothing is inflated.
    unzipSync(bytes, {
      filter: (file) => {
        inflated += file.originalSize;
        entries += 1;
        return false;
      },
    });
  } catch {
    throw refuse('Ce classeur Excel est abîmé : son contenu ne peut pas être lu.');
  }
  if (entries > MAX_ZIP_ENTRIES || inflated > MAX_INFLATED_BYTES)
    throw refuse(
      'Ce classeur est anormalement volumineux une fois décompressé : ce n’est pas un modèle de bilan d’activité. Rien n’a été importé.',
    );
}

type Read =
  | { kind: 'empty' }
  | { kind: 'number'; value: number }
  | { kind: 'text'; value: string }
  | { kind: 'other'; what: string };

/** A cell's value as plain data (a formula gives its last result). */
function readCell(value: ExcelJS.CellValue): Read {
  if (value === null || value === undefined) return { kind: 'empty' };
  if (typeof value === 'number') return { kind: 'number', value };
  if (typeof value === 'string')
    return value.trim() === '' ? { kind: 'empty' } : { kind: 'text', value: value.trim() };
  if (typeof value === 'boolean') return { kind: 'other', what: 'une case vrai/faux' };
  if (value instanceof Date) return { kind: 'other', what: 'une date' };
  if (typeof value === 'object') {
    if ('richText' in value && Array.isArray(value.richText))
      return readCell(value.richText.map((r) => r.text).join(''));
    if ('formula' in value || 'sharedFormula' in value) {
      const result = (value as { result?: unknown }).result;
      if (result === undefined || result === null) return { kind: 'empty' };
      if (typeof result === 'object' && result !== null && 'error' in result)
        return { kind: 'other', what: 'une formule en erreur' };
      return readCell(result as ExcelJS.CellValue);
    }
    if ('error' in value) return { kind: 'other', what: 'une erreur de formule' };
    if ('text' in value && typeof value.text === 'string') return readCell(value.text);
  }
  return { kind: 'other', what: 'une valeur illisible' };
}

/** « 12 », « 1 250 », « 12,5 » typed as text: read as numbers. */
function numberOfText(text: string): number | null {
  const compact = text.replace(/[\s\u00a0\u202f]/g, '').replace(',', '.');
  return /^-?\d+(\.\d+)?$/.test(compact) ? Number(compact) : null;
}

const quoted = (text: string) => `« ${text.length > 40 ? `${text.slice(0, 39)}…` : text} »`;

interface MapEntry {
  key: string;
  address: string;
  label: string;
}

/** The hidden sheet's identity and cell map; refuses a file that is not one of our templates. */
function identityOf(book: ExcelJS.Workbook) {
  const hidden = book.getWorksheet(HIDDEN_SHEET);
  if (!hidden) throw refuse(NOT_OURS);
  const value = (row: number) => hidden.getCell(`B${row}`).value;
  if (hidden.getCell(`A${IDENTITY_ROWS.marker}`).value !== MARKER) throw refuse(NOT_OURS);
  const version = value(IDENTITY_ROWS.marker);
  if (version !== TEMPLATE_VERSION)
    throw refuse(
      `Ce modèle a été produit par une autre version de Balise (version ${typeof version === 'number' ? version : 'inconnue'}, attendue : ${TEMPLATE_VERSION}). Envoyez au Promeneur un modèle neuf.`,
    );
  const promeneurId = value(IDENTITY_ROWS.promeneur);
  const periodKey = value(IDENTITY_ROWS.period);
  if (
    typeof promeneurId !== 'number' ||
    !Number.isInteger(promeneurId) ||
    promeneurId <= 0 ||
    typeof periodKey !== 'string' ||
    !parsePeriod(periodKey)
  )
    throw refuse(NOT_OURS);
  const map: MapEntry[] = [];
  for (let r = MAP_FIRST_ROW; ; r++) {
    const key = hidden.getCell(`A${r}`).value;
    if (key === null || key === undefined || key === '') break;
    const address = hidden.getCell(`B${r}`).value;
    const label = hidden.getCell(`C${r}`).value;
    if (
      map.length >= MAX_MAPPED_CELLS ||
      typeof key !== 'string' ||
      typeof address !== 'string' ||
      typeof label !== 'string' ||
      !new RegExp(`^${VALUE_COLUMN}\\d{1,4}$`).test(address)
    )
      throw refuse(NOT_OURS);
    map.push({ key, address, label: label.slice(0, 120) });
  }
  if (!map.some((m) => m.key === 'youngContacted')) throw refuse(NOT_OURS);
  return { version, promeneurId, periodKey, map };
}

/** Reads a returned template; throws a French refusal for a file that cannot be one. */
export async function readActivityTemplate(bytes: Uint8Array): Promise<ReadTemplate> {
  assertWorkbookBytes(bytes);
  const book = new ExcelJS.Workbook();
  try {
    await book.xlsx.load(Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength) as never);
  } catch {
    throw refuse('Ce classeur Excel est abîmé ou illisible : rien n’a été importé.');
  }
  const { version, promeneurId, periodKey, map } = identityOf(book);
  const sheet = book.getWorksheet(MAIN_SHEET);
  if (!sheet)
    throw refuse(
      `La feuille « ${MAIN_SHEET} » du modèle a été renommée ou supprimée : recopiez les chiffres dans un modèle neuf.`,
    );
  // The layout: every input cell still sits on the row of its label.
  for (const m of map) {
    const labelAddress = m.address.replace(VALUE_COLUMN, LABEL_COLUMN);
    const shown = readCell(sheet.getCell(labelAddress).value);
    if (shown.kind !== 'text' || shown.value !== m.label.trim())
      throw refuse(LAYOUT_CHANGED(labelAddress, m.label));
  }

  const errors: string[] = [];
  const at = (m: MapEntry, message: string) =>
    errors.push(`Cellule ${m.address} (${m.label}) : ${message}`);
  const raw = (m: MapEntry) => readCell(sheet.getCell(m.address).value);
  let filled = 0;

  /** A number cell: blank is 0; text that reads as a number is accepted. */
  const numberAt = (m: MapEntry, check: (v: number) => string | null): number => {
    const v = raw(m);
    if (v.kind === 'empty') return 0;
    filled += 1;
    let n: number | null = null;
    if (v.kind === 'number') n = v.value;
    else if (v.kind === 'text') n = numberOfText(v.value);
    if (n === null) {
      at(
        m,
        v.kind === 'text'
          ? `${quoted(v.value)} n’est pas un nombre. Indiquez un nombre (0 s’il n’y a rien).`
          : `${v.kind === 'other' ? v.what : 'une valeur'} à la place d’un nombre.`,
      );
      return 0;
    }
    const problem = check(n);
    if (problem) at(m, problem);
    return n;
  };
  const textAt = (m: MapEntry): string | null => {
    const v = raw(m);
    if (v.kind === 'empty') return null;
    filled += 1;
    const text = v.kind === 'number' ? String(v.value) : v.kind === 'text' ? v.value : null;
    if (text === null) {
      at(m, `${v.kind === 'other' ? v.what : 'une valeur'} à la place d’un texte.`);
      return null;
    }
    if (text.length > MAX_ACTIVITY_TEXT)
      at(m, `${MAX_ACTIVITY_TEXT.toLocaleString('fr-FR')} caractères au plus.`);
    return text;
  };
  const entry = (key: string) => map.find((m) => m.key === key);

  const counts = Object.fromEntries(
    Object.keys(ACTIVITY_COUNTS).map((k) => {
      const m = entry(k);
      return [k, m ? numberAt(m, countError) : 0];
    }),
  );
  const hoursEntry = entry('hoursOnline');
  const hoursOnline = hoursEntry ? numberAt(hoursEntry, hoursError) : 0;

  const bands = Object.keys(AGE_BANDS) as AgeBand[];
  const knownEntry = entry(AGE_KNOWN_KEY);
  const known = knownEntry ? raw(knownEntry) : ({ kind: 'empty' } as Read);
  const ageKnown = known.kind === 'text' && known.value === AGE_KNOWN.yes;
  if (
    knownEntry &&
    known.kind !== 'empty' &&
    !(known.kind === 'text' && (known.value === AGE_KNOWN.yes || known.value === AGE_KNOWN.no))
  )
    at(knownEntry, `répondez « ${AGE_KNOWN.yes} » ou « ${AGE_KNOWN.no} » (liste déroulante).`);
  const ageValues = {} as Record<AgeBand, number>;
  for (const band of bands) {
    const m = entry(cellKey.age(band));
    if (!m) {
      ageValues[band] = 0;
      continue;
    }
    if (!ageKnown && raw(m).kind !== 'empty') {
      at(
        m,
        `la répartition par âge est indiquée comme inconnue en ${knownEntry?.address ?? 'haut'} : choisissez « ${AGE_KNOWN.yes} » ou videz la cellule.`,
      );
      continue;
    }
    ageValues[band] = numberAt(m, countError);
  }

  const listed = (prefix: 'channel' | 'theme') =>
    map
      .filter((m) => m.key.startsWith(`${prefix}:`))
      .map((m) => ({ m, id: Number(m.key.slice(prefix.length + 1)) }))
      .filter(({ id }) => Number.isInteger(id) && id > 0)
      .map(({ m, id }) => ({ m, id, count: numberAt(m, countError) }));
  const channels = listed('channel');
  const themes = listed('theme');

  const texts = Object.fromEntries(
    Object.keys(ACTIVITY_TEXTS).map((field) => {
      const m = entry(cellKey.text(field));
      return [field, m ? textAt(m) : null];
    }),
  );

  if (filled === 0)
    throw refuse(
      'Ce modèle n’a pas été rempli : aucune valeur dans les cellules jaunes. Rien n’a été importé.',
    );

  const figures: ActivityFiguresInput = {
    ...(counts as Record<keyof typeof ACTIVITY_COUNTS, number>),
    hoursOnline,
    ageBands: ageKnown ? ageValues : null,
    channels: channels.map(({ id, count }) => ({ id, count })),
    themes: themes.map(({ id, count }) => ({ id, count })),
    ...(texts as Record<keyof typeof ACTIVITY_TEXTS, string | null>),
  };
  if (errors.length === 0) {
    // The totals that must hold together, checked by the same rules as the form.
    const checked = activityFigures.safeParse(figures);
    if (!checked.success)
      for (const issue of checked.error.issues) {
        const [head, index] = issue.path;
        const m =
          head === 'channels' && typeof index === 'number'
            ? channels[index]?.m
            : head === 'themes' && typeof index === 'number'
              ? themes[index]?.m
              : head === 'ageBands'
                ? entry(cellKey.age(String(index)))
                : typeof head === 'string' && head in ACTIVITY_TEXTS
                  ? entry(cellKey.text(head))
                  : entry(String(head));
        if (m) at(m, issue.message);
        else errors.push(issue.message);
      }
  }
  const shown =
    errors.length > MAX_CELL_ERRORS
      ? [
          ...errors.slice(0, MAX_CELL_ERRORS),
          `… et ${errors.length - MAX_CELL_ERRORS} autres cellules à corriger.`,
        ]
      : errors;
  return {
    version,
    promeneurId,
    periodKey,
    figures: shown.length === 0 ? figures : null,
    errors: shown,
  };
}

/** One file of a batch: its read, or why it was refused (null: it failed unexpectedly). */
export type TemplateOutcome =
  { ok: true; read: ReadTemplate } | { ok: false; refusal: string | null };

/**
 * Reads several returned templates one after the other, in one contained process (its start
 * costs far more than a template's read); a file refused does not stop the others.
 */
export async function readActivityTemplates(files: Uint8Array[]): Promise<TemplateOutcome[]> {
  const outcomes: TemplateOutcome[] = [];
  for (const bytes of files) {
    try {
      outcomes.push({ ok: true, read: await readActivityTemplate(bytes) });
    } catch (error) {
      // Only our own French refusals are passed on: another error could quote the file.
      outcomes.push({ ok: false, refusal: error instanceof DomainError ? error.message : null });
    }
  }
  return outcomes;
}
