/**
 * The import plan: what each row of the file would do to the directory (create, update, or
 * nothing) and why, from the rows, the chosen mapping and the records already there.
 *
 * Every record is checked with the very schema of the forms (structureFields,
 * promeneurFields), so an imported record is valid exactly as one typed by hand. An update
 * starts from the record as it is and overlays only what the file gives: an empty cell
 * never blanks a field.
 */
import type { z } from 'zod';
import type {
  ImportPlan,
  ImportPlanInput,
  PlanItem,
  SheetMapping,
} from '../../../shared/api/directoryImport';
import { promeneurFields, type PromeneurFields } from '../../../shared/api/promeneurs';
import { structureFields, type StructureFields } from '../../../shared/api/structures';
import type { ImportEntity } from '../../../shared/domain/directoryImport';
import {
  candidateOf,
  duplicateFinder,
  mergeValues,
  promeneurKeys,
  type RowCandidate,
  type Values,
} from '../../../shared/rules/directoryImport';
import { DomainError } from '../../../shared/result';
import type { Db } from '../../db/connection';
import type { ReadTable, TableSheet } from '../../imports/tableRead';
import { labelOf, shownValue } from './display';
import {
  loadExisting,
  personKey,
  StructureIndex,
  type Existing,
  type ExistingStructure,
} from './existing';
import { mappingOf } from './mapping';

/** Where a row's Promeneur works: a structure already recorded, or one the import creates. */
export type StructureTarget = { existingId: number } | { newIndex: number };

export interface StructureOp {
  item: PlanItem;
  /** Null for a creation. */
  existingId: number | null;
  fields: StructureFields;
}

export interface PromeneurOp {
  item: PlanItem;
  existingId: number | null;
  structure: StructureTarget;
  /** What the file gives, validated: laid over the record as it is when the import runs. */
  given: Values;
  /** The whole record for a creation (its structureId set when the import runs). */
  fields: PromeneurFields | null;
}

export interface Plan extends ImportPlan {
  structureOps: StructureOp[];
  promeneurOps: PromeneurOp[];
}

/** A place in the file, for « doublon de la ligne 9 (feuille Structures) ». */
interface Place {
  sheet: string;
  line: number;
}

/** A structure as the file describes it, possibly over several rows. */
interface FileStructure extends Place {
  values: Values;
  warnings: string[];
  /** Set once resolved: what a row naming it links its Promeneur to, or why it cannot. */
  target: StructureTarget | { failed: Place } | null;
}

const name = (v: Values) => (typeof v.name === 'string' ? v.name : '');
const text = (v: unknown) => (typeof v === 'string' ? v : null);

function structureLabel(v: Values): string {
  const commune = text(v.commune);
  return `${name(v) || 'Structure sans nom'}${commune ? ` (${commune})` : ''}`;
}

function personLabel(p: Values | null, structure: Values | null): string {
  const who = [text(p?.firstName), text(p?.lastName)].filter(Boolean).join(' ') || 'Sans nom';
  return structure?.name ? `${who} — ${text(structure.name)}` : who;
}

/** Zod's problems with a record, each with the field's label once. */
function reasonsOf(entity: ImportEntity, error: z.ZodError): string[] {
  return error.issues.map((issue) => {
    const key = String(issue.path[0] ?? '');
    return /^[^:]{1,40} : /.test(issue.message)
      ? issue.message.replace(/\.$/, '')
      : `${labelOf(entity, key)} : ${issue.message.replace(/\.$/, '')}`;
  });
}

function sameValue(a: unknown, b: unknown): boolean {
  return JSON.stringify(a ?? null) === JSON.stringify(b ?? null);
}

const where = (earlier: Place, here: Place) =>
  earlier.sheet === here.sheet
    ? `ligne ${earlier.line}`
    : `ligne ${earlier.line} de la feuille « ${earlier.sheet} »`;

interface SheetRows {
  mapping: SheetMapping;
  table: TableSheet;
  candidates: RowCandidate[];
}

