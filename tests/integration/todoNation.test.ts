/**
 * The to-do list (À faire) on a small synthetic nation, against an oracle: each item the
 * list reads in bulk (conventions, events, Promeneurs) is derived here the slow, plain way,
 * from what each record's own page shows (a convention's obligations, documents, payments
 * and deadlines; the completeness of the activity figures; each event's invitees). The list
 * restricts its reads to the horizon and walks the rules with bounds: it must give exactly
 * the same items, in the order of date, label (French dictionary order), then key.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { seedNation, SMALL_NATION } from '../../src/main/demo/national';
import { completenessOf } from '../../src/main/services/activity/completeness';
import { getConvention } from '../../src/main/services/conventions';
import { paymentName } from '../../src/main/services/conventions/payments';
import { holdsKey } from '../../src/main/services/conventions/todoItems';
import { todoByKind } from '../../src/main/services/dashboard/todo';
import { compareText } from '../../src/main/services/directory';
import { dueItems, listTodo, markTodoDone, overdueCount } from '../../src/main/services/todo';
import { readSettings } from '../../src/main/services/settings';
import { TODO_PAGE, todoQuery, type TodoItem } from '../../src/shared/api/todo';
import { ACTIVITY_DUE_DAYS } from '../../src/shared/domain/activity';
import type { TodoKind } from '../../src/shared/domain/todo';
import { lastEndedPeriod } from '../../src/shared/rules/activity';
import { addDays, conventionDeadlines, formatEuros } from '../../src/shared/rules/conventions';
import { addMonths, formatDate } from '../../src/shared/rules/dates';
import { periodOn } from '../../src/shared/rules/todo';
import { createTestVault, type TestVault } from '../support/vault';

const TODAY = '2026-12-03';
let vault: TestVault;

/** Which conventions feed each kind of item, by status: the to-do list's own rule. */
const FED_BY: Record<string, string[]> = {
  document_missing: ['brouillon', 'envoyee', 'signee', 'en_cours'],
  obligation_due: ['signee', 'en_cours', 'echue', 'resiliee'],
  payment_planned: ['brouillon', 'envoyee', 'signee', 'en_cours', 'echue'],
  convention_ending: ['signee', 'en_cours'],
  notice_deadline: ['signee', 'en_cours'],
};

/** The kinds the oracle derives (the yearly goals and the committees' actions are not read in bulk). */
const CHECKED: TodoKind[] = [
  'document_missing',
  'obligation_due',
  'payment_planned',
  'convention_ending',
  'notice_deadline',
  'attendance_missing',
  'activity_missing',
];

type Line = Pick<TodoItem, 'key' | 'kind' | 'date' | 'overdue' | 'label'>;
const lineOf = (i: TodoItem): Line => ({
  key: i.key,
  kind: i.kind,
  date: i.date,
  overdue: i.overdue,
  label: i.label,
});

/** Everything due on or before `until`, derived record by record. */
async function oracle(today: string, until: string, structureId: number | null): Promise<Line[]> {
  const db = vault.session.db;
  const conn = vault.session.vault.connection;
  const lines: Line[] = [];
  const add = (kind: TodoKind, key: string, date: string, label: string) => {
    if (date <= until) lines.push({ key, kind, date, overdue: date < today, label });
  };
  const done = new Set(
    (conn.prepare('select key from todo_done').all() as { key: string }[]).map((r) => r.key),
  );

  const conventions = conn
    .prepare('select id, status, structure_id as structureId from conventions order by id')
    .all() as { id: number; status: string; structureId: number }[];
  for (const { id, status } of conventions.filter(
    (c) => structureId === null || c.structureId === structureId,
  )) {
    const c = await getConvention(db, id);
    const fed = (kind: string) => FED_BY[kind]!.includes(status);
    if (fed('document_missing'))
      for (const d of c.documents.filter((d) => d.receivedOn === null))
        add(
          'document_missing',
          `document:${d.id}`,
          c.terms.startDate,
          `Pièce manquante : ${d.label}`,
        );
    if (fed('obligation_due'))
      for (const o of c.obligations.filter((o) => o.inForce && o.receivedOn === null))
        add('obligation_due', `obligation:${id}:${o.key}`, o.dueOn, o.label);
    if (fed('payment_planned'))
      for (const p of c.payments.filter((p) => p.paidOn === null))
        add(
          'payment_planned',
          `payment:${p.id}`,
          p.plannedOn ?? c.terms.startDate,
          `Versement prévu : ${paymentName(p)}, ${formatEuros(p.amountCents)}`,
        );
    if (fed('convention_ending'))
      for (const d of conventionDeadlines(c.terms)) {
        const key = `convention:${id}:${d.key}`;
        if (done.has(key)) continue;
        if (d.kind === 'end')
          add(
            'convention_ending',
            key,
            d.date,
            `Fin de la convention le ${formatDate(d.date)} : pas de tacite reconduction, préparer l’avenant ou le renouvellement`,
          );
        else if (d.anniversary! > today)
          add(
            'notice_deadline',
            key,
            d.date,
            `Dernier jour pour dénoncer la convention avant l’anniversaire du ${formatDate(d.anniversary)} (préavis de 3 mois)`,
          );
      }
  }

  const period = lastEndedPeriod((await readSettings(db)).activityPeriod, today);
  const due = addDays(period.end, ACTIVITY_DUE_DAYS);
  for (const r of (await completenessOf(db, period.key)).rows)
    if (
      r.report === null &&
      !done.has(`activity:${r.promeneurId}:${period.key}`) &&
      (structureId === null || r.structure.id === structureId)
    )
      add(
        'activity_missing',
        `activity:${r.promeneurId}:${period.key}`,
        due,
        `Chiffres d’activité manquants : ${r.name}`,
      );

  if (structureId === null) {
    const events = conn
      .prepare(`select id, title, start, "end", status from events order by id`)
      .all() as { id: number; title: string; start: string; end: string; status: string }[];
    const marks = conn.prepare('select attendance from event_invitees where event_id = ?');
    for (const e of events) {
      const invitees = marks.all(e.id) as { attendance: string | null }[];
      if (
        e.status !== 'annule' &&
        e.end < `${today}T00:00` &&
        invitees.length > 0 &&
        invitees.every((i) => i.attendance === null)
      )
        add(
          'attendance_missing',
          `event:${e.id}:attendance`,
          e.start.slice(0, 10),
          `Présences à saisir : ${e.title}`,
        );
    }
  }
  return lines;
}

