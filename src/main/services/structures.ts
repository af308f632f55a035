/** Host structures (structures porteuses): the directory's records of the network's members. */
import type { Selectable } from 'kysely';
import type { ParsedInput } from '../../shared/api/contract';
import {
  structureFields,
  type Structure,
  type StructureFields,
  type StructureSummary,
} from '../../shared/api/structures';
import { STRUCTURE_STATUSES } from '../../shared/domain/directory';
import { diffRecords } from '../../shared/rules/diff';
import { searchKeyOf, sortKey } from '../../shared/rules/text';
import { DomainError } from '../../shared/result';
import { inTransaction, type Db } from '../db/connection';
import type { StructuresTable } from '../db/schema';
import type { HandlersOf, RoutesOf } from '../ipc/router';
import { recordAudit, recordAudits } from './audit';
import { refreshConventionSearchKeys } from './conventions/convention';
import {
  compareByRank,
  compareText,
  containsWord,
  eachInTurn,
  forgetStatusHistory,
  recordStatus,
  recordStatuses,
  searchWords,
  sortRows,
  statusHistoryOf,
  type EachRecord,
} from './directory';
import { refreshSearchKeysOfStructure } from './promeneurs';

type Row = Selectable<StructuresTable>;
/** What the record keeps of the fields: all but `statusSince`, which goes to the status history. */
export type StructureRecorded = Omit<StructureFields, 'statusSince'>;
type Recorded = StructureRecorded;

const RECORDED = (Object.keys(structureFields.shape) as (keyof StructureFields)[]).filter(
  (key): key is keyof Recorded => key !== 'statusSince',
);

const notFound = () =>
  new DomainError('NOT_FOUND', 'Cette structure n’existe pas ou a été supprimée.');

/** A structure's row as the fields it records (also what the directory import compares). */
export function recordedOf(row: Row): Recorded {
  return {
    name: row.name,
    type: row.type as Recorded['type'],
    legalForm: row.legalForm as Recorded['legalForm'],
    siret: row.siret,
    address: row.address,
    postalCode: row.postalCode,
    commune: row.commune,
    territory: row.territory,
    qpv: row.qpv === 1,
    phone: row.phone,
    email: row.email,
    website: row.website,
    representativeName: row.representativeName,
    representativeTitle: row.representativeTitle,
    networkStatus: row.networkStatus as Recorded['networkStatus'],
    selectionYear: row.selectionYear,
    charterSignedOn: row.charterSignedOn,
    charterSignatory: row.charterSignatory,
    notes: row.notes,
  };
}

function recordedFrom(fields: StructureFields): Recorded {
  return Object.fromEntries(RECORDED.map((key) => [key, fields[key]])) as Recorded;
}

/** The columns written for a record: its fields, the QPV flag as 0/1, its search and sort keys. */
function columnsOf(recorded: Recorded) {
  const { name, commune, territory, email, siret, representativeName } = recorded;
  return {
    ...recorded,
    qpv: recorded.qpv ? 1 : 0,
    searchKey: searchKeyOf([name, commune, territory, email, siret, representativeName]),
    sortKey: sortKey(name),
  };
}

async function findRow(db: Db, id: number): Promise<Row> {
  const row = await db.selectFrom('structures').selectAll().where('id', '=', id).executeTakeFirst();
  if (!row) throw notFound();
  return row;
}

const compareStatus = compareByRank(STRUCTURE_STATUSES);

type ListedRow = StructureSummary & { updatedAt: string };

const comparisons: Record<
  ParsedInput<'structures.list'>['sort'],
  (a: ListedRow, b: ListedRow) => number
> = {
  name: (a, b) => compareText(a.name, b.name),
  commune: (a, b) => compareText(a.commune, b.commune) || compareText(a.name, b.name),
  networkStatus: (a, b) => compareStatus(a.networkStatus, b.networkStatus),
  updatedAt: (a, b) => a.updatedAt.localeCompare(b.updatedAt),
};