/** The chosen sheets with their rows read; a sheet or column not in the file is refused. */
function readSheets(table: ReadTable, input: ImportPlanInput): SheetRows[] {
  const result: SheetRows[] = [];
  for (const mapping of input.sheets) {
    const sheet = table.sheets.find((s) => s.name === mapping.sheet);
    if (!sheet)
      throw new DomainError(
        'INVALID_INPUT',
        `Saisie à corriger : la feuille « ${mapping.sheet.slice(0, 60)} » n’est pas dans ce fichier.`,
        { sheets: 'Feuille inconnue.' },
      );
    if (mapping.columns.some((c) => c.column >= sheet.headers.length))
      throw new DomainError(
        'INVALID_INPUT',
        `Saisie à corriger : une colonne choisie n’existe pas dans la feuille « ${sheet.name.slice(0, 60)} ».`,
        { sheets: 'Colonne inconnue.' },
      );
    if (mapping.role === 'ignore') continue;
    const columns = mappingOf(mapping);
    result.push({
      mapping,
      table: sheet,
      candidates: sheet.rows.map((r) => candidateOf(r.cells, r.line, mapping.role, columns)),
    });
  }
  return result;
}

function emptyItem(place: Place, entity: ImportEntity, label: string): PlanItem {
  return {
    sheet: place.sheet,
    line: place.line,
    entity,
    action: 'skip',
    label,
    reasons: [],
    warnings: [],
    changes: [],
  };
}

