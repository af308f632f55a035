/**
 * The parsers that run inside the contained worker, by name. Each takes plain data (a string,
 * bytes) and returns plain JSON; none touches the database, the disk or Electron. The Excel
 * imports add their parser here (e.g. `xlsx: (bytes: Uint8Array) => readWorkbook(bytes)`).
 *
 * Each parser's module is loaded when its task is asked for, not when the process starts: a
 * process runs one task, and loading them all (exceljs above all) took about half a second of
 * each CSV directory read.
 */
import type {
  readActivityTemplate,
  readActivityTemplates,
} from '../services/activity/templateRead';
import type { readCalendar } from '../services/calendar/icsRead';
import type { writeExport } from '../services/exports/writer';
import type { readTable } from './tableRead';

export const tasks = {
  /** An .ics file's text → its events and problem lines. */
  ics: async (content: Parameters<typeof readCalendar>[0]) =>
    (await import('../services/calendar/icsRead')).readCalendar(content),
  /** A returned activity template's bytes → its identity, figures and per-cell errors. */
  activityTemplate: async (bytes: Parameters<typeof readActivityTemplate>[0]) =>
    (await import('../services/activity/templateRead')).readActivityTemplate(bytes),
  /** Several returned templates' bytes → each one's read or refusal. */
  activityTemplates: async (files: Parameters<typeof readActivityTemplates>[0]) =>
    (await import('../services/activity/templateRead')).readActivityTemplates(files),
  /** A directory spreadsheet (.xlsx or .csv) → its sheets: headings and rows of cells. */
  table: async (input: Parameters<typeof readTable>[0]) =>
    (await import('./tableRead')).readTable(input),
  /** An export described as plain data (services/exports/model) → its .xlsx or .csv bytes. */
  exportFile: async (input: Parameters<typeof writeExport>[0]) =>
    (await import('../services/exports/writer')).writeExport(input),
};

export type TaskName = keyof typeof tasks;
export type TaskInput<T extends TaskName> = Parameters<(typeof tasks)[T]>[0];
export type TaskOutput<T extends TaskName> = Awaited<ReturnType<(typeof tasks)[T]>>;
