/**
 * The decisions of the committees, numbered per committee and year (« COPIL-2027-03 »),
 * typed, and linked to the record they concern. « Structure retenue » and « Promeneur exclu »
 * change that record's status through the directory's own services, in the same transaction
 * as the decision: the status history and the audit log follow, and a failure leaves nothing.
 */
import type {
  Decision,
  DecisionFields,
  RegisterQuery,
  RegisterRow,
} from '../../../shared/api/committees';
import { promeneurFields } from '../../../shared/api/promeneurs';
import { structureFields } from '../../../shared/api/structures';
import {
  decisionReference,
  type Committee,
  type DecisionType,
} from '../../../shared/domain/committees';
import { nextDecisionNumber } from '../../../shared/rules/committees';
import { diffRecords } from '../../../shared/rules/diff';
import { searchKey } from '../../../shared/rules/text';
import { DomainError } from '../../../shared/result';
import { inTransaction, type Db } from '../../db/connection';
import { getPromeneur, updatePromeneur } from '../promeneurs';
import { getStructure, updateStructure } from '../structures';
import {
  auditCommittee,
  findMeeting,
  meetingDay,
  meetingYear,
  refuse,
  touchedNow,
  type MeetingRow,
} from './records';

const RECORDED = [
  'type',
  'title',
  'text',
  'structureId',
  'promeneurId',
  'conventionId',
] as const satisfies (keyof DecisionFields)[];

/** The types that change the status of the record they name. */
const STATUS_CHANGING: readonly DecisionType[] = ['structure_retenue', 'promeneur_exclu'];

export const noDecision = () =>
  new DomainError('NOT_FOUND', 'Cette décision n’existe pas ou a été supprimée.');

interface DecisionFilter {
  ids?: number[];
  eventIds?: number[];
  committee?: Committee | null;
  year?: number | null;
  type?: DecisionType | null;
}

/** Decisions with their meeting and the label of the record they concern, in register order. */
export async function decisionsWhere(db: Db, where: DecisionFilter): Promise<RegisterRow[]> {
  let query = db
    .selectFrom('committeeDecisions as d')
    .innerJoin('events', 'events.id', 'd.eventId')
    .leftJoin('structures', 'structures.id', 'd.structureId')
    .leftJoin('promeneurs', 'promeneurs.id', 'd.promeneurId')
    .leftJoin('conventions', 'conventions.id', 'd.conventionId')
    .selectAll('d')
    .select([
      'events.title as meetingTitle',
      'events.start as meetingStart',
      'structures.name as structureName',
      'promeneurs.firstName',
      'promeneurs.lastName',
      'conventions.reference as conventionReference',
    ]);
  if (where.ids) query = query.where('d.id', 'in', where.ids.length > 0 ? where.ids : [-1]);
  if (where.eventIds)
    query = query.where('d.eventId', 'in', where.eventIds.length > 0 ? where.eventIds : [-1]);
  if (where.committee) query = query.where('d.committee', '=', where.committee);
  if (where.year) query = query.where('d.year', '=', where.year);
  if (where.type) query = query.where('d.type', '=', where.type);
  const rows = await query.orderBy('d.committee').orderBy('d.year').orderBy('d.number').execute();
  return rows.map((r) => {
    const subject =
      [
        r.structureName !== null ? `Structure : ${r.structureName}` : null,
        r.lastName !== null ? `Promeneur : ${r.firstName ?? ''} ${r.lastName}`.trim() : null,
        r.conventionReference !== null ? `Convention : ${r.conventionReference}` : null,
      ]
        .filter(Boolean)
        .join(' · ') || null;
    const committee = r.committee as Committee;
    return {
      id: r.id,
      eventId: r.eventId,
      committee,
      year: r.year,
      number: r.number,
      reference: decisionReference(committee, r.year, r.number),
      type: r.type as DecisionType,
      title: r.title,
      text: r.text,
      structureId: r.structureId,
      promeneurId: r.promeneurId,
      conventionId: r.conventionId,
      subject,
      date: r.meetingStart.slice(0, 10),
      meetingTitle: r.meetingTitle,
    };
  });
}

/** The register: every decision, filtered, newest first; words searched in title, text, subject. */
export async function decisionRegister(
  db: Db,
  query: Required<{ [K in keyof RegisterQuery]: Exclude<RegisterQuery[K], undefined> }>,
): Promise<RegisterRow[]> {
  const rows = await decisionsWhere(db, query);
  const words = searchKey(query.search).split(' ').filter(Boolean);
  return rows
    .filter((r) => {
      if (words.length === 0) return true;
      const key = searchKey([r.reference, r.title, r.text, r.subject, r.meetingTitle].join(' '));
      return words.every((w) => key.includes(w));
    })
    .sort(
      (a, b) =>
        b.date.localeCompare(a.date) ||
        b.number - a.number ||
        a.committee.localeCompare(b.committee),
    );
}

export async function findDecision(db: Db, id: number): Promise<Decision> {
  const [found] = await decisionsWhere(db, { ids: [id] });
  if (!found) throw noDecision();
  const { date: _date, meetingTitle: _title, ...decision } = found;
  return decision;
}