/** Builds the plan of an import; reads the vault, writes nothing. */
export async function buildPlan(db: Db, table: ReadTable, input: ImportPlanInput): Promise<Plan> {
  const existing = await loadExisting(db);
  const sheets = readSheets(table, input);
  const items: PlanItem[] = [];
  const skip = (place: Place, entity: ImportEntity, label: string, reasons: string[]) =>
    items.push({ ...emptyItem(place, entity, label), reasons });

  // ---- the structures the file describes (a sheet of structures, or one per Promeneur row)
  const fileStructures: FileStructure[] = [];
  const fileIndex = new StructureIndex<FileStructure>();
  /** For a combined sheet: which file structure each row names. */
  const rowStructure = new Map<string, FileStructure | { failed: Place }>();
  const rowKey = (sheet: string, line: number) => `${sheet}\u0000${line}`;

  for (const { mapping, table: sheet, candidates } of sheets) {
    if (mapping.role !== 'structures' && mapping.role !== 'both') continue;
    for (const c of candidates) {
      const place = { sheet: sheet.name, line: c.line };
      if (c.structureErrors.length > 0) {
        skip(place, 'structure', structureLabel(c.structure ?? {}), c.structureErrors);
        rowStructure.set(rowKey(sheet.name, c.line), { failed: place });
        continue;
      }
      if (!c.structure) continue;
      const values = c.structure;
      const same = fileIndex.find({
        name: name(values),
        commune: text(values.commune),
        siret: text(values.siret),
      });
      if (same && mapping.role === 'structures') {
        skip(place, 'structure', structureLabel(values), [`Doublon de la ${where(same, place)}`]);
        continue;
      }
      if (same) {
        // The same structure named again on another Promeneur's row: one record, first values kept.
        const conflicts = mergeValues(same.values, values, (k) => labelOf('structure', k));
        if (conflicts.length > 0)
          same.warnings.push(
            `Ligne ${c.line} : ${conflicts.join(', ')} différent(s) ; la valeur de la ${where(same, place)} est gardée`,
          );
        fileIndex.add(
          {
            name: name(same.values),
            commune: text(same.values.commune),
            siret: text(same.values.siret),
          },
          same,
        );
        rowStructure.set(rowKey(sheet.name, c.line), same);
        continue;
      }
      const fs: FileStructure = {
        ...place,
        values: { ...values },
        warnings: [...c.warnings],
        target: null,
      };
      fileStructures.push(fs);
      fileIndex.add(
        { name: name(values), commune: text(values.commune), siret: text(values.siret) },
        fs,
      );
      rowStructure.set(rowKey(sheet.name, c.line), fs);
    }
  }

  const structureOps = planStructures(existing, fileStructures, input, items);

  // ---- the Promeneurs
  const promeneurOps: PromeneurOp[] = [];
  const seenPerson = duplicateFinder<Place>();
  const claimed = new Map<number, Place>();
  const newStructureNames = structureOps.map((op) => op.fields.name);
  for (const { mapping, table: sheet, candidates } of sheets) {
    if (mapping.role !== 'promeneurs' && mapping.role !== 'both') continue;
    for (const c of candidates) {
      const place = { sheet: sheet.name, line: c.line };
      let label = personLabel(c.promeneur, c.structure);
      if (!c.promeneur) {
        if (mapping.role === 'promeneurs' && c.structure)
          skip(place, 'promeneur', label, [
            'Aucun Promeneur sur cette ligne (prénom et nom vides)',
          ]);
        continue;
      }
      if (c.promeneurErrors.length > 0) {
        skip(place, 'promeneur', label, c.promeneurErrors);
        continue;
      }
      // Its structure: the row's own (combined sheet), else one of the file, else one recorded.
      let target: StructureTarget | { failed: Place } | null;
      let structureName = name(c.structure!);
      if (mapping.role === 'both') {
        const own = rowStructure.get(rowKey(sheet.name, c.line));
        target = own ? ('failed' in own ? own : own.target) : null;
      } else {
        const wanted = { name: structureName, commune: text(c.structure!.commune) };
        const inFile = fileIndex.find(wanted);
        const recorded = existing.structureIndex.find(wanted);
        target = inFile ? inFile.target : recorded ? { existingId: recorded.id } : null;
        if (!inFile && recorded) {
          structureName = recorded.recorded.name;
          label = personLabel(c.promeneur, { name: structureName });
        }
      }
      if (target === null) {
        skip(place, 'promeneur', label, [
          `Structure « ${structureName} » inconnue : elle n’est ni dans Balise ni dans le fichier`,
        ]);
        continue;
      }
      if ('failed' in target) {
        skip(place, 'promeneur', label, [
          `Sa structure n’est pas importée (voir la ${where(target.failed, place)})`,
        ]);
        continue;
      }
      const structureRef = 'existingId' in target ? `e${target.existingId}` : `n${target.newIndex}`;
      const given = c.promeneur;
      const earlier = seenPerson(
        promeneurKeys({
          firstName: String(given.firstName),
          lastName: String(given.lastName),
          email: text(given.email),
          structure: structureRef,
        }),
        place,
      );
      if (earlier) {
        skip(place, 'promeneur', label, [`Doublon de la ${where(earlier, place)}`]);
        continue;
      }
      const op = planPromeneur(existing, place, label, given, target, input, claimed, {
        structureName: (t) =>
          'existingId' in t
            ? (existing.structures.get(t.existingId)?.recorded.name ?? '')
            : (newStructureNames[t.newIndex] ?? ''),
      });
      items.push(op.item);
      if (op.item.action !== 'skip') promeneurOps.push(op);
    }
  }

  const order = new Map(input.sheets.map((s, i) => [s.sheet, i]));
  items.sort(
    (a, b) =>
      order.get(a.sheet)! - order.get(b.sheet)! ||
      a.line - b.line ||
      (a.entity === b.entity ? 0 : a.entity === 'structure' ? -1 : 1),
  );
  const count = (entity: ImportEntity) => {
    const of = items.filter((i) => i.entity === entity);
    return {
      create: of.filter((i) => i.action === 'create').length,
      update: of.filter((i) => i.action === 'update').length,
      skip: of.filter((i) => i.action === 'skip').length,
    };
  };
  return {
    items,
    structures: count('structure'),
    promeneurs: count('promeneur'),
    structureOps,
    promeneurOps,
  };
}

