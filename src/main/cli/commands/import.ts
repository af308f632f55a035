/**
 * `import directory`: structures and Promeneurs from a coordinator's spreadsheet (.xlsx or
 * .csv), with the mapping the app would propose (or the one remembered for these headings).
 * Prints the plan row by row; without --dry-run, runs it in one transaction.
 */
import { readFileSync, statSync } from 'node:fs';
import { basename, resolve } from 'node:path';
import {
  importDefaults,
  type ImportedTable,
  type ImportPlan,
  type ImportPlanInput,
  type PlanCounts,
  type PlanItem,
  type SheetMapping,
} from '../../../shared/api/directoryImport';
import {
  IMPORT_FIELDS,
  MAX_DIRECTORY_FILE_BYTES,
  SHEET_ROLES,
} from '../../../shared/domain/directoryImport';
import { DomainError } from '../../../shared/result';
import {
  buildPlan,
  describeTable,
  readTableBytes,
  runImport,
} from '../../services/directoryImport';
import type { CliContext, Command } from '../command';
import { openVault } from '../open';

const MEGABYTES = MAX_DIRECTORY_FILE_BYTES / 1024 / 1024;

/** The file's bytes; its size checked before it is read. */
function readFile(operand: string): { path: string; bytes: Buffer } {
  const path = resolve(operand);
  let size: number;
  try {
    const stat = statSync(path);
    if (!stat.isFile()) throw new Error('not a file');
    size = stat.size;
  } catch {
    throw new DomainError('NOT_FOUND', `Le fichier ${path} n’existe pas.`);
  }
  if (size > MAX_DIRECTORY_FILE_BYTES)
    throw new DomainError(
      'INVALID_INPUT',
      `${path} est trop volumineux (${MEGABYTES} Mo au plus) : découpez-le en plusieurs fichiers.`,
    );
  return { path, bytes: readFileSync(path) };
}

/** The proposed mapping of every sheet; with --sheet, that sheet only (the others ignored). */
function chosenSheets(table: ImportedTable, only: string | undefined): SheetMapping[] {
  if (only !== undefined && !table.sheets.some((s) => s.name === only))
    throw new DomainError(
      'INVALID_INPUT',
      `Aucune feuille « ${only.slice(0, 60)} » dans ce fichier. Ses feuilles : ${table.sheets.map((s) => `« ${s.name} »`).join(', ')}.`,
    );
  return table.sheets.map((s) => ({
    sheet: s.name,
    role: only === undefined || s.name === only ? s.role : 'ignore',
    columns: s.columns,
  }));
}

function describeFormat(table: ImportedTable): string {
  if (table.format === 'xlsx') return 'classeur Excel (.xlsx)';
  return [
    'fichier CSV',
    table.encoding && `encodage ${table.encoding}`,
    table.separator && `séparateur « ${table.separator} »`,
  ]
    .filter(Boolean)
    .join(', ');
}

const count = (n: number, one: string, many: string) => `${n} ${n > 1 ? many : one}`;

function printMapping(ctx: CliContext, table: ImportedTable, sheets: SheetMapping[]): void {
  ctx.out(`Fichier « ${table.fileName} » : ${describeFormat(table)}.`);
  for (const [i, sheet] of table.sheets.entries()) {
    const chosen = sheets[i]!;
    ctx.out('');
    ctx.out(
      `Feuille « ${sheet.name} » : ${count(sheet.rowCount, 'ligne', 'lignes')}, titres en ligne ${sheet.headerLine}.`,
    );
    ctx.out(`  Contenu : ${SHEET_ROLES[chosen.role]}.`);
    if (chosen.role === 'ignore') continue;
    ctx.out(
      sheet.remembered
        ? '  Colonnes (correspondance mémorisée lors d’un import précédent) :'
        : '  Colonnes (correspondance proposée d’après leurs titres) :',
    );
    for (const c of chosen.columns)
      ctx.out(`    ${sheet.headers[c.column] || '(sans titre)'} → ${IMPORT_FIELDS[c.field].label}`);
    const used = new Set(chosen.columns.map((c) => c.column));
    const unused = sheet.headers.filter((h, index) => !used.has(index) && h.trim() !== '');
    if (unused.length > 0) ctx.out(`  Non importées : ${unused.join(', ')}.`);
  }
}

const ENTITY = { structure: 'Structure', promeneur: 'Promeneur' } as const;

function printCounts(ctx: CliContext, title: string, c: PlanCounts, feminine: boolean): void {
  if (c.create + c.update + c.skip === 0) return;
  const skipped = feminine ? ['ignorée', 'ignorées'] : ['ignoré', 'ignorés'];
  ctx.out(
    `${title} : ${c.create} à créer, ${c.update} à mettre à jour, ${count(c.skip, skipped[0]!, skipped[1]!)}.`,
  );
}

