/**
 * What the activity template's writer and reader agree on: sheet names, the hidden identity
 * sheet's marker and version, and the keys naming each input cell. The writer records, on the
 * very hidden sheet, every input cell's key, address and label; the reader checks them back,
 * so a row inserted or deleted, or a file from another person or period, is recognised.
 */
import type { ActivityFiguresInput } from '../../../shared/api/activity';

/** Bumped whenever the layout changes in a way an older reader would misread. */
export const TEMPLATE_VERSION = 1;

export const MAIN_SHEET = 'Bilan d’activité';
export const HIDDEN_SHEET = 'balise';
export const MARKER = 'balise-bilan-activite';

/** The identity rows of the hidden sheet (column A names, column B values). */
export const IDENTITY_ROWS = { marker: 1, promeneur: 2, period: 3, generated: 4 } as const;
/** The first row of the cell map on the hidden sheet: key, address, label. */
export const MAP_FIRST_ROW = 6;
/** More input cells than this is no template of ours (and a reader must stay bounded). */
export const MAX_MAPPED_CELLS = 600;

/** The value column of the main sheet, and the label column a layout check reads. */
export const VALUE_COLUMN = 'B';
export const LABEL_COLUMN = 'A';

/** The answer of the « age breakdown known? » drop-down. */
export const AGE_KNOWN = { yes: 'Oui', no: 'Non' } as const;

/** Cell keys: counts by name, `age:<band>`, `channel:<id>`, `theme:<id>`, `text:<field>`. */
export const AGE_KNOWN_KEY = 'ageKnown';
export const cellKey = {
  age: (band: string) => `age:${band}`,
  channel: (id: number) => `channel:${id}`,
  theme: (id: number) => `theme:${id}`,
  text: (field: string) => `text:${field}`,
};

/** What the reader returns: plain data, built in the contained process. */
export interface ReadTemplate {
  version: number;
  promeneurId: number;
  periodKey: string;
  /** The figures, shaped as the report's input; null when a cell is wrong. */
  figures: ActivityFiguresInput | null;
  /** « Cellule B15 (Jeunes rencontrés…) : … », in the sheet's order. */
  errors: string[];
}
