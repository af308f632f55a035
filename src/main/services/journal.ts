/**
 * The coordinator's log (journal d'activité): what the coordinator did, for whom (Promeneurs,
 * structures, partners), by which channel and for how long; a year's totals for the COPIL.
 */
import type { ParsedInput } from '../../shared/api/contract';
import type { LogEntry, LogFields } from '../../shared/api/journal';
import {
  LOG_CHANNELS,
  LOG_KINDS,
  type LogChannel,
  type LogKind,
} from '../../shared/domain/calendar';
import { diffRecords } from '../../shared/rules/diff';
import { DomainError } from '../../shared/result';
import { inTransaction, type Db } from '../db/connection';
import type { HandlersOf, RoutesOf } from '../ipc/router';
import { recordAudit } from './audit';
import { compareText } from './directory';

/** What the audit log keeps of an entry: its fields, with the links as sorted id lists. */
type Recorded = LogFields;

const RECORDED = [
  'date',
  'kind',
  'channel',
  'durationMinutes',
  'summary',
  'partners',
  'promeneurIds',
  'structureIds',
] as const satisfies (keyof Recorded)[];

const uniqueSorted = (ids: number[]) => [...new Set(ids)].sort((a, b) => a - b);

function canonical(f: LogFields): Recorded {
  return {
    date: f.date,
    kind: f.kind,
    channel: f.channel,
    durationMinutes: f.durationMinutes,
    summary: f.summary,
    partners: f.partners,
    promeneurIds: uniqueSorted(f.promeneurIds),
    structureIds: uniqueSorted(f.structureIds),
  };
}

const notFound = () =>
  new DomainError('NOT_FOUND', 'Cette entrée du journal n’existe pas ou a été supprimée.');

/** Refuses links to Promeneurs or structures that do not exist, on the form's field. */
async function assertLinksExist(db: Db, f: Recorded): Promise<void> {
  const refuse = (field: string, message: string) =>
    new DomainError('INVALID_INPUT', `Saisie à corriger : ${message}`, {
      [`fields.${field}`]: message,
    });
  if (f.promeneurIds.length > 0) {
    const found = await db
      .selectFrom('promeneurs')
      .select('id')
      .where('id', 'in', f.promeneurIds)
      .execute();
    if (found.length !== f.promeneurIds.length)
      throw refuse('promeneurIds', 'Un des Promeneurs choisis n’existe pas ou a été supprimé.');
  }
  if (f.structureIds.length > 0) {
    const found = await db
      .selectFrom('structures')
      .select('id')
      .where('id', 'in', f.structureIds)
      .execute();
    if (found.length !== f.structureIds.length)
      throw refuse('structureIds', 'Une des structures choisies n’existe pas ou a été supprimée.');
  }
}

async function writeLinks(db: Db, entryId: number, f: Recorded): Promise<void> {
  await db.deleteFrom('journalLinks').where('entryId', '=', entryId).execute();
  const rows = [
    ...f.promeneurIds.map((promeneurId) => ({ entryId, promeneurId, structureId: null })),
    ...f.structureIds.map((structureId) => ({ entryId, promeneurId: null, structureId })),
  ];
  if (rows.length > 0) await db.insertInto('journalLinks').values(rows).execute();
}

const columnsOf = (f: Recorded) => ({
  date: f.date,
  kind: f.kind,
  channel: f.channel,
  durationMinutes: f.durationMinutes,
  summary: f.summary,
  partners: f.partners,
});

/** Reads entries with their links, newest first (by date, then by creation). */
async function entriesOf(
  db: Db,
  where: { ids?: number[]; year?: number; kinds?: LogKind[] },
): Promise<LogEntry[]> {
  let query = db.selectFrom('journalEntries').selectAll();
  if (where.ids) query = query.where('id', 'in', where.ids.length > 0 ? where.ids : [-1]);
  if (where.year !== undefined)
    query = query
      .where('date', '>=', `${where.year}-01-01`)
      .where('date', '<=', `${where.year}-12-31`);
  if (where.kinds && where.kinds.length > 0) query = query.where('kind', 'in', where.kinds);
  const rows = await query.orderBy('date', 'desc').orderBy('id', 'desc').execute();
  if (rows.length === 0) return [];
  const links = await db
    .selectFrom('journalLinks')
    .leftJoin('promeneurs', 'promeneurs.id', 'journalLinks.promeneurId')
    .leftJoin('structures', 'structures.id', 'journalLinks.structureId')
    .select([
      'journalLinks.entryId',
      'journalLinks.promeneurId',
      'journalLinks.structureId',
      'promeneurs.firstName',
      'promeneurs.lastName',
      'structures.name as structureName',
    ])
    .where(
      'journalLinks.entryId',
      'in',
      rows.map((r) => r.id),
    )
    .execute();
  return rows.map((row) => {
    const own = links.filter((l) => l.entryId === row.id);
    const promeneurs = own
      .filter((l) => l.promeneurId !== null)
      .map((l) => ({
        id: l.promeneurId!,
        name: `${l.firstName ?? ''} ${l.lastName ?? ''}`.trim(),
        lastName: l.lastName,
      }))
      .sort((a, b) => compareText(a.lastName, b.lastName) || compareText(a.name, b.name))
      .map(({ id, name }) => ({ id, name }));
    const structures = own
      .filter((l) => l.structureId !== null)
      .map((l) => ({ id: l.structureId!, name: l.structureName ?? '' }))
      .sort((a, b) => compareText(a.name, b.name));
    return {
      id: row.id,
      date: row.date,
      kind: row.kind as LogKind,
      channel: row.channel as LogChannel,
      durationMinutes: row.durationMinutes,
      summary: row.summary,
      partners: row.partners,
      promeneurIds: promeneurs.map((p) => p.id),
      structureIds: structures.map((s) => s.id),
      promeneurs,
      structures,
    };
  });
}