function printPlan(ctx: CliContext, plan: ImportPlan, withSheet: boolean): void {
  const where = (i: PlanItem) =>
    withSheet ? `feuille « ${i.sheet} », ligne ${i.line}` : `ligne ${i.line}`;
  const head = (i: PlanItem) => `  ${where(i)}, ${ENTITY[i.entity]} ${i.label}`;
  ctx.out('');
  if (plan.items.length === 0)
    ctx.out('Aucune ligne ne décrit une structure ou un Promeneur avec ces colonnes.');
  printCounts(ctx, 'Structures', plan.structures, true);
  printCounts(ctx, 'Promeneurs du Net', plan.promeneurs, false);
  const section = (title: string, items: PlanItem[], detail: (i: PlanItem) => string) => {
    if (items.length === 0) return;
    ctx.out('');
    ctx.out(title);
    for (const i of items) ctx.out(`${head(i)}${detail(i)}`);
  };
  const of = (action: PlanItem['action']) => plan.items.filter((i) => i.action === action);
  section('À créer :', of('create'), () => '');
  section('À mettre à jour :', of('update'), (i) =>
    i.changes.length > 0
      ? ` : ${i.changes.map((c) => `${c.field} ${c.before} → ${c.after}`).join(' ; ')}`
      : '',
  );
  section('Lignes ignorées :', of('skip'), (i) => ` : ${i.reasons.join(' ; ')}`);
  section(
    'À vérifier :',
    plan.items.filter((i) => i.warnings.length > 0),
    (i) => ` : ${i.warnings.join(' ; ')}`,
  );
}

export const importCommand: Command = {
  name: 'import',
  usage: 'import directory FICHIER --vault DOSSIER [--dry-run] [--sheet FEUILLE]',
  summary: 'Importe un annuaire (structures et Promeneurs du Net) depuis un tableau Excel ou CSV.',
  details: [
    'directory FICHIER : lit le tableau (.xlsx, ou .csv en UTF-8 ou Windows-1252, séparé par « ; », « , » ou des tabulations), fait correspondre ses colonnes aux champs des fiches comme l’application (ou reprend la correspondance choisie pour un fichier aux mêmes titres), puis affiche ce que ferait chaque ligne : structures et Promeneurs à créer, à mettre à jour (avant → après), lignes ignorées avec la raison.',
    'Sans --dry-run, l’import est ensuite fait en une seule fois : tout, ou rien en cas d’erreur. Une case vide du fichier n’efface jamais une information déjà dans Balise.',
    '--dry-run : affiche seulement ce qui serait fait ; rien n’est enregistré.',
    '--sheet FEUILLE : n’importe que cette feuille du classeur (les autres sont ignorées).',
    `Le fichier ne doit pas dépasser ${MEGABYTES} Mo. Pour choisir les colonnes vous-même, importez-le une fois depuis l’application (Structures › Importer un fichier) : la correspondance choisie est ensuite reprise ici.`,
    'La phrase de passe est lue dans BALISE_PASSPHRASE ou sur l’entrée standard.',
  ],
  actions: ['directory'],
  operand: 'le chemin du fichier à importer (.xlsx ou .csv)',
  options: {
    'dry-run': { type: 'boolean' },
    sheet: { type: 'string' },
  },
  async run({ vault: dir, values, operand }, ctx) {
    const { path, bytes } = readFile(operand ?? '');
    const fileName = basename(path);
    const dryRun = values['dry-run'] === true;
    const vault = await openVault(dir, ctx);
    try {
      const table = await readTableBytes(new Uint8Array(bytes), fileName);
      const described = await describeTable(vault.db, fileName, table);
      const sheets = chosenSheets(
        described,
        typeof values.sheet === 'string' ? values.sheet : undefined,
      );
      printMapping(ctx, described, sheets);
      // The file is read already: the plan needs the mapping and the defaults, not its bytes.
      const input: ImportPlanInput = {
        fileName,
        contentBase64: '',
        sheets,
        defaults: importDefaults.parse({}),
      };
      const plan = await buildPlan(vault.db, table, input);
      printPlan(ctx, plan, sheets.filter((s) => s.role !== 'ignore').length > 1);
      ctx.out('');
      if (dryRun) {
        ctx.out(
          'Essai (--dry-run) : rien n’a été enregistré. Relancez sans --dry-run pour importer.',
        );
        return 0;
      }
      const writes = plan.items.filter((i) => i.action !== 'skip').length;
      if (writes === 0) {
        ctx.out('Rien à importer : chaque ligne est ignorée ou déjà à jour. Rien n’a été modifié.');
        return 0;
      }
      const done = await runImport(vault.db, table, input);
      ctx.out(
        `Import terminé : ${count(done.structures.create, 'structure créée', 'structures créées')}, ${count(done.structures.update, 'mise à jour', 'mises à jour')} ; ` +
          `${count(done.promeneurs.create, 'Promeneur créé', 'Promeneurs créés')}, ${done.promeneurs.update} mis à jour ; ` +
          `${count(done.skipped, 'ligne ignorée', 'lignes ignorées')}.`,
      );
      return 0;
    } finally {
      await vault.lock();
    }
  },
};
