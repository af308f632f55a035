/**
 * The dashboard (« Tableau de bord »): the network's key figures and series for a period
 * and a structure filter. Every figure is summed in SQL by the capability's own queries
 * (activity aggregates, cadence targets, the to-do list) or by the modules here; the
 * « Bilan annuel » export calls `dashboardData` too, so both always show the same figures.
 */
import { sql } from 'kysely';
import type {
  DashboardData,
  DashboardFilters,
  DashboardOptions,
} from '../../../shared/api/dashboard';
import type { AggregateFilter } from '../../../shared/api/activity';
import type { StructureType } from '../../../shared/domain/directory';
import { resolvePeriod, seriesDates } from '../../../shared/rules/dashboard';
import { todayInParis } from '../../../shared/rules/dates';
import type { Db } from '../../db/connection';
import type { HandlersOf, RoutesOf } from '../../ipc/router';
import {
  activitySums,
  territories,
  totalsByChannel,
  totalsByPeriod,
  totalsByTheme,
} from '../activity/aggregates';
import { compareText } from '../directory';
import { meetingAttendance, meetingsHeld, trainingCoverage } from './meetings';
import { conventionsInForce, subsidiesByYear } from './money';
import { networkOn } from './network';
import { todoByKind } from './todo';

export type { DashboardData, DashboardFilters } from '../../../shared/api/dashboard';

/** Everything the dashboard shows for the filters, as of `today` (YYYY-MM-DD in Paris). */
export async function dashboardData(
  db: Db,
  filters: DashboardFilters,
  today: string = todayInParis(),
): Promise<DashboardData> {
  const period = resolvePeriod(filters, today);
  const scope = {
    territory: filters.territory,
    structureType: filters.structureType,
    structureId: filters.structureId,
  };
  const activityFilter: AggregateFilter = { from: period.from, to: period.to, ...scope };

  const network = await networkOn(db, seriesDates(period.from, period.asOf), scope);
  const now = network.at(-1);
  const subsidies = await subsidiesByYear(db, scope);
  const ofPeriod = subsidies.filter((s) => period.years.includes(s.year));
  const activity = await activitySums(db, activityFilter);
  const todo = await todoByKind(db, today, scope);
  const structure =
    filters.structureId === null
      ? undefined
      : await db
          .selectFrom('structures')
          .select('name')
          .where('id', '=', filters.structureId)
          .executeTakeFirst();

  return {
    filters: { ...scope, structureName: structure?.name ?? null },
    period,
    figures: {
      promeneursActive: now?.promeneursActive ?? 0,
      structuresInNetwork: now?.structuresInNetwork ?? 0,
      conventionsInForce: await conventionsInForce(db, period.asOf, scope),
      subsidies: {
        committedCents: ofPeriod.reduce((t, s) => t + s.committedCents, 0),
        paidCents: ofPeriod.reduce((t, s) => t + s.paidCents, 0),
      },
      activity: {
        reports: activity.reports,
        youngContacted: activity.youngContacted,
        youngMet: activity.youngMet,
        projectsStarted: activity.projectsStarted,
      },
      meetings: await meetingsHeld(db, period.from, period.to, period.years.length, today),
      training: await trainingCoverage(db, period.asOf, scope),
      overdue: todo.reduce((t, k) => t + k.overdue, 0),
    },
    series: {
      network,
      activity: (await totalsByPeriod(db, activityFilter)).map((p) => ({
        key: p.period.key,
        label: p.period.label,
        youngContacted: p.youngContacted,
        youngMet: p.youngMet,
      })),
      themes: (await totalsByTheme(db, activityFilter)).map(({ label, count }) => ({
        label,
        count,
      })),
      channels: (await totalsByChannel(db, activityFilter)).map(({ label, count }) => ({
        label,
        count,
      })),
      attendance: await meetingAttendance(db, period.from, period.to, today, scope),
      subsidies,
      todo,
    },
  };
}

/** What the filters offer: territories, structures, and the years with any record. */
export async function dashboardOptions(
  db: Db,
  today: string = todayInParis(),
): Promise<DashboardOptions> {
  const structures = await db
    .selectFrom('structures')
    .select(['id', 'name', 'type', 'territory'])
    .where('archivedAt', 'is', null)
    .execute();
  const { rows } = await sql<{ year: number }>`
    select distinct year from (
      select cast(substr(start, 1, 4) as integer) as year from events
      union select cast(substr(period_start, 1, 4) as integer) from activity_period_totals
        where reports > 0
      union select year from convention_subsidies
      union select year from convention_payments
      union select cast(substr(since, 1, 4) as integer) from status_history
      union select ${Number(today.slice(0, 4))}
    ) order by year desc`.execute(db);
  return {
    territories: await territories(db),
    structures: structures
      .map((s) => ({ ...s, type: s.type as StructureType }))
      .sort((a, b) => compareText(a.name, b.name)),
    years: rows.map((r) => Number(r.year)),
  };
}

export const dashboardHandlers: HandlersOf<RoutesOf<'dashboard'>> = {
  'dashboard.data': (input, { session }) => dashboardData(session.db, input),
  'dashboard.options': (_input, { session }) => dashboardOptions(session.db),
};
