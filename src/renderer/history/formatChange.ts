/**
 * Turns an audit log change into words: the field's French label, and its values as the
 * rest of the interface shows them (labels for value lists, dd/mm/yyyy dates, 06 12 … phones,
 * euros from cents).
 */
import type { AuditAction, AuditEntity } from '../../shared/api/history';
import {
  ATTENDANCES,
  EVENT_STATUSES,
  EVENT_TYPES,
  INVITEE_KINDS,
  LOG_CHANNELS,
  LOG_KINDS,
} from '../../shared/domain/calendar';
import {
  ATTACHMENT_TYPES,
  CONVENTION_KINDS,
  CONVENTION_STATUSES,
  DOCUMENT_CATEGORIES,
  PAYMENT_KINDS,
} from '../../shared/domain/conventions';
import {
  COMPLIANCE_POINTS,
  JOBS,
  LEGAL_FORMS,
  PLATFORMS,
  PROMENEUR_STATUSES,
  PUBLICATION_FIELDS,
  STRUCTURE_STATUSES,
  STRUCTURE_TYPES,
  WEEKDAYS,
} from '../../shared/domain/directory';
import { formatLocalDateTime } from '../../shared/rules/calendar';
import { formatEuros } from '../../shared/rules/conventions';
import { formatDate, formatInstant } from '../../shared/rules/dates';
import { formatPhone } from '../../shared/rules/phone';
import { formatSiret } from '../../shared/rules/siret';
import { ACTIVITY_LABELS, ACTIVITY_VALUE_LISTS } from '../activity/labels';
import { EVENT_LABELS } from '../calendar/labels';
import { COMMITTEE_LABELS, COMMITTEE_VALUE_LISTS } from '../committees/labels';
import { labelOf } from '../components/options';
import { CONVENTION_LABELS, PAYMENT_FIELD_LABELS } from '../conventions/labels';
import { JOURNAL_LABELS } from '../journal/labels';
import { PROMENEUR_LABELS } from '../promeneurs/labels';
import { MONTHS } from '../settings/months';
import { STRUCTURE_LABELS } from '../structures/labels';

export const ACTION_LABELS: Record<AuditAction, string> = {
  create: 'Création',
  update: 'Modification',
  archive: 'Archivage',
  restore: 'Restauration',
  delete: 'Suppression',
  erase: 'Effacement (données personnelles)',
};

/** The parts an erasure names beyond a record's own fields (its values are never kept). */
const ERASED_PARTS: Record<string, string> = {
  statusHistory: 'Historique du statut',
  invitations: 'Invitations aux évènements',
  journalLinks: 'Liens du journal d’activité',
  activityReports: 'Bilans d’activité (détachés, textes effacés)',
  name: 'Nom',
  email: 'E-mail',
  organisation: 'Organisation',
  attendance: 'Présence',
};

/** A change whose values were both emptied: an erasure took them out of the log. */
export const isErased = (change: { before: unknown; after: unknown }) =>
  change.before === null && change.after === null;

const SETTINGS_LABELS: Record<string, string> = {
  autoLockMinutes: 'Délai de verrouillage automatique (minutes)',
  departmentName: 'Nom du département',
  obligationDueDay: 'Jour de la date « J/M » des justificatifs',
  obligationDueMonth: 'Mois de la date « J/M » des justificatifs',
  todoHorizonMonths: 'Horizon de « À faire » (mois)',
  retentionYears: 'Conservation après la sortie du réseau (années)',
  activityPeriod: 'Période de collecte des chiffres d’activité',
};

/**
 * A convention's history also names the scans attached to its documents, and the deadlines
 * marked done from « À faire ».
 */
const CONVENTION_HISTORY_LABELS: Record<string, string> = {
  attachments: 'Fichier joint',
  mimeType: 'Type de fichier',
  done: 'Traité le',
  ...CONVENTION_LABELS,
};

const FIELD_LABELS: Record<AuditEntity, Record<string, string>> = {
  structure: STRUCTURE_LABELS,
  promeneur: PROMENEUR_LABELS,
  convention: CONVENTION_HISTORY_LABELS,
  event: EVENT_LABELS,
  journal: JOURNAL_LABELS,
  activity: ACTIVITY_LABELS,
  committee: COMMITTEE_LABELS,
  settings: SETTINGS_LABELS,
};

const DIRECTORY_LISTS: Record<string, Record<string, string>> = {
  type: STRUCTURE_TYPES,
  legalForm: LEGAL_FORMS,
  networkStatus: STRUCTURE_STATUSES,
  job: JOBS,
  status: PROMENEUR_STATUSES,
};

/**
 * Value lists by entity and field name. A convention's `kind` is the convention's (première,
 * renouvellement) or, for a payment, the payment's (avance, solde): their keys differ.
 */
