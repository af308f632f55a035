/** Promeneurs du Net: the youth workers of the network, their profiles and online duty slots. */
import type { RawBuilder, Selectable } from 'kysely';
import type { ParsedInput } from '../../shared/api/contract';
import {
  compliance,
  promeneurFields,
  publication,
  type Promeneur,
  type PromeneurFields,
  type PromeneurPage,
  type PromeneurSummary,
} from '../../shared/api/promeneurs';
import { PROMENEUR_STATUSES } from '../../shared/domain/directory';
import { diffRecords } from '../../shared/rules/diff';
import { searchKeyOf, sortKeyOf } from '../../shared/rules/text';
import { DomainError } from '../../shared/result';
import { inTransaction, type Db } from '../db/connection';
import type { PromeneursTable } from '../db/schema';
import type { HandlersOf, RoutesOf } from '../ipc/router';
import { recordAudit, recordAudits, type AuditRecord } from './audit';
import {
  containsWord,
  eachInTurn,
  forgetStatusHistory,
  rankOf,
  recordStatuses,
  searchWords,
  statusHistoryOf,
  type EachRecord,
  type StatusEntry,
} from './directory';

type Row = Selectable<PromeneursTable>;
/** What the record keeps of the fields: all but `statusSince`, which goes to the status history. */
type Recorded = Omit<PromeneurFields, 'statusSince'>;
type Profile = Recorded['profiles'][number];
type DutySlot = Recorded['dutySlots'][number];

const RECORDED = (Object.keys(promeneurFields.shape) as (keyof PromeneurFields)[]).filter(
  (key): key is keyof Recorded => key !== 'statusSince',
);

const notFound = () =>
  new DomainError('NOT_FOUND', 'Ce Promeneur du Net n’existe pas ou a été supprimé.');

/**
 * The record in one canonical shape (same keys in the same order whatever its source), so
 * that comparing two versions field by field only sees real changes.
 */
function canonical(r: Recorded): Recorded {
  return {
    firstName: r.firstName,
    lastName: r.lastName,
    job: r.job,
    structureId: r.structureId,
    email: r.email,
    phone: r.phone,
    startDate: r.startDate,
    charterSignedOn: r.charterSignedOn,
    status: r.status,
    profiles: r.profiles.map((p) => ({ platform: p.platform, name: p.name, url: p.url })),
    dutySlots: r.dutySlots.map((s) => ({ weekday: s.weekday, start: s.start, end: s.end })),
    compliance: compliance.parse(r.compliance),
    complianceCheckedOn: r.complianceCheckedOn,
    publication: publication.parse(r.publication),
    notes: r.notes,
  };
}

async function findRow(db: Db, id: number): Promise<Row> {
  const row = await db.selectFrom('promeneurs').selectAll().where('id', '=', id).executeTakeFirst();
  if (!row) throw notFound();
  return row;
}

/** The recorded fields of some rows, by id: their profiles and duty slots read together. */
async function loadRecordedOf(db: Db, rows: readonly Row[]): Promise<Map<number, Recorded>> {
  const profiles = new Map<number, Profile[]>();
  const dutySlots = new Map<number, DutySlot[]>();
  const ids = rows.map((r) => r.id);
  for (let i = 0; i < ids.length; i += 500) {
    const chunk = ids.slice(i, i + 500);
    for (const { promeneurId, ...p } of await db
      .selectFrom('promeneurProfiles')
      .select(['promeneurId', 'platform', 'name', 'url'])
      .where('promeneurId', 'in', chunk)
      .orderBy('promeneurId')
      .orderBy('position')
      .execute())
      profiles.set(promeneurId, [...(profiles.get(promeneurId) ?? []), p as Profile]);
    for (const { promeneurId, ...s } of await db
      .selectFrom('dutySlots')
      .select(['promeneurId', 'weekday', 'start', 'end'])
      .where('promeneurId', 'in', chunk)
      .orderBy('promeneurId')
      .orderBy('position')
      .execute())
      dutySlots.set(promeneurId, [...(dutySlots.get(promeneurId) ?? []), s]);
  }
  return new Map(
    rows.map((row) => [
      row.id,
      canonical({
        ...row,
        job: row.job as Recorded['job'],
        status: row.status as Recorded['status'],
        profiles: profiles.get(row.id) ?? [],
        dutySlots: dutySlots.get(row.id) ?? [],
        compliance: JSON.parse(row.compliance) as Recorded['compliance'],
        publication: JSON.parse(row.publication) as Recorded['publication'],
      }),
    ]),
  );
}

