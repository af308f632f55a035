/** Durations as people say them: 45 → « 45 min », 90 → « 1 h 30 », 120 → « 2 h ». */
export function formatDuration(minutes: number): string {
  const total = Math.max(0, Math.round(minutes));
  if (total < 60) return `${total} min`;
  const hours = Math.floor(total / 60);
  const rest = total % 60;
  const h = hours.toLocaleString('fr-FR');
  return rest === 0 ? `${h} h` : `${h} h ${String(rest).padStart(2, '0')}`;
}

/** The durations offered with one click in the entry form, in minutes. */
export const DURATION_PRESETS = [15, 30, 45, 60, 90, 120, 210, 420] as const;

/** A preset's name: the half-day and the day are said as such. */
export function presetLabel(minutes: number): string {
  if (minutes === 210) return 'Demi-journée';
  if (minutes === 420) return 'Journée';
  return formatDuration(minutes);
}

/**
 * The minutes typed as hours and minutes; null when both are empty. A part that is not a
 * whole number makes the whole NaN, which the schema refuses.
 */
export function durationFrom(hours: string, minutes: string): number | null {
  const h = hours.trim();
  const m = minutes.trim();
  if (h === '' && m === '') return null;
  const toNumber = (t: string) => (t === '' ? 0 : /^\d+$/.test(t) ? Number(t) : NaN);
  return toNumber(h) * 60 + toNumber(m);
}
