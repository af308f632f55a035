/**
 * The French name of every event field (forms, detail page and history agree), and the
 * colour of each event type, status and attendance.
 */
import type { Attendance, EventStatus, EventType } from '../../shared/domain/calendar';

export const EVENT_LABELS = {
  type: 'Type d’évènement',
  title: 'Titre',
  start: 'Début',
  end: 'Fin',
  place: 'Lieu',
  videoUrl: 'Lien de visioconférence',
  description: 'Description',
  status: 'Statut',
  seriesId: 'Série',
  uid: 'Identifiant iCalendar',
  imported: 'Importé d’un autre calendrier',
  repeat: 'Répétition',
  until: 'Jusqu’au',
  // An invitee's fields (the history of an event shows its invitations and attendance).
  kind: 'Type d’invité',
  name: 'Nom',
  organisation: 'Structure ou organisme',
  email: 'E-mail',
  promeneurId: 'Promeneur',
  structureId: 'Structure',
  attendance: 'Présence',
  invitees: 'Invités',
} as const satisfies Record<string, string>;

/**
 * A Mantine colour per type; the calendar paints events with its dark shade, which keeps
 * white text readable in light and dark mode alike.
 */
export const TYPE_COLORS: Record<EventType, string> = {
  rencontre_departementale: 'teal',
  formation: 'blue',
  analyse_pratiques: 'cyan',
  copil: 'red',
  cotech: 'orange',
  journee_departementale: 'grape',
  lancement: 'pink',
  bilan_individuel: 'indigo',
  promotion: 'violet',
  autre: 'gray',
};

/** The CSS colour of an event of this type in the calendar (background, with white text). */
export const typeFill = (type: string): string =>
  `var(--mantine-color-${TYPE_COLORS[type as EventType] ?? 'gray'}-8)`;

export const STATUS_COLORS: Record<EventStatus, string> = {
  prevu: 'blue',
  tenu: 'teal',
  annule: 'gray',
};

export const ATTENDANCE_COLORS: Record<Attendance, string> = {
  present: 'teal',
  excuse: 'yellow',
  absent: 'red',
};
