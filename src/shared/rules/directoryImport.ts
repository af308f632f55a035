/**
 * The directory import's pure rules: recognising a spreadsheet's column headings, turning
 * cells into field values the way the app stores them, each row into a structure and/or a
 * Promeneur with its problems, and spotting rows that repeat an earlier one.
 *
 * Validation of the whole record (required fields, lengths, URL form) stays with the API's
 * zod schemas, so an imported record is checked exactly as one typed by hand.
 */
import {
  fieldsForRole,
  IMPORT_FIELD_KEYS,
  IMPORT_FIELDS,
  type ImportEntity,
  type ImportFieldKey,
  type SheetRole,
  type ValueKind,
} from '../domain/directoryImport';
import {
  JOBS,
  LEGAL_FORMS,
  PROMENEUR_STATUSES,
  STRUCTURE_STATUSES,
  STRUCTURE_TYPES,
} from '../domain/directory';
import { emailError } from './email';
import { normalizePhone } from './phone';
import { normalizeSiret, siretError } from './siret';

/** A cell as the contained reader hands it over: text, a number, a boolean, or nothing. */
export type Cell = string | number | boolean | null;

/** Which column (by position) fills which field. */
export type ColumnMapping = Partial<Record<ImportFieldKey, number>>;

// ---- headings --------------------------------------------------------------------------------

const STOP_WORDS = new Set(['de', 'du', 'des', 'la', 'le', 'les', 'l', 'd', 'a', 'en', 'et']);

/** Folds a heading or a value: no accents, lower case, punctuation as spaces, « e mail » → email. */
export function fold(value: string): string {
  return value
    .normalize('NFD')
    .replace(/\p{Diacritic}/gu, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, ' ')
    .replace(/\be mail\b/g, 'email')
    .trim();
}

const wordsOf = (folded: string) => folded.split(' ').filter((w) => w && !STOP_WORDS.has(w));

function bigrams(s: string): string[] {
  const t = s.replace(/ /g, '');
  return Array.from({ length: Math.max(0, t.length - 1) }, (_, i) => t.slice(i, i + 2));
}

/** Dice coefficient over letter pairs: 1 for the same word, ~0.8 for a typo. */
export function similarity(a: string, b: string): number {
  const x = bigrams(a);
  const y = bigrams(b);
  if (x.length === 0 || y.length === 0) return a === b ? 1 : 0;
  const pool = new Map<string, number>();
  for (const g of y) pool.set(g, (pool.get(g) ?? 0) + 1);
  let common = 0;
  for (const g of x) {
    const n = pool.get(g) ?? 0;
    if (n > 0) {
      common++;
      pool.set(g, n - 1);
    }
  }
  return (2 * common) / (x.length + y.length);
}

/** A heading or a synonym folded, and its words: what scoring compares. */
interface Folded {
  text: string;
  words: string[];
}

function folded(value: string): Folded {
  const text = fold(value);
  return { text, words: wordsOf(text) };
}

/** Each field's synonyms, folded once (scoring a sheet's headings compares thousands of pairs). */
const FOLDED_SYNONYMS = new Map(
  IMPORT_FIELD_KEYS.map((field) => {
    const f: { synonyms: readonly string[]; loose?: readonly string[] } = IMPORT_FIELDS[field];
    return [field, { precise: f.synonyms.map(folded), loose: (f.loose ?? []).map(folded) }];
  }),
);

/** How well a heading names one synonym: 1 exact, 0.85 when its words all appear, else by spelling. */
function synonymScore(h: Folded, s: Folded): number {
  if (h.text === '' || s.text === '') return 0;
  if (h.text === s.text) return 1;
  if (s.words.length > 0 && s.words.every((w) => h.words.includes(w)))
    return 0.85 * (s.words.length / h.words.length) ** 0.1;
  return 0.8 * similarity(h.words.join(' '), s.words.join(' '));
}

function foldedScore(h: Folded, field: ImportFieldKey): number {
  const { precise, loose } = FOLDED_SYNONYMS.get(field)!;
  return Math.max(
    0,
    ...precise.map((s) => synonymScore(h, s)),
    ...loose.map((s) => synonymScore(h, s) * 0.9),
  );
}