const VALUE_LISTS: Record<AuditEntity, Record<string, Record<string, string>>> = {
  structure: DIRECTORY_LISTS,
  promeneur: DIRECTORY_LISTS,
  convention: {
    status: CONVENTION_STATUSES,
    kind: { ...CONVENTION_KINDS, ...PAYMENT_KINDS },
    category: DOCUMENT_CATEGORIES,
    mimeType: ATTACHMENT_TYPES,
  },
  event: {
    type: EVENT_TYPES,
    status: EVENT_STATUSES,
    kind: INVITEE_KINDS,
    attendance: ATTENDANCES,
  },
  journal: { kind: LOG_KINDS, channel: LOG_CHANNELS },
  activity: ACTIVITY_VALUE_LISTS,
  committee: COMMITTEE_VALUE_LISTS,
  settings: {
    obligationDueMonth: Object.fromEntries(MONTHS.map((m, i) => [String(i + 1), m])),
    activityPeriod: ACTIVITY_VALUE_LISTS.activityPeriod,
  },
};

const EMPTY = '(vide)';

/** Audit logs may name columns in snake_case: network_status is networkStatus. */
const camel = (field: string) => field.replace(/_([a-z])/g, (_, c: string) => c.toUpperCase());

/** A field's French name; `subject` tells a payment's fields from the convention's own. */
export function fieldLabel(entity: AuditEntity, field: string, subject?: string | null): string {
  const key = camel(field);
  const labels =
    entity === 'convention' && subject?.startsWith('Versement')
      ? { ...CONVENTION_HISTORY_LABELS, ...PAYMENT_FIELD_LABELS }
      : FIELD_LABELS[entity];
  return labels[key] ?? ERASED_PARTS[key] ?? field;
}

const checkedLabels = (value: object, labels: Record<string, string>) => {
  const on = Object.entries(value)
    .filter(([, v]) => v === true)
    .map(([k]) => labelOf(labels, k));
  return on.length > 0 ? on.join(' ; ') : 'aucun';
};

const isRecord = (v: unknown): v is Record<string, unknown> =>
  typeof v === 'object' && v !== null && !Array.isArray(v);

function formatItem(field: string, item: unknown): string {
  if (!isRecord(item)) return String(item);
  if (field === 'profiles')
    return `${labelOf(PLATFORMS, String(item.platform ?? ''))} : ${String(item.name ?? '')}${item.url ? ` (${String(item.url)})` : ''}`;
  if (field === 'dutySlots')
    return `${labelOf(WEEKDAYS, String(item.weekday ?? ''))} ${String(item.start ?? '')}–${String(item.end ?? '')}`;
  if (field === 'subsidies' && typeof item.amountCents === 'number')
    return `${String(item.year ?? '')} : ${formatEuros(item.amountCents)}`;
  return JSON.stringify(item);
}

/** What the history needs beyond the change itself: whose history, and the names behind ids. */
export interface ValueContext {
  /** Picks the value lists (a convention's status is not a Promeneur's); directory by default. */
  entity?: AuditEntity;
  structureNames?: ReadonlyMap<number, string>;
  conventionReferences?: ReadonlyMap<number, string>;
  /** The part of the record the change is about (an event's « Présences » name people). */
  subject?: string | null;
}

export function formatValue(field: string, value: unknown, context: ValueContext = {}): string {
  const key = camel(field);
  if (value === null || value === undefined || value === '') return EMPTY;
  if (key === 'structureId' && typeof value === 'number')
    return context.structureNames?.get(value) ?? `structure supprimée (n° ${value})`;
  if (key === 'previousId' && typeof value === 'number')
    return context.conventionReferences?.get(value) ?? `convention supprimée (n° ${value})`;
  if (key === 'amountCents' && typeof value === 'number') return formatEuros(value);
  if (typeof value === 'boolean') return value ? 'Oui' : 'Non';
  if (Array.isArray(value))
    return value.length === 0
      ? key === 'subsidies'
        ? 'aucune'
        : 'aucun'
      : value.map((item) => formatItem(key, item)).join(' ; ');
  if (isRecord(value)) {
    if (key === 'compliance') return checkedLabels(value, COMPLIANCE_POINTS);
    if (key === 'publication') return checkedLabels(value, PUBLICATION_FIELDS);
    return JSON.stringify(value);
  }
  const text = String(value);
  // An event's attendance is recorded per person: the field is the person's name.
  if (context.entity === 'event' && context.subject === 'Présences')
    return labelOf(ATTENDANCES, text);
  const list = VALUE_LISTS[context.entity ?? 'structure'][key];
  if (list) return labelOf(list, text);
  if (key === 'phone') return formatPhone(text);
  if (key === 'siret') return formatSiret(text);
  if (/^\d{4}-\d{2}-\d{2}$/.test(text)) return formatDate(text);
  // An event's start and end are Paris wall-clock times, not instants.
  if (context.entity === 'event' && /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}$/.test(text))
    return formatLocalDateTime(text);
  if (/^\d{4}-\d{2}-\d{2}T/.test(text)) return formatInstant(text);
  return text;
}
