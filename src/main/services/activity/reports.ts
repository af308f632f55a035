/**
 * Activity reports: one Promeneur's figures for one period, entered by hand or imported from
 * a returned template. The structure is the Promeneur's at the time of entry, so a later move
 * does not shift past figures between structures.
 */
import type { Selectable } from 'kysely';
import type { ActivityFigures, ActivityReport } from '../../../shared/api/activity';
import {
  ACTIVITY_PERIOD_KINDS,
  AGE_BANDS,
  type ActivitySource,
} from '../../../shared/domain/activity';
import {
  hoursToHundredths,
  hundredthsToHours,
  parsePeriod,
  type Period,
} from '../../../shared/rules/activity';
import { diffRecords } from '../../../shared/rules/diff';
import { todayInParis } from '../../../shared/rules/dates';
import { DomainError } from '../../../shared/result';
import { inTransaction, type Db } from '../../db/connection';
import type { ActivityReportsTable } from '../../db/schema';
import { recordAudit } from '../audit';
import { readSettings } from '../settings';
import { listEntries } from './lists';

type ReportRow = Selectable<ActivityReportsTable>;

export const reportNotFound = () =>
  new DomainError('NOT_FOUND', 'Ces chiffres d’activité n’existent pas ou ont été supprimés.');

export const promeneurNotFound = () =>
  new DomainError('NOT_FOUND', 'Ce Promeneur du Net n’existe pas ou a été effacé.');

/** A period key of the route, read (the schema already checked it). */
export function periodOfKey(key: string): Period {
  const period = parsePeriod(key);
  if (!period)
    throw new DomainError('INVALID_INPUT', 'Saisie à corriger : période invalide.', {
      periodKey: 'Période invalide.',
    });
  return period;
}

/**
 * Figures are entered for the reporting period of the settings, once it has started: two
 * kinds side by side would count the same months twice in the totals.
 */
export async function assertEnterable(db: Db, period: Period, today = todayInParis()) {
  const { activityPeriod } = await readSettings(db);
  if (period.kind !== activityPeriod)
    throw new DomainError(
      'INVALID_INPUT',
      `Saisie à corriger : la collecte est ${ACTIVITY_PERIOD_KINDS[activityPeriod].toLowerCase()} (voir les paramètres) ; « ${period.label} » n’est pas une période de ce type.`,
      { periodKey: 'Période d’un autre type que celui des paramètres.' },
    );
  if (period.start > today)
    throw new DomainError(
      'INVALID_INPUT',
      `Saisie à corriger : la période « ${period.label} » n’a pas encore commencé.`,
      { periodKey: 'Cette période n’a pas encore commencé.' },
    );
}

/** Refuses channels or themes that are not (or no longer) in the settings' lists. */
async function assertListIds(db: Db, f: ActivityFigures): Promise<void> {
  for (const list of ['channels', 'themes'] as const) {
    const known = new Set((await listEntries(db, list)).map((v) => v.id));
    const i = f[list].findIndex((c) => !known.has(c.id));
    if (i >= 0) {
      const message =
        list === 'channels'
          ? 'Un des canaux n’existe plus dans les paramètres.'
          : 'Un des thèmes n’existe plus dans les paramètres.';
      throw new DomainError('INVALID_INPUT', `Saisie à corriger : ${message}`, {
        [`figures.${list}.${i}.id`]: message,
      });
    }
  }
}

const columnsOf = (f: ActivityFigures) => ({
  youngContacted: f.youngContacted,
  youngMet: f.youngMet,
  projectsStarted: f.projectsStarted,
  exchanges: f.exchanges,
  concernsReferred: f.concernsReferred,
  hoursOnlineX100: hoursToHundredths(f.hoursOnline),
  age12to14: f.ageBands?.age12to14 ?? null,
  age15to17: f.ageBands?.age15to17 ?? null,
  age18to25: f.ageBands?.age18to25 ?? null,
  partners: f.partners,
  projectsText: f.projectsText,
  qualityNotes: f.qualityNotes,
  difficulties: f.difficulties,
  trainingWishes: f.trainingWishes,
});

/** Per-channel and per-theme counts: only the values given a number above zero are kept. */
async function writeCounts(db: Db, reportId: number, f: ActivityFigures): Promise<void> {
  await db.deleteFrom('activityReportChannels').where('reportId', '=', reportId).execute();
  await db.deleteFrom('activityReportThemes').where('reportId', '=', reportId).execute();
  const channels = f.channels.filter((c) => c.count > 0);
  const themes = f.themes.filter((c) => c.count > 0);
  if (channels.length > 0)
    await db
      .insertInto('activityReportChannels')
      .values(channels.map((c) => ({ reportId, channelId: c.id, count: c.count })))
      .execute();
  if (themes.length > 0)
    await db
      .insertInto('activityReportThemes')
      .values(themes.map((c) => ({ reportId, themeId: c.id, count: c.count })))
      .execute();
}

