/**
 * The vocabulary of the steering (COPIL) and technical (COTECH) committees: members,
 * attendance at a meeting, minutes, decisions and actions, in the users' words.
 */

/** The two committees; a meeting is a calendar event of the same type. */
export const COMMITTEES = {
  copil: 'COPIL',
  cotech: 'COTECH',
} as const;
export type Committee = keyof typeof COMMITTEES;

/** The committees' full names, for titles and documents. */
export const COMMITTEE_NAMES: Record<Committee, string> = {
  copil: 'Comité de pilotage (COPIL)',
  cotech: 'Comité technique (COTECH)',
};

export const ORGANISATION_KINDS = {
  caf: 'CAF',
  msa: 'MSA',
  conseil_departemental: 'Conseil départemental',
  etat_jeunesse: 'Service de l’État chargé de la jeunesse (SDJES)',
  epci: 'EPCI',
  commune: 'Commune',
  federation: 'Fédération ou association',
  structure: 'Structure du réseau',
  promeneur: 'Promeneur du Net',
  autre: 'Autre',
} as const;
export type OrganisationKind = keyof typeof ORGANISATION_KINDS;

export const MEMBER_ROLES = {
  president: 'Président·e',
  membre: 'Membre',
  invite: 'Invité·e',
} as const;
export type MemberRole = keyof typeof MEMBER_ROLES;

/** A substitute (suppléant) stands in for one titular member. */
export const SEATS = {
  titulaire: 'Titulaire',
  suppleant: 'Suppléant·e',
} as const;
export type Seat = keyof typeof SEATS;

/** Attendance of a member at a committee meeting. */
export const MEETING_ATTENDANCES = {
  present: 'Présent·e',
  excuse: 'Excusé·e',
  represente: 'Représenté·e',
  absent: 'Absent·e',
} as const;
export type MeetingAttendance = keyof typeof MEETING_ATTENDANCES;

export const MINUTES_STATUSES = {
  brouillon: 'Brouillon',
  approuve: 'Approuvé',
  diffuse: 'Diffusé',
} as const;
export type MinutesStatus = keyof typeof MINUTES_STATUSES;

export const DECISION_TYPES = {
  structure_retenue: 'Structure retenue',
  promeneur_exclu: 'Promeneur exclu',
  budget_valide: 'Budget validé',
  feuille_de_route: 'Feuille de route',
  autre: 'Autre',
} as const;
export type DecisionType = keyof typeof DECISION_TYPES;

export const ACTION_STATUSES = {
  a_faire: 'À faire',
  en_cours: 'En cours',
  faite: 'Faite',
  abandonnee: 'Abandonnée',
} as const;
export type ActionStatus = keyof typeof ACTION_STATUSES;
/** The statuses of an action still open (in the to-do list and the next agenda). */
export const OPEN_ACTION_STATUSES: readonly ActionStatus[] = ['a_faire', 'en_cours'];

/** What an agenda item or a decision can be linked to. */
export const LINK_KINDS = {
  structure: 'Structure',
  promeneur: 'Promeneur',
  convention: 'Convention',
  document: 'Pièce d’une convention',
} as const;
export type LinkKind = keyof typeof LINK_KINDS;

/** « COPIL-2027-03 »: committee, year of the meeting, number within that year. */
export function decisionReference(committee: Committee, year: number, number: number): string {
  return `${COMMITTEES[committee]}-${year}-${String(number).padStart(2, '0')}`;
}

/**
 * The audit log keys records by a number: each committee's changes (its rules, members and
 * meetings) are kept under the committee's own number, and say what in their subject.
 */
export const COMMITTEE_AUDIT_IDS: Record<Committee, number> = { copil: 1, cotech: 2 };

/** The title of the agenda's first item when earlier actions are followed up. */
export const FOLLOW_UP_TITLE = 'Suivi des actions des réunions précédentes';
