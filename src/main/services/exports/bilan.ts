/**
 * « Bilan annuel » for the CAF: Synthèse (the dashboard's key figures for the year, with its
 * charts), Structures et conventions, Promeneurs, Activité (per Promeneur and period, then
 * per period), Réseau (meetings and trainings with attendance), Financement (committed and
 * paid per structure and year). Every sum comes from SQL, most of them from the queries the
 * dashboard and the activity summary use themselves.
 */
import { sql } from 'kysely';
import { dashboardFilters } from '../../../shared/api/dashboard';
import {
  CONVENTION_KINDS,
  CONVENTION_STATUSES,
  type ConventionKind,
  type ConventionStatus,
} from '../../../shared/domain/conventions';
import {
  JOBS,
  LEGAL_FORMS,
  PROMENEUR_STATUSES,
  STRUCTURE_STATUSES,
  STRUCTURE_TYPES,
  type Job,
  type LegalForm,
  type PromeneurStatus,
  type StructureStatus,
  type StructureType,
} from '../../../shared/domain/directory';
import type { Db } from '../../db/connection';
import { totalsByPeriod } from '../activity/aggregates';
import { termsOfMany } from '../conventions/records';
import { dashboardData } from '../dashboard';
import { subsidiesByStructureAndYear } from '../dashboard/money';
import { compareText } from '../directory';
import { attendanceSpec } from './attendance';
import { keyFiguresSheet } from './keyFigures';
import { day, euros, yesNo, type Cell, type Sheet, type WorkbookSpec } from './model';

const bounds = (year: number) => ({ from: `${year}-01-01`, to: `${year}-12-31` });

/** The structures in the network or with a convention covering the year, one row per convention. */
async function structuresSheet(db: Db, year: number): Promise<Sheet> {
  const { from, to } = bounds(year);
  const structures = await db
    .selectFrom('structures')
    .selectAll()
    .where('archivedAt', 'is', null)
    .execute();
  const conventions = await db.selectFrom('conventions').selectAll().execute();
  const terms = await termsOfMany(db, conventions);
  const covering = conventions.filter((c) => {
    const t = terms.get(c.id)!.terms;
    return t.startDate <= to && t.endDate >= from;
  });
  const rows: Cell[][] = [];
  for (const s of structures.sort((a, b) => compareText(a.name, b.name))) {
    const own = covering
      .filter((c) => c.structureId === s.id)
      .sort((a, b) => a.startDate.localeCompare(b.startDate));
    if (own.length === 0 && !['retenue', 'dans_le_reseau'].includes(s.networkStatus)) continue;
    const base: Cell[] = [
      s.name,
      STRUCTURE_TYPES[s.type as StructureType] ?? s.type,
      LEGAL_FORMS[s.legalForm as LegalForm] ?? s.legalForm,
      s.commune,
      s.territory,
      yesNo(s.qpv === 1),
      STRUCTURE_STATUSES[s.networkStatus as StructureStatus] ?? s.networkStatus,
      day(s.charterSignedOn),
    ];
    if (own.length === 0) rows.push([...base, null, null, null, null, null, null]);
    for (const c of own) {
      const t = terms.get(c.id)!.terms;
      rows.push([
        ...base,
        c.reference,
        CONVENTION_KINDS[c.kind as ConventionKind] ?? c.kind,
        day(t.startDate),
        day(t.endDate),
        CONVENTION_STATUSES[c.status as ConventionStatus] ?? c.status,
        t.fundedPromeneurs,
      ]);
    }
  }
  return {
    name: 'Structures et conventions',
    columns: [
      { header: 'Structure', format: 'text' },
      { header: 'Type', format: 'text' },
      { header: 'Forme juridique', format: 'text' },
      { header: 'Commune', format: 'text' },
      { header: 'Territoire (EPCI)', format: 'text' },
      { header: 'QPV', format: 'text' },
      { header: 'Statut dans le réseau', format: 'text' },
      { header: 'Charte signée le', format: 'date' },
      { header: 'Convention', format: 'text' },
      { header: 'Nature', format: 'text' },
      { header: 'Début', format: 'date' },
      { header: 'Fin (après avenants)', format: 'date' },
      { header: 'Statut de la convention', format: 'text' },
      { header: 'Promeneurs financés', format: 'integer', total: true },
    ],
    rows,
    totalsLabel: 'Total',
    emptyText: `Aucune structure dans le réseau ni aucune convention en ${year}.`,
  };
}

/**
 * The Promeneurs who had started by the end of the year, with their year in figures (SQL): each
 * figure summed once per Promeneur by a grouped query joined to them, not one query per row.
 */