/** A heading's score for a field (0 to 1); loose names count a little less than precise ones. */
export function headerScore(heading: string, field: ImportFieldKey): number {
  return foldedScore(folded(heading), field);
}

/** The lowest score at which a column is proposed for a field. */
export const PROPOSAL_THRESHOLD = 0.6;

/** Gives each field its best column, best pairs first, each column and field used once. */
function assign(headers: readonly string[], fields: readonly ImportFieldKey[]): ColumnMapping {
  const pairs: { column: number; field: ImportFieldKey; score: number }[] = [];
  headers.forEach((heading, column) => {
    const h = folded(heading);
    for (const field of fields) {
      const score = foldedScore(h, field);
      if (score >= PROPOSAL_THRESHOLD) pairs.push({ column, field, score });
    }
  });
  pairs.sort((a, b) => b.score - a.score || a.column - b.column);
  const mapping: ColumnMapping = {};
  const used = new Set<number>();
  for (const p of pairs) {
    if (mapping[p.field] !== undefined || used.has(p.column)) continue;
    mapping[p.field] = p.column;
    used.add(p.column);
  }
  return mapping;
}

/** Structure fields that say a sheet describes structures, beyond naming the Promeneur's one. */
const STRUCTURE_DETAIL = IMPORT_FIELD_KEYS.filter(
  (k) =>
    IMPORT_FIELDS[k].entity === 'structure' && k !== 'structure.name' && k !== 'structure.commune',
);

/** What a sheet holds, judged from its headings. */
export function proposeRole(headers: readonly string[]): SheetRole {
  const all = assign(headers, IMPORT_FIELD_KEYS);
  // A first-name column says people; « Nom » alone may well be a structure's name.
  const people = all['promeneur.firstName'] !== undefined;
  const details = STRUCTURE_DETAIL.some((k) => all[k] !== undefined);
  if (people) return details ? 'both' : 'promeneurs';
  return all['structure.name'] !== undefined || details ? 'structures' : 'ignore';
}

/** The columns proposed for a sheet of a given kind. */
export function proposeMapping(headers: readonly string[], role: SheetRole): ColumnMapping {
  return assign(headers, fieldsForRole(role));
}

/** How much a row looks like a heading row: its cells that name a field well. */
export function headingStrength(cells: readonly Cell[]): number {
  let strong = 0;
  for (const c of cells)
    if (typeof c === 'string' && c.trim() !== '' && c.length <= 80) {
      const heading = folded(c);
      if (IMPORT_FIELD_KEYS.some((k) => foldedScore(heading, k) >= 0.85)) strong++;
    }
  return strong;
}

/**
 * A sheet's signature: its headings folded and sorted, to recognise the same layout in the
 * next file (a remembered mapping names columns by heading, so their order may change).
 */
export function headerSignature(headers: readonly string[]): string {
  return [...new Set(headers.map(fold).filter(Boolean))].sort().join('|');
}

// ---- values ----------------------------------------------------------------------------------

export type Parsed<T> = { value: T } | { error: string } | null;

/** Text of a cell, lines joined with commas, spaces folded; null when blank. */
export function textOf(cell: Cell): string | null {
  if (cell === null) return null;
  if (typeof cell === 'boolean') return cell ? 'oui' : 'non';
  const text = String(cell)
    .split(/\r\n|\r|\n/)
    .map((l) => l.replace(/[\s\u00a0\u202f]+/g, ' ').trim())
    .filter(Boolean)
    .join(', ');
  return text === '' ? null : text;
}

const quoted = (text: string) => `« ${text.length > 60 ? `${text.slice(0, 59)}…` : text} »`;

const EXCEL_EPOCH = Date.UTC(1899, 11, 30);

/** An Excel date serial (days since 30/12/1899, as Excel counts them) → YYYY-MM-DD. */
export function fromExcelSerial(serial: number): string | null {
  if (!Number.isFinite(serial) || serial < 1 || serial > 80_000) return null;
  return new Date(EXCEL_EPOCH + Math.floor(serial) * 86_400_000).toISOString().slice(0, 10);
}

function isoOf(year: number, month: number, day: number): string | null {
  const d = new Date(Date.UTC(year, month - 1, day));
  if (d.getUTCFullYear() !== year || d.getUTCMonth() !== month - 1 || d.getUTCDate() !== day)
    return null;
  if (year < 1900 || year > 2100) return null;
  return d.toISOString().slice(0, 10);
}