async function loadRecorded(db: Db, row: Row): Promise<Recorded> {
  return (await loadRecordedOf(db, [row])).get(row.id)!;
}

/**
 * Promeneurs as they are recorded (the fields their form shows), by id; an id not found is
 * left out. The directory import lays a file's fields over them.
 */
export async function recordedPromeneurs(
  db: Db,
  ids: readonly number[],
): Promise<Map<number, Recorded>> {
  const wanted = [...new Set(ids)];
  const rows: Row[] = [];
  for (let i = 0; i < wanted.length; i += 500)
    rows.push(
      ...(await db
        .selectFrom('promeneurs')
        .selectAll()
        .where('id', 'in', wanted.slice(i, i + 500))
        .execute()),
    );
  return loadRecordedOf(db, rows);
}

const noSuchStructure = () =>
  new DomainError(
    'INVALID_INPUT',
    'Saisie à corriger : la structure employeuse n’existe pas ou a été supprimée.',
    {
      'fields.structureId': 'Cette structure n’existe pas ou a été supprimée.',
    },
  );

/** The names of the employing structures that exist, by id (read once for many records). */
async function structureNames(db: Db, ids: readonly number[]): Promise<Map<number, string>> {
  const wanted = [...new Set(ids)];
  const names = new Map<number, string>();
  for (let i = 0; i < wanted.length; i += 500)
    for (const s of await db
      .selectFrom('structures')
      .select(['id', 'name'])
      .where('id', 'in', wanted.slice(i, i + 500))
      .execute())
      names.set(s.id, s.name);
  return names;
}

/** A Promeneur's search key: names, e-mail, structure's name, profile names. */
function searchKeyOfRecord(
  r: Pick<Recorded, 'firstName' | 'lastName' | 'email'> & { profiles: { name: string }[] },
  structureName: string,
): string {
  return searchKeyOf([
    r.firstName,
    r.lastName,
    r.email,
    structureName,
    ...r.profiles.map((p) => p.name),
  ]);
}

/** Writes the record's own columns (profiles and slots live in their own tables), its sort key. */
function columnsOf(r: Recorded) {
  return {
    structureId: r.structureId,
    firstName: r.firstName,
    lastName: r.lastName,
    job: r.job,
    email: r.email,
    phone: r.phone,
    startDate: r.startDate,
    charterSignedOn: r.charterSignedOn,
    status: r.status,
    compliance: JSON.stringify(r.compliance),
    complianceCheckedOn: r.complianceCheckedOn,
    publication: JSON.stringify(r.publication),
    notes: r.notes,
    sortKey: sortKeyOf([r.lastName, r.firstName]),
  };
}

/** Writes a Promeneur's profiles and duty slots, keeping their order. */
async function insertChildren(db: Db, promeneurId: number, r: Recorded): Promise<void> {
  if (r.profiles.length > 0)
    await db
      .insertInto('promeneurProfiles')
      .values(r.profiles.map((p, position) => ({ promeneurId, position, ...p })))
      .execute();
  if (r.dutySlots.length > 0)
    await db
      .insertInto('dutySlots')
      .values(r.dutySlots.map((s, position) => ({ promeneurId, position, ...s })))
      .execute();
}

/** Replaces a Promeneur's profiles and duty slots as a whole, keeping their order. */
async function replaceChildren(db: Db, promeneurId: number, r: Recorded): Promise<void> {
  await db.deleteFrom('promeneurProfiles').where('promeneurId', '=', promeneurId).execute();
  await db.deleteFrom('dutySlots').where('promeneurId', '=', promeneurId).execute();
  await insertChildren(db, promeneurId, r);
}