async function promeneursSheet(db: Db, year: number): Promise<Sheet> {
  const { from, to } = bounds(year);
  const rows = await db
    .with('duty', (q) =>
      q
        .selectFrom('dutySlots as d')
        .select([
          'd.promeneurId',
          sql<number>`sum((strftime('%s', '2000-01-01 ' || d.end) - strftime('%s', '2000-01-01 ' || d.start)) / 3600.0)`.as(
            'hours',
          ),
        ])
        .groupBy('d.promeneurId'),
    )
    .with('presence', (q) =>
      q
        .selectFrom('eventInvitees as i')
        .innerJoin('events as e', 'e.id', 'i.eventId')
        .select([
          'i.promeneurId',
          sql<number>`sum(e.type = 'formation')`.as('trainings'),
          sql<number>`sum(e.type = 'rencontre_departementale')`.as('meetings'),
        ])
        .where('i.attendance', '=', 'present')
        .where('i.promeneurId', 'is not', null)
        .where('e.type', 'in', ['formation', 'rencontre_departementale'])
        .where('e.start', '>=', from)
        .where('e.start', '<', sql<string>`date(${to}, '+1 day')`)
        .groupBy('i.promeneurId'),
    )
    .with('reported', (q) =>
      q
        .selectFrom('activityReports as r')
        .select(['r.promeneurId', sql<number>`count(*)`.as('reports')])
        .where('r.periodStart', '>=', from)
        .where('r.periodEnd', '<=', to)
        .where('r.promeneurId', 'is not', null)
        // « + »: read the year's reports by date, not every report in Promeneur order (30×).
        .groupBy(sql`+r.promeneur_id`),
    )
    .selectFrom('promeneurs as p')
    .innerJoin('structures as s', 's.id', 'p.structureId')
    .leftJoin('duty', 'duty.promeneurId', 'p.id')
    .leftJoin('presence', 'presence.promeneurId', 'p.id')
    .leftJoin('reported', 'reported.promeneurId', 'p.id')
    .select([
      'p.lastName',
      'p.firstName',
      's.name as structure',
      's.territory',
      'p.job',
      'p.status',
      'p.startDate',
      'p.charterSignedOn',
      'p.complianceCheckedOn',
      sql<number>`coalesce(duty.hours, 0)`.as('dutyHours'),
      sql<number>`coalesce(presence.trainings, 0)`.as('trainings'),
      sql<number>`coalesce(presence.meetings, 0)`.as('meetings'),
      sql<number>`coalesce(reported.reports, 0)`.as('reports'),
    ])
    .where('p.archivedAt', 'is', null)
    .where((eb) => eb.or([eb('p.startDate', 'is', null), eb('p.startDate', '<=', to)]))
    .execute();
  return {
    name: 'Promeneurs',
    columns: [
      { header: 'Nom', format: 'text' },
      { header: 'Prénom', format: 'text' },
      { header: 'Structure', format: 'text' },
      { header: 'Territoire (EPCI)', format: 'text' },
      { header: 'Métier', format: 'text' },
      { header: 'Statut', format: 'text' },
      { header: 'Entrée le', format: 'date' },
      { header: 'Charte signée le', format: 'date' },
      { header: 'Profil vérifié le', format: 'date' },
      { header: 'Heures de permanence par semaine', format: 'decimal', total: true },
      { header: `Formations suivies en ${year}`, format: 'integer', total: true },
      { header: `Rencontres départementales en ${year}`, format: 'integer', total: true },
      { header: `Bilans d’activité ${year}`, format: 'integer', total: true },
    ],
    rows: rows
      .sort((a, b) => compareText(a.lastName, b.lastName) || compareText(a.firstName, b.firstName))
      .map((r) => [
        r.lastName,
        r.firstName,
        r.structure,
        r.territory,
        JOBS[r.job as Job] ?? r.job,
        PROMENEUR_STATUSES[r.status as PromeneurStatus] ?? r.status,
        day(r.startDate),
        day(r.charterSignedOn),
        day(r.complianceCheckedOn),
        Math.round(Number(r.dutyHours) * 100) / 100,
        Number(r.trainings),
        Number(r.meetings),
        Number(r.reports),
      ]),
    totalsLabel: 'Total',
    emptyText: `Aucun Promeneur du Net en ${year}.`,
  };
}

const ACTIVITY_COLUMNS = [
  { header: 'Jeunes contactés', format: 'integer', total: true },
  { header: 'Jeunes rencontrés', format: 'integer', total: true },
  { header: 'Projets engagés', format: 'integer', total: true },
  { header: 'Échanges', format: 'integer', total: true },
  { header: 'Situations orientées', format: 'integer', total: true },
  { header: 'Heures en ligne', format: 'decimal', total: true },
] as const;

