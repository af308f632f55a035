/**
 * What the activity indicators add to the to-do list (À faire): one item per Promeneur whose
 * figures for the last ended period are missing, due some days after that period's end.
 * Marking it done sets it aside (remembered in todo_done): the figures may never come.
 */
import { sql } from 'kysely';
import { ACTIVITY_DUE_DAYS } from '../../../shared/domain/activity';
import { lastEndedPeriod, parsePeriod } from '../../../shared/rules/activity';
import { addDays } from '../../../shared/rules/conventions';
import { DomainError } from '../../../shared/result';
import type { Db } from '../../db/connection';
import { readSettings } from '../settings';
import { activeDuring } from './completeness';
import { doneKeys, isDone, setDone } from '../todoDone';
import type { TodoSink } from '../todo';

export const activityKey = (promeneurId: number, periodKey: string) =>
  `activity:${promeneurId}:${periodKey}`;

export const ACTIVITY_KEYS = {
  missing: /^activity:(\d+):(\d{4}(?:-\d{2}|-T[1-4])?)$/,
};

/**
 * The Promeneurs expected for the last ended period, without figures and not set aside.
 * SQL keeps only those without a report for the period, leaving out those who had left
 * before it (hundreds remain, out of thousands), each with their status history, oldest
 * first; the rule of who is expected (`activeDuring`) then judges them.
 */
export async function activityItems(
  db: Db,
  today: string,
  structureId: number | null,
  sink: TodoSink,
): Promise<void> {
  const { activityPeriod } = await readSettings(db);
  const period = lastEndedPeriod(activityPeriod, today);
  let select = db
    .selectFrom('promeneurs')
    .innerJoin('structures', 'structures.id', 'promeneurs.structureId')
    .leftJoin('statusHistory', (join) =>
      join
        .onRef('statusHistory.entityId', '=', 'promeneurs.id')
        .on('statusHistory.entity', '=', 'promeneur'),
    )
    .select([
      'promeneurs.id',
      'promeneurs.firstName',
      'promeneurs.lastName',
      'promeneurs.status',
      'promeneurs.structureId',
      'structures.name as structureName',
      'statusHistory.status as historyStatus',
      'statusHistory.since',
    ])
    .where('promeneurs.archivedAt', 'is', null)
    .where('promeneurs.id', 'not in', (eb) =>
      eb
        .selectFrom('activityReports')
        .select('activityReports.promeneurId')
        .where('activityReports.periodKey', '=', period.key)
        .where('activityReports.promeneurId', 'is not', null),
    )
    // Left before the period and not back: their last change of status, on or before its
    // first day, was to another status than « actif ». activeDuring would say no (nothing
    // changed during the period, and the status then was not « actif »): not read further.
    // That last status is their open interval (`status_intervals`, kept by triggers).
    .where(({ not, exists, selectFrom }) =>
      not(
        exists(
          selectFrom('statusIntervals as last')
            .select(sql.lit(1).as('one'))
            .where('last.entity', '=', 'promeneur')
            .whereRef('last.entityId', '=', 'promeneurs.id')
            .where('last.closes', 'is', null)
            .where('last.opens', '<=', period.start)
            .where('last.status', '!=', 'actif'),
        ),
      ),
    )
    .orderBy('promeneurs.id')
    .orderBy('statusHistory.since')
    .orderBy('statusHistory.id');
  if (structureId !== null) select = select.where('promeneurs.structureId', '=', structureId);
  const done = await doneKeys(db, 'activity:');
  const due = addDays(period.end, ACTIVITY_DUE_DAYS);
  const rows = await select.execute();
  for (let i = 0; i < rows.length;) {
    const p = rows[i]!;
    const history: { status: string; since: string }[] = [];
    for (; i < rows.length && rows[i]!.id === p.id; i++) {
      const h = rows[i]!;
      if (h.historyStatus !== null && h.since !== null)
        history.push({ status: h.historyStatus, since: h.since });
    }
    const key = activityKey(p.id, period.key);
    if (done.has(key) || !activeDuring(history, p.status, period)) continue;
    sink.add('activity_missing', due, p.structureId, () => ({
      key,
      kind: 'activity_missing',
      date: due,
      overdue: due < today,
      label: `Chiffres d’activité manquants : ${p.firstName} ${p.lastName}`,
      context: `Bilan ${period.label}`,
      structure: { id: p.structureId, name: p.structureName },
      link: `/activite?periode=${period.key}`,
    }));
  }
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
  if (await isDone(db, key)) return;
  const period = parsePeriod(periodKey);
  const promeneur = await db
    .selectFrom('promeneurs')
    .select('id')
    .where('id', '=', promeneurId)
    .executeTakeFirst();
  if (!period || !promeneur) throw unknownItem();
  await setDone(db, key, today);
}
