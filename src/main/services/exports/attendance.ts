/**
 * « Émargement »: attendance at one event, or at every event of a period. Two sheets: the
 * events with their counts (summed in SQL) and attendance rate (a formula), then one row per
 * invitee with what was recorded.
 */
import { sql } from 'kysely';
import {
  ATTENDANCES,
  EVENT_STATUSES,
  EVENT_TYPES,
  INVITEE_KINDS,
  type Attendance,
  type EventStatus,
  type EventType,
  type InviteeKind,
} from '../../../shared/domain/calendar';
import { formatDate } from '../../../shared/rules/dates';
import { DomainError } from '../../../shared/result';
import type { Db } from '../../db/connection';
import { compareText } from '../directory';
import { day, type Cell, type WorkbookSpec } from './model';

export interface AttendanceScope {
  eventId: number | null;
  from: string | null;
  to: string | null;
}

/** The attendance rate: present among those whose attendance is recorded. */
export const RATE_FORMULA = 'IF(F{r}+G{r}+H{r}=0,"",F{r}/(F{r}+G{r}+H{r}))';

export async function attendanceSpec(
  db: Db,
  scope: AttendanceScope,
  created: Date,
): Promise<{ spec: WorkbookSpec; stem: string }> {
  let events = db
    .selectFrom('events')
    .leftJoin('eventInvitees', 'eventInvitees.eventId', 'events.id')
    .select([
      'events.id',
      'events.start',
      'events.type',
      'events.title',
      'events.status',
      sql<number>`count(event_invitees.id)`.as('invited'),
      sql<number>`count(case when event_invitees.attendance = 'present' then 1 end)`.as('present'),
      sql<number>`count(case when event_invitees.attendance = 'excuse' then 1 end)`.as('excused'),
      sql<number>`count(case when event_invitees.attendance = 'absent' then 1 end)`.as('absent'),
    ])
    .groupBy('events.id')
    .orderBy('events.start')
    .orderBy('events.id');
  if (scope.eventId !== null) events = events.where('events.id', '=', scope.eventId);
  else
    events = events
      .where('events.start', '>=', `${scope.from}T00:00`)
      .where('events.start', '<=', `${scope.to}T23:59`);
  const rows = await events.execute();
  if (scope.eventId !== null && rows.length === 0)
    throw new DomainError('NOT_FOUND', 'Cet évènement n’existe pas ou a été supprimé.');

  const ids = rows.map((r) => r.id);
  const people =
    ids.length === 0
      ? []
      : await db
          .selectFrom('eventInvitees')
          .leftJoin('promeneurs', 'promeneurs.id', 'eventInvitees.promeneurId')
          .leftJoin('structures as employer', 'employer.id', 'promeneurs.structureId')
          .leftJoin('structures as team', 'team.id', 'eventInvitees.structureId')
          .select([
            'eventInvitees.eventId',
            'eventInvitees.kind',
            'eventInvitees.name',
            'eventInvitees.organisation',
            'eventInvitees.attendance',
            'promeneurs.firstName',
            'promeneurs.lastName',
            'employer.name as employerName',
            'team.name as teamName',
          ])
          .where('eventInvitees.eventId', 'in', ids)
          .execute();
  const byId = new Map(rows.map((r) => [r.id, r]));
  const lines = people
    .map((p) => {
      const event = byId.get(p.eventId)!;
      const promeneur = p.kind === 'promeneur';
      return {
        event,
        lastName: promeneur ? (p.lastName ?? '') : (p.name ?? ''),
        firstName: promeneur ? (p.firstName ?? '') : '',
        organisation: promeneur ? p.employerName : (p.teamName ?? p.organisation),
        kind: INVITEE_KINDS[p.kind as InviteeKind] ?? p.kind,
        attendance: p.attendance ? ATTENDANCES[p.attendance as Attendance] : 'Non saisie',
      };
    })
    .sort(
      (a, b) =>
        a.event.start.localeCompare(b.event.start) ||
        a.event.id - b.event.id ||
        compareText(a.lastName, b.lastName) ||
        compareText(a.firstName, b.firstName),
    );

  const eventRows: Cell[][] = rows.map((r) => {
    const [present, excused, absent] = [r.present, r.excused, r.absent].map(Number);
    const recorded = present! + excused! + absent!;
    return [
      day(r.start),
      r.start.slice(11, 16).replace(':', ' h '),
      EVENT_TYPES[r.type as EventType] ?? r.type,
      r.title,
      Number(r.invited),
      present!,
      excused!,
      absent!,
      { formula: RATE_FORMULA, result: recorded === 0 ? '' : present! / recorded },
      EVENT_STATUSES[r.status as EventStatus] ?? r.status,
    ];
  });
  const peopleRows: Cell[][] = lines.map((l) => [
    day(l.event.start),
    l.event.title,
    l.lastName,
    l.firstName,
    l.organisation,
    l.kind,
    l.attendance,
  ]);

  const single = scope.eventId !== null ? rows[0]! : null;
  const title = single
    ? `Émargement — ${single.title} du ${formatDate(single.start.slice(0, 10))}`
    : `Émargement du ${formatDate(scope.from)} au ${formatDate(scope.to)}`;
  const stem = single
    ? `emargement-${single.start.slice(0, 10)}-${single.id}`
    : `emargement-${scope.from}-${scope.to}`;
  return {
    stem,
    spec: {
      title,
      created,
      sheets: [
        {
          name: 'Évènements',
          columns: [
            { header: 'Date', format: 'date' },
            { header: 'Heure', format: 'text' },
            { header: 'Type', format: 'text' },
            { header: 'Évènement', format: 'text' },
            { header: 'Invités', format: 'integer', total: true },
            { header: 'Présents', format: 'integer', total: true },
            { header: 'Excusés', format: 'integer', total: true },
            { header: 'Absents', format: 'integer', total: true },
            { header: 'Taux de présence', format: 'percent' },
            { header: 'Statut', format: 'text' },
          ],
          rows: eventRows,
          totalsLabel: 'Total',
          emptyText: 'Aucun évènement sur cette période.',
        },
        {
          name: 'Présences',
          columns: [
            { header: 'Date', format: 'date' },
            { header: 'Évènement', format: 'text' },
            { header: 'Nom', format: 'text' },
            { header: 'Prénom', format: 'text' },
            { header: 'Structure ou organisme', format: 'text' },
            { header: 'Qualité', format: 'text' },
            { header: 'Présence', format: 'text' },
          ],
          rows: peopleRows,
          emptyText: 'Personne n’a été invité à ces évènements.',
        },
      ],
    },
  };
}