/** The list's order: date, then label in French order, then key (code units, a tie-break). */
const byDateThenLabel = (a: Line, b: Line) =>
  a.date.localeCompare(b.date) ||
  compareText(a.label, b.label) ||
  (a.key < b.key ? -1 : a.key > b.key ? 1 : 0);

beforeAll(async () => {
  vault = await createTestVault();
  seedNation(vault.session.vault.connection, { seed: 5, today: TODAY, size: SMALL_NATION });
  const db = vault.session.db;
  const conn = vault.session.vault.connection;
  // What the generator does not write: amendments moving the end (two on the same convention), deadlines and figures set aside, a forgotten attendance.
  const inForce = conn
    .prepare(
      `select id, end_date as endDate from conventions where status = 'en_cours' order by id`,
    )
    .all() as { id: number; endDate: string }[];
  expect(inForce.length).toBeGreaterThan(3);
  const [a, b, c] = inForce;
  await vault.value('conventions.amendments.create', {
    conventionId: a!.id,
    fields: { signedOn: '2026-01-15', object: 'Prolongation', endDate: addMonths(a!.endDate, 6) },
  });
  // Entered in the reverse order of signature: the one signed last sets the end.
  await vault.value('conventions.amendments.create', {
    conventionId: b!.id,
    fields: { signedOn: '2026-03-01', object: 'Prolongation', endDate: addMonths(b!.endDate, 14) },
  });
  await vault.value('conventions.amendments.create', {
    conventionId: b!.id,
    fields: { signedOn: '2026-02-01', object: 'Prolongation', endDate: addMonths(b!.endDate, 2) },
  });
  const first = await dueItems(
    db,
    { until: addMonths(TODAY, 36), structureId: null, kinds: [] },
    TODAY,
  );
  for (const kind of ['notice_deadline', 'convention_ending', 'activity_missing'] as const) {
    const item = first.find((i) => i.kind === kind);
    expect(item, kind).toBeDefined();
    await markTodoDone(db, item!.key, TODAY);
  }
  const ending = first.find((i) => i.key === `convention:${c!.id}:end`);
  if (ending) await markTodoDone(db, ending.key, TODAY);
  conn
    .prepare(
      `update event_invitees set attendance = null where event_id = (select id from events where "end" < ? and status != 'annule' order by start desc limit 1)`,
    )
    .run(`${TODAY}T00:00`);
  // Three active Promeneurs without figures for November: one left during the month (still
  // owes them), one left on its first day (owes nothing), one left and came back during it.
  const active = conn
    .prepare(
      `select id from promeneurs where status = 'actif' and archived_at is null order by id limit 3`,
    )
    .all() as { id: number }[];
  expect(active).toHaveLength(3);
  const change = conn.prepare(
    `insert into status_history (entity, entity_id, status, since, recorded_at) values ('promeneur', ?, ?, ?, ?)`,
  );
  const now = new Date().toISOString();
  for (const [{ id }, changes] of [
    [active[0]!, [['sorti', '2026-11-15']]],
    [active[1]!, [['sorti', '2026-11-01']]],
    [
      active[2]!,
      [
        ['sorti', '2026-10-20'],
        ['actif', '2026-11-20'],
      ],
    ],
  ] as const) {
    conn
      .prepare(`delete from activity_reports where promeneur_id = ? and period_key = '2026-11'`)
      .run(id);
    for (const [status, since] of changes) change.run(id, status, since, now);
    conn.prepare(`update promeneurs set status = ? where id = ?`).run(changes.at(-1)![0], id);
  }
  const owed = (
    await dueItems(db, { until: addMonths(TODAY, 1), structureId: null, kinds: [] }, TODAY)
  )
    .filter((i) => i.kind === 'activity_missing')
    .map((i) => i.key);
  expect(owed).toEqual(
    expect.arrayContaining([
      `activity:${active[0]!.id}:2026-11`,
      `activity:${active[2]!.id}:2026-11`,
    ]),
  );
  expect(owed).not.toContain(`activity:${active[1]!.id}:2026-11`);
});
afterAll(() => vault.cleanup());

