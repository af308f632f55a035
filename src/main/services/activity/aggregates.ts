/**
 * The activity figures summed in SQL: in all, by period, by structure, by territory (the
 * structure's EPCI), by request theme and by channel, over the reports matching a filter.
 *
 * For the dashboard and the exports (issue 7): call `activityAggregates(db, filter)` (or one
 * of the `totalsBy…` functions) and never sum reports in JavaScript, so that a chart, a table
 * and an Excel sheet built from the same filter always show the same figures.
 *
 * - A report counts when its whole period lies within [filter.from, filter.to] (either may be
 *   null: unbounded); structure, structure type and territory are the report's structure's
 *   (the Promeneur's structure when the figures were entered).
 * - `promeneurs` counts distinct Promeneurs; an erased Promeneur's reports stay in every sum
 *   but no longer count as a Promeneur.
 * - Age bands are summed over the reports that gave them (`ageBands.reports` of them).
 *
 * A filter that takes the whole network (no structure, type or territory) reads the sums kept
 * per period by triggers (migration 008): ten years of a nation are about 120 rows instead of
 * half a million reports. A filter on structures sums the matching reports. Both give the same
 * figures (tests/integration/activityPeriodTotals.test.ts).
 */
import { sql, type Expression, type ExpressionBuilder, type SqlBool } from 'kysely';
import type {
  ActivityAggregates,
  ActivityTotals,
  AggregateFilter,
} from '../../../shared/api/activity';
import { parsePeriod } from '../../../shared/rules/activity';
import type { Db } from '../../db/connection';
import type { ActivityReportsTable, Database, StructuresTable } from '../../db/schema';
import { compareText } from '../directory';
import { listEntries } from './lists';

type Scope = Database & { r: ActivityReportsTable; s: StructuresTable };

/** The filter as a condition on the report (r) and its structure (s). */
function matching(
  eb: ExpressionBuilder<Scope, 'r' | 's'>,
  f: AggregateFilter,
): Expression<SqlBool> {
  const conditions: Expression<SqlBool>[] = [];
  if (f.from) conditions.push(eb('r.periodStart', '>=', f.from));
  if (f.to) conditions.push(eb('r.periodEnd', '<=', f.to));
  if (f.structureId !== null) conditions.push(eb('r.structureId', '=', f.structureId));
  if (f.structureType !== null) conditions.push(eb('s.type', '=', f.structureType));
  if (f.territory !== null) conditions.push(eb('s.territory', '=', f.territory));
  return eb.and(conditions);
}

/** Whether the filter takes every structure, so the per-period sums answer it. */
const networkWide = (f: AggregateFilter) =>
  f.structureId === null && f.structureType === null && f.territory === null;

/** The periods (of the kept sums) within the filter's dates, with at least one report. */
const periods = (db: Db, f: AggregateFilter) =>
  db
    .selectFrom('activityPeriodTotals as t')
    .where('t.reports', '>', 0)
    .$if(Boolean(f.from), (q) => q.where('t.periodStart', '>=', f.from!))
    .$if(Boolean(f.to), (q) => q.where('t.periodEnd', '<=', f.to!));

/** The reports matching the filter, joined to their structure. */
const reports = (db: Db, f: AggregateFilter) =>
  db
    .selectFrom('activityReports as r')
    .leftJoin('structures as s', 's.id', 'r.structureId')
    .where((eb) => matching(eb, f));

/** The sums every grouping of reports selects. */
const SUMS = [
  sql<number>`count(*)`.as('reports'),
  sql<number>`count(distinct r.promeneur_id)`.as('promeneurs'),
  sql<number>`coalesce(sum(r.young_contacted), 0)`.as('youngContacted'),
  sql<number>`coalesce(sum(r.young_met), 0)`.as('youngMet'),
  sql<number>`coalesce(sum(r.projects_started), 0)`.as('projectsStarted'),
  sql<number>`coalesce(sum(r.exchanges), 0)`.as('exchanges'),
  sql<number>`coalesce(sum(r.concerns_referred), 0)`.as('concernsReferred'),
  sql<number>`coalesce(sum(r.hours_online_x100), 0)`.as('hoursX100'),
  sql<number>`count(r.age12to14)`.as('ageReports'),
  sql<number>`coalesce(sum(r.age12to14), 0)`.as('age12to14'),
  sql<number>`coalesce(sum(r.age15to17), 0)`.as('age15to17'),
  sql<number>`coalesce(sum(r.age18to25), 0)`.as('age18to25'),
];

