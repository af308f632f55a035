/**
 * The network over time: active Promeneurs and structures in the network on given days,
 * read from the status history in one query.
 */
import { sql } from 'kysely';
import { monthLabel } from '../../../shared/rules/dashboard';
import type { Db } from '../../db/connection';
import { statusOn, structureIn, type StructureScope } from './scope';

export interface NetworkPoint {
  date: string;
  label: string;
  promeneursActive: number;
  structuresInNetwork: number;
}

/**
 * Active Promeneurs (by their structure) and structures « dans le réseau » on each day,
 * archived records left out as on the home page.
 */
export async function networkOn(
  db: Db,
  days: string[],
  f: StructureScope,
): Promise<NetworkPoint[]> {
  if (days.length === 0) return [];
  const day = sql.ref('d.day');
  const values = sql.join(days.map((d) => sql`(${d})`));
  const { rows } = await sql<{ day: string; promeneurs: number; structures: number }>`
    with d(day) as (values ${values})
    select d.day as day,
      (select count(*) from promeneurs p join structures s on s.id = p.structure_id
        where p.archived_at is null and ${structureIn('s', f)}
          and ${statusOn('promeneur', 'p', day, 'status')} = 'actif') as promeneurs,
      (select count(*) from structures s
        where s.archived_at is null and ${structureIn('s', f)}
          and ${statusOn('structure', 's', day, 'network_status')} = 'dans_le_reseau') as structures
    from d order by d.day`.execute(db);
  return rows.map((r) => ({
    date: r.day,
    label: monthLabel(r.day),
    promeneursActive: Number(r.promeneurs),
    structuresInNetwork: Number(r.structures),
  }));
}