/** Matches each file structure with the recorded ones; decides create, update or nothing. */
function planStructures(
  existing: Existing,
  fileStructures: FileStructure[],
  input: ImportPlanInput,
  items: PlanItem[],
): StructureOp[] {
  const ops: StructureOp[] = [];
  const claimed = new Map<ExistingStructure, Place>();
  for (const fs of fileStructures) {
    const item = emptyItem(fs, 'structure', structureLabel(fs.values));
    item.warnings = fs.warnings;
    items.push(item);
    const match = existing.structureIndex.find({
      name: name(fs.values),
      commune: text(fs.values.commune),
      siret: text(fs.values.siret),
    });
    if (match && claimed.has(match)) {
      item.reasons = [
        `Même structure que la ${where(claimed.get(match)!, fs)} (« ${match.recorded.name} »)`,
      ];
      fs.target = { existingId: match.id };
      continue;
    }
    const base = match
      ? match.recorded
      : {
          type: input.defaults.structureType,
          legalForm: input.defaults.legalForm,
          networkStatus: input.defaults.networkStatus,
        };
    const parsed = structureFields.safeParse({ ...base, ...fs.values, statusSince: null });
    if (!parsed.success) {
      item.reasons = reasonsOf('structure', parsed.error);
      fs.target = { failed: fs };
      continue;
    }
    if (!match) {
      item.action = 'create';
      fs.target = { newIndex: ops.length };
      ops.push({ item, existingId: null, fields: parsed.data });
      continue;
    }
    claimed.set(match, fs);
    fs.target = { existingId: match.id };
    for (const key of Object.keys(fs.values) as (keyof StructureFields)[]) {
      const before = match.recorded[key as keyof typeof match.recorded];
      const after = parsed.data[key];
      if (!sameValue(before, after))
        item.changes.push({
          field: labelOf('structure', key),
          before: shownValue('structure', key, before),
          after: shownValue('structure', key, after),
        });
    }
    if (item.changes.length === 0) item.reasons = ['Déjà à jour'];
    else {
      item.action = 'update';
      ops.push({ item, existingId: match.id, fields: parsed.data });
    }
  }
  return ops;
}

/** Matches one Promeneur row with the recorded ones; decides create, update or nothing. */
function planPromeneur(
  existing: Existing,
  place: Place,
  label: string,
  given: Values,
  structure: StructureTarget,
  input: ImportPlanInput,
  claimed: Map<number, Place>,
  names: { structureName: (t: StructureTarget) => string },
): PromeneurOp {
  const item = emptyItem(place, 'promeneur', label);
  const op: PromeneurOp = { item, existingId: null, structure, given, fields: null };
  const email = text(given.email);
  const structureId = 'existingId' in structure ? structure.existingId : null;
  const match =
    (email ? existing.promeneurByEmail.get(email) : undefined) ??
    (structureId !== null
      ? existing.promeneurByName.get(
          personKey(String(given.firstName), String(given.lastName), structureId),
        )
      : undefined);
  if (match && claimed.has(match.id)) {
    item.reasons = [`Même Promeneur que la ${where(claimed.get(match.id)!, place)}`];
    return op;
  }
  // A structure created by this import has no id yet: 1 stands in for the check only.
  const linkedId = structureId ?? 1;
  const base = match
    ? {
        ...match,
        profiles: [],
        dutySlots: [],
        compliance: {},
        publication: {},
      }
    : { job: input.defaults.job, status: input.defaults.promeneurStatus };
  const parsed = promeneurFields.safeParse({
    ...base,
    ...given,
    structureId: linkedId,
    statusSince: null,
  });
  if (!parsed.success) {
    item.reasons = reasonsOf('promeneur', parsed.error);
    return op;
  }
  if (!match) {
    item.action = 'create';
    op.fields = parsed.data;
    return op;
  }
  claimed.set(match.id, place);
  op.existingId = match.id;
  for (const key of Object.keys(given) as (keyof PromeneurFields)[]) {
    const before = match[key as keyof typeof match];
    const after = parsed.data[key];
    if (!sameValue(before, after))
      item.changes.push({
        field: labelOf('promeneur', key),
        before: shownValue('promeneur', key, before),
        after: shownValue('promeneur', key, after),
      });
  }
  if (structureId !== match.structureId)
    item.changes.push({
      field: labelOf('promeneur', 'structureId'),
      before: existing.structures.get(match.structureId)?.recorded.name ?? '—',
      after: names.structureName(structure),
    });
  // Only the fields the file gives are laid over the record when the import runs.
  op.given = Object.fromEntries(
    Object.keys(given).map((k) => [k, parsed.data[k as keyof PromeneurFields] as string | boolean]),
  );
  if (item.changes.length === 0) item.reasons = ['Déjà à jour'];
  else item.action = 'update';
  return op;
}