const fieldsOf = (d: Decision): DecisionFields => ({
  type: d.type,
  title: d.title,
  text: d.text,
  structureId: d.structureId,
  promeneurId: d.promeneurId,
  conventionId: d.conventionId,
});

/** Refuses links to records that do not exist, on the form's field. */
async function assertLinksExist(db: Db, f: DecisionFields): Promise<void> {
  const checks = [
    ['structureId', 'structures', 'Cette structure n’existe pas ou a été supprimée.'],
    ['promeneurId', 'promeneurs', 'Ce Promeneur n’existe pas ou a été supprimé.'],
    ['conventionId', 'conventions', 'Cette convention n’existe pas ou a été supprimée.'],
  ] as const;
  for (const [field, table, message] of checks) {
    const id = f[field];
    if (id === null) continue;
    const found = await db.selectFrom(table).select('id').where('id', '=', id).executeTakeFirst();
    if (!found) throw refuse(`fields.${field}`, message);
  }
}

/**
 * The status change a decision brings, made through the directory's services (status
 * history and audit kept). Nothing is written when the record already has that status.
 */
async function applyStatus(trx: Db, meeting: MeetingRow, f: DecisionFields): Promise<void> {
  const day = meetingDay(meeting);
  if (f.type === 'structure_retenue' && f.structureId !== null) {
    const s = await getStructure(trx, f.structureId);
    if (s.networkStatus === 'dans_le_reseau')
      throw refuse(
        'fields.structureId',
        'Cette structure est déjà dans le réseau : elle ne peut plus être retenue.',
      );
    await updateStructure(
      trx,
      s.id,
      structureFields.parse({
        ...s,
        networkStatus: 'retenue',
        selectionYear: meetingYear(meeting),
        statusSince: day,
      }),
    );
  }
  if (f.type === 'promeneur_exclu' && f.promeneurId !== null) {
    const p = await getPromeneur(trx, f.promeneurId);
    await updatePromeneur(
      trx,
      p.id,
      promeneurFields.parse({ ...p, status: 'exclu', statusSince: day }),
    );
  }
}

const decisionSubject = (reference: string, title: string) => `Décision ${reference} : ${title}`;

export function createDecision(
  db: Db,
  eventId: number,
  fields: DecisionFields,
): Promise<{ id: number; reference: string }> {
  return inTransaction(db, async (trx) => {
    const meeting = await findMeeting(trx, eventId);
    await assertLinksExist(trx, fields);
    const year = meetingYear(meeting);
    const taken = await trx
      .selectFrom('committeeDecisions')
      .select('number')
      .where('committee', '=', meeting.committee)
      .where('year', '=', year)
      .execute();
    const number = nextDecisionNumber(taken.map((t) => t.number));
    const now = touchedNow();
    const { id } = await trx
      .insertInto('committeeDecisions')
      .values({
        eventId,
        committee: meeting.committee,
        year,
        number,
        ...fields,
        createdAt: now,
        updatedAt: now,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    const reference = decisionReference(meeting.committee, year, number);
    await auditCommittee(
      trx,
      meeting.committee,
      'create',
      decisionSubject(reference, fields.title),
      diffRecords(null, fields, RECORDED),
    );
    // Second step, same transaction: if the status cannot change, the decision goes too.
    await applyStatus(trx, meeting, fields);
    return { id, reference };
  });
}

/**
 * Changes a decision's wording or links. A decision that changed a status keeps its type and
 * its record: to correct those, delete it (the status stays as it is) and record it again.
 */
export function updateDecision(
  db: Db,
  id: number,
  fields: DecisionFields,
): Promise<{ id: number; reference: string }> {
  return inTransaction(db, async (trx) => {
    const before = await findDecision(trx, id);
    const changes = diffRecords(fieldsOf(before), fields, RECORDED);
    if (changes.length === 0) return { id, reference: before.reference };
    const fixed = (field: 'type' | 'structureId' | 'promeneurId') =>
      changes.some((c) => c.field === field);
    if (
      (STATUS_CHANGING.includes(before.type) || STATUS_CHANGING.includes(fields.type)) &&
      (fixed('type') || fixed('structureId') || fixed('promeneurId'))
    )
      throw new DomainError(
        'CONFLICT',
        'Une décision qui change un statut (structure retenue, Promeneur exclu) garde son type et sa fiche : supprimez-la puis enregistrez-la de nouveau.',
      );
    await assertLinksExist(trx, fields);
    await trx
      .updateTable('committeeDecisions')
      .set({ ...fields, updatedAt: touchedNow() })
      .where('id', '=', id)
      .execute();
    await auditCommittee(
      trx,
      before.committee,
      'update',
      decisionSubject(before.reference, fields.title),
      changes,
    );
    return { id, reference: before.reference };
  });
}

/** Deletes a decision; a status it changed stays as it is (it may have changed since). */
export function removeDecision(db: Db, id: number): Promise<{ id: number }> {
  return inTransaction(db, async (trx) => {
    const before = await findDecision(trx, id);
    await trx.deleteFrom('committeeDecisions').where('id', '=', id).execute();
    await auditCommittee(
      trx,
      before.committee,
      'delete',
      decisionSubject(before.reference, before.title),
      diffRecords(fieldsOf(before), null, RECORDED),
    );
    return { id };
  });
}
