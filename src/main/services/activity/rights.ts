/**
 * A Promeneur's activity figures and personal data rights: they appear in the Promeneur's
 * export; erasing the Promeneur keeps the counts for the statistics, detached from the person
 * (promeneur_id null, the structure kept) and deletes the free texts, which speak of their
 * work in their own words — in the reports and in the audit log's entries about them.
 */
import { ACTIVITY_SOURCES, type ActivitySource } from '../../../shared/domain/activity';
import { periodLabel } from '../../../shared/rules/activity';
import type { Db } from '../../db/connection';
import type { Section } from '../rights/dossier';
import { listEntries } from './lists';
import { reportsWhere, TEXT_FIELDS } from './reports';

/** The export's « Chiffres d’activité » section: one row per period. */
export async function activitySection(db: Db, promeneurId: number): Promise<Section> {
  const reports = await reportsWhere(db, { promeneurId });
  const names = async (list: 'channels' | 'themes') =>
    new Map((await listEntries(db, list)).map((v) => [v.id, v.label]));
  const channels = await names('channels');
  const themes = await names('themes');
  const listed = (items: { id: number; count: number }[], labels: Map<number, string>) =>
    items.map((c) => `${labels.get(c.id) ?? c.id} : ${c.count}`).join(' ; ') || null;
  return {
    title: 'Chiffres d’activité',
    columns: [
      { key: 'period', label: 'Période' },
      { key: 'start', label: 'Du', type: 'date' },
      { key: 'end', label: 'Au', type: 'date' },
      { key: 'structure', label: 'Structure' },
      { key: 'youngContacted', label: 'Jeunes contactés en ligne', type: 'number' },
      { key: 'youngMet', label: 'Jeunes rencontrés', type: 'number' },
      { key: 'projectsStarted', label: 'Projets engagés', type: 'number' },
      { key: 'exchanges', label: 'Échanges', type: 'number' },
      { key: 'hoursOnline', label: 'Heures en ligne', type: 'number' },
      { key: 'concernsReferred', label: 'Situations préoccupantes transmises', type: 'number' },
      { key: 'channels', label: 'Par canal' },
      { key: 'themes', label: 'Par thème' },
      { key: 'partners', label: 'Partenaires mobilisés' },
      { key: 'projectsText', label: 'Projets engagés (description)' },
      { key: 'qualityNotes', label: 'Qualité et effets de l’action' },
      { key: 'difficulties', label: 'Difficultés rencontrées' },
      { key: 'trainingWishes', label: 'Besoins de formation' },
      { key: 'source', label: 'Origine' },
      { key: 'updatedAt', label: 'Enregistré le', type: 'date' },
    ],
    rows: reports.map((r) => ({
      period: periodLabel(r.period.key),
      start: r.period.start,
      end: r.period.end,
      structure: r.structure?.name ?? null,
      youngContacted: r.figures.youngContacted,
      youngMet: r.figures.youngMet,
      projectsStarted: r.figures.projectsStarted,
      exchanges: r.figures.exchanges,
      hoursOnline: r.figures.hoursOnline,
      concernsReferred: r.figures.concernsReferred,
      channels: listed(r.figures.channels, channels),
      themes: listed(r.figures.themes, themes),
      partners: r.figures.partners,
      projectsText: r.figures.projectsText,
      qualityNotes: r.figures.qualityNotes,
      difficulties: r.figures.difficulties,
      trainingWishes: r.figures.trainingWishes,
      source: ACTIVITY_SOURCES[r.source as ActivitySource],
      updatedAt: r.updatedAt.slice(0, 10),
    })),
  };
}

const TEXTS = new Set<string>(TEXT_FIELDS);

/**
 * Detaches a Promeneur's reports before the Promeneur is erased: counts kept, free texts and
 * the file name (which names the person) emptied, and emptied too in the audit log's entries
 * about those reports. Returns how many reports were detached.
 */
export async function detachActivity(trx: Db, promeneurId: number): Promise<number> {
  const ids = (
    await trx
      .selectFrom('activityReports')
      .select('id')
      .where('promeneurId', '=', promeneurId)
      .execute()
  ).map((r) => r.id);
  if (ids.length === 0) return 0;
  await trx
    .updateTable('activityReports')
    .set({
      promeneurId: null,
      partners: null,
      projectsText: null,
      qualityNotes: null,
      difficulties: null,
      trainingWishes: null,
      fileName: null,
    })
    .where('id', 'in', ids)
    .execute();
  const entries = await trx
    .selectFrom('auditLog')
    .select(['id', 'changes'])
    .where('entity', '=', 'activity')
    .where('entityId', 'in', ids)
    .execute();
  for (const e of entries) {
    const changes = JSON.parse(e.changes) as { field: string; before: unknown; after: unknown }[];
    const scrubbed = changes.map((c) =>
      TEXTS.has(c.field) || c.field === 'fileName'
        ? { field: c.field, before: null, after: null }
        : c,
    );
    await trx
      .updateTable('auditLog')
      .set({ changes: JSON.stringify(scrubbed) })
      .where('id', '=', e.id)
      .execute();
  }
  return ids.length;
}