/** Recomputes a Promeneur's search key from what is recorded (its structure was renamed). */
async function refreshSearchKey(db: Db, id: number): Promise<void> {
  const p = await db
    .selectFrom('promeneurs')
    .innerJoin('structures', 'structures.id', 'promeneurs.structureId')
    .select([
      'promeneurs.firstName',
      'promeneurs.lastName',
      'promeneurs.email',
      'structures.name as structureName',
    ])
    .where('promeneurs.id', '=', id)
    .executeTakeFirstOrThrow();
  const profiles = await db
    .selectFrom('promeneurProfiles')
    .select('name')
    .where('promeneurId', '=', id)
    .orderBy('position')
    .execute();
  const searchKey = searchKeyOfRecord({ ...p, profiles }, p.structureName);
  await db.updateTable('promeneurs').set({ searchKey }).where('id', '=', id).execute();
}

/** After a structure is renamed, its Promeneurs are found under the new name. */
export async function refreshSearchKeysOfStructure(db: Db, structureId: number): Promise<void> {
  const rows = await db
    .selectFrom('promeneurs')
    .select('id')
    .where('structureId', '=', structureId)
    .execute();
  for (const { id } of rows) await refreshSearchKey(db, id);
}

const minutes = (time: string) => Number(time.slice(0, 2)) * 60 + Number(time.slice(3, 5));

/** Hours online per week, from the duty slots, to two decimals. */
export function hoursPerWeek(slots: ReadonlyArray<DutySlot>): number {
  const total = slots.reduce((sum, s) => sum + minutes(s.end) - minutes(s.start), 0);
  return Math.round((total / 60) * 100) / 100;
}

/**
 * The list's order in SQL, each sort then the id (so pages never overlap); 'desc' reverses
 * every term. Names sort on the stored `sortKey` (French order, accents and case ignored);
 * the default order (by name, records not archived) reads the `promeneurs_list_order` index.
 */
type OrderTerm =
  | 'promeneurs.sortKey'
  | 'structures.sortKey'
  | 'promeneurs.updatedAt'
  | 'promeneurs.id'
  | RawBuilder<number>;
const ORDER: Record<ParsedInput<'promeneurs.list'>['sort'], OrderTerm[]> = {
  lastName: ['promeneurs.sortKey'],
  structureName: ['structures.sortKey', 'promeneurs.sortKey'],
  status: [rankOf('promeneurs.status', PROMENEUR_STATUSES)],
  updatedAt: ['promeneurs.updatedAt'],
};

/**
 * A page of the Promeneurs matching the search and filters, in the asked order, with how many
 * match in all (counted only when the page does not reach the end of the list).
 */
export async function listPromeneurs(
  db: Db,
  query: ParsedInput<'promeneurs.list'>,
): Promise<PromeneurPage> {
  let matching = db
    .selectFrom('promeneurs')
    .where('promeneurs.archivedAt', query.archived ? 'is not' : 'is', null);
  if (query.statuses.length > 0)
    matching = matching.where('promeneurs.status', 'in', query.statuses);
  if (query.jobs.length > 0) matching = matching.where('promeneurs.job', 'in', query.jobs);
  if (query.structureId !== null)
    matching = matching.where('promeneurs.structureId', '=', query.structureId);
  if (query.territory !== null)
    matching = matching.where('promeneurs.structureId', 'in', (eb) =>
      eb.selectFrom('structures').select('id').where('territory', '=', query.territory),
    );
  for (const word of searchWords(query.search))
    matching = matching.where(containsWord('promeneurs.searchKey', word));

  let page = matching
    .innerJoin('structures', 'structures.id', 'promeneurs.structureId')
    .select([
      'promeneurs.id',
      'promeneurs.firstName',
      'promeneurs.lastName',
      'promeneurs.job',
      'promeneurs.status',
      'promeneurs.structureId',
      'structures.name as structureName',
      'structures.territory',
      'promeneurs.email',
      'promeneurs.phone',
      'promeneurs.complianceCheckedOn',
      'promeneurs.archivedAt',
    ]);
  for (const term of [...ORDER[query.sort], 'promeneurs.id' as const])
    page = page.orderBy(term, query.direction);
  // SQLite takes an offset only after a limit; -1 is « no limit ».
  const rows = (await page
    .limit(query.limit ?? -1)
    .offset(query.offset)
    .execute()) as PromeneurSummary[];

  const reachedEnd =
    (query.limit === null || rows.length < query.limit) && (rows.length > 0 || query.offset === 0);
  const total = reachedEnd
    ? query.offset + rows.length
    : (await matching.select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow()).n;
  return { total, rows };
}