/** Reads reports with their counts per channel and theme, and who and where they are from. */
export async function reportsWhere(
  db: Db,
  where: { ids?: number[]; periodKey?: string; promeneurId?: number },
): Promise<ActivityReport[]> {
  let query = db
    .selectFrom('activityReports')
    .leftJoin('promeneurs', 'promeneurs.id', 'activityReports.promeneurId')
    .leftJoin('structures', 'structures.id', 'activityReports.structureId')
    .selectAll('activityReports')
    .select(['promeneurs.firstName', 'promeneurs.lastName', 'structures.name as structureName']);
  if (where.ids)
    query = query.where('activityReports.id', 'in', where.ids.length ? where.ids : [-1]);
  if (where.periodKey !== undefined)
    query = query.where('activityReports.periodKey', '=', where.periodKey);
  if (where.promeneurId !== undefined)
    query = query.where('activityReports.promeneurId', '=', where.promeneurId);
  const rows = await query
    .orderBy('activityReports.periodStart', 'desc')
    .orderBy('promeneurs.lastName')
    .orderBy('activityReports.id')
    .execute();
  if (rows.length === 0) return [];
  const ids = rows.map((r) => r.id);
  const channels = await db
    .selectFrom('activityReportChannels')
    .innerJoin('activityChannels', 'activityChannels.id', 'activityReportChannels.channelId')
    .select(['reportId', 'channelId as id', 'count'])
    .where('reportId', 'in', ids)
    .orderBy('activityChannels.position')
    .execute();
  const themes = await db
    .selectFrom('activityReportThemes')
    .innerJoin('activityThemes', 'activityThemes.id', 'activityReportThemes.themeId')
    .select(['reportId', 'themeId as id', 'count'])
    .where('reportId', 'in', ids)
    .orderBy('activityThemes.position')
    .execute();
  return rows.map((r) => reportOf(r, channels, themes));
}

function reportOf(
  r: ReportRow & {
    firstName: string | null;
    lastName: string | null;
    structureName: string | null;
  },
  channels: { reportId: number; id: number; count: number }[],
  themes: { reportId: number; id: number; count: number }[],
): ActivityReport {
  const period = parsePeriod(r.periodKey)!;
  const own = (list: typeof channels) =>
    list.filter((c) => c.reportId === r.id).map(({ id, count }) => ({ id, count }));
  return {
    id: r.id,
    promeneurId: r.promeneurId,
    promeneurName: r.firstName === null ? null : `${r.firstName} ${r.lastName ?? ''}`.trim(),
    structure: r.structureId === null ? null : { id: r.structureId, name: r.structureName ?? '' },
    period: { key: period.key, label: period.label, start: period.start, end: period.end },
    source: r.source as ActivitySource,
    fileName: r.fileName,
    createdAt: r.createdAt,
    updatedAt: r.updatedAt,
    figures: {
      youngContacted: r.youngContacted,
      youngMet: r.youngMet,
      projectsStarted: r.projectsStarted,
      exchanges: r.exchanges,
      concernsReferred: r.concernsReferred,
      hoursOnline: hundredthsToHours(r.hoursOnlineX100),
      ageBands:
        r.age12to14 === null
          ? null
          : { age12to14: r.age12to14, age15to17: r.age15to17 ?? 0, age18to25: r.age18to25 ?? 0 },
      channels: own(channels),
      themes: own(themes),
      partners: r.partners,
      projectsText: r.projectsText,
      qualityNotes: r.qualityNotes,
      difficulties: r.difficulties,
      trainingWishes: r.trainingWishes,
    },
  };
}

export async function getReport(db: Db, id: number): Promise<ActivityReport> {
  const [report] = await reportsWhere(db, { ids: [id] });
  if (!report) throw reportNotFound();
  return report;
}

/** A Promeneur's figures for a period, or null when none were received. */
export async function findReport(
  db: Db,
  promeneurId: number,
  periodKey: string,
): Promise<ActivityReport | null> {
  const [report] = await reportsWhere(db, { promeneurId, periodKey });
  return report ?? null;
}

