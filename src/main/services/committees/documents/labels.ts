/**
 * The French wording shared by the committee documents: long dates (« jeudi 12 mars 2027 »),
 * times (« 14 h 00 »), durations, the minutes' status line, attendance groups and quorum.
 * Pure functions, so the PDF and the .docx writers say exactly the same thing.
 */
import {
  ACTION_STATUSES,
  COMMITTEE_NAMES,
  DECISION_TYPES,
  type MeetingAttendance,
} from '../../../../shared/domain/committees';
import { formatDate } from '../../../../shared/rules/dates';
import type {
  ActionLine,
  AgendaLine,
  AttendanceLine,
  DecisionLine,
  MeetingHeader,
  MinutesDocument,
} from './model';

const LONG_DATE = new Intl.DateTimeFormat('fr-FR', {
  timeZone: 'UTC',
  weekday: 'long',
  day: 'numeric',
  month: 'long',
  year: 'numeric',
});

/** YYYY-MM-DD (or the date part of YYYY-MM-DDTHH:mm) → « jeudi 12 mars 2027 », « lundi 1er mars 2027 ». */
export function longDate(iso: string): string {
  const m = /^(\d{4})-(\d{2})-(\d{2})/.exec(iso);
  if (!m) return iso;
  const text = LONG_DATE.format(new Date(Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3]))));
  // French writes the first day of a month as an ordinal.
  return text.replace(/^(\S+ )1 /, '$11er ');
}

/** Long date without the weekday (« 12 mars 2027 »), for the body of a letter. */
export function dayMonthYear(iso: string): string {
  return longDate(iso).replace(/^\S+ /, '');
}

/** YYYY-MM-DDTHH:mm → « 14 h 00 ». */
export function timeOf(local: string): string {
  const m = /T(\d{2}):(\d{2})/.exec(local);
  return m ? `${m[1]} h ${m[2]}` : '';
}

/** When a meeting takes place: « jeudi 12 mars 2027, 14 h 00 – 17 h 00 », or over two days. */
export function meetingWhen(start: string, end: string): string {
  if (start.slice(0, 10) === end.slice(0, 10))
    return `${longDate(start)}, ${timeOf(start)} – ${timeOf(end)}`;
  return `du ${longDate(start)}, ${timeOf(start)}, au ${longDate(end)}, ${timeOf(end)}`;
}

/** « 45 min », « 1 h », « 2 h 15 ». */
export function durationLabel(minutes: number): string {
  const hours = Math.floor(minutes / 60);
  const rest = minutes % 60;
  if (hours === 0) return `${rest} min`;
  return rest === 0 ? `${hours} h` : `${hours} h ${String(rest).padStart(2, '0')}`;
}

/** The committee's full name and the meeting's day, for footers: « Comité de pilotage (COPIL) — 12/03/2027 ». */
export function footerLabel(meeting: MeetingHeader): string {
  return `${COMMITTEE_NAMES[meeting.committee]} — réunion du ${formatDate(meeting.start)}`;
}

/** Where the meeting takes place, or null when no place was recorded. */
export function placeLabel(meeting: MeetingHeader): string | null {
  const place = meeting.place?.trim();
  return place ? `Lieu : ${place}` : null;
}

/** The minutes' status as printed under the title. */
export function minutesStatusLine(
  doc: Pick<MinutesDocument, 'status' | 'approvedOn' | 'circulatedOn'>,
): string {
  const approved = doc.approvedOn ? `Approuvé le ${formatDate(doc.approvedOn)}` : null;
  switch (doc.status) {
    case 'brouillon':
      return 'Projet de compte rendu — non encore approuvé par le comité';
    case 'approuve':
      return approved ?? 'Approuvé';
    case 'diffuse': {
      const circulated = doc.circulatedOn
        ? `Diffusé le ${formatDate(doc.circulatedOn)}`
        : 'Diffusé';
      return approved ? `${approved} — ${circulated}` : circulated;
    }
  }
}