const MONTHS = [
  'janvier',
  'fevrier',
  'mars',
  'avril',
  'mai',
  'juin',
  'juillet',
  'aout',
  'septembre',
  'octobre',
  'novembre',
  'decembre',
];

/**
 * A date as people write it: an Excel date, dd/mm/yyyy, d/m/yy, dd-mm-yyyy, dd.mm.yyyy,
 * YYYY-MM-DD, « 5 mars 2024 ». Two-digit years below 70 are 20xx.
 */
export function parseDate(cell: Cell): Parsed<string> {
  if (cell === null || cell === '') return null;
  if (typeof cell === 'number') {
    const iso = fromExcelSerial(cell);
    return iso ? { value: iso } : { error: `illisible (${quoted(String(cell))})` };
  }
  const text = textOf(cell);
  if (text === null) return null;
  const t = text.trim();
  let m = /^(\d{4})-(\d{1,2})-(\d{1,2})(?:[T ][\d:.]+Z?)?$/.exec(t);
  let iso: string | null = null;
  if (m) iso = isoOf(Number(m[1]), Number(m[2]), Number(m[3]));
  else if ((m = /^(\d{1,2})\s*[/.-]\s*(\d{1,2})\s*[/.-]\s*(\d{4}|\d{2})(?:\s+[\d:]+)?$/.exec(t))) {
    const y = Number(m[3]);
    iso = isoOf(
      m[3]!.length === 2 ? (y < 70 ? 2000 + y : 1900 + y) : y,
      Number(m[2]),
      Number(m[1]),
    );
  } else if ((m = /^(\d{1,2})(?:er)?\s+([a-zéèûô.]+)\s+(\d{4})$/i.exec(t))) {
    const month = fold(m[2]!);
    const index = MONTHS.findIndex((name) => name === month || name.startsWith(month));
    if (index >= 0 && month.length >= 3) iso = isoOf(Number(m[3]), index + 1, Number(m[1]));
  } else if (/^\d{5}$/.test(t)) iso = fromExcelSerial(Number(t));
  return iso ? { value: iso } : { error: `illisible (${quoted(t)}) : attendu jj/mm/aaaa` };
}

/**
 * A French phone number in any usual form (06 12 34 56 78, 0612345678, +33 6 12 34 56 78,
 * +33 (0)6…, 06.12.34.56.78, or a number cell that lost its leading 0) → the stored +33… form.
 */
export function parsePhone(cell: Cell): Parsed<string> {
  if (cell === null || cell === '') return null;
  let raw =
    typeof cell === 'number'
      ? String(Math.round(cell))
      : (textOf(cell) ?? '').replace(/^t[ée]l\.?\s*:?/i, '');
  raw = raw.replace(/\(0\)/g, '').replace(/[\s\u00a0\u202f.\-()/]/g, '');
  if (raw === '') return null;
  if (/^[1-9]\d{8}$/.test(raw)) raw = `0${raw}`;
  else if (/^(33|262|590|594|596)\d{9}$/.test(raw)) raw = `+${raw}`;
  const stored = normalizePhone(raw);
  return stored ? { value: stored } : { error: `invalide (${quoted(textOf(cell) ?? '')})` };
}

/** An e-mail address, lower-cased; « mailto: » and « Nom <adresse> » forms accepted. */
export function parseEmail(cell: Cell): Parsed<string> {
  const text = textOf(cell);
  if (text === null) return null;
  const inBrackets = /<([^<>]+)>/.exec(text)?.[1];
  const email = (inBrackets ?? text)
    .replace(/^mailto:/i, '')
    .trim()
    .toLowerCase();
  return emailError(email) ? { error: `invalide (${quoted(text)})` } : { value: email };
}

/** A SIRET: 14 digits with its check key; spaces and dots dropped. */
export function parseSiret(cell: Cell): Parsed<string> {
  if (cell === null || cell === '') return null;
  const text = typeof cell === 'number' ? String(Math.round(cell)) : (textOf(cell) ?? '');
  const siret = normalizeSiret(text);
  if (siret === '') return null;
  const error = siretError(siret);
  if (!error) return { value: siret };
  return {
    error: /14 chiffres/.test(error)
      ? `invalide (14 chiffres attendus, ${quoted(text)})`
      : `invalide (clé de contrôle, ${quoted(text)})`,
  };
}

