/**
 * The parsers that run inside the contained worker, by name. Each takes plain data (a string,
 * bytes) and returns plain JSON; none touches the database, the disk or Electron. The Excel
 * imports add their parser here (e.g. `xlsx: (bytes: Uint8Array) => readWorkbook(bytes)`).
 */
import { readCalendar } from '../services/calendar/icsRead';

export const tasks = {
  /** An .ics file's text → its events and problem lines. */
  ics: (content: string) => readCalendar(content),
};

export type TaskName = keyof typeof tasks;
export type TaskInput<T extends TaskName> = Parameters<(typeof tasks)[T]>[0];
export type TaskOutput<T extends TaskName> = ReturnType<(typeof tasks)[T]>;