describe('the to-do list on a small nation', () => {
  it('gives exactly what each record’s own page says is due, whatever the day and horizon', async () => {
    let compared = 0;
    for (const today of [TODAY, '2026-10-01', '2027-02-28', '2025-06-30'])
      for (const months of [0, 4, 36]) {
        const until = addMonths(today, months);
        const items = (
          await dueItems(vault.session.db, { until, structureId: null, kinds: [] }, today)
        )
          .filter((i) => CHECKED.includes(i.kind))
          .map(lineOf);
        const expected = (await oracle(today, until, null)).sort(byDateThenLabel);
        expect(items, `${today} + ${months} months`).toEqual(expected);
        compared += items.length;
      }
    // Enough of every kind to mean something.
    expect(compared).toBeGreaterThan(1000);
    const kinds = new Set(
      (
        await dueItems(
          vault.session.db,
          { until: addMonths(TODAY, 36), structureId: null, kinds: [] },
          TODAY,
        )
      ).map((i) => i.kind),
    );
    for (const kind of CHECKED) expect(kinds, kind).toContain(kind);
  });

  it('gives the same for one structure, and the dashboard and the badge count what the list shows', async () => {
    const conn = vault.session.vault.connection;
    const structures = (
      conn
        .prepare('select distinct structure_id as id from conventions order by id limit 6')
        .all() as { id: number }[]
    ).map((r) => r.id);
    for (const structureId of structures) {
      const until = addMonths(TODAY, 12);
      const items = (await dueItems(vault.session.db, { until, structureId, kinds: [] }, TODAY))
        .filter((i) => CHECKED.includes(i.kind))
        .map(lineOf);
      expect(items, `structure ${structureId}`).toEqual(
        (await oracle(TODAY, until, structureId)).sort(byDateThenLabel),
      );
    }
    const { items, horizonMonths, total, periods } = await listTodo(
      vault.session.db,
      todoQuery.parse({}),
      TODAY,
    );
    const periodOf = periodOn(TODAY);
    expect(total).toBe(items.length);
    expect(periods).toEqual({
      overdue: items.filter((i) => periodOf(i.date) === 'overdue').length,
      week: items.filter((i) => periodOf(i.date) === 'week').length,
      later: items.filter((i) => periodOf(i.date) === 'later').length,
    });
    expect(periods.overdue).toBe(items.filter((i) => i.overdue).length);
    // The first items asked for are the start of the whole list, with the same totals.
    for (const limit of [1, TODO_PAGE, 1000]) {
      const first = await listTodo(vault.session.db, todoQuery.parse({ limit }), TODAY);
      expect(first.items, `limit ${limit}`).toEqual(items.slice(0, limit));
      expect([first.total, first.periods]).toEqual([total, periods]);
    }
    const counts = await todoByKind(vault.session.db, TODAY, {
      territory: null,
      structureType: null,
      structureId: null,
    });
    expect(horizonMonths).toBe((await readSettings(vault.session.db)).todoHorizonMonths);
    expect(counts.reduce((t, k) => t + k.count, 0)).toBe(items.length);
    for (const k of counts) {
      const ofKind = items.filter((i) => i.kind === k.kind);
      expect([k.count, k.overdue], k.kind).toEqual([
        ofKind.length,
        ofKind.filter((i) => i.overdue).length,
      ]);
    }
    expect(await overdueCount(vault.session.db, TODAY)).toEqual({
      count: items.filter((i) => i.overdue).length,
    });
  });
});

describe('the received obligations’ keys', () => {
  it('are found whole, never inside a longer key', () => {
    const keys = 'attestation_service_fait:2025 bilan_anniversaire:10 bilan_anniversaire:2';
    expect(holdsKey(keys, 'attestation_service_fait:2025')).toBe(true);
    expect(holdsKey(keys, 'bilan_anniversaire:2')).toBe(true);
    expect(holdsKey(keys, 'bilan_anniversaire:1')).toBe(false);
    expect(holdsKey(keys, 'attestation_service_fait:202')).toBe(false);
    expect(holdsKey(keys, 'service_fait:2025')).toBe(false);
    expect(holdsKey('', 'bilan_anniversaire:1')).toBe(false);
  });
});
