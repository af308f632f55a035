/** The audit log: every change to a record, with when, which record, which fields, old → new. */
import { sql } from 'kysely';
import type {
  AuditAction,
  AuditEntity,
  AuditEntry,
  AuditLogEntry,
  HistoryQuery,
} from '../../shared/api/history';
import {
  COMMITTEE_AUDIT_IDS,
  COMMITTEE_NAMES,
  type Committee,
} from '../../shared/domain/committees';
import { formatDate } from '../../shared/rules/dates';
import type { FieldChange } from '../../shared/rules/diff';
import type { Db } from '../db/connection';
import type { HandlersOf, RoutesOf } from '../ipc/router';
import { activityLabels } from './activity/labels';

export interface AuditRecord {
  entity: AuditEntity;
  entityId: number;
  action: AuditAction;
  /** The part of the record concerned (« Pièce : Statuts »); omitted for the record itself. */
  subject?: string;
  changes: FieldChange[];
}

/** Entries written per statement when several are written together (well under SQLite's limit). */
const ENTRIES_PER_INSERT = 500;

/** Writes entries made at the same moment (an import's records); call it inside their transaction. */
export async function recordAudits(db: Db, records: readonly AuditRecord[]): Promise<void> {
  const at = new Date().toISOString();
  for (let i = 0; i < records.length; i += ENTRIES_PER_INSERT)
    await db
      .insertInto('auditLog')
      .values(
        records.slice(i, i + ENTRIES_PER_INSERT).map((record) => ({
          at,
          entity: record.entity,
          entityId: record.entityId,
          action: record.action,
          subject: record.subject ?? null,
          changes: JSON.stringify(record.changes),
        })),
      )
      .execute();
}

/** Writes one entry; call it inside the transaction that makes the change. */
export function recordAudit(db: Db, record: AuditRecord): Promise<void> {
  return recordAudits(db, [record]);
}

/** A record's history, newest first. */
export async function historyOf(
  db: Db,
  entity: AuditEntity,
  entityId: number,
): Promise<AuditEntry[]> {
  const rows = await db
    .selectFrom('auditLog')
    .selectAll()
    .where('entity', '=', entity)
    .where('entityId', '=', entityId)
    .orderBy('at', 'desc')
    .orderBy('id', 'desc')
    .execute();
  return rows.map((r) => ({
    id: r.id,
    at: r.at,
    entity: r.entity as AuditEntity,
    entityId: r.entityId,
    action: r.action as AuditAction,
    subject: r.subject,
    changes: JSON.parse(r.changes) as FieldChange[],
  }));
}

/** The UTC instant at which a Paris calendar day starts. */
export function parisDayStart(date: string): string {
  const probe = new Date(`${date}T00:00:00Z`);
  const parts = new Intl.DateTimeFormat('en-GB', {
    timeZone: 'Europe/Paris',
    hour: '2-digit',
    hourCycle: 'h23',
  }).formatToParts(probe);
  const offsetHours = Number(parts.find((p) => p.type === 'hour')?.value ?? 0);
  return new Date(probe.getTime() - offsetHours * 3_600_000).toISOString();
}

const nextDay = (date: string) => {
  const d = new Date(`${date}T12:00:00Z`);
  d.setUTCDate(d.getUTCDate() + 1);
  return d.toISOString().slice(0, 10);
};

