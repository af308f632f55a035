/** The committees' field names, as the forms and the change log say them. */
import {
  ACTION_STATUSES,
  DECISION_TYPES,
  MEMBER_ROLES,
  MINUTES_STATUSES,
  ORGANISATION_KINDS,
  SEATS,
} from '../../shared/domain/committees';

export const MEMBER_LABELS = {
  name: 'Nom',
  organisationKind: 'Type d’organisation',
  organisation: 'Organisation',
  role: 'Rôle',
  seat: 'Siège',
  substituteOf: 'Suppléant de',
  email: 'E-mail',
  phone: 'Téléphone',
  memberFrom: 'Membre depuis le',
  memberUntil: 'Membre jusqu’au',
} as const;

export const AGENDA_LABELS = {
  title: 'Intitulé',
  presenter: 'Présenté par',
  durationMinutes: 'Durée prévue (minutes)',
  links: 'Fiches liées',
} as const;

export const DECISION_LABELS = {
  type: 'Type de décision',
  title: 'Intitulé',
  text: 'Texte de la décision',
  structureId: 'Structure concernée',
  promeneurId: 'Promeneur concerné',
  conventionId: 'Convention concernée',
} as const;

export const ACTION_LABELS = {
  who: 'Qui',
  what: 'Quoi',
  dueOn: 'Échéance',
  status: 'Statut',
  doneOn: 'Faite le',
} as const;

export const MINUTES_LABELS = {
  status: 'Statut du compte rendu',
  approvedOn: 'Approuvé le',
  approvedAtEventId: 'Approuvé lors de la réunion',
  circulatedOn: 'Diffusé le',
  recipients: 'Destinataires',
} as const;

/** Every field the committees' history names (a decision's « type » is its type of decision). */
export const COMMITTEE_LABELS: Record<string, string> = {
  ...MEMBER_LABELS,
  ...AGENDA_LABELS,
  ...ACTION_LABELS,
  ...MINUTES_LABELS,
  ...DECISION_LABELS,
  rules: 'Règlement',
  quorum: 'Quorum (sièges)',
  position: 'Rang dans l’ordre du jour',
  minutes: 'Compte rendu',
  title: 'Intitulé',
  status: 'Statut',
};

/** Value lists by field: the minutes' and the actions' statuses do not share keys. */
export const COMMITTEE_VALUE_LISTS: Record<string, Record<string, string>> = {
  organisationKind: ORGANISATION_KINDS,
  role: MEMBER_ROLES,
  seat: SEATS,
  type: DECISION_TYPES,
  status: { ...MINUTES_STATUSES, ...ACTION_STATUSES },
};
