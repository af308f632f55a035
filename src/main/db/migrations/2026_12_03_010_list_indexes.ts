/**
 * The directory lists sorted and paged in SQL: each structure and Promeneur gets a `sort_key`
 * (its name in French alphabetical order as a plain string, `sortKey` in shared/rules/text),
 * filled here for the records already kept, and the Promeneurs list's default order (the
 * records not archived, by last then first name) reads from an index, so its first page does
 * not sort the whole network. Justified by tests/integration/queryPlans.test.ts.
 */
import { sql, type Kysely } from 'kysely';
import { sortKey, sortKeyOf } from '../../../shared/rules/text';

export async function up(db: Kysely<unknown>): Promise<void> {
  for (const table of ['structures', 'promeneurs'])
    await db.schema
      .alterTable(table)
      .addColumn('sort_key', 'text', (c) => c.notNull().defaultTo(''))
      .execute();

  const structures = await sql<{ id: number; name: string }>`
    select id, name from structures`.execute(db);
  for (const s of structures.rows)
    await sql`update structures set sort_key = ${sortKey(s.name)} where id = ${s.id}`.execute(db);

  // Aliased: the connection's plugin would turn first_name into firstName.
  const promeneurs = await sql<{ id: number; last: string; first: string }>`
    select id, last_name as last, first_name as first from promeneurs`.execute(db);
  for (const p of promeneurs.rows)
    await sql`update promeneurs set sort_key = ${sortKeyOf([p.last, p.first])} where id = ${p.id}`.execute(
      db,
    );

  await db.schema
    .createIndex('promeneurs_list_order')
    .on('promeneurs')
    .columns(['archived_at', 'sort_key'])
    .execute();
}