/** The same sums over the kept per-period sums (`promeneurs` holds within one period only). */
const PERIOD_SUMS = [
  sql<number>`sum(t.reports)`.as('reports'),
  sql<number>`sum(t.promeneurs)`.as('promeneurs'),
  sql<number>`sum(t.young_contacted)`.as('youngContacted'),
  sql<number>`sum(t.young_met)`.as('youngMet'),
  sql<number>`sum(t.projects_started)`.as('projectsStarted'),
  sql<number>`sum(t.exchanges)`.as('exchanges'),
  sql<number>`sum(t.concerns_referred)`.as('concernsReferred'),
  sql<number>`sum(t.hours_online_x100)`.as('hoursX100'),
  sql<number>`sum(t.age_reports)`.as('ageReports'),
  sql<number>`sum(t.age12to14)`.as('age12to14'),
  sql<number>`sum(t.age15to17)`.as('age15to17'),
  sql<number>`sum(t.age18to25)`.as('age18to25'),
];

interface SumsRow {
  reports: number;
  promeneurs: number;
  youngContacted: number;
  youngMet: number;
  projectsStarted: number;
  exchanges: number;
  concernsReferred: number;
  hoursX100: number;
  ageReports: number;
  age12to14: number;
  age15to17: number;
  age18to25: number;
}

const totalsOf = (r: SumsRow): ActivityTotals => ({
  reports: Number(r.reports ?? 0),
  promeneurs: Number(r.promeneurs),
  youngContacted: Number(r.youngContacted),
  youngMet: Number(r.youngMet),
  projectsStarted: Number(r.projectsStarted),
  exchanges: Number(r.exchanges),
  concernsReferred: Number(r.concernsReferred),
  hoursOnline: Number(r.hoursX100) / 100,
  ageBands: {
    reports: Number(r.ageReports),
    age12to14: Number(r.age12to14),
    age15to17: Number(r.age15to17),
    age18to25: Number(r.age18to25),
  },
});

/** The figures of the totals that add up: every one but the distinct Promeneurs. */
export type ActivitySums = Omit<ActivityTotals, 'promeneurs'>;

/** Every report matching the filter, summed, without the distinct Promeneurs (a scan). */
export async function activitySums(db: Db, f: AggregateFilter): Promise<ActivitySums> {
  const row = networkWide(f)
    ? await periods(db, f).select(PERIOD_SUMS).executeTakeFirstOrThrow()
    : await reports(db, f).select(SUMS).executeTakeFirstOrThrow();
  const { promeneurs: _, ...sums } = totalsOf(row as SumsRow);
  return sums;
}

/** Every report matching the filter, summed. */
export async function activityTotals(db: Db, f: AggregateFilter): Promise<ActivityTotals> {
  const sums = await activitySums(db, f);
  // « +» keeps SQLite on the reports' dates: without statistics it would rather read every
  // report in Promeneur order to skip the sort of the distinct (30× slower for one year).
  const distinct = sql<number>`count(distinct +r.promeneur_id)`.as('promeneurs');
  const row = networkWide(f)
    ? await db
        .selectFrom('activityReports as r')
        .$if(Boolean(f.from), (q) => q.where('r.periodStart', '>=', f.from!))
        .$if(Boolean(f.to), (q) => q.where('r.periodEnd', '<=', f.to!))
        .select(distinct)
        .executeTakeFirstOrThrow()
    : await reports(db, f).select(distinct).executeTakeFirstOrThrow();
  return { ...sums, promeneurs: Number(row.promeneurs) };
}

/** Sums per period, oldest first. */
export async function totalsByPeriod(db: Db, f: AggregateFilter) {
  const rows = networkWide(f)
    ? await periods(db, f)
        .select(['t.periodKey', 't.periodStart', 't.periodEnd', ...PERIOD_SUMS])
        .groupBy('t.periodKey')
        .orderBy('t.periodStart')
        .orderBy('t.periodEnd', 'desc')
        .execute()
    : await reports(db, f)
        .select(['r.periodKey', 'r.periodStart', 'r.periodEnd', ...SUMS])
        .groupBy(['r.periodKey', 'r.periodStart', 'r.periodEnd'])
        .orderBy('r.periodStart')
        .orderBy('r.periodEnd', 'desc')
        .execute();
  return rows.map((r) => ({
    period: {
      key: r.periodKey,
      label: parsePeriod(r.periodKey)?.label ?? r.periodKey,
      start: r.periodStart,
      end: r.periodEnd,
    },
    ...totalsOf(r as unknown as SumsRow),
  }));
}