export async function findEntry(db: Db, id: number): Promise<LogEntry> {
  const [entry] = await entriesOf(db, { ids: [id] });
  if (!entry) throw notFound();
  return entry;
}

/** A year's entries, newest first, optionally of some kinds or about one Promeneur or structure. */
export async function listJournal(db: Db, query: ParsedInput<'journal.list'>): Promise<LogEntry[]> {
  const entries = await entriesOf(db, { year: query.year, kinds: query.kinds });
  return entries.filter(
    (e) =>
      (query.promeneurId === null || e.promeneurIds.includes(query.promeneurId)) &&
      (query.structureId === null || e.structureIds.includes(query.structureId)),
  );
}

export function createEntry(db: Db, fields: LogFields): Promise<{ id: number }> {
  return inTransaction(db, async (trx) => {
    const after = canonical(fields);
    await assertLinksExist(trx, after);
    const now = new Date().toISOString();
    const { id } = await trx
      .insertInto('journalEntries')
      .values({ ...columnsOf(after), createdAt: now, updatedAt: now })
      .returning('id')
      .executeTakeFirstOrThrow();
    await writeLinks(trx, id, after);
    await recordAudit(trx, {
      entity: 'journal',
      entityId: id,
      action: 'create',
      changes: diffRecords(null, after, RECORDED),
    });
    return { id };
  });
}

export function updateEntry(db: Db, id: number, fields: LogFields): Promise<{ id: number }> {
  return inTransaction(db, async (trx) => {
    const before = canonical(await findEntry(trx, id));
    const after = canonical(fields);
    const changes = diffRecords(before, after, RECORDED);
    if (changes.length === 0) return { id };
    await assertLinksExist(trx, after);
    await trx
      .updateTable('journalEntries')
      .set({ ...columnsOf(after), updatedAt: new Date().toISOString() })
      .where('id', '=', id)
      .execute();
    await writeLinks(trx, id, after);
    await recordAudit(trx, { entity: 'journal', entityId: id, action: 'update', changes });
    return { id };
  });
}

export function removeEntry(db: Db, id: number): Promise<{ id: number }> {
  return inTransaction(db, async (trx) => {
    const before = canonical(await findEntry(trx, id));
    await trx.deleteFrom('journalEntries').where('id', '=', id).execute();
    await recordAudit(trx, {
      entity: 'journal',
      entityId: id,
      action: 'delete',
      changes: diffRecords(before, null, RECORDED),
    });
    return { id };
  });
}

/** A year's count and minutes by kind and by channel (every one listed, zeros included). */
export async function journalTotals(db: Db, year: number) {
  const rows = await db
    .selectFrom('journalEntries')
    .select(['kind', 'channel', 'durationMinutes'])
    .where('date', '>=', `${year}-01-01`)
    .where('date', '<=', `${year}-12-31`)
    .execute();
  const sum = (picked: typeof rows) => ({
    count: picked.length,
    minutes: picked.reduce((total, r) => total + r.durationMinutes, 0),
  });
  return {
    year,
    all: sum(rows),
    byKind: (Object.keys(LOG_KINDS) as LogKind[]).map((kind) => ({
      kind,
      ...sum(rows.filter((r) => r.kind === kind)),
    })),
    byChannel: (Object.keys(LOG_CHANNELS) as LogChannel[]).map((channel) => ({
      channel,
      ...sum(rows.filter((r) => r.channel === channel)),
    })),
  };
}

export const journalHandlers: HandlersOf<RoutesOf<'journal'>> = {
  'journal.list': (input, { session }) => listJournal(session.db, input),
  'journal.create': (input, { session }) => createEntry(session.db, input.fields),
  'journal.update': (input, { session }) => updateEntry(session.db, input.id, input.fields),
  'journal.remove': (input, { session }) => removeEntry(session.db, input.id),
  'journal.totals': (input, { session }) => journalTotals(session.db, input.year),
};
