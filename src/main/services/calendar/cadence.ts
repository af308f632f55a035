/**
 * The yearly cadence goals (departmental meetings, COPIL, COTECH): the targets held in the
 * settings, against the events of the year that were held or are still planned.
 */
import { CADENCE_GOALS, type CadenceType, type EventStatus } from '../../../shared/domain/calendar';
import {
  cadenceGoals,
  type CadenceGoal,
  type CadenceTargets,
} from '../../../shared/rules/calendar';
import { todayInParis } from '../../../shared/rules/dates';
import type { Db } from '../../db/connection';
import { readSettings } from '../settings';

const CADENCE_TYPES = Object.keys(CADENCE_GOALS) as CadenceType[];

export async function cadenceTargets(db: Db): Promise<CadenceTargets> {
  const settings = await readSettings(db);
  return Object.fromEntries(
    CADENCE_TYPES.map((type) => [type, settings[CADENCE_GOALS[type]]]),
  ) as CadenceTargets;
}

/** Where each goal of `year` stands on `today`. */
export async function cadenceOf(
  db: Db,
  year: number,
  today: string = todayInParis(),
): Promise<CadenceGoal[]> {
  const events = await db
    .selectFrom('events')
    .select(['type', 'start', 'status'])
    .where('type', 'in', CADENCE_TYPES)
    .where('start', '>=', `${year}-01-01`)
    .where('start', '<', `${year + 1}-01-01`)
    .execute();
  return cadenceGoals(
    events.map((e) => ({ ...e, status: e.status as EventStatus })),
    await cadenceTargets(db),
    year,
    today,
  );
}