/** LIKE pattern matching `text` anywhere, with LIKE's wildcards taken literally. */
const containing = (text: string) => `%${text.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;

/** What each kind of record is called in the log: its name, reference or title. */
async function labelsOf(
  db: Db,
  entries: ReadonlyArray<{ entity: string; entityId: number }>,
): Promise<Map<string, string>> {
  const ids = (entity: string) => [
    ...new Set(entries.filter((e) => e.entity === entity).map((e) => e.entityId)),
  ];
  const labels = new Map<string, string>();
  const put = (entity: string, id: number, label: string) => labels.set(`${entity}:${id}`, label);
  const structures = ids('structure');
  if (structures.length > 0)
    for (const r of await db
      .selectFrom('structures')
      .select(['id', 'name'])
      .where('id', 'in', structures)
      .execute())
      put('structure', r.id, r.name);
  const promeneurs = ids('promeneur');
  if (promeneurs.length > 0)
    for (const r of await db
      .selectFrom('promeneurs')
      .select(['id', 'firstName', 'lastName'])
      .where('id', 'in', promeneurs)
      .execute())
      put('promeneur', r.id, `${r.firstName} ${r.lastName}`);
  const conventions = ids('convention');
  if (conventions.length > 0)
    for (const r of await db
      .selectFrom('conventions')
      .select(['id', 'reference'])
      .where('id', 'in', conventions)
      .execute())
      put('convention', r.id, `Convention ${r.reference}`);
  const events = ids('event');
  if (events.length > 0)
    for (const r of await db
      .selectFrom('events')
      .select(['id', 'title', 'start'])
      .where('id', 'in', events)
      .execute())
      put('event', r.id, `${r.title} (${formatDate(r.start.slice(0, 10))})`);
  const journal = ids('journal');
  if (journal.length > 0)
    for (const r of await db
      .selectFrom('journalEntries')
      .select(['id', 'date', 'summary'])
      .where('id', 'in', journal)
      .execute()) {
      const summary = r.summary.length > 60 ? `${r.summary.slice(0, 59)}…` : r.summary;
      put('journal', r.id, `Journal du ${formatDate(r.date)} : ${summary}`);
    }
  for (const [id, label] of await activityLabels(db, ids('activity'))) put('activity', id, label);
  for (const e of entries) if (e.entity === 'settings') put('settings', e.entityId, 'Paramètres');
  for (const [committee, id] of Object.entries(COMMITTEE_AUDIT_IDS))
    put('committee', id, COMMITTEE_NAMES[committee as Committee]);
  return labels;
}

/** The whole log filtered, newest first, one page at a time, each entry with its record's label. */
export async function searchHistory(
  db: Db,
  query: HistoryQuery,
): Promise<{ total: number; entries: AuditLogEntry[] }> {
  let base = db.selectFrom('auditLog');
  if (query.entity) base = base.where('entity', '=', query.entity);
  if (query.entityId !== undefined) base = base.where('entityId', '=', query.entityId);
  if (query.action) base = base.where('action', '=', query.action);
  if (query.from) base = base.where('at', '>=', parisDayStart(query.from));
  if (query.to) base = base.where('at', '<', parisDayStart(nextDay(query.to)));
  if (query.text) {
    const pattern = containing(query.text);
    base = base.where((eb) =>
      eb.or([
        eb(sql<string>`subject`, 'like', sql<string>`${pattern} escape '\\'`),
        eb(sql<string>`changes`, 'like', sql<string>`${pattern} escape '\\'`),
      ]),
    );
  }
  const { total } = await base
    .select((eb) => eb.fn.countAll<number>().as('total'))
    .executeTakeFirstOrThrow();
  const rows = await base
    .selectAll()
    .orderBy('at', 'desc')
    .orderBy('id', 'desc')
    .limit(query.limit)
    .offset(query.offset)
    .execute();
  const labels = await labelsOf(db, rows);
  return {
    total: Number(total),
    entries: rows.map((r) => ({
      id: r.id,
      at: r.at,
      entity: r.entity as AuditEntity,
      entityId: r.entityId,
      action: r.action as AuditAction,
      subject: r.subject,
      changes: JSON.parse(r.changes) as FieldChange[],
      label: labels.get(`${r.entity}:${r.entityId}`) ?? null,
    })),
  };
}

export const historyHandlers: HandlersOf<RoutesOf<'history'>> = {
  'history.search': (input, { session }) => searchHistory(session.db, input),
  'history.forRecord': (input, { session }) => historyOf(session.db, input.entity, input.id),
};
