/**
 * The network over time: active Promeneurs and structures in the network on given days,
 * read from the status history in one query.
 */
import { sql } from 'kysely';
import { monthLabel } from '../../../shared/rules/dashboard';
import type { Db } from '../../db/connection';
import { statusIntervals, structureIn, type StructureScope } from './scope';

export interface NetworkPoint {
  date: string;
  label: string;
  promeneursActive: number;
  structuresInNetwork: number;
}

/**
 * Active Promeneurs (by their structure) and structures « dans le réseau » on each day,
 * archived records left out as on the home page.
 *
 * Counted as running sums in one sort: each interval of the wanted status (`statusIntervals`)
 * adds one on its start and takes it back on its end, and each day reads the sum of the marks
 * dated on or before it (a day's mark sorts after the intervals' marks of the same date).
 */
export async function networkOn(
  db: Db,
  days: string[],
  f: StructureScope,
): Promise<NetworkPoint[]> {
  if (days.length === 0) return [];
  const values = sql.join(days.map((d) => sql`(${d})`));
  const { rows } = await sql<{ day: string; promeneurs: number; structures: number }>`
    with d(day) as (values ${values}),
    pi as (${statusIntervals('promeneur')}),
    si as (${statusIntervals('structure')}),
    active as (
      select i.opens, i.closes from pi i
        join promeneurs p on p.id = i.id join structures s on s.id = p.structure_id
      where i.status = 'actif' and p.archived_at is null and ${structureIn('s', f)}
    ),
    member as (
      select i.opens, i.closes from si i join structures s on s.id = i.id
      where i.status = 'dans_le_reseau' and s.archived_at is null and ${structureIn('s', f)}
    ),
    marks(date, kind, p, s) as (
      select opens, 0, 1, 0 from active
      union all select closes, 0, -1, 0 from active where closes is not null
      union all select opens, 0, 0, 1 from member
      union all select closes, 0, 0, -1 from member where closes is not null
      union all select day, 1, 0, 0 from d
    ),
    running as (
      select date, kind, sum(p) over w as promeneurs, sum(s) over w as structures
      from marks window w as (order by date, kind rows unbounded preceding)
    )
    select date as day, promeneurs, structures from running where kind = 1
    order by day`.execute(db);
  return rows.map((r) => ({
    date: r.day,
    label: monthLabel(r.day),
    promeneursActive: Number(r.promeneurs),
    structuresInNetwork: Number(r.structures),
  }));
}
