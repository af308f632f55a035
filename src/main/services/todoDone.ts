/**
 * The to-do items set aside by hand (« Marquer comme fait ») whose record has nothing to change,
 * remembered in todo_done by their key: a yearly goal, missing figures, an end or notice date.
 * Every capability's todoItems reads and writes them here.
 */
import type { Db } from '../db/connection';

/** The keys set aside that start with `prefix` (« activity: », « cadence: », « convention: »). */
export async function doneKeys(db: Db, prefix: string): Promise<Set<string>> {
  const rows = await db
    .selectFrom('todoDone')
    .select('key')
    .where('key', 'like', `${prefix}%`)
    .execute();
  return new Set(rows.map((r) => r.key));
}

/** Whether the item `key` is already set aside. */
export async function isDone(db: Db, key: string): Promise<boolean> {
  const row = await db
    .selectFrom('todoDone')
    .select('key')
    .where('key', '=', key)
    .executeTakeFirst();
  return row !== undefined;
}

/** Sets the item `key` aside on `today`. */
export async function setDone(db: Db, key: string, today: string): Promise<void> {
  await db.insertInto('todoDone').values({ key, doneOn: today }).execute();
}
