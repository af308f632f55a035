/** Values as the preview shows them: French dates, phones and SIRET as people read them, labels. */
import {
  JOBS,
  LEGAL_FORMS,
  PROMENEUR_STATUSES,
  STRUCTURE_STATUSES,
  STRUCTURE_TYPES,
} from '../../../shared/domain/directory';
import {
  IMPORT_FIELD_KEYS,
  IMPORT_FIELDS,
  type ImportEntity,
  type ValueKind,
} from '../../../shared/domain/directoryImport';
import { formatDate } from '../../../shared/rules/dates';
import { formatPhone } from '../../../shared/rules/phone';
import { formatSiret } from '../../../shared/rules/siret';

const LISTS: Partial<Record<ValueKind, Record<string, string>>> = {
  structureType: STRUCTURE_TYPES,
  legalForm: LEGAL_FORMS,
  structureStatus: STRUCTURE_STATUSES,
  job: JOBS,
  promeneurStatus: PROMENEUR_STATUSES,
};

/** Labels of the record fields an import may fill or that validation may name. */
const OTHER_LABELS: Record<string, string> = {
  structureId: 'Structure employeuse',
  selectionYear: 'Année de sélection par le COPIL',
  charterSignatory: 'Signataire de la charte',
};

export function fieldOf(entity: ImportEntity, key: string) {
  const found = IMPORT_FIELD_KEYS.find(
    (k) => IMPORT_FIELDS[k].entity === entity && IMPORT_FIELDS[k].key === key,
  );
  return found ? IMPORT_FIELDS[found] : null;
}

export function labelOf(entity: ImportEntity, key: string): string {
  return fieldOf(entity, key)?.label ?? OTHER_LABELS[key] ?? key;
}

/** A stored value, shown: « — » when empty. */
export function shownValue(entity: ImportEntity, key: string, value: unknown): string {
  if (value === null || value === undefined || value === '') return '—';
  if (typeof value === 'boolean') return value ? 'Oui' : 'Non';
  const kind = fieldOf(entity, key)?.kind;
  const text = String(value);
  if (kind === 'phone') return formatPhone(text);
  if (kind === 'date') return formatDate(text);
  if (kind === 'siret') return formatSiret(text);
  const list = kind ? LISTS[kind] : undefined;
  return list?.[text] ?? text;
}
