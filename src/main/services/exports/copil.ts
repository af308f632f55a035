/**
 * « Dossier COPIL »: the steering committee's workbook for a meeting date, to go with its
 * agenda. Chiffres clés (the dashboard's, from 1 January to the date, with its charts),
 * Conventions (their state on the date, as in the Suivi des conventions), En retard (the
 * to-do list's overdue items on the date) and Décisions à prendre (what only the COPIL can
 * decide: the next COPIL's agenda, candidate structures to select, conventions ending that
 * need a renewal or an amendment, suspended Promeneurs).
 */
import { dashboardFilters } from '../../../shared/api/dashboard';
import { TO_DO_KINDS } from '../../../shared/domain/todo';
import { addMonths, formatDate } from '../../../shared/rules/dates';
import type { Db } from '../../db/connection';
import { compareText } from '../directory';
import { dashboardData } from '../dashboard';
import { readSettings } from '../settings';
import { dueItems } from '../todo';
import { conventionsSpec } from './conventions';
import { keyFiguresSheet } from './keyFigures';
import { day, type Cell, type Sheet, type WorkbookSpec } from './model';

async function overdueSheet(db: Db, date: string): Promise<Sheet> {
  const items = (await dueItems(db, { until: date, structureId: null, kinds: [] }, date)).filter(
    (i) => i.overdue,
  );
  return {
    name: 'En retard',
    columns: [
      { header: 'Échéance', format: 'date' },
      { header: 'Jours de retard', format: 'integer' },
      { header: 'Type', format: 'text' },
      { header: 'Élément', format: 'text' },
      { header: 'Structure', format: 'text' },
      { header: 'Référence', format: 'text' },
    ],
    rows: items.map((i) => [
      day(i.date),
      Math.round((Date.parse(date) - Date.parse(i.date)) / 86_400_000),
      TO_DO_KINDS[i.kind],
      i.label,
      i.structure?.name ?? null,
      i.context ?? null,
    ]),
    emptyText: `Rien n’est en retard au ${formatDate(date)}.`,
  };
}

async function decisionsSheet(db: Db, date: string): Promise<Sheet> {
  const rows: Cell[][] = [];
  const meeting = await db
    .selectFrom('events')
    .select(['id', 'start', 'title'])
    .where('type', '=', 'copil')
    .where('status', '!=', 'annule')
    .where('start', '>=', date)
    .orderBy('start')
    .executeTakeFirst();
  if (meeting) {
    const items = await db
      .selectFrom('meetingAgendaItems')
      .select(['title', 'presenter'])
      .where('eventId', '=', meeting.id)
      .orderBy('position')
      .execute();
    for (const item of items)
      rows.push([
        `Ordre du jour du COPIL du ${formatDate(meeting.start.slice(0, 10))}`,
        item.title,
        null,
        day(meeting.start),
        item.presenter ? `Présenté par ${item.presenter}` : null,
      ]);
  }
  const candidates = await db
    .selectFrom('structures')
    .select(['name', 'commune'])
    .where('networkStatus', '=', 'interessee')
    .where('archivedAt', 'is', null)
    .execute();
  for (const s of candidates.sort((a, b) => compareText(a.name, b.name)))
    rows.push([
      'Sélection d’une structure candidate',
      `Retenir ou non ${s.name}${s.commune ? ` (${s.commune})` : ''} dans le réseau`,
      s.name,
      null,
      'Structure intéressée, en attente de la décision du COPIL',
    ]);
  const { todoHorizonMonths } = await readSettings(db);
  const ending = await dueItems(
    db,
    { until: addMonths(date, todoHorizonMonths), structureId: null, kinds: ['convention_ending'] },
    date,
  );
  for (const e of ending)
    rows.push([
      'Renouvellement ou avenant',
      `Convention ${e.context ?? ''} : renouveler, prolonger par avenant ou laisser finir`,
      e.structure?.name ?? null,
      day(e.date),
      'Pas de tacite reconduction : la structure doit en faire la demande',
    ]);
  const suspended = await db
    .selectFrom('promeneurs')
    .innerJoin('structures', 'structures.id', 'promeneurs.structureId')
    .select(['promeneurs.firstName', 'promeneurs.lastName', 'structures.name'])
    .where('promeneurs.status', '=', 'suspendu')
    .where('promeneurs.archivedAt', 'is', null)
    .execute();
  for (const p of suspended)
    rows.push([
      'Situation d’un Promeneur suspendu',
      `${p.firstName} ${p.lastName} : reprise ou exclusion`,
      p.name,
      null,
      'Une exclusion est une décision du COPIL, notifiée à la structure',
    ]);
  return {
    name: 'Décisions à prendre',
    columns: [
      { header: 'Sujet', format: 'text' },
      { header: 'Objet', format: 'text' },
      { header: 'Structure', format: 'text' },
      { header: 'Échéance', format: 'date' },
      { header: 'Précision', format: 'text' },
    ],
    rows,
    emptyText: 'Aucune décision en attente.',
  };
}

export async function copilSpec(db: Db, date: string, created: Date): Promise<WorkbookSpec> {
  const filters = dashboardFilters.parse({ from: `${date.slice(0, 4)}-01-01`, to: date });
  const data = await dashboardData(db, filters, date);
  const conventions = (await conventionsSpec(db, date, created)).sheets[0]!;
  return {
    title: `Dossier du COPIL du ${formatDate(date)}`,
    created,
    sheets: [
      keyFiguresSheet(data, date, 'Chiffres clés', true),
      conventions,
      await overdueSheet(db, date),
      await decisionsSheet(db, date),
    ],
  };
}
