/**
 * Ten years of monthly activity figures: every Promeneur reports for each month they were
 * active, with a level of their own, the seasons youth work knows (quiet in summer, busy at
 * the back-to-school term) and a slow growth over the years; a few months never sent, and
 * some Promeneurs late for the last month. Counts per channel and theme for the few channels
 * and themes each month mentions. Counts only, as everywhere: never a young person.
 */
import { periodOf } from '../../../shared/rules/activity';
import { inserter, instantOn, addDays, yearOf, type Gen } from './context';
import type { NationDirectory } from './directory';

/** How busy each month is, against the Promeneur's usual level. */
const SEASON = [1, 1, 1.05, 0.95, 0.9, 0.8, 0.5, 0.45, 1.2, 1.15, 1.05, 0.9] as const;

const CHANNEL_WEIGHTS = [0.7, 0.55, 0.35, 0.3, 0.3, 0.2, 0.12, 0.08, 0.08, 0.06, 0.04, 0.03];
const THEME_WEIGHTS = [
  0.2, 0.14, 0.12, 0.1, 0.09, 0.07, 0.06, 0.06, 0.05, 0.05, 0.04, 0.04, 0.03, 0.02,
];

const TEXTS = {
  partners: [
    'Mission locale, Point information jeunesse',
    'Collège du secteur, infirmière scolaire',
    'Maison des adolescents, CMP',
  ],
  projects: [
    'Organisation d’un tournoi de jeux vidéo avec un groupe de jeunes.',
    'Accompagnement d’un projet de séjour autonome.',
  ],
  difficulties: [
    'Peu de réponses pendant les vacances scolaires.',
    'Difficile de tenir les permanences en ligne avec le reste de l’activité.',
  ],
  trainings: [
    'Formation sur Discord et les serveurs de jeux.',
    'Repérage du harcèlement en ligne et conduite à tenir.',
  ],
};

export function seedActivity(gen: Gen, directory: NationDirectory): number {
  const { random, conn, today } = gen;
  const ids = (table: string) =>
    (conn.prepare(`select id from ${table} order by position`).all() as { id: number }[]).map(
      (r) => r.id,
    );
  const channels = ids('activity_channels');
  const themes = ids('activity_themes');
  const report = inserter(conn, 'activity_reports', [
    'promeneur_id',
    'structure_id',
    'period_kind',
    'period_key',
    'period_start',
    'period_end',
    'young_contacted',
    'young_met',
    'projects_started',
    'exchanges',
    'concerns_referred',
    'hours_online_x100',
    'age12to14',
    'age15to17',
    'age18to25',
    'partners',
    'projects_text',
    'quality_notes',
    'difficulties',
    'training_wishes',
    'source',
    'file_name',
    'created_at',
    'updated_at',
  ]);
  const channel = conn.prepare(
    'insert into activity_report_channels (report_id, channel_id, count) values (?, ?, ?)',
  );
  const theme = conn.prepare(
    'insert into activity_report_themes (report_id, theme_id, count) values (?, ?, ?)',
  );

  // The months of the history, oldest first, up to the last one ended.
  const first = gen.historyStart;
  const months: ReturnType<typeof periodOf>[] = [];
  for (let y = yearOf(first), m = Number(first.slice(5, 7)); ; m === 12 ? (y++, (m = 1)) : m++) {
    const period = periodOf('mensuelle', y, m);
    if (period.end >= today) break;
    months.push(period);
  }
  const lastKey = months.at(-1)?.key;
  const pickSome = (weights: readonly number[], max: number) => {
    const chosen = new Set<number>();
    const wanted = random.int(1, max);
    while (chosen.size < wanted) {
      let x = random.next() * weights.reduce((t, w) => t + w, 0);
      let i = 0;
      for (; i < weights.length - 1 && (x -= weights[i]!) >= 0; i++);
      chosen.add(i);
    }
    return [...chosen].sort((a, b) => a - b);
  };
  const text = (p: number, list: readonly string[]) =>
    random.chance(p) ? random.pick(list) : null;

  let count = 0;
  // Month by month, as the figures came in.
  const reporting = directory.promeneurs.filter((p) => p.start !== null);
  const level = new Map(reporting.map((p) => [p.id, random.int(4, 16)]));
  for (const [index, period] of months.entries()) {
    const growth = 0.8 + (0.4 * index) / Math.max(1, months.length);
    for (const p of reporting) {
      // Owed when active at some point of the month.
      if (p.start! > period.end || (p.stop !== null && p.stop <= period.start)) continue;
      if (random.chance(0.02)) continue;
      if (period.key === lastKey && random.chance(0.06)) continue;
      const contacted = Math.max(
        0,
        Math.round(
          level.get(p.id)! * SEASON[period.index - 1]! * growth * (0.67 + random.next() * 0.66),
        ),
      );
      let ages: [number, number, number] | [null, null, null] = [null, null, null];
      if (random.chance(0.6)) {
        const young = Math.round(contacted * 0.25);
        const teen = Math.round(contacted * 0.45);
        ages = [young, teen, Math.max(0, contacted - young - teen)];
      }
      const returned = addDays(period.end, random.int(3, 40));
      const imported = random.chance(0.65);
      const id = report(
        p.id,
        p.structureId,
        'mensuelle',
        period.key,
        period.start,
        period.end,
        contacted,
        Math.min(contacted, Math.round(contacted * 0.18 * random.next() * 2)),
        random.chance(0.2) ? random.int(1, 2) : 0,
        Math.round(contacted * (2 + random.next() * 2)),
        random.chance(0.1) ? 1 : 0,
        (random.int(6, 20) * 4 + random.int(0, 3)) * 25,
        ...ages,
        text(0.1, TEXTS.partners),
        text(0.08, TEXTS.projects),
        null,
        text(0.08, TEXTS.difficulties),
        text(0.05, TEXTS.trainings),
        imported ? 'import' : 'saisie',
        imported ? `activite-${period.key}-pdn-${p.id}.xlsx` : null,
        instantOn(returned),
        instantOn(returned),
      );
      count++;
      if (contacted === 0) continue;
      for (const i of pickSome(CHANNEL_WEIGHTS, 4))
        channel.run(id, channels[i], Math.max(1, Math.round(contacted * CHANNEL_WEIGHTS[i]!)));
      for (const i of pickSome(THEME_WEIGHTS, 4))
        theme.run(id, themes[i], Math.max(1, Math.round(contacted * 1.2 * THEME_WEIGHTS[i]!)));
    }
  }
  return count;
}
