/**
 * Subsidies per year, summed in SQL: committed by the signed conventions (their terms as
 * amended, as `amendedTerms` computes them: each amendment's amounts over the previous ones,
 * by date of signature, and its end date), and paid.
 *
 * A year counts as committed when it lies between the convention's start and its last day in
 * force (the amended end, or the day before a termination): a year cut off by a
 * termination or a rescission is no longer committed.
 */
import { sql } from 'kysely';
import type { Db } from '../../db/connection';
import { joinScope, scoped, type StructureScope } from './scope';

/** Statuses of a signed agreement: its subsidy is committed. */
export const SIGNED_STATUSES = ['signee', 'en_cours', 'echue', 'resiliee', 'resolue'] as const;

export interface SubsidyYear {
  year: number;
  committedCents: number;
  paidCents: number;
}

/** The end as amended: the latest amendment that moved it, else the signed end. */
const amendedEnd = sql`coalesce(
  (select a.end_date from convention_amendments a
    where a.convention_id = c.id and a.end_date is not null
    order by a.signed_on desc, a.id desc limit 1),
  c.end_date)`;

/** The last day in force (as `lastDayInForce`). */
export const lastDayInForce = sql<string>`case
  when c.ended_on is not null and date(c.ended_on, '-1 day') < ${amendedEnd}
  then date(c.ended_on, '-1 day') else ${amendedEnd} end`;

const signed = sql.join(SIGNED_STATUSES.map((s) => sql`${s}`));

/** Committed and paid in one year, by the conventions of one structure or of all in scope. */
export interface StructureSubsidyYear extends SubsidyYear {
  structureId: number;
}

/**
 * Committed and paid per year for the conventions of the structures in scope, oldest first.
 *
 * The signed conventions in scope are materialised first (a few thousand rows at most), then
 * each one's amounts are read through its key (`convention_subsidies`' primary key, the
 * amendments' index): the amounts are never all windowed then probed per structure, which
 * cost seconds on the national vault. Only the amendments' amounts are windowed (the latest per
 * convention and year); a signed amount counts when no amendment gave that year again, so the
 * thirteen thousand signed amounts are summed without a sort. Committed and paid are two
 * grouped queries put side by side here (joining them in SQL built temporary indexes: twice
 * the time); the paid amounts of the whole network are read from their partial index
 * (`payments_paid`, migration 011) alone.
 */
export async function subsidiesByYear(db: Db, f: StructureScope): Promise<SubsidyYear[]> {
  const rows = await subsidies(db, f, false);
  return rows.map(({ year, committedCents, paidCents }) => ({ year, committedCents, paidCents }));
}

/** The same per structure and year, by structure then year, in one query. */
export function subsidiesByStructureAndYear(
  db: Db,
  f: StructureScope,
): Promise<StructureSubsidyYear[]> {
  return subsidies(db, f, true);
}

async function subsidies(
  db: Db,
  f: StructureScope,
  perStructure: boolean,
): Promise<StructureSubsidyYear[]> {
  // Without the split per structure, every row has structure 0 and only years are grouped.
  const [structure, groups] = perStructure
    ? [sql`structure_id`, sql`structure_id, year`]
    : [sql`0`, sql`year`];
  const committed = await sql<Summed>`
    with scoped as materialized (
      select c.id, c.structure_id, cast(substr(c.start_date, 1, 4) as integer) as first_year,
        cast(substr(${lastDayInForce}, 1, 4) as integer) as last_year
      from conventions c ${joinScope('c.structure_id', f)}
      where c.status in (${signed})
    ),
    amended as materialized (
      select convention_id, year, amount_cents from (
        select a.convention_id, json_extract(j.value, '$.year') as year,
          json_extract(j.value, '$.amountCents') as amount_cents,
          row_number() over (partition by a.convention_id, json_extract(j.value, '$.year')
            order by a.signed_on desc, a.id desc) as rn
        from scoped sc join convention_amendments a on a.convention_id = sc.id,
          json_each(a.subsidies) j
      ) where rn = 1
    ),
    amounts as (
      select sc.structure_id, cs.year, cs.amount_cents, sc.first_year, sc.last_year
      from scoped sc join convention_subsidies cs on cs.convention_id = sc.id
      where not exists (select 1 from amended m where m.convention_id = sc.id and m.year = cs.year)
      union all
      select sc.structure_id, m.year, m.amount_cents, sc.first_year, sc.last_year
      from amended m join scoped sc on sc.id = m.convention_id
    )
    select ${structure} as structure, year, sum(amount_cents) as cents from amounts
    where year between first_year and last_year
    group by ${groups}`.execute(db);
  // Every payment's convention and structure exist (required foreign keys): they are joined only
  // to split or filter by structure.
  const byStructure = perStructure || scoped(f);
  const paid = await sql<Summed>`
    select ${structure} as structure, p.year as year, sum(p.amount_cents) as cents
    from convention_payments p
      ${byStructure ? sql`join conventions c on c.id = p.convention_id ${joinScope('c.structure_id', f)}` : sql``}
    where p.paid_on is not null
    group by ${groups}`.execute(db);
  // The two sums side by side, by structure then year.
  const byKey = new Map<string, StructureSubsidyYear>();
  const entry = (r: Summed) => {
    const key = `${r.structure}:${r.year}`;
    let e = byKey.get(key);
    if (!e) {
      e = {
        structureId: Number(r.structure),
        year: Number(r.year),
        committedCents: 0,
        paidCents: 0,
      };
      byKey.set(key, e);
    }
    return e;
  };
  for (const r of committed.rows) entry(r).committedCents = Number(r.cents);
  for (const r of paid.rows) entry(r).paidCents = Number(r.cents);
  return [...byKey.values()].sort((a, b) => a.structureId - b.structureId || a.year - b.year);
}

interface Summed {
  structure: number;
  year: number;
  cents: number;
}

/** Signed conventions of the structures in scope in force on `day`. */
export async function conventionsInForce(db: Db, day: string, f: StructureScope): Promise<number> {
  const { rows } = await sql<{ n: number }>`
    select count(*) as n from conventions c ${joinScope('c.structure_id', f)}
    where c.status in (${signed})
      and c.start_date <= ${day} and ${lastDayInForce} >= ${day}`.execute(db);
  return Number(rows[0]?.n ?? 0);
}