/** The attendance groups, in the order the minutes list them. */
const ATTENDANCE_GROUPS: { key: MeetingAttendance | null; title: string }[] = [
  { key: 'present', title: 'Présents' },
  { key: 'excuse', title: 'Excusés' },
  { key: 'represente', title: 'Représentés' },
  { key: 'absent', title: 'Absents' },
  { key: null, title: 'Présence non renseignée' },
];

export interface AttendanceGroup {
  title: string;
  lines: string[];
}

/** One member as listed: « Claire Martin (CAF du Val-de-Balise), Président·e, Titulaire ». */
export function attendanceLabel(line: AttendanceLine): string {
  const parts = [line.name.trim()];
  if (line.organisation.trim()) parts[0] += ` (${line.organisation.trim()})`;
  if (line.role.trim()) parts.push(line.role.trim());
  let text = parts.join(', ');
  if (line.attendance === 'represente' && line.representedBy?.trim())
    text += ` — représenté·e par ${line.representedBy.trim()}`;
  return text;
}

/** The members grouped by attendance, empty groups left out. */
export function attendanceGroups(lines: AttendanceLine[]): AttendanceGroup[] {
  return ATTENDANCE_GROUPS.map((group) => {
    const members = lines.filter((l) => (l.attendance ?? null) === group.key);
    return { title: `${group.title} (${members.length})`, lines: members.map(attendanceLabel) };
  }).filter((g) => g.lines.length > 0);
}

/** « Quorum atteint : 6 membres présents pour 5 requis. » */
export function quorumLine(quorum: MinutesDocument['quorum']): string | null {
  if (!quorum) return null;
  const present = `${quorum.present} membre${quorum.present > 1 ? 's' : ''} présent${quorum.present > 1 ? 's' : ''}`;
  const verdict = quorum.present >= quorum.required ? 'Quorum atteint' : 'Quorum non atteint';
  return `${verdict} : ${present} pour ${quorum.required} requis.`;
}

/**
 * The agenda line as listed: « 2. Bilan des actions (présenté par Léa Morel, 30 min) »;
 * without its number for a document that numbers the list itself.
 */
export function agendaLabel(item: AgendaLine, numbered = true): string {
  let text = numbered ? `${item.position}. ${item.title}` : item.title;
  const details: string[] = [];
  if (item.presenter?.trim()) details.push(`présenté par ${item.presenter.trim()}`);
  if (item.durationMinutes) details.push(durationLabel(item.durationMinutes));
  if (details.length > 0) text += ` (${details.join(', ')})`;
  return text;
}

/** Total planned duration of an agenda, and whether some items have none. */
export function agendaTotal(items: AgendaLine[]): { minutes: number; incomplete: boolean } {
  return {
    minutes: items.reduce((sum, i) => sum + (i.durationMinutes ?? 0), 0),
    incomplete: items.some((i) => !i.durationMinutes),
  };
}

/** The cells of a decision: reference, type, object (with the record it concerns), text. */
export function decisionCells(d: DecisionLine): [string, string, string, string] {
  const object = d.subject?.trim() ? `${d.title}\n${d.subject.trim()}` : d.title;
  return [d.reference, DECISION_TYPES[d.type], object, d.text?.trim() ?? ''];
}

/** The cells of an action: who, what, by when (flagged when overdue on `today`), status. */
export function actionCells(a: ActionLine, today?: string): [string, string, string, string] {
  let due = a.dueOn ? formatDate(a.dueOn) : '—';
  if (today && a.dueOn && a.dueOn < today && (a.status === 'a_faire' || a.status === 'en_cours'))
    due += ' (dépassée)';
  return [a.who, a.what, due, ACTION_STATUSES[a.status]];
}

export const DECISION_COLUMNS = ['Référence', 'Type', 'Objet', 'Décision'] as const;
export const ACTION_COLUMNS = ['Qui', 'Quoi', 'Échéance', 'Statut'] as const;