/** A postal code; a number cell that lost its leading 0 (1000) gets it back. */
export function parsePostalCode(cell: Cell): Parsed<string> {
  if (cell === null || cell === '') return null;
  const text = typeof cell === 'number' ? String(Math.round(cell)) : (textOf(cell) ?? '');
  const digits = text.replace(/\s/g, '');
  if (digits === '') return null;
  const code = /^\d{4}$/.test(digits) ? `0${digits}` : digits;
  return /^\d{5}$/.test(code) ? { value: code } : { error: `invalide (${quoted(text)})` };
}

const YES = new Set(['oui', 'o', 'x', 'yes', 'y', 'vrai', 'true', '1', 'ok']);
const NO = new Set(['non', 'n', 'no', 'faux', 'false', '0']);

/** Oui / non, as spreadsheets say it: « oui », « x », « 1 », « vrai », a tick… */
export function parseBoolean(cell: Cell): Parsed<boolean> {
  if (cell === null || cell === '') return null;
  if (typeof cell === 'boolean') return { value: cell };
  const text = textOf(cell);
  if (text === null) return null;
  if (/^[✓✔☑]$/u.test(text)) return { value: true };
  if (/^[✗✘☐-]$/u.test(text)) return { value: false };
  const f = fold(text);
  if (YES.has(f)) return { value: true };
  if (NO.has(f)) return { value: false };
  return { error: `illisible (${quoted(text)}) : attendu oui ou non` };
}

/** Words that name a value of a list, beyond its own label; first match wins. */
type Lexicon<K extends string> = readonly (readonly [K, readonly string[]])[];

const TYPE_WORDS: Lexicon<keyof typeof STRUCTURE_TYPES> = [
  [
    'centre_social',
    ['centre social', 'cs', 'centre socio culturel', 'espace de vie sociale', 'evs'],
  ],
  ['fjt', ['fjt', 'foyer jeunes travailleurs', 'foyer travailleurs', 'residence habitat jeunes']],
  ['maison_ados', ['maison ados', 'maison adolescents', 'mda']],
  ['accueil_jeunes', ['accueil jeunes', 'espace jeunes', 'point jeunes']],
  ['mjc', ['mjc', 'maison jeunes culture', 'maison des jeunes']],
  ['epn', ['epn', 'espace public numerique', 'tiers lieu numerique']],
  ['mission_locale', ['mission locale', 'ml']],
  ['pij', ['pij', 'bij', 'point information jeunesse', 'bureau information jeunesse']],
  ['prevention_specialisee', ['prevention specialisee', 'club prevention', 'prevention']],
  ['service_jeunesse', ['service jeunesse', 'service enfance jeunesse', 'sej']],
  ['association_jep', ['education populaire', 'association jeunesse', 'association', 'asso']],
  ['autre', ['autre']],
];
const LEGAL_WORDS: Lexicon<keyof typeof LEGAL_FORMS> = [
  ['association', ['association', 'asso', 'loi 1901']],
  [
    'collectivite',
    [
      'collectivite',
      'commune',
      'mairie',
      'ville',
      'epci',
      'communaute',
      'departement',
      'ccas',
      'cias',
      'etablissement public',
      'syndicat',
      'sivu',
      'sivom',
    ],
  ],
];
const STRUCTURE_STATUS_WORDS: Lexicon<keyof typeof STRUCTURE_STATUSES> = [
  ['interessee', ['interessee', 'candidate', 'candidat', 'interesse']],
  ['retenue', ['retenue', 'retenue copil', 'selectionnee', 'retenu']],
  ['sortie', ['sortie', 'sortie reseau', 'sorti', 'ancienne']],
  ['dans_le_reseau', ['dans reseau', 'reseau', 'conventionnee', 'membre', 'active', 'actif']],
];
/** Job words by stem, so that feminine and plural forms match too. */
const JOB_STEMS: Lexicon<keyof typeof JOBS> = [
  ['mediateur_numerique', ['numeri']],
  ['informateur_jeunesse', ['informateu', 'informatri', 'information']],
  ['conseiller_insertion', ['insertion', 'cip', 'conseill']],
  ['psychologue', ['psy']],
  ['infirmier', ['infirm']],
  ['educateur', ['educ']],
  ['animateur', ['anim', 'bpjeps']],
  ['autre', ['autre']],
];
const PROMENEUR_STATUS_WORDS: Lexicon<keyof typeof PROMENEUR_STATUSES> = [
  ['en_preparation', ['en preparation', 'preparation', 'en cours', 'en formation', 'a former']],
  ['actif', ['actif', 'active', 'en activite', 'oui']],
  ['suspendu', ['suspendu', 'suspendue', 'en pause', 'en suspens']],
  ['exclu', ['exclu', 'exclue', 'exclusion']],
  ['sorti', ['sorti', 'sortie', 'parti', 'partie', 'ancien', 'ancienne', 'inactif', 'non']],
];

