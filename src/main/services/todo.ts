/**
 * The to-do list (À faire): everything due, from every capability, in one list sorted by
 * date. Conventions add missing documents, yearly obligations, planned payments, their end
 * and the last days to give notice; the calendar adds yearly meeting goals not met by what
 * is planned, and past events whose attendance is still to record; the committees their
 * open actions; the activity indicators the figures still missing. Each item can be marked
 * done from the list.
 */
import type { ParsedInput, RouteOutput } from '../../shared/api/contract';
import type { TodoItem } from '../../shared/api/todo';
import type { TodoKind } from '../../shared/domain/todo';
import type { CadenceType } from '../../shared/domain/calendar';
import { addMonths, todayInParis } from '../../shared/rules/dates';
import { periodOn, type TodoPeriod } from '../../shared/rules/todo';
import { DomainError } from '../../shared/result';
import { inTransaction, type Db } from '../db/connection';
import type { HandlersOf, RoutesOf } from '../ipc/router';
import { ACTIVITY_KEYS, activityDone, activityItems } from './activity/todoItems';
import {
  attendanceDone,
  attendanceItems,
  CALENDAR_KEYS,
  cadenceDone,
  cadenceItems,
} from './calendar/todoItems';
import { actionDone, actionItems, COMMITTEE_KEYS } from './committees/todoItems';
import {
  CONVENTION_KEYS,
  conventionItems,
  deadlineDone,
  documentReceived,
  obligationReceived,
  paymentPaid,
} from './conventions/todoItems';
import { compareText } from './directory';
import { readSettings } from './settings';
import { doneKeys } from './todoDone';

export interface TodoFilter {
  /** The last day looked at (YYYY-MM-DD): items due later are left out. */
  until: string;
  structureId: number | null;
  /** The kinds wanted; every kind when empty. */
  kinds: TodoKind[];
}

/**
 * Where the capabilities put what is due, as they find it: each item's kind, date and
 * structure, and how to build it whole. Items due after the sink's last day are left out
 * before being built; the list builds the others (TodoList), the dashboard and the badge
 * only count them (TodoCounts), without writing a label, a key or a link.
 */
export interface TodoSink {
  add(kind: TodoKind, date: string, structureId: number | null, item: () => TodoItem): void;
}

/**
 * The list itself: the items kept by date, unbuilt, counted in all and per period (late,
 * within 7 days, later); the first of them are built and sorted on demand (`first`).
 */
export class TodoList implements TodoSink {
  private readonly byDate = new Map<string, (() => TodoItem)[]>();
  private readonly periodOf: (date: string) => TodoPeriod;
  readonly periods: Record<TodoPeriod, number> = { overdue: 0, week: 0, later: 0 };
  total = 0;
  /** `until`: the last day looked at; `today`: the day the periods are seen from (YYYY-MM-DD). */
  constructor(
    private readonly until: string,
    today: string,
  ) {
    this.periodOf = periodOn(today);
  }
  add(_kind: TodoKind, date: string, _structureId: number | null, item: () => TodoItem): void {
    if (date > this.until) return;
    const ofDate = this.byDate.get(date);
    if (ofDate) ofDate.push(item);
    else this.byDate.set(date, [item]);
    this.total++;
    this.periods[this.periodOf(date)]++;
  }
  /**
   * The first `limit` items (all by default), sorted by date then label then key. Only the
   * items of the dates they reach are built: the first page of a national list of thousands
   * builds a few hundred.
   */
  first(limit = Infinity): TodoItem[] {
    const built: (() => TodoItem)[] = [];
    for (const date of [...this.byDate.keys()].sort()) {
      if (built.length >= limit) break;
      built.push(...this.byDate.get(date)!);
    }
    return byDateThenLabel(built.map((make) => make())).slice(0, limit);
  }
}

/**
 * How many items of each kind, and how many of them overdue (due before `today`); only
 * those of the structures given, when some are (the items of no structure then drop out).
 */
export class TodoCounts implements TodoSink {
  readonly byKind = new Map<TodoKind, { count: number; overdue: number }>();
  constructor(
    private readonly until: string,
    private readonly today: string,
    private readonly structures: ReadonlySet<number> | null = null,
  ) {}
  /** The item is never built. */
  add(kind: TodoKind, date: string, structureId: number | null, _item: () => TodoItem): void {
    if (date > this.until) return;
    if (this.structures && (structureId === null || !this.structures.has(structureId))) return;
    let counts = this.byKind.get(kind);
    if (!counts) this.byKind.set(kind, (counts = { count: 0, overdue: 0 }));
    counts.count++;
    if (date < this.today) counts.overdue++;
  }
}

/**
 * Puts into `sink` everything not done that is due on or before `filter.until` (the sink is
 * made for the same day). The calendar's and the committees' items concern no structure: a
 * structure filter leaves them out.
 */
export async function collectDue(
  db: Db,
  filter: TodoFilter,
  today: string,
  sink: TodoSink,
): Promise<void> {
  const wants = (kind: TodoKind) => filter.kinds.length === 0 || filter.kinds.includes(kind);
  if (filter.structureId === null) {
    if (wants('cadence_gap')) await cadenceItems(db, today, await doneKeys(db, 'cadence:'), sink);
    if (wants('attendance_missing')) await attendanceItems(db, today, sink);
    if (wants('committee_action')) await actionItems(db, today, sink);
  }
  if (wants('activity_missing')) await activityItems(db, today, filter.structureId, sink);
  await conventionItems(db, filter, today, sink);
}

