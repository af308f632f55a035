/**
 * The decision register (relevé des décisions) as a workbook description: one row per
 * decision, with real dates. The exports' one writer turns it into .xlsx (see
 * ../../exports/generate), like every other workbook Balise produces.
 */
import { COMMITTEES, DECISION_TYPES } from '../../../../shared/domain/committees';
import { day, type WorkbookSpec } from '../../exports/model';
import type { DecisionRegisterRow } from './model';

export interface RegisterMeta {
  /** The filters, in words (« Instance : COPIL · Année : 2027 »). */
  filters: string;
  created: Date;
}

export function decisionRegisterSpec(
  rows: DecisionRegisterRow[],
  meta: RegisterMeta,
): WorkbookSpec {
  return {
    title: `Relevé des décisions — ${meta.filters}`,
    created: meta.created,
    sheets: [
      {
        name: 'Décisions',
        columns: [
          { header: 'Référence', format: 'text' },
          { header: 'Instance', format: 'text' },
          { header: 'Date', format: 'date' },
          { header: 'Réunion', format: 'text' },
          { header: 'Type', format: 'text' },
          { header: 'Objet', format: 'text' },
          { header: 'Concerne', format: 'text' },
          { header: 'Décision', format: 'text' },
        ],
        rows: rows.map((r) => [
          r.reference,
          COMMITTEES[r.committee],
          day(r.date),
          r.meetingTitle,
          DECISION_TYPES[r.type],
          r.title,
          r.subject,
          r.text,
        ]),
        emptyText: 'Aucune décision ne correspond à ces critères.',
      },
    ],
  };
}