/** Each list's keys and labels folded once, to its key (the first key wins a shared spelling). */
const foldedLists = new WeakMap<object, Map<string, string>>();
function foldedList<K extends string>(labels: Record<K, string>): Map<string, K> {
  let list = foldedLists.get(labels);
  if (!list) {
    list = new Map();
    for (const key of Object.keys(labels) as K[])
      for (const spelling of [fold(key), fold(labels[key])])
        if (!list.has(spelling)) list.set(spelling, key);
    foldedLists.set(labels, list);
  }
  return list as Map<string, K>;
}

/** A value of a list: its key, its label, or one of its usual words (all folded). */
function lookUp<K extends string>(
  cell: Cell,
  labels: Record<K, string>,
  lexicon: Lexicon<K>,
  byStem = false,
): Parsed<K> {
  const text = textOf(cell);
  if (text === null) return null;
  const f = fold(text);
  const known = foldedList(labels).get(f);
  if (known !== undefined) return { value: known };
  const words = wordsOf(f);
  for (const [key, names] of lexicon)
    for (const name of names) {
      if (byStem) {
        if (words.some((w) => w.startsWith(name))) return { value: key };
      } else if (f === name || wordsOf(name).every((w) => words.includes(w))) return { value: key };
    }
  return { error: `inconnu (${quoted(text)})` };
}

/** What a cell gives for a field: a value, a French problem, or nothing (left blank). */
export function parseValue(kind: ValueKind, cell: Cell): Parsed<string | boolean> {
  switch (kind) {
    case 'text': {
      const t = textOf(cell);
      return t === null ? null : { value: t };
    }
    case 'url': {
      const t = textOf(cell);
      return t === null ? null : { value: t };
    }
    case 'date':
      return parseDate(cell);
    case 'phone':
      return parsePhone(cell);
    case 'email':
      return parseEmail(cell);
    case 'siret':
      return parseSiret(cell);
    case 'postalCode':
      return parsePostalCode(cell);
    case 'boolean':
      return parseBoolean(cell);
    case 'structureType':
      return lookUp(cell, STRUCTURE_TYPES, TYPE_WORDS);
    case 'legalForm':
      return lookUp(cell, LEGAL_FORMS, LEGAL_WORDS);
    case 'structureStatus':
      return lookUp(cell, STRUCTURE_STATUSES, STRUCTURE_STATUS_WORDS);
    case 'job':
      return lookUp(cell, JOBS, JOB_STEMS, true);
    case 'promeneurStatus':
      return lookUp(cell, PROMENEUR_STATUSES, PROMENEUR_STATUS_WORDS);
  }
}

/** Lists with an « Autre » value take it for a word they do not know, with a warning. */
const FALLS_BACK_TO_OTHER: ReadonlySet<ValueKind> = new Set(['structureType', 'job']);

// ---- rows ------------------------------------------------------------------------------------

export type Values = Record<string, string | boolean>;

/** One row of a sheet read for the import: what it gives each record, and what is wrong. */
export interface RowCandidate {
  line: number;
  /** The structure the row describes or names; null when it names none. */
  structure: Values | null;
  /** The Promeneur the row describes; null when it describes none. */
  promeneur: Values | null;
  /** Problems that keep the row's structure out, each starting with the field's label. */
  structureErrors: string[];
  /** Problems that keep the row's Promeneur out. */
  promeneurErrors: string[];
  /** Things worth saying that do not stop the row. */
  warnings: string[];
}