/**
 * Keys in code-unit order: only a deterministic tie-break between items of the same date and
 * label (thousands share one, e.g. a year's forecast budget), so no collator is needed.
 */
const byKey = (a: TodoItem, b: TodoItem) => (a.key < b.key ? -1 : a.key > b.key ? 1 : 0);

/**
 * Sorted by date, then label (French dictionary order), then key. Labels repeat (hundreds of
 * distinct ones for thousands of items): each is placed once among the others in French
 * order, labels the collator finds equal sharing a place. The items are then grouped by date
 * and place, the groups put in order, and only the items of a group compared, by key.
 */
function byDateThenLabel(items: TodoItem[]): TodoItem[] {
  const labels = [...new Set(items.map((i) => i.label))].sort(compareText);
  const placeOf = new Map<string, number>();
  labels.forEach((label, i) =>
    placeOf.set(
      label,
      i > 0 && compareText(labels[i - 1]!, label) === 0 ? placeOf.get(labels[i - 1]!)! : i,
    ),
  );
  const groups = new Map<string, Map<number, TodoItem[]>>();
  for (const item of items) {
    let ofDate = groups.get(item.date);
    if (!ofDate) groups.set(item.date, (ofDate = new Map()));
    const place = placeOf.get(item.label)!;
    const group = ofDate.get(place);
    if (group) group.push(item);
    else ofDate.set(place, [item]);
  }
  const sorted: TodoItem[] = [];
  for (const date of [...groups.keys()].sort()) {
    const ofDate = groups.get(date)!;
    for (const place of [...ofDate.keys()].sort((a, b) => a - b))
      sorted.push(...ofDate.get(place)!.sort(byKey));
  }
  return sorted;
}

/**
 * Everything not done that is due on or before `filter.until`, sorted by date then label;
 * an item is overdue when its date is before `today`. A notice deadline whose anniversary
 * has passed is left out: there is nothing left to do for it.
 */
export async function dueItems(db: Db, filter: TodoFilter, today: string): Promise<TodoItem[]> {
  const list = new TodoList(filter.until, today);
  await collectDue(db, filter, today, list);
  return list.first();
}

/**
 * The list as the app shows it, up to the query's horizon (or the setting's when none): its
 * first items (all, or as many as the query's limit), and how many there are in all and in
 * each period.
 */
export async function listTodo(
  db: Db,
  query: ParsedInput<'todo.list'>,
  today: string = todayInParis(),
): Promise<RouteOutput<'todo.list'>> {
  const horizonMonths = query.horizonMonths ?? (await readSettings(db)).todoHorizonMonths;
  const filter = {
    until: addMonths(today, horizonMonths),
    structureId: query.structureId,
    kinds: query.kinds,
  };
  const list = new TodoList(filter.until, today);
  await collectDue(db, filter, today, list);
  return {
    items: list.first(query.limit ?? Infinity),
    total: list.total,
    periods: list.periods,
    horizonMonths,
    today,
  };
}

/**
 * How many items are late today, for the sidebar's badge: the items due up to today only
 * (a late item is due before today), counted, not built.
 */
export async function overdueCount(
  db: Db,
  today: string = todayInParis(),
): Promise<{ count: number }> {
  const counts = new TodoCounts(today, today);
  await collectDue(db, { until: today, structureId: null, kinds: [] }, today, counts);
  let count = 0;
  for (const k of counts.byKind.values()) count += k.overdue;
  return { count };
}

/**
 * Marks an item done: a document or an obligation received today, a payment paid today,
 * a convention's end or notice deadline dealt with, a yearly goal set aside for that year,
 * an event held once everyone's attendance is recorded. Doing it twice changes nothing.
 */
export function markTodoDone(
  db: Db,
  key: string,
  today: string = todayInParis(),
): Promise<{ key: string }> {
  return inTransaction(db, async (trx) => {
    let m: RegExpExecArray | null;
    if ((m = CONVENTION_KEYS.document.exec(key))) await documentReceived(trx, Number(m[1]), today);
    else if ((m = CONVENTION_KEYS.obligation.exec(key)))
      await obligationReceived(trx, Number(m[1]), m[2]!, today);
    else if ((m = CONVENTION_KEYS.payment.exec(key))) await paymentPaid(trx, Number(m[1]), today);
    else if ((m = CONVENTION_KEYS.convention.exec(key)))
      await deadlineDone(trx, Number(m[1]), m[2]!, today);
    else if ((m = CALENDAR_KEYS.cadence.exec(key)))
      await cadenceDone(trx, Number(m[1]), m[2] as CadenceType, today);
    else if ((m = CALENDAR_KEYS.attendance.exec(key)))
      await attendanceDone(trx, Number(m[1]), today);
    else if ((m = COMMITTEE_KEYS.action.exec(key))) await actionDone(trx, Number(m[1]), today);
    else if ((m = ACTIVITY_KEYS.missing.exec(key)))
      await activityDone(trx, Number(m[1]), m[2]!, today);
    else
      throw new DomainError(
        'INVALID_INPUT',
        'Saisie à corriger : cet élément de la liste « À faire » n’est pas reconnu.',
        { key: 'Élément de la liste « À faire » non reconnu.' },
      );
    return { key };
  });
}

export const todoHandlers: HandlersOf<RoutesOf<'todo'>> = {
  'todo.list': (input, { session }) => listTodo(session.db, input),
  'todo.overdueCount': (_input, { session }) => overdueCount(session.db),
  'todo.markDone': (input, { session }) => markTodoDone(session.db, input.key),
};
