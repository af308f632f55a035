/**
 * The network over time: active Promeneurs and structures in the network on given days,
 * read from the status intervals kept by triggers (migration 011) in one query.
 */
import { sql } from 'kysely';
import { monthLabel } from '../../../shared/rules/dashboard';
import type { Db } from '../../db/connection';
import { joinScope, statusIntervals, structureIn, type StructureScope } from './scope';

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
 * Counted as running sums over the kept intervals of the wanted status (`statusIntervals`):
 * each interval adds one on its start and takes it back on its end. The sums start from the
 * first day's counts (every mark dated on or before it, summed without sorting); only the marks
 * after it, up to the last day, are sorted, and each later day reads the sum of the marks dated
 * on or before it (a day's mark sorts after the intervals' marks of the same date).
 */
export async function networkOn(
  db: Db,
  days: string[],
  f: StructureScope,
): Promise<NetworkPoint[]> {
  if (days.length === 0) return [];
  const values = sql.join(days.map((d) => sql`(${d})`));
  const sorted = [...days].sort();
  const [first, last] = [sorted[0]!, sorted.at(-1)!];
  const { rows } = await sql<{ day: string; promeneurs: number; structures: number }>`
    with d(day) as (values ${values}),
    pi as (${statusIntervals('promeneur')}),
    si as (${statusIntervals('structure')}),
    active as materialized (
      select i.opens, i.closes from pi i join promeneurs p on p.id = i.id
        ${joinScope('p.structure_id', f)}
      where i.status = 'actif' and p.archived_at is null
    ),
    member as materialized (
      select i.opens, i.closes from si i join structures s on s.id = i.id
      where i.status = 'dans_le_reseau' and s.archived_at is null and ${structureIn('s', f)}
    ),
    marks(date, p, s) as (
      select opens, 1, 0 from active
      union all select closes, -1, 0 from active where closes is not null
      union all select opens, 0, 1 from member
      union all select closes, 0, -1 from member where closes is not null
    ),
    start as (
      select coalesce(sum(p), 0) as p, coalesce(sum(s), 0) as s from marks where date <= ${first}
    ),
    later(date, kind, p, s) as (
      select date, 0, p, s from marks where date > ${first} and date <= ${last}
      union all select day, 1, 0, 0 from d
    ),
    running as (
      select date, kind, sum(p) over w as p, sum(s) over w as s
      from later window w as (order by date, kind rows unbounded preceding)
    )
    select r.date as day, start.p + r.p as promeneurs, start.s + r.s as structures
    from running r, start where r.kind = 1
    order by day`.execute(db);
  return rows.map((r) => ({
    date: r.day,
    label: monthLabel(r.day),
    promeneursActive: Number(r.promeneurs),
    structuresInNetwork: Number(r.structures),
  }));
}