/** What the audit log keeps of a report: its figures in words (labels, not ids). */
async function recorded(
  db: Db,
  f: ActivityFigures,
  extra: { source: string; fileName: string | null },
) {
  const labels = async (list: 'channels' | 'themes') =>
    new Map((await listEntries(db, list)).map((v) => [v.id, v.label]));
  const channelLabels = await labels('channels');
  const themeLabels = await labels('themes');
  const named = (items: { id: number; count: number }[], names: Map<number, string>) =>
    items.filter((c) => c.count > 0).map((c) => `${names.get(c.id) ?? c.id} : ${c.count}`);
  return {
    youngContacted: f.youngContacted,
    youngMet: f.youngMet,
    projectsStarted: f.projectsStarted,
    exchanges: f.exchanges,
    concernsReferred: f.concernsReferred,
    hoursOnline: f.hoursOnline,
    ageBands: f.ageBands
      ? (Object.keys(AGE_BANDS) as (keyof typeof AGE_BANDS)[])
          .map((b) => `${AGE_BANDS[b]} : ${f.ageBands![b]}`)
          .join(' ; ')
      : null,
    channels: named(f.channels, channelLabels),
    themes: named(f.themes, themeLabels),
    partners: f.partners,
    projectsText: f.projectsText,
    qualityNotes: f.qualityNotes,
    difficulties: f.difficulties,
    trainingWishes: f.trainingWishes,
    source: extra.source,
    fileName: extra.fileName,
  };
}

export const RECORDED_FIELDS = [
  'youngContacted',
  'youngMet',
  'projectsStarted',
  'exchanges',
  'concernsReferred',
  'hoursOnline',
  'ageBands',
  'channels',
  'themes',
  'partners',
  'projectsText',
  'qualityNotes',
  'difficulties',
  'trainingWishes',
  'source',
  'fileName',
] as const;

/** The free texts of a report, as the audit log names them (erasure empties them). */
export const TEXT_FIELDS = [
  'partners',
  'projectsText',
  'qualityNotes',
  'difficulties',
  'trainingWishes',
] as const;

export interface Origin {
  source: ActivitySource;
  fileName: string | null;
}

const BY_HAND: Origin = { source: 'saisie', fileName: null };

/** Records a Promeneur's figures for a period; refused when some are already there. */
export function createReport(
  db: Db,
  promeneurId: number,
  periodKey: string,
  figures: ActivityFigures,
  origin: Origin = BY_HAND,
  today = todayInParis(),
): Promise<{ id: number }> {
  return inTransaction(db, async (trx) => {
    const period = periodOfKey(periodKey);
    const promeneur = await trx
      .selectFrom('promeneurs')
      .select(['id', 'structureId', 'firstName', 'lastName'])
      .where('id', '=', promeneurId)
      .executeTakeFirst();
    if (!promeneur) throw promeneurNotFound();
    await assertEnterable(trx, period, today);
    if (await findReport(trx, promeneurId, period.key))
      throw new DomainError(
        'CONFLICT',
        `Les chiffres de ${promeneur.firstName} ${promeneur.lastName} pour « ${period.label} » sont déjà enregistrés : modifiez-les plutôt.`,
      );
    await assertListIds(trx, figures);
    const now = new Date().toISOString();
    const { id } = await trx
      .insertInto('activityReports')
      .values({
        promeneurId,
        structureId: promeneur.structureId,
        periodKind: period.kind,
        periodKey: period.key,
        periodStart: period.start,
        periodEnd: period.end,
        ...columnsOf(figures),
        source: origin.source,
        fileName: origin.fileName,
        createdAt: now,
        updatedAt: now,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    await writeCounts(trx, id, figures);
    await recordAudit(trx, {
      entity: 'activity',
      entityId: id,
      action: 'create',
      changes: diffRecords(null, await recorded(trx, figures, origin), RECORDED_FIELDS),
    });
    return { id };
  });
}

/** Replaces a report's figures (and, for an import, where they now come from). */
export function updateReport(
  db: Db,
  id: number,
  figures: ActivityFigures,
  origin: Origin = BY_HAND,
): Promise<{ id: number }> {
  return inTransaction(db, async (trx) => {
    const current = await getReport(trx, id);
    await assertListIds(trx, figures);
    const before = await recorded(trx, current.figures, current);
    const after = await recorded(trx, figures, origin);
    const changes = diffRecords(before, after, RECORDED_FIELDS);
    if (changes.length === 0) return { id };
    await trx
      .updateTable('activityReports')
      .set({
        ...columnsOf(figures),
        source: origin.source,
        fileName: origin.fileName,
        updatedAt: new Date().toISOString(),
      })
      .where('id', '=', id)
      .execute();
    await writeCounts(trx, id, figures);
    await recordAudit(trx, { entity: 'activity', entityId: id, action: 'update', changes });
    return { id };
  });
}

export function removeReport(db: Db, id: number): Promise<{ id: number }> {
  return inTransaction(db, async (trx) => {
    const current = await getReport(trx, id);
    await trx.deleteFrom('activityReports').where('id', '=', id).execute();
    await recordAudit(trx, {
      entity: 'activity',
      entityId: id,
      action: 'delete',
      changes: diffRecords(await recorded(trx, current.figures, current), null, RECORDED_FIELDS),
    });
    return { id };
  });
}