/** Reads one row with a sheet's mapping; only the fields of the sheet's kind are read. */
export function candidateOf(
  cells: readonly Cell[],
  line: number,
  role: SheetRole,
  mapping: ColumnMapping,
): RowCandidate {
  const values: Record<ImportEntity, Values> = { structure: {}, promeneur: {} };
  const errors: Record<ImportEntity, string[]> = { structure: [], promeneur: [] };
  const warnings: string[] = [];
  for (const field of fieldsForRole(role)) {
    const column = mapping[field];
    if (column === undefined) continue;
    const f = IMPORT_FIELDS[field];
    const parsed = parseValue(f.kind, cells[column] ?? null);
    if (parsed === null) continue;
    if ('value' in parsed) values[f.entity][f.key] = parsed.value;
    else if (FALLS_BACK_TO_OTHER.has(f.kind)) {
      values[f.entity][f.key] = 'autre';
      warnings.push(`${f.label} ${parsed.error} : « Autre » retenu`);
    } else errors[f.entity].push(`${f.label} ${parsed.error}`);
  }
  const structureNamed = typeof values.structure.name === 'string';
  const describesPerson =
    role !== 'structures' &&
    (Object.keys(values.promeneur).length > 0 || errors.promeneur.length > 0);
  if (describesPerson) {
    if (!values.promeneur.firstName) errors.promeneur.push('Prénom manquant');
    if (!values.promeneur.lastName) errors.promeneur.push('Nom manquant');
    if (!structureNamed) errors.promeneur.push('Structure non indiquée');
  }
  const describesStructure =
    Object.keys(values.structure).length > 0 || errors.structure.length > 0;
  if (role !== 'promeneurs' && describesStructure && !structureNamed)
    errors.structure.push('Nom de la structure manquant');
  return {
    line,
    structure: structureNamed ? values.structure : null,
    promeneur: describesPerson ? values.promeneur : null,
    structureErrors: errors.structure,
    promeneurErrors: errors.promeneur,
    warnings,
  };
}

/** True when a row has nothing in it. */
export function isBlankRow(cells: readonly Cell[]): boolean {
  return cells.every((c) => c === null || (typeof c === 'string' && c.trim() === ''));
}

// ---- identity and duplicates -----------------------------------------------------------------

/** A name folded for comparison: « Centre Social — Les Tilleuls » = « centre social les tilleuls ». */
export const nameKey = (name: string) => fold(name);

/** The keys that identify a structure: its SIRET, and its name with its commune. */
export function structureKeys(s: { name: string; commune?: string | null; siret?: string | null }) {
  const keys = [`nom:${nameKey(s.name)}|${s.commune ? nameKey(s.commune) : ''}`];
  if (s.siret) keys.unshift(`siret:${s.siret}`);
  return keys;
}

/** The keys that identify a Promeneur: their e-mail, and their names within their structure. */
export function promeneurKeys(p: {
  firstName: string;
  lastName: string;
  email?: string | null;
  structure: string;
}) {
  const keys = [`nom:${nameKey(p.firstName)}|${nameKey(p.lastName)}|${p.structure}`];
  if (p.email) keys.unshift(`email:${p.email.toLowerCase()}`);
  return keys;
}

/**
 * Remembers where each key was first seen: `seen(keys, at)` returns the earlier place (a line)
 * that shares one of the keys, the row being a duplicate of it; or null, noting the keys.
 */
export function duplicateFinder<T>(): (keys: readonly string[], at: T) => T | null {
  const first = new Map<string, T>();
  return (keys, at) => {
    for (const k of keys) {
      const earlier = first.get(k);
      if (earlier !== undefined) return earlier;
    }
    for (const k of keys) first.set(k, at);
    return null;
  };
}

/** Field values of one record spread over rows, merged: the first value given wins. */
export function mergeValues(
  into: Values,
  from: Values,
  labelOf: (key: string) => string,
): string[] {
  const conflicts: string[] = [];
  for (const [key, value] of Object.entries(from)) {
    if (!(key in into)) into[key] = value;
    else if (into[key] !== value) conflicts.push(labelOf(key));
  }
  return conflicts;
}
