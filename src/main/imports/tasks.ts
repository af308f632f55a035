/**
 * The parsers that run inside the contained worker, by name. Each takes plain data (a string,
 * bytes) and returns plain JSON; none touches the database, the disk or Electron. The Excel
 * imports add their parser here (e.g. `xlsx: (bytes: Uint8Array) => readWorkbook(bytes)`).
 */
import { readActivityTemplate } from '../services/activity/templateRead';
import { readCalendar } from '../services/calendar/icsRead';
import { writeExport } from '../services/exports/writer';
import { readTable } from './tableRead';

export const tasks = {
  /** An .ics file's text → its events and problem lines. */
  ics: (content: string) => readCalendar(content),
  /** A returned activity template's bytes → its identity, figures and per-cell errors. */
  activityTemplate: (bytes: Uint8Array) => readActivityTemplate(bytes),
  /** A directory spreadsheet (.xlsx or .csv) → its sheets: headings and rows of cells. */
  table: (input: { bytes: Uint8Array; fileName: string }) => readTable(input),
  /** An export described as plain data (services/exports/model) → its .xlsx or .csv bytes. */
  exportFile: (input: Parameters<typeof writeExport>[0]) => writeExport(input),
};

export type TaskName = keyof typeof tasks;
export type TaskInput<T extends TaskName> = Parameters<(typeof tasks)[T]>[0];
export type TaskOutput<T extends TaskName> = Awaited<ReturnType<(typeof tasks)[T]>>;