/** Sums per structure, by name (a deleted structure's reports: structureId null). */
export async function totalsByStructure(db: Db, f: AggregateFilter) {
  const rows = await reports(db, f)
    .select(['r.structureId', 's.name', ...SUMS])
    .groupBy(['r.structureId', 's.name'])
    .execute();
  return rows
    .map((r) => ({
      structureId: r.structureId,
      name: r.name,
      ...totalsOf(r as unknown as SumsRow),
    }))
    .sort((a, b) => compareText(a.name, b.name));
}

/** Sums per territory (EPCI) of the structures; null for structures without one. */
export async function totalsByTerritory(db: Db, f: AggregateFilter) {
  const rows = await reports(db, f)
    .select(['s.territory', ...SUMS])
    .groupBy('s.territory')
    .execute();
  return rows
    .map((r) => ({ territory: r.territory ?? null, ...totalsOf(r as unknown as SumsRow) }))
    .sort((a, b) => compareText(a.territory, b.territory));
}

/** Sums per theme or channel id, of the reports matching the filter. */
async function countsBy(
  db: Db,
  kind: 'theme' | 'channel',
  f: AggregateFilter,
): Promise<Map<number, number>> {
  const column = kind === 'theme' ? ('themeId' as const) : ('channelId' as const);
  const rows = networkWide(f)
    ? await periods(db, f)
        .innerJoin(
          kind === 'theme'
            ? 'activityPeriodThemeTotals as c'
            : ('activityPeriodChannelTotals as c' as 'activityPeriodThemeTotals as c'),
          'c.periodKey',
          't.periodKey',
        )
        .select([sql.ref<number>(`c.${column}`).as('id'), sql<number>`sum(c.count)`.as('total')])
        .groupBy(sql.ref(`c.${column}`))
        .execute()
    : await db
        .selectFrom(
          kind === 'theme'
            ? 'activityReportThemes as c'
            : ('activityReportChannels as c' as 'activityReportThemes as c'),
        )
        .innerJoin('activityReports as r', 'r.id', 'c.reportId')
        .leftJoin('structures as s', 's.id', 'r.structureId')
        .where((eb) => matching(eb as unknown as ExpressionBuilder<Scope, 'r' | 's'>, f))
        .select([sql.ref<number>(`c.${column}`).as('id'), sql<number>`sum(c.count)`.as('total')])
        .groupBy(sql.ref(`c.${column}`))
        .execute();
  return new Map(rows.map((r) => [Number(r.id), Number(r.total)]));
}

/** Requests per theme, every theme of the list in its order (zeros included). */
export async function totalsByTheme(db: Db, f: AggregateFilter) {
  const byId = await countsBy(db, 'theme', f);
  return (await listEntries(db, 'themes')).map((v) => ({
    id: v.id,
    label: v.label,
    count: byId.get(v.id) ?? 0,
  }));
}

/** Young people contacted per channel, every channel of the list in its order. */
export async function totalsByChannel(db: Db, f: AggregateFilter) {
  const byId = await countsBy(db, 'channel', f);
  return (await listEntries(db, 'channels')).map((v) => ({
    id: v.id,
    label: v.label,
    count: byId.get(v.id) ?? 0,
  }));
}

/** Everything the « Synthèse » tab, the dashboard and the exports show, for one filter. */
export async function activityAggregates(db: Db, f: AggregateFilter): Promise<ActivityAggregates> {
  return {
    totals: await activityTotals(db, f),
    byPeriod: await totalsByPeriod(db, f),
    byStructure: await totalsByStructure(db, f),
    byTerritory: await totalsByTerritory(db, f),
    byTheme: await totalsByTheme(db, f),
    byChannel: await totalsByChannel(db, f),
  };
}

/** Every territory written in the directory, for the filters. */
export async function territories(db: Db): Promise<string[]> {
  const rows = await db
    .selectFrom('structures')
    .select('territory')
    .distinct()
    .where('territory', 'is not', null)
    .execute();
  return rows.map((r) => r.territory!).sort((a, b) => compareText(a, b));
}
