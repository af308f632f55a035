/**
 * What the activity indicators add to the to-do list (À faire): one item per Promeneur whose
 * figures for the last ended period are missing, due some days after that period's end.
 * Marking it done sets it aside (remembered in todo_done): the figures may never come.
 */
import type { TodoItem } from '../../../shared/api/todo';
import { ACTIVITY_DUE_DAYS } from '../../../shared/domain/activity';
import { lastEndedPeriod, parsePeriod } from '../../../shared/rules/activity';
import { addDays } from '../../../shared/rules/conventions';
import { DomainError } from '../../../shared/result';
import type { Db } from '../../db/connection';
import { readSettings } from '../settings';
import { expectedPromeneurs } from './completeness';

export const activityKey = (promeneurId: number, periodKey: string) =>
  `activity:${promeneurId}:${periodKey}`;

export const ACTIVITY_KEYS = {
  missing: /^activity:(\d+):(\d{4}(?:-\d{2}|-T[1-4])?)$/,
};

/** The Promeneurs expected for the last ended period, without figures and not set aside. */
export async function activityItems(
  db: Db,
  today: string,
  structureId: number | null,
): Promise<TodoItem[]> {
  const done = new Set(
    (
      await db.selectFrom('todoDone').select('key').where('key', 'like', 'activity:%').execute()
    ).map((r) => r.key),
  );
  const { activityPeriod } = await readSettings(db);
  const period = lastEndedPeriod(activityPeriod, today);
  const received = new Set(
    (
      await db
        .selectFrom('activityReports')
        .select('promeneurId')
        .where('periodKey', '=', period.key)
        .where('promeneurId', 'is not', null)
        .execute()
    ).map((r) => r.promeneurId!),
  );
  const due = addDays(period.end, ACTIVITY_DUE_DAYS);
  return (await expectedPromeneurs(db, period))
    .filter(
      (p) =>
        !received.has(p.promeneurId) &&
        !done.has(activityKey(p.promeneurId, period.key)) &&
        (structureId === null || p.structure.id === structureId),
    )
    .map((p) => ({
      key: activityKey(p.promeneurId, period.key),
      kind: 'activity_missing' as const,
      date: due,
      overdue: due < today,
      label: `Chiffres d’activité manquants : ${p.name}`,
      context: `Bilan ${period.label}`,
      structure: p.structure,
      link: `/activite?periode=${period.key}`,
    }));
}

const unknownItem = () =>
  new DomainError(
    'NOT_FOUND',
    'Cet élément de la liste « À faire » n’existe plus : la liste a peut-être changé entre-temps.',
  );

/** Missing figures set aside: remembered in todo_done, so the item leaves the list. */
export async function activityDone(
  db: Db,
  promeneurId: number,
  periodKey: string,
  today: string,
): Promise<void> {
  const key = activityKey(promeneurId, periodKey);
  const already = await db
    .selectFrom('todoDone')
    .select('key')
    .where('key', '=', key)
    .executeTakeFirst();
  if (already) return;
  const period = parsePeriod(periodKey);
  const promeneur = await db
    .selectFrom('promeneurs')
    .select('id')
    .where('id', '=', promeneurId)
    .executeTakeFirst();
  if (!period || !promeneur) throw unknownItem();
  await db.insertInto('todoDone').values({ key, doneOn: today }).execute();
}