export async function listStructures(
  db: Db,
  query: ParsedInput<'structures.list'>,
): Promise<StructureSummary[]> {
  let select = db
    .selectFrom('structures')
    .select((eb) => [
      'id',
      'name',
      'type',
      'commune',
      'territory',
      'networkStatus',
      'charterSignedOn',
      'archivedAt',
      'updatedAt',
      eb
        .selectFrom('promeneurs')
        .select((p) => p.fn.countAll<number>().as('n'))
        .whereRef('promeneurs.structureId', '=', 'structures.id')
        .where('promeneurs.archivedAt', 'is', null)
        .as('promeneurCount'),
    ])
    .where('archivedAt', query.archived ? 'is not' : 'is', null);
  if (query.statuses.length > 0) select = select.where('networkStatus', 'in', query.statuses);
  if (query.types.length > 0) select = select.where('type', 'in', query.types);
  if (query.territory !== null) select = select.where('territory', '=', query.territory);
  for (const word of searchWords(query.search))
    select = select.where(containsWord('structures.searchKey', word));

  const rows: ListedRow[] = (await select.execute()).map((r) => ({
    ...r,
    type: r.type as StructureSummary['type'],
    networkStatus: r.networkStatus as StructureSummary['networkStatus'],
    promeneurCount: r.promeneurCount ?? 0,
  }));
  return sortRows(rows, comparisons[query.sort], query.direction).map(
    ({ updatedAt: _updatedAt, ...summary }) => summary,
  );
}

export async function getStructure(db: Db, id: number): Promise<Structure> {
  const row = await findRow(db, id);
  const promeneurs = await db
    .selectFrom('promeneurs')
    .select(['id', 'firstName', 'lastName', 'status', 'archivedAt'])
    .where('structureId', '=', id)
    .execute();
  return {
    id,
    ...recordedOf(row),
    archivedAt: row.archivedAt,
    createdAt: row.createdAt,
    updatedAt: row.updatedAt,
    statusHistory: await statusHistoryOf(db, 'structure', id),
    promeneurs: sortRows(
      promeneurs,
      (a, b) => compareText(a.lastName, b.lastName) || compareText(a.firstName, b.firstName),
      'asc',
    ),
  };
}

/**
 * Creates structures, each recorded as one saved on its form (its row, status history entry,
 * audit entry), the status history and audit entries written together once every record is
 * in. `each` runs each record's own writes (the directory import names the failing row with it).
 */
export function createStructures(
  db: Db,
  list: readonly StructureFields[],
  each: EachRecord = eachInTurn,
): Promise<{ id: number }[]> {
  return inTransaction(db, async (trx) => {
    const created: { id: number; recorded: Recorded; statusSince: string | null }[] = [];
    for (const [index, fields] of list.entries())
      created.push(
        await each(index, async () => {
          const recorded = recordedFrom(fields);
          const now = new Date().toISOString();
          const { id } = await trx
            .insertInto('structures')
            .values({ ...columnsOf(recorded), createdAt: now, updatedAt: now })
            .returning('id')
            .executeTakeFirstOrThrow();
          return { id, recorded, statusSince: fields.statusSince };
        }),
      );
    await recordStatuses(
      trx,
      created.map((c) => ({
        entity: 'structure',
        entityId: c.id,
        status: c.recorded.networkStatus,
        since: c.statusSince,
      })),
    );
    await recordAudits(
      trx,
      created.map((c) => ({
        entity: 'structure',
        entityId: c.id,
        action: 'create',
        changes: diffRecords(null, c.recorded, RECORDED),
      })),
    );
    return created.map(({ id }) => ({ id }));
  });
}

export async function createStructure(db: Db, fields: StructureFields): Promise<{ id: number }> {
  const [created] = await createStructures(db, [fields]);
  return created!;
}

