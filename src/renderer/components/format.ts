/** Hours as people say them: 1.5 → « 1 h 30 », 2 → « 2 h ». */
export function formatHours(hours: number): string {
  const totalMinutes = Math.round(hours * 60);
  const h = Math.floor(totalMinutes / 60);
  const m = totalMinutes % 60;
  return m === 0 ? `${h} h` : `${h} h ${String(m).padStart(2, '0')}`;
}

/** Minutes between two hh:mm times of the same day (0 when the end is not after the start). */
export function minutesBetween(start: string, end: string): number {
  const toMinutes = (t: string) => {
    const m = /^(\d{2}):(\d{2})/.exec(t);
    return m ? Number(m[1]) * 60 + Number(m[2]) : NaN;
  };
  const d = toMinutes(end) - toMinutes(start);
  return Number.isFinite(d) && d > 0 ? d : 0;
}

export const plural = (count: number, one: string, many: string) =>
  `${count.toLocaleString('fr-FR')} ${count > 1 ? many : one}`;