export async function getPromeneur(db: Db, id: number): Promise<Promeneur> {
  const row = await findRow(db, id);
  const recorded = await loadRecorded(db, row);
  const structure = await db
    .selectFrom('structures')
    .select('name')
    .where('id', '=', row.structureId)
    .executeTakeFirstOrThrow();
  return {
    id,
    ...recorded,
    structureName: structure.name,
    hoursPerWeek: hoursPerWeek(recorded.dutySlots),
    archivedAt: row.archivedAt,
    createdAt: row.createdAt,
    updatedAt: row.updatedAt,
    statusHistory: await statusHistoryOf(db, 'promeneur', id),
  };
}

/**
 * Creates Promeneurs, each checked and recorded as one saved on its form (its row, profiles
 * and duty slots, search key, status history entry, audit entry), in few queries: the
 * structures are read once, the search key is computed rather than read back, and the status
 * history and audit entries are written together once every record is in. `each` runs each
 * record's own check and writes (the directory import names the failing row with it).
 */
export function createPromeneurs(
  db: Db,
  list: readonly PromeneurFields[],
  each: EachRecord = eachInTurn,
): Promise<{ id: number }[]> {
  return inTransaction(db, async (trx) => {
    const names = await structureNames(
      trx,
      list.map((f) => f.structureId),
    );
    const created: { id: number; recorded: Recorded; statusSince: string | null }[] = [];
    for (const [index, fields] of list.entries())
      created.push(
        await each(index, async () => {
          const recorded = canonical(fields);
          const structureName = names.get(recorded.structureId);
          if (structureName === undefined) throw noSuchStructure();
          const now = new Date().toISOString();
          const { id } = await trx
            .insertInto('promeneurs')
            .values({
              ...columnsOf(recorded),
              searchKey: searchKeyOfRecord(recorded, structureName),
              createdAt: now,
              updatedAt: now,
            })
            .returning('id')
            .executeTakeFirstOrThrow();
          await insertChildren(trx, id, recorded);
          return { id, recorded, statusSince: fields.statusSince };
        }),
      );
    await recordStatuses(
      trx,
      created.map((c) => ({
        entity: 'promeneur',
        entityId: c.id,
        status: c.recorded.status,
        since: c.statusSince,
      })),
    );
    await recordAudits(
      trx,
      created.map((c) => ({
        entity: 'promeneur',
        entityId: c.id,
        action: 'create',
        changes: diffRecords(null, c.recorded, RECORDED),
      })),
    );
    return created.map(({ id }) => ({ id }));
  });
}

export async function createPromeneur(db: Db, fields: PromeneurFields): Promise<{ id: number }> {
  const [created] = await createPromeneurs(db, [fields]);
  return created!;
}

/**
 * Saves Promeneurs' fields, each as its form does (search key, profiles and duty slots, a
 * status history entry when the status changes, an audit entry with the changed fields), in
 * few queries: the records and structures are read together, the profiles and slots rewritten
 * only when they changed, the history and audit entries written together at the end. A record
 * whose fields are unchanged is not written, not even in the audit log. `each` runs each
 * record's own checks and writes (the directory import names the failing row with it).
 */
