/**
 * The demo's activity figures: every Promeneur active during a period reports for it, over
 * the eight quarters before today, with the seasons youth work knows (quieter in summer,
 * busier at the back-to-school term), channels and request themes weighted as Promeneurs
 * usually see them, some figures entered by hand and most imported from returned templates.
 * A few Promeneurs have not sent the last quarter yet: completeness and « À faire » show them.
 * Built through the service, like real use.
 */
import { activityFigures, type ActivityFiguresInput } from '../../shared/api/activity';
import type { AgeBand } from '../../shared/domain/activity';
import { lastEndedPeriod, shiftPeriod } from '../../shared/rules/activity';
import type { Db } from '../db/connection';
import { expectedPromeneurs } from '../services/activity/completeness';
import { listEntries } from '../services/activity/lists';
import { createReport } from '../services/activity/reports';
import { templateFileName } from '../services/activity/templates';
import type { Random } from './random';

const PERIODS = 8;
/** Promeneurs who have not sent the last quarter's figures yet. */
const LATE = 4;

/** How busy each quarter is, against the Promeneur's usual level. */
const SEASON = [1, 0.95, 0.6, 1.25] as const;

/** The share of young people contacted through each channel (several per young person). */
const CHANNEL_WEIGHTS: Record<string, number> = {
  Snapchat: 0.7,
  Instagram: 0.55,
  TikTok: 0.35,
  WhatsApp: 0.3,
  Discord: 0.3,
  'Jeux en ligne': 0.2,
  Messenger: 0.12,
  'E-mail': 0.08,
  Twitch: 0.08,
  YouTube: 0.06,
  Forums: 0.04,
  X: 0.03,
};

/** The share of requests on each theme. */
const THEME_WEIGHTS: Record<string, number> = {
  'Psychosocial et mal-être': 0.2,
  Scolarité: 0.14,
  'Emploi et formation': 0.12,
  Projets: 0.1,
  Loisirs: 0.09,
  Santé: 0.07,
  'Famille et parentalité': 0.06,
  'Pratiques numériques': 0.06,
  'Vie affective et sexuelle': 0.05,
  '(Cyber)violences': 0.05,
  Logement: 0.04,
  'Accès aux droits et démarches': 0.04,
  Addictions: 0.03,
  Autre: 0.02,
};

const DIFFICULTIES = [
  'Peu de réponses pendant les vacances scolaires.',
  'Difficile de tenir les permanences en ligne avec le reste de l’activité de la structure.',
  'Connexion internet instable au local jeunes.',
  'Des jeunes passent sur des messageries où je ne suis pas présent.',
];
const TRAININGS = [
  'Formation sur Discord et les serveurs de jeux.',
  'Repérage du harcèlement en ligne et conduite à tenir.',
  'Analyse des pratiques entre Promeneurs.',
  'Droit à l’image et publication de photos de jeunes.',
];
const PARTNERS = [
  'Mission locale, Point information jeunesse',
  'Collège du secteur, infirmière scolaire',
  'Maison des adolescents, CMP',
  'Service jeunesse de la commune',
];
const PROJECTS = [
  'Organisation d’un tournoi de jeux vidéo avec un groupe de jeunes.',
  'Accompagnement d’un projet de séjour autonome.',
  'Création d’une chaîne de vidéos sur les métiers du territoire.',
];

/** A count around `mean`, give or take a third. */
const around = (random: Random, mean: number) =>
  Math.max(0, Math.round(mean * (0.67 + random.next() * 0.66)));

function figuresFor(
  random: Random,
  level: number,
  season: number,
  channels: { id: number; label: string }[],
  themes: { id: number; label: string }[],
): ActivityFiguresInput {
  const contacted = around(random, level * season);
  let ageBands: Record<AgeBand, number> | null = null;
  if (random.chance(0.6)) {
    const young = Math.round(contacted * (0.2 + random.next() * 0.1));
    const teen = Math.round(contacted * (0.4 + random.next() * 0.15));
    ageBands = { age12to14: young, age15to17: teen, age18to25: 0 };
    ageBands.age18to25 = Math.max(0, contacted - young - teen - random.int(0, 2));
  }
  const requests = Math.round(contacted * (1 + random.next() * 0.4));
  const text = (p: number, list: readonly string[]) =>
    random.chance(p) ? random.pick(list) : null;
  return {
    youngContacted: contacted,
    youngMet: Math.min(contacted, around(random, contacted * 0.18)),
    projectsStarted: random.chance(0.45) ? random.int(1, 3) : 0,
    exchanges: around(random, contacted * 3),
    concernsReferred: random.chance(0.25) ? random.int(1, 2) : 0,
    hoursOnline: (random.int(18, 52) * 4 + random.int(0, 3)) / 4,
    ageBands,
    channels: channels.map((c) => ({
      id: c.id,
      count: Math.min(contacted, around(random, contacted * (CHANNEL_WEIGHTS[c.label] ?? 0.05))),
    })),
    themes: themes.map((t) => ({
      id: t.id,
      count: around(random, requests * (THEME_WEIGHTS[t.label] ?? 0.02)),
    })),
    partners: text(0.35, PARTNERS),
    projectsText: text(0.25, PROJECTS),
    qualityNotes: null,
    difficulties: text(0.3, DIFFICULTIES),
    trainingWishes: text(0.3, TRAININGS),
  };
}

export async function seedActivity(db: Db, random: Random, today: string): Promise<void> {
  const channels = await listEntries(db, 'channels');
  const themes = await listEntries(db, 'themes');
  const last = lastEndedPeriod('trimestrielle', today);
  const levels = new Map<number, number>();
  for (let back = PERIODS - 1; back >= 0; back--) {
    const period = shiftPeriod(last, -back);
    const expected = await expectedPromeneurs(db, period);
    const late =
      back === 0
        ? new Set(
            random.sample(expected, Math.min(LATE, expected.length)).map((p) => p.promeneurId),
          )
        : new Set<number>();
    for (const p of expected) {
      // Now and then a quarter was never sent.
      if (late.has(p.promeneurId) || random.chance(0.04)) continue;
      if (!levels.has(p.promeneurId)) levels.set(p.promeneurId, random.int(12, 45));
      // Checked by the same schema as the form: the demo holds nothing a person could not enter.
      const figures = activityFigures.parse(
        figuresFor(random, levels.get(p.promeneurId)!, SEASON[period.index - 1]!, channels, themes),
      );
      const origin = random.chance(0.65)
        ? { source: 'import' as const, fileName: templateFileName(period, p) }
        : { source: 'saisie' as const, fileName: null };
      await createReport(db, p.promeneurId, period.key, figures, origin, today);
    }
  }
}
