/**
 * The vocabulary of the network calendar (events, invitations, attendance, cadence goals)
 * and of the coordinator's log (journal d'activité), with the words the users say.
 */

export const EVENT_TYPES = {
  rencontre_departementale: 'Rencontre départementale',
  formation: 'Formation',
  analyse_pratiques: 'Analyse des pratiques',
  copil: 'COPIL',
  cotech: 'COTECH',
  journee_departementale: 'Journée départementale',
  lancement: 'Lancement',
  bilan_individuel: 'Bilan individuel',
  promotion: 'Promotion',
  autre: 'Autre',
} as const;
export type EventType = keyof typeof EVENT_TYPES;

export const EVENT_STATUSES = {
  prevu: 'Prévu',
  tenu: 'Tenu',
  annule: 'Annulé',
} as const;
export type EventStatus = keyof typeof EVENT_STATUSES;

/** Who an invitee is: a Promeneur of the directory, someone of a structure's team, or a guest. */
export const INVITEE_KINDS = {
  promeneur: 'Promeneur du Net',
  structure: 'Équipe d’une structure',
  invite: 'Invité extérieur',
} as const;
export type InviteeKind = keyof typeof INVITEE_KINDS;

export const ATTENDANCES = {
  present: 'Présent',
  excuse: 'Excusé',
  absent: 'Absent',
} as const;
export type Attendance = keyof typeof ATTENDANCES;

/** How a new event repeats (each occurrence becomes an event of its own, with its attendance). */
export const REPEATS = {
  none: 'Ne se répète pas',
  weekly: 'Chaque semaine',
  biweekly: 'Toutes les deux semaines',
  monthly_weekday: 'Chaque mois, le même jour de la semaine (ex. : 2e mardi)',
  monthly_date: 'Chaque mois, à la même date',
} as const;
export type Repeat = keyof typeof REPEATS;
/** The most occurrences one repetition creates. */
export const MAX_OCCURRENCES = 52;

/** The event types that have a yearly target (a setting), and the setting that holds it. */
export const CADENCE_GOALS = {
  rencontre_departementale: 'departmentalMeetingsPerYear',
  copil: 'copilPerYear',
  cotech: 'cotechPerYear',
} as const satisfies Partial<Record<EventType, string>>;
export type CadenceType = keyof typeof CADENCE_GOALS;

/** What the coordinator did (journal d'activité). */
export const LOG_KINDS = {
  accompagnement_pdn: 'Accompagnement d’un Promeneur',
  visite_structure: 'Visite ou échange avec une structure',
  partenariat: 'Rencontre avec un partenaire',
  animation_reseau: 'Animation du réseau',
  instances: 'Préparation et suivi des instances',
  communication: 'Communication et promotion',
  formation: 'Formation (organisée ou suivie)',
  veille: 'Veille et documentation',
  administratif: 'Gestion administrative et financière',
  autre: 'Autre',
} as const;
export type LogKind = keyof typeof LOG_KINDS;

export const LOG_CHANNELS = {
  presentiel: 'En présentiel',
  telephone: 'Téléphone',
  visio: 'Visioconférence',
  email: 'E-mail',
  messagerie: 'Messagerie instantanée',
  autre: 'Autre',
} as const;
export type LogChannel = keyof typeof LOG_CHANNELS;

/** The largest .ics file accepted for import, in bytes. */
export const MAX_ICS_BYTES = 5 * 1024 * 1024;