/** Each report of the year: per Promeneur and period (a report counts when its whole period lies in the year). */
async function activitySheet(db: Db, year: number): Promise<Sheet> {
  const { from, to } = bounds(year);
  const rows = await db
    .selectFrom('activityReports as r')
    .leftJoin('promeneurs as p', 'p.id', 'r.promeneurId')
    .leftJoin('structures as s', 's.id', 'r.structureId')
    .select([
      'r.periodKey',
      'r.periodStart',
      'r.periodEnd',
      'p.lastName',
      'p.firstName',
      's.name as structure',
      'r.youngContacted',
      'r.youngMet',
      'r.projectsStarted',
      'r.exchanges',
      'r.concernsReferred',
      'r.hoursOnlineX100',
    ])
    .where('r.periodStart', '>=', from)
    .where('r.periodEnd', '<=', to)
    .orderBy('r.periodStart')
    .orderBy('r.periodEnd', 'desc')
    .execute();
  return {
    name: 'Activité',
    columns: [
      { header: 'Période', format: 'text' },
      { header: 'Début', format: 'date' },
      { header: 'Fin', format: 'date' },
      { header: 'Promeneur', format: 'text' },
      { header: 'Structure', format: 'text' },
      ...ACTIVITY_COLUMNS,
    ],
    rows: rows
      .sort(
        (a, b) =>
          a.periodStart.localeCompare(b.periodStart) ||
          compareText(a.lastName, b.lastName) ||
          compareText(a.firstName, b.firstName),
      )
      .map((r) => [
        r.periodKey,
        day(r.periodStart),
        day(r.periodEnd),
        r.lastName === null ? 'Promeneur effacé' : `${r.firstName} ${r.lastName}`,
        r.structure,
        r.youngContacted,
        r.youngMet,
        r.projectsStarted,
        r.exchanges,
        r.concernsReferred,
        r.hoursOnlineX100 / 100,
      ]),
    totalsLabel: 'Total',
    emptyText: `Aucun bilan d’activité reçu pour ${year}.`,
  };
}

/** The same reports summed per period, by the activity summary's own query. */
async function activityByPeriodSheet(db: Db, year: number): Promise<Sheet> {
  const periods = await totalsByPeriod(db, {
    ...bounds(year),
    structureId: null,
    structureType: null,
    territory: null,
  });
  return {
    name: 'Activité par période',
    columns: [
      { header: 'Période', format: 'text' },
      { header: 'Début', format: 'date' },
      { header: 'Fin', format: 'date' },
      { header: 'Bilans reçus', format: 'integer', total: true },
      { header: 'Promeneurs', format: 'integer' },
      ...ACTIVITY_COLUMNS,
    ],
    rows: periods.map((p) => [
      p.period.label,
      day(p.period.start),
      day(p.period.end),
      p.reports,
      p.promeneurs,
      p.youngContacted,
      p.youngMet,
      p.projectsStarted,
      p.exchanges,
      p.concernsReferred,
      p.hoursOnline,
    ]),
    totalsLabel: 'Total',
    emptyText: `Aucun bilan d’activité reçu pour ${year}.`,
  };
}

/** Committed and paid per structure and year, by the dashboard's query split per structure. */
async function fundingSheet(db: Db): Promise<Sheet> {
  const structures = new Map(
    (await db.selectFrom('structures').select(['id', 'name', 'territory']).execute()).map((s) => [
      s.id,
      s,
    ]),
  );
  const years = await subsidiesByStructureAndYear(db, {
    structureId: null,
    structureType: null,
    territory: null,
  });
  const rows: Cell[][] = years
    .map((y) => ({ ...y, structure: structures.get(y.structureId)! }))
    .sort(
      (a, b) =>
        compareText(a.structure.name, b.structure.name) ||
        a.structureId - b.structureId ||
        a.year - b.year,
    )
    .map((y) => [
      y.structure.name,
      y.structure.territory,
      y.year,
      euros(y.committedCents),
      euros(y.paidCents),
      { formula: 'D{r}-E{r}', result: euros(y.committedCents - y.paidCents) },
    ]);
  return {
    name: 'Financement',
    columns: [
      { header: 'Structure', format: 'text' },
      { header: 'Territoire (EPCI)', format: 'text' },
      { header: 'Année', format: 'year' },
      { header: 'Subvention engagée', format: 'euros', total: true },
      { header: 'Versé', format: 'euros', total: true },
      { header: 'Reste à verser', format: 'euros', total: true },
    ],
    rows,
    totalsLabel: 'Total',
    emptyText: 'Aucune subvention engagée ni versée.',
  };
}

export async function bilanSpec(
  db: Db,
  year: number,
  today: string,
  created: Date,
): Promise<WorkbookSpec> {
  const data = await dashboardData(db, dashboardFilters.parse({ year }), today);
  const network = await attendanceSpec(db, { eventId: null, ...bounds(year) }, created);
  const events = network.spec.sheets[0]!;
  return {
    title: `Bilan annuel ${year} des Promeneurs du Net`,
    created,
    sheets: [
      keyFiguresSheet(data, today, 'Synthèse', true),
      await structuresSheet(db, year),
      await promeneursSheet(db, year),
      await activitySheet(db, year),
      await activityByPeriodSheet(db, year),
      { ...events, name: 'Réseau', emptyText: `Aucune réunion ni formation en ${year}.` },
      await fundingSheet(db),
    ],
  };
}
