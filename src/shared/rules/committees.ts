/**
 * The committees' rules, pure: who sits on a committee on a day, the quorum, how decisions
 * are numbered, how the agenda is ordered, the life of the minutes, which earlier actions
 * the next agenda follows up, and the checks a decision or an attendance must pass.
 */
import {
  OPEN_ACTION_STATUSES,
  type ActionStatus,
  type DecisionType,
  type MeetingAttendance,
  type MemberRole,
  type MinutesStatus,
  type Seat,
} from '../domain/committees';

/** Membership dates: a member sits from `memberFrom` to `memberUntil`, both included, if set. */
export interface MembershipSpan {
  memberFrom: string | null;
  memberUntil: string | null;
}

export function sitsOn(member: MembershipSpan, day: string): boolean {
  return (
    (member.memberFrom === null || member.memberFrom <= day) &&
    (member.memberUntil === null || member.memberUntil >= day)
  );
}

export interface SeatHolder {
  id: number;
  role: MemberRole;
  seat: Seat;
  substituteOf: number | null;
}

export interface AttendanceMark {
  attendance: MeetingAttendance;
  representedByMemberId: number | null;
}

/**
 * The voting seats held at a meeting, for the quorum. Guests (invité·e) never count. A titular
 * member's seat is held when they are present, represented, or when one of their substitutes
 * is present; a substitute with no titular counts as a seat of their own. A seat counts once,
 * however many people stood for it.
 */
export function seatsHeld(members: SeatHolder[], marks: Map<number, AttendanceMark>): number {
  const present = (id: number) => marks.get(id)?.attendance === 'present';
  const voting = members.filter((m) => m.role !== 'invite');
  const titularIds = new Set(voting.filter((m) => m.seat === 'titulaire').map((m) => m.id));
  let held = 0;
  for (const m of voting) {
    if (m.seat === 'titulaire') {
      const mark = marks.get(m.id);
      const standIn = voting.some(
        (s) => s.seat === 'suppleant' && s.substituteOf === m.id && present(s.id),
      );
      if (mark?.attendance === 'present' || mark?.attendance === 'represente' || standIn) held += 1;
    } else if ((m.substituteOf === null || !titularIds.has(m.substituteOf)) && present(m.id)) {
      held += 1;
    }
  }
  return held;
}

export interface QuorumState {
  required: number;
  present: number;
  reached: boolean;
}

/** The quorum indicator, or null when the rules set no quorum. */
export function quorumOf(
  required: number | null,
  members: SeatHolder[],
  marks: Map<number, AttendanceMark>,
): QuorumState | null {
  if (required === null) return null;
  const present = seatsHeld(members, marks);
  return { required, present, reached: present >= required };
}

/** Decisions are numbered per committee and year: the next one follows the highest. */
export function nextDecisionNumber(numbers: number[]): number {
  return numbers.reduce((max, n) => Math.max(max, n), 0) + 1;
}

/** The ids in their new order once `id` moved one place up or down (unchanged at an end). */
export function moveItem(ids: number[], id: number, direction: 'up' | 'down'): number[] {
  const index = ids.indexOf(id);
  const target = direction === 'up' ? index - 1 : index + 1;
  if (index < 0 || target < 0 || target >= ids.length) return ids;
  const moved = [...ids];
  [moved[index], moved[target]] = [moved[target]!, moved[index]!];
  return moved;
}

export const isOpenAction = (status: ActionStatus) => OPEN_ACTION_STATUSES.includes(status);

export interface FollowedAction {
  id: number;
  eventId: number;
  status: ActionStatus;
  dueOn: string | null;
}

/**
 * The actions an agenda follows up: every action of the previous meeting (whatever its
 * status now, so the minutes can say what was done), and the actions of older meetings that
 * are still open. Open ones first, then by due date (none last).
 */
export function followedActions<T extends FollowedAction>(
  earlier: T[],
  previousEventId: number | null,
): T[] {
  const rank = (a: T) => (isOpenAction(a.status) ? 0 : 1);
  return earlier
    .filter((a) => a.eventId === previousEventId || isOpenAction(a.status))
    .sort(
      (a, b) =>
        rank(a) - rank(b) || (a.dueOn ?? '9999').localeCompare(b.dueOn ?? '9999') || a.id - b.id,
    );
}

/** An action is overdue when it is open and its due date has passed. */
export function actionOverdue(
  action: { status: ActionStatus; dueOn: string | null },
  today: string,
): boolean {
  return isOpenAction(action.status) && action.dueOn !== null && action.dueOn < today;
}

export interface MinutesChange {
  status: MinutesStatus;
  approvedOn: string | null;
  circulatedOn: string | null;
  recipients: string | null;
}

/**
 * What is wrong with a change of the minutes' status, by field, given the meeting's day:
 * approved needs the day of approval (not before the meeting); circulated needs to have been
 * approved, the day it was sent (not before approval) and to whom.
 */
export function minutesChangeErrors(
  change: MinutesChange,
  meetingDay: string,
): Record<string, string> {
  const errors: Record<string, string> = {};
  if (change.status === 'brouillon') return errors;
  if (change.approvedOn === null) errors.approvedOn = 'Indiquez la date d’approbation.';
  else if (change.approvedOn < meetingDay)
    errors.approvedOn = 'L’approbation ne peut précéder la réunion.';
  if (change.status === 'diffuse') {
    if (change.circulatedOn === null) errors.circulatedOn = 'Indiquez la date de diffusion.';
    else if (change.approvedOn !== null && change.circulatedOn < change.approvedOn)
      errors.circulatedOn = 'La diffusion ne peut précéder l’approbation.';
    if (!change.recipients?.trim())
      errors.recipients = 'Indiquez à qui le compte rendu a été diffusé.';
  }
  return errors;
}

export interface DecisionLinks {
  structureId: number | null;
  promeneurId: number | null;
}

/** A decision that changes a record's status must name that record. */
export function decisionLinkErrors(
  type: DecisionType,
  links: DecisionLinks,
): Record<string, string> {
  if (type === 'structure_retenue' && links.structureId === null)
    return { structureId: 'Choisissez la structure retenue.' };
  if (type === 'promeneur_exclu' && links.promeneurId === null)
    return { promeneurId: 'Choisissez le Promeneur exclu.' };
  return {};
}

/**
 * What is wrong with an attendance mark: « représenté·e » needs who represents, someone
 * else of the same committee; the other marks name no one.
 */
export function attendanceMarkError(
  memberId: number,
  mark: AttendanceMark,
  committeeMemberIds: ReadonlySet<number>,
): string | null {
  if (mark.attendance !== 'represente')
    return mark.representedByMemberId === null
      ? null
      : 'Seul un membre représenté a un représentant.';
  if (mark.representedByMemberId === null) return 'Indiquez qui représente ce membre.';
  if (mark.representedByMemberId === memberId) return 'Un membre ne peut se représenter lui-même.';
  if (!committeeMemberIds.has(mark.representedByMemberId))
    return 'Le représentant doit être un membre de la même instance.';
  return null;
}

/** The planned length of an agenda, in minutes (items without a duration count for none). */
export function agendaMinutes(items: { durationMinutes: number | null }[]): number {
  return items.reduce((sum, i) => sum + (i.durationMinutes ?? 0), 0);
}
