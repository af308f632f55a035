/**
 * Turns an audit log change into words: the field's French label, and its values as the
 * rest of the interface shows them (labels for value lists, dd/mm/yyyy dates, 06 12 … phones).
 */
import type { AuditAction, AuditEntity } from '../../shared/api/history';
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
import { formatDate, formatInstant } from '../../shared/rules/dates';
import { formatPhone } from '../../shared/rules/phone';
import { formatSiret } from '../../shared/rules/siret';
import { labelOf } from '../components/options';
import { PROMENEUR_LABELS } from '../promeneurs/labels';
import { STRUCTURE_LABELS } from '../structures/labels';

export const ACTION_LABELS: Record<AuditAction, string> = {
  create: 'Création',
  update: 'Modification',
  archive: 'Archivage',
  restore: 'Restauration',
  delete: 'Suppression',
};

const SETTINGS_LABELS: Record<string, string> = {
  autoLockMinutes: 'Délai de verrouillage automatique (minutes)',
  departmentName: 'Nom du département',
};

const FIELD_LABELS: Record<AuditEntity, Record<string, string>> = {
  structure: STRUCTURE_LABELS,
  promeneur: PROMENEUR_LABELS,
  settings: SETTINGS_LABELS,
};

/** Value lists by field name (the same name never means two lists). */
const VALUE_LISTS: Record<string, Record<string, string>> = {
  type: STRUCTURE_TYPES,
  legalForm: LEGAL_FORMS,
  networkStatus: STRUCTURE_STATUSES,
  job: JOBS,
  status: PROMENEUR_STATUSES,
};

const EMPTY = '(vide)';

/** Audit logs may name columns in snake_case: network_status is networkStatus. */
const camel = (field: string) => field.replace(/_([a-z])/g, (_, c: string) => c.toUpperCase());

export function fieldLabel(entity: AuditEntity, field: string): string {
  const key = camel(field);
  return FIELD_LABELS[entity][key] ?? field;
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
  return JSON.stringify(item);
}

/** What the history needs beyond the change itself: the names behind ids. */
export interface ValueContext {
  structureNames?: ReadonlyMap<number, string>;
}

export function formatValue(field: string, value: unknown, context: ValueContext = {}): string {
  const key = camel(field);
  if (value === null || value === undefined || value === '') return EMPTY;
  if (key === 'structureId' && typeof value === 'number')
    return context.structureNames?.get(value) ?? `structure supprimée (n° ${value})`;
  if (typeof value === 'boolean') return value ? 'Oui' : 'Non';
  if (Array.isArray(value))
    return value.length === 0 ? 'aucun' : value.map((item) => formatItem(key, item)).join(' ; ');
  if (isRecord(value)) {
    if (key === 'compliance') return checkedLabels(value, COMPLIANCE_POINTS);
    if (key === 'publication') return checkedLabels(value, PUBLICATION_FIELDS);
    return JSON.stringify(value);
  }
  const text = String(value);
  const list = VALUE_LISTS[key];
  if (list) return labelOf(list, text);
  if (key === 'phone') return formatPhone(text);
  if (key === 'siret') return formatSiret(text);
  if (/^\d{4}-\d{2}-\d{2}$/.test(text)) return formatDate(text);
  if (/^\d{4}-\d{2}-\d{2}T/.test(text)) return formatInstant(text);
  return text;
}
