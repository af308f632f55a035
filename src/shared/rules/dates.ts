/** Dates as the users read them: calendar dates in Europe/Paris, shown dd/mm/yyyy. */
export const TIME_ZONE = 'Europe/Paris';

// Built once: building an Intl formatter costs a hundred times more than using it.
const PARIS_DAY = new Intl.DateTimeFormat('en-CA', {
  timeZone: TIME_ZONE,
  year: 'numeric',
  month: '2-digit',
  day: '2-digit',
});

/** Today's calendar date in Paris, as YYYY-MM-DD. */
export function todayInParis(now: Date = new Date()): string {
  return PARIS_DAY.format(now);
}

/** YYYY-MM-DD → dd/mm/yyyy; empty for null. */
export function formatDate(iso: string | null | undefined): string {
  if (!iso) return '';
  const m = /^(\d{4})-(\d{2})-(\d{2})/.exec(iso);
  return m ? `${m[3]}/${m[2]}/${m[1]}` : iso;
}

/** An instant (ISO-8601 UTC) → dd/mm/yyyy à hh:mm in Paris time. */
export function formatInstant(iso: string | null | undefined): string {
  if (!iso) return '';
  const d = new Date(iso);
  if (Number.isNaN(d.getTime())) return iso;
  const parts = new Intl.DateTimeFormat('fr-FR', {
    timeZone: TIME_ZONE,
    day: '2-digit',
    month: '2-digit',
    year: 'numeric',
    hour: '2-digit',
    minute: '2-digit',
  }).formatToParts(d);
  const get = (type: string) => parts.find((p) => p.type === type)?.value ?? '';
  return `${get('day')}/${get('month')}/${get('year')} à ${get('hour')}:${get('minute')}`;
}

const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;
const isLeap = (y: number) => (y % 4 === 0 && y % 100 !== 0) || y % 400 === 0;
const DAYS_IN_MONTH = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];
const pad2 = (n: number) => (n < 10 ? `0${n}` : String(n));

/** Adds whole months to a YYYY-MM-DD date (clamped to the month's last day). */
export function addMonths(iso: string, months: number): string {
  const m = ISO_DATE.exec(iso);
  if (m) {
    // Plain arithmetic: the to-do list computes tens of thousands of these.
    const total = Number(m[1]) * 12 + Number(m[2]) - 1 + months;
    const year = Math.floor(total / 12);
    const month = total - year * 12 + 1;
    if (year >= 1000 && year <= 9999 && Number(m[3]) >= 1) {
      const lastDay = month === 2 && isLeap(year) ? 29 : DAYS_IN_MONTH[month - 1]!;
      return `${year}-${pad2(month)}-${pad2(Math.min(Number(m[3]), lastDay))}`;
    }
  }
  const [y, mo, d] = iso.split('-').map(Number) as [number, number, number];
  const target = new Date(Date.UTC(y, mo - 1 + months, 1));
  const lastDay = new Date(
    Date.UTC(target.getUTCFullYear(), target.getUTCMonth() + 1, 0),
  ).getUTCDate();
  target.setUTCDate(Math.min(d, lastDay));
  return target.toISOString().slice(0, 10);
}