/** Saves the fields; writes nothing, not even an audit entry, when nothing changed. */
export function updateStructure(
  db: Db,
  id: number,
  fields: StructureFields,
): Promise<{ id: number }> {
  return inTransaction(db, async (trx) => {
    const before = recordedOf(await findRow(trx, id));
    const after = recordedFrom(fields);
    const changes = diffRecords(before, after, RECORDED);
    if (changes.length === 0) return { id };
    await trx
      .updateTable('structures')
      .set({ ...columnsOf(after), updatedAt: new Date().toISOString() })
      .where('id', '=', id)
      .execute();
    if (after.networkStatus !== before.networkStatus)
      await recordStatus(trx, 'structure', id, after.networkStatus, fields.statusSince);
    if (after.name !== before.name) {
      await refreshSearchKeysOfStructure(trx, id);
      await refreshConventionSearchKeys(trx, id);
    }
    await recordAudit(trx, { entity: 'structure', entityId: id, action: 'update', changes });
    return { id };
  });
}

/** Archives (or restores) a structure; doing it twice changes nothing the second time. */
function setArchived(db: Db, id: number, archived: boolean): Promise<{ id: number }> {
  return inTransaction(db, async (trx) => {
    const before = (await findRow(trx, id)).archivedAt;
    if ((before !== null) === archived) return { id };
    const now = new Date().toISOString();
    const after = archived ? now : null;
    await trx
      .updateTable('structures')
      .set({ archivedAt: after, updatedAt: now })
      .where('id', '=', id)
      .execute();
    await recordAudit(trx, {
      entity: 'structure',
      entityId: id,
      action: archived ? 'archive' : 'restore',
      changes: [{ field: 'archivedAt', before, after }],
    });
    return { id };
  });
}

export const archiveStructure = (db: Db, id: number) => setArchived(db, id, true);
export const restoreStructure = (db: Db, id: number) => setArchived(db, id, false);

/**
 * Erases a structure for good; refused while it still employs Promeneurs (archived or not)
 * or has conventions.
 */
export function removeStructure(db: Db, id: number): Promise<{ id: number }> {
  return inTransaction(db, async (trx) => {
    await findRow(trx, id);
    const { n } = await trx
      .selectFrom('promeneurs')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .where('structureId', '=', id)
      .executeTakeFirstOrThrow();
    if (n > 0)
      throw new DomainError(
        'CONFLICT',
        n === 1
          ? 'Cette structure emploie encore un Promeneur du Net (archivé ou non). Rattachez-le à une autre structure ou supprimez-le d’abord.'
          : `Cette structure emploie encore ${n} Promeneurs du Net (archivés ou non). Rattachez-les à une autre structure ou supprimez-les d’abord.`,
      );
    const conventions = await trx
      .selectFrom('conventions')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .where('structureId', '=', id)
      .executeTakeFirstOrThrow();
    if (conventions.n > 0)
      throw new DomainError(
        'CONFLICT',
        conventions.n === 1
          ? 'Cette structure a une convention enregistrée. Supprimez-la d’abord, ou archivez la structure pour la garder avec son historique.'
          : `Cette structure a ${conventions.n} conventions enregistrées. Supprimez-les d’abord, ou archivez la structure pour la garder avec son historique.`,
      );
    await forgetStatusHistory(trx, 'structure', id);
    await trx.deleteFrom('structures').where('id', '=', id).execute();
    await recordAudit(trx, { entity: 'structure', entityId: id, action: 'delete', changes: [] });
    return { id };
  });
}

/** The territories (EPCI) already used, in French order, for the filters and the form. */
export async function listTerritories(db: Db): Promise<string[]> {
  const rows = await db
    .selectFrom('structures')
    .select('territory')
    .distinct()
    .where('territory', 'is not', null)
    .execute();
  return rows
    .map((r) => r.territory)
    .filter((t): t is string => !!t)
    .sort(compareText);
}

export const structuresHandlers: HandlersOf<RoutesOf<'structures'>> = {
  'structures.list': (input, { session }) => listStructures(session.db, input),
  'structures.get': (input, { session }) => getStructure(session.db, input.id),
  'structures.create': (input, { session }) => createStructure(session.db, input.fields),
  'structures.update': (input, { session }) => updateStructure(session.db, input.id, input.fields),
  'structures.archive': (input, { session }) => archiveStructure(session.db, input.id),
  'structures.restore': (input, { session }) => restoreStructure(session.db, input.id),
  'structures.remove': (input, { session }) => removeStructure(session.db, input.id),
  'structures.territories': (_input, { session }) => listTerritories(session.db),
};
