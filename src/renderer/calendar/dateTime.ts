/**
 * An event's start and end while a person types them: `YYYY-MM-DDTHH:mm` wall-clock strings
 * (Paris), possibly unfinished (`T14:00` before a date is chosen) so nothing typed is lost.
 */

const DATE = /^\d{4}-\d{2}-\d{2}/;

/** The date part (YYYY-MM-DD), or null while none is chosen. */
export const datePart = (local: string): string | null => DATE.exec(local)?.[0] ?? null;

/** The time part, as typed (hh:mm once normalised). */
export const timePart = (local: string): string => local.slice(local.indexOf('T') + 1);

export const joinDateTime = (date: string | null, time: string): string => `${date ?? ''}T${time}`;

const COMPLETE = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})$/;

/** Minutes since an arbitrary origin, or null when the value is unfinished. */
function toMinutes(local: string): number | null {
  const m = COMPLETE.exec(local);
  if (!m) return null;
  const ms = Date.UTC(+m[1]!, +m[2]! - 1, +m[3]!, +m[4]!, +m[5]!);
  return Number.isFinite(ms) ? ms / 60_000 : null;
}

function fromMinutes(minutes: number): string {
  return new Date(minutes * 60_000).toISOString().slice(0, 16);
}

/** `local` + minutes, as wall-clock time (no time-zone shift: the event is said in Paris time). */
export function addMinutes(local: string, minutes: number): string | null {
  const at = toMinutes(local);
  return at === null ? null : fromMinutes(at + minutes);
}

/** Minutes from `start` to `end`, or null when either is unfinished. */
export function minutesFrom(start: string, end: string): number | null {
  const a = toMinutes(start);
  const b = toMinutes(end);
  return a === null || b === null ? null : b - a;
}

/**
 * The end once the start moved: a complete event keeps its length (as calendar programs
 * do); otherwise the end's date follows the start's when it had none or the same one.
 */
export function followStart(previousStart: string, nextStart: string, end: string): string {
  const length = minutesFrom(previousStart, end);
  if (length !== null && length > 0) return addMinutes(nextStart, length) ?? end;
  const endDate = datePart(end);
  if (endDate === null || endDate === datePart(previousStart))
    return joinDateTime(datePart(nextStart), timePart(end));
  return end;
}
