/**
 * The key figures sheet (« Synthèse » of the Bilan annuel, « Chiffres clés » of the COPIL
 * pack): the dashboard's own figures (`dashboardData`), one line each, and the dashboard's
 * series drawn as charts. Nothing is recomputed here, so the workbook and the dashboard agree.
 */
import type { DashboardData } from '../../../shared/api/dashboard';
import { formatDate } from '../../../shared/rules/dates';
import { day, euros, formatted, type BarChart, type Cell, type Sheet } from './model';

/** The lines of the sheet: label, value (typed and formatted), detail. */
export function keyFigureRows(data: DashboardData, today: string): Cell[][] {
  const { figures: f, period } = data;
  const years = period.years.join(', ');
  const rows: Cell[][] = [
    ['Période', period.label, null],
    ['Situation au', formatted(day(period.asOf), 'date'), 'Effectifs et conventions à cette date'],
    ['Promeneurs du Net actifs', formatted(f.promeneursActive, 'integer'), null],
    ['Structures dans le réseau', formatted(f.structuresInNetwork, 'integer'), null],
    ['Conventions en vigueur', formatted(f.conventionsInForce, 'integer'), 'Conventions signées'],
    [
      'Subventions engagées',
      formatted(euros(f.subsidies.committedCents), 'euros'),
      `Conventions signées, montants après avenants, ${years}`,
    ],
    [
      'Subventions versées',
      formatted(euros(f.subsidies.paidCents), 'euros'),
      `Versements effectués au titre de ${years}`,
    ],
    [
      'Bilans d’activité reçus',
      formatted(f.activity.reports, 'integer'),
      'Bilans dont la période est comprise dans celle du bilan',
    ],
    ['Jeunes contactés en ligne', formatted(f.activity.youngContacted, 'integer'), null],
    [
      'Jeunes rencontrés physiquement',
      formatted(f.activity.youngMet, 'integer'),
      'Après un contact en ligne',
    ],
    ['Projets engagés', formatted(f.activity.projectsStarted, 'integer'), null],
    ...f.meetings.map((m): Cell[] => [
      `${m.label} tenu(e)s`,
      formatted(m.held, 'integer'),
      `Objectif : ${m.target}`,
    ]),
    [
      'Promeneurs actifs formés',
      formatted(f.training.trained, 'integer'),
      `Sur ${f.training.active} actifs, formation suivie dans les 12 derniers mois`,
    ],
    [
      'Part des Promeneurs actifs formés',
      formatted(f.training.share, 'percent'),
      f.training.share === null ? 'Aucun Promeneur actif' : null,
    ],
    [
      'Éléments en retard',
      formatted(f.overdue, 'integer'),
      `Liste « À faire » au ${formatDate(today)}`,
    ],
  ];
  const scope = [
    data.filters.structureName ? `Structure : ${data.filters.structureName}` : null,
    data.filters.territory ? `Territoire : ${data.filters.territory}` : null,
  ].filter((s): s is string => s !== null);
  if (scope.length > 0) rows.splice(1, 0, ['Filtre', scope.join(' · '), null]);
  return rows;
}

const hasData = (chart: BarChart) =>
  chart.labels.length > 0 && chart.series.some((s) => s.values.some((v) => v !== 0));

/** The dashboard's series as charts; a series without any figure is left out, not drawn. */
export function keyFigureCharts(data: DashboardData): BarChart[] {
  const s = data.series;
  const charts: BarChart[] = [
    {
      title: 'Jeunes contactés et rencontrés par période',
      labels: s.activity.map((p) => p.label),
      series: [
        { name: 'Contactés en ligne', values: s.activity.map((p) => p.youngContacted) },
        { name: 'Rencontrés physiquement', values: s.activity.map((p) => p.youngMet) },
      ],
      unit: 'count',
    },
    {
      title: 'Demandes par thème',
      labels: s.themes.map((t) => t.label),
      series: [{ name: 'Demandes', values: s.themes.map((t) => t.count) }],
      unit: 'count',
    },
    {
      title: 'Jeunes contactés par canal',
      labels: s.channels.map((c) => c.label),
      series: [{ name: 'Jeunes contactés', values: s.channels.map((c) => c.count) }],
      unit: 'count',
    },
    {
      title: 'Subventions engagées et versées par année',
      labels: s.subsidies.map((y) => String(y.year)),
      series: [
        { name: 'Engagées', values: s.subsidies.map((y) => y.committedCents) },
        { name: 'Versées', values: s.subsidies.map((y) => y.paidCents) },
      ],
      unit: 'cents',
    },
  ];
  return charts.filter(hasData);
}

export function keyFiguresSheet(
  data: DashboardData,
  today: string,
  name: string,
  charts: boolean,
): Sheet {
  return {
    name,
    columns: [
      { header: 'Indicateur', format: 'text' },
      { header: 'Valeur', format: 'text' },
      { header: 'Précision', format: 'text' },
    ],
    rows: keyFigureRows(data, today),
    emptyText: 'Aucun chiffre.',
    charts: charts ? keyFigureCharts(data) : [],
  };
}
