/**
 * The network's meetings for the dashboard: held versus the yearly targets, attendance of
 * the departmental meetings, and the share of active Promeneurs trained in the last 12 months.
 */
import { sql } from 'kysely';
import type { CadenceFigure } from '../../../shared/api/dashboard';
import { CADENCE_GOALS, EVENT_TYPES, type CadenceType } from '../../../shared/domain/calendar';
import { shareOf } from '../../../shared/rules/dashboard';
import { addMonths } from '../../../shared/rules/dates';
import type { Db } from '../../db/connection';
import { cadenceTargets } from '../calendar/cadence';
import {
  holds,
  joinScope,
  scoped,
  statusIntervals,
  structureIn,
  type StructureScope,
} from './scope';

const CADENCE_TYPES = Object.keys(CADENCE_GOALS) as CadenceType[];

/** The day after a YYYY-MM-DD date, as the bound of a `start` (YYYY-MM-DDTHH:mm) range. */
const dayAfter = (iso: string) => sql<string>`date(${iso}, '+1 day')`;

/**
 * Meetings with a yearly target held within [from, to]: held, or past and not cancelled
 * (as the cadence goals count them); the target is the yearly one times the years touched.
 */
export async function meetingsHeld(
  db: Db,
  from: string,
  to: string,
  years: number,
  today: string,
): Promise<CadenceFigure[]> {
  const rows = await db
    .selectFrom('events')
    .select(['type', (eb) => eb.fn.countAll<number>().as('n')])
    .where('type', 'in', CADENCE_TYPES)
    .where('status', '!=', 'annule')
    .where((eb) => eb.or([eb('status', '=', 'tenu'), eb('start', '<', today)]))
    .where('start', '>=', from)
    .where('start', '<', dayAfter(to))
    .groupBy('type')
    .execute();
  const held = new Map(rows.map((r) => [r.type, Number(r.n)]));
  const targets = await cadenceTargets(db);
  return CADENCE_TYPES.map((type) => ({
    type,
    label: EVENT_TYPES[type],
    held: held.get(type) ?? 0,
    target: targets[type] * years,
  }));
}

/** Who an invitee's structure is: their own for a team member, their employer's for a Promeneur. */
const INVITEE_STRUCTURE = sql`structures s on s.id = coalesce(i.structure_id, p.structure_id)`;

export interface AttendanceRow {
  eventId: number;
  date: string;
  title: string;
  invited: number;
  present: number;
  excused: number;
  absent: number;
  rate: number | null;
}

/**
 * Departmental meetings of [from, to] that took place (held, or past and not cancelled),
 * with their invitees' attendance; under a structure filter only the invitees of the
 * structures in scope count (outside guests then do not). The invitees are read through the
 * meetings found (by type and date), the scope tested on each of them: a left join of the
 * invitees with the scope in its condition made SQLite materialise every invitation.
 */
export async function meetingAttendance(
  db: Db,
  from: string,
  to: string,
  today: string,
  f: StructureScope,
): Promise<AttendanceRow[]> {
  const inScope = scoped(f) ? structureIn('s', f) : sql`1 = 1`;
  // The invitees' structures are read only when the scope needs them.
  const whose = scoped(f)
    ? sql`left join promeneurs p on p.id = i.promeneur_id left join ${INVITEE_STRUCTURE}`
    : sql``;
  const { rows } = await sql<{
    id: number;
    start: string;
    title: string;
    invited: number;
    present: number;
    excused: number;
    absent: number;
  }>`
    select e.id as id, e.start as start, e.title as title,
      count(case when ${inScope} then i.id end) as invited,
      coalesce(sum(case when ${inScope} then i.attendance = 'present' end), 0) as present,
      coalesce(sum(case when ${inScope} then i.attendance = 'excuse' end), 0) as excused,
      coalesce(sum(case when ${inScope} then i.attendance = 'absent' end), 0) as absent
    from events e
      left join event_invitees i on i.event_id = e.id
      ${whose}
    where e.type = 'rencontre_departementale' and e.status != 'annule'
      and (e.status = 'tenu' or e.start < ${today})
      and e.start >= ${from} and e.start < ${dayAfter(to)}
    group by e.id order by e.start, e.id`.execute(db);
  return rows.map((r) => {
    const [present, excused, absent] = [r.present, r.excused, r.absent].map(Number) as [
      number,
      number,
      number,
    ];
    return {
      eventId: r.id,
      date: r.start.slice(0, 10),
      title: r.title,
      invited: Number(r.invited),
      present,
      excused,
      absent,
      rate: shareOf(present, present + excused + absent),
    };
  });
}

/**
 * Promeneurs active on `day` (structures in scope), and those of them marked present at a
 * training (not cancelled) within the 12 months up to that day.
 */
export async function trainingCoverage(
  db: Db,
  day: string,
  f: StructureScope,
): Promise<{ active: number; trained: number; share: number | null }> {
  const since = addMonths(day, -12);
  const { rows } = await sql<{ active: number; trained: number }>`
    with pi as (${statusIntervals('promeneur')}),
    trained as (
      select distinct i.promeneur_id as id
      from events e join event_invitees i on i.event_id = e.id
      where e.type = 'formation' and e.status != 'annule'
        and e.start > ${since} and e.start < ${dayAfter(day)}
        and i.attendance = 'present' and i.promeneur_id is not null
    )
    select count(*) as active, count(t.id) as trained
    from pi join promeneurs p on p.id = pi.id ${joinScope('p.structure_id', f)}
      left join trained t on t.id = p.id
    where pi.status = 'actif' and ${holds('pi', sql`${day}`)} and p.archived_at is null`.execute(
    db,
  );
  const active = Number(rows[0]?.active ?? 0);
  const trained = Number(rows[0]?.trained ?? 0);
  return { active, trained, share: shareOf(trained, active) };
}
