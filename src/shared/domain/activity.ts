/**
 * The Promeneurs' activity indicators (guide 4.4 and the departmental monthly forms), with
 * their French labels. Young people are never recorded individually: only counts, optionally
 * by age band.
 */

/** How often Promeneurs report their figures (a setting; quarterly by default). */
export const ACTIVITY_PERIOD_KINDS = {
  mensuelle: 'Mensuelle',
  trimestrielle: 'Trimestrielle',
  annuelle: 'Annuelle',
} as const;
export type ActivityPeriodKind = keyof typeof ACTIVITY_PERIOD_KINDS;
export const DEFAULT_ACTIVITY_PERIOD: ActivityPeriodKind = 'trimestrielle';

/** The counts of a report, in the order forms and templates show them. */
export const ACTIVITY_COUNTS = {
  youngContacted: 'Jeunes contactés en ligne',
  youngMet: 'Jeunes rencontrés en présentiel après un contact en ligne',
  projectsStarted: 'Projets engagés à partir de ces contacts',
  exchanges: 'Échanges avec des jeunes (nombre)',
  concernsReferred: 'Situations préoccupantes transmises aux services compétents',
} as const;
export type ActivityCount = keyof typeof ACTIVITY_COUNTS;

export const HOURS_ONLINE_LABEL = 'Heures de présence en ligne';

/** The optional breakdown of the young people contacted, by age band. */
export const AGE_BANDS = {
  age12to14: '12 à 14 ans',
  age15to17: '15 à 17 ans',
  age18to25: '18 à 25 ans',
} as const;
export type AgeBand = keyof typeof AGE_BANDS;

/** The free texts of a report. */
export const ACTIVITY_TEXTS = {
  partners: 'Partenaires mobilisés',
  projectsText: 'Projets engagés (description)',
  qualityNotes: 'Qualité et effets de l’action',
  difficulties: 'Difficultés rencontrées',
  trainingWishes: 'Besoins de formation',
} as const;
export type ActivityText = keyof typeof ACTIVITY_TEXTS;

/** What the per-channel and per-theme counts count. */
export const CHANNEL_COUNT_LABEL = 'Jeunes contactés, par canal';
export const THEME_COUNT_LABEL = 'Demandes des jeunes, par thème';

/** The two lists the coordinator edits in the settings. */
export const ACTIVITY_LISTS = {
  channels: 'Canaux d’intervention',
  themes: 'Thèmes des demandes',
} as const;
export type ActivityList = keyof typeof ACTIVITY_LISTS;

/** The singular of each list's values, for messages (« le canal « Snapchat » »). */
export const ACTIVITY_LIST_ITEM = {
  channels: { one: 'canal', the: 'le canal' },
  themes: { one: 'thème', the: 'le thème' },
} as const;

/** The lists a new vault starts with (editable in the settings). */
export const DEFAULT_CHANNELS = [
  'E-mail',
  'Messenger',
  'Snapchat',
  'WhatsApp',
  'Instagram',
  'TikTok',
  'YouTube',
  'X',
  'Jeux en ligne',
  'Forums',
  'Discord',
  'Twitch',
] as const;

export const DEFAULT_THEMES = [
  'Psychosocial et mal-être',
  'Santé',
  'Logement',
  'Emploi et formation',
  'Scolarité',
  'Projets',
  'Loisirs',
  'Famille et parentalité',
  'Vie affective et sexuelle',
  'Addictions',
  '(Cyber)violences',
  'Pratiques numériques',
  'Accès aux droits et démarches',
  'Autre',
] as const;

/** Where a report's figures came from. */
export const ACTIVITY_SOURCES = {
  saisie: 'Saisie',
  import: 'Import d’un modèle',
} as const;
export type ActivitySource = keyof typeof ACTIVITY_SOURCES;

/** Sane upper bounds of one Promeneur's figures for one period (a year at most). */
export const MAX_ACTIVITY_COUNT = 100_000;
export const MAX_HOURS_ONLINE = 5_000;
export const MAX_ACTIVITY_TEXT = 4_000;
export const MAX_LIST_LABEL = 60;

/** The largest returned template accepted (a filled one weighs about 20 ko). */
export const MAX_TEMPLATE_BYTES = 2 * 1024 * 1024;

/** Days after a period's end when missing figures become due in « À faire ». */
export const ACTIVITY_DUE_DAYS = 15;