export function updatePromeneurs(
  db: Db,
  list: readonly { id: number; fields: PromeneurFields }[],
  each: EachRecord = eachInTurn,
): Promise<{ id: number }[]> {
  return inTransaction(db, async (trx) => {
    const recorded = await recordedPromeneurs(
      trx,
      list.map((u) => u.id),
    );
    const names = await structureNames(
      trx,
      list.map((u) => u.fields.structureId),
    );
    const statuses: StatusEntry[] = [];
    const audits: AuditRecord[] = [];
    for (const [index, { id, fields }] of list.entries())
      await each(index, async () => {
        const before = recorded.get(id);
        if (!before) throw notFound();
        const after = canonical(fields);
        const changes = diffRecords(before, after, RECORDED);
        if (changes.length === 0) return;
        const structureName = names.get(after.structureId);
        if (structureName === undefined) throw noSuchStructure();
        await trx
          .updateTable('promeneurs')
          .set({
            ...columnsOf(after),
            searchKey: searchKeyOfRecord(after, structureName),
            updatedAt: new Date().toISOString(),
          })
          .where('id', '=', id)
          .execute();
        if (changes.some((c) => c.field === 'profiles' || c.field === 'dutySlots'))
          await replaceChildren(trx, id, after);
        recorded.set(id, after);
        if (after.status !== before.status)
          statuses.push({
            entity: 'promeneur',
            entityId: id,
            status: after.status,
            since: fields.statusSince,
          });
        audits.push({ entity: 'promeneur', entityId: id, action: 'update', changes });
      });
    await recordStatuses(trx, statuses);
    await recordAudits(trx, audits);
    return list.map(({ id }) => ({ id }));
  });
}

/** Saves the fields; writes nothing, not even an audit entry, when nothing changed. */
export async function updatePromeneur(
  db: Db,
  id: number,
  fields: PromeneurFields,
): Promise<{ id: number }> {
  await updatePromeneurs(db, [{ id, fields }]);
  return { id };
}

/** Archives (or restores) a Promeneur; doing it twice changes nothing the second time. */
function setArchived(db: Db, id: number, archived: boolean): Promise<{ id: number }> {
  return inTransaction(db, async (trx) => {
    const before = (await findRow(trx, id)).archivedAt;
    if ((before !== null) === archived) return { id };
    const now = new Date().toISOString();
    const after = archived ? now : null;
    await trx
      .updateTable('promeneurs')
      .set({ archivedAt: after, updatedAt: now })
      .where('id', '=', id)
      .execute();
    await recordAudit(trx, {
      entity: 'promeneur',
      entityId: id,
      action: archived ? 'archive' : 'restore',
      changes: [{ field: 'archivedAt', before, after }],
    });
    return { id };
  });
}

export const archivePromeneur = (db: Db, id: number) => setArchived(db, id, true);
export const restorePromeneur = (db: Db, id: number) => setArchived(db, id, false);

/** Erases a Promeneur for good, with their profiles, duty slots and status history. */
export function removePromeneur(db: Db, id: number): Promise<{ id: number }> {
  return inTransaction(db, async (trx) => {
    await findRow(trx, id);
    await forgetStatusHistory(trx, 'promeneur', id);
    await trx.deleteFrom('promeneurs').where('id', '=', id).execute();
    await recordAudit(trx, { entity: 'promeneur', entityId: id, action: 'delete', changes: [] });
    return { id };
  });
}

export const promeneursHandlers: HandlersOf<RoutesOf<'promeneurs'>> = {
  'promeneurs.list': (input, { session }) => listPromeneurs(session.db, input),
  'promeneurs.get': (input, { session }) => getPromeneur(session.db, input.id),
  'promeneurs.create': (input, { session }) => createPromeneur(session.db, input.fields),
  'promeneurs.update': (input, { session }) => updatePromeneur(session.db, input.id, input.fields),
  'promeneurs.archive': (input, { session }) => archivePromeneur(session.db, input.id),
  'promeneurs.restore': (input, { session }) => restorePromeneur(session.db, input.id),
  'promeneurs.remove': (input, { session }) => removePromeneur(session.db, input.id),
};
