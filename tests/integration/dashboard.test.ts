/**
 * The dashboard's figures against a real encrypted vault seeded through the routes, each
 * checked against a value worked out here from what was seeded; filters narrow them; bad
 * filters are refused; the figures agree with the convention pages and the « À faire » list.
 */
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DashboardFiltersInput } from '../../src/shared/api/dashboard';
import { dashboardFilters } from '../../src/shared/api/dashboard';
import type { PromeneurFieldsInput } from '../../src/shared/api/promeneurs';
import type { StructureFieldsInput } from '../../src/shared/api/structures';
import { seriesDates } from '../../src/shared/rules/dashboard';
import { addMonths } from '../../src/shared/rules/dates';
import { seedDemo } from '../../src/main/demo/seed';
import { dashboardData } from '../../src/main/services/dashboard';
import { trainingCoverage } from '../../src/main/services/dashboard/meetings';
import { networkOn } from '../../src/main/services/dashboard/network';
import { dueItems } from '../../src/main/services/todo';
import { createTestVault, type TestVault } from '../support/vault';

let vault: TestVault;

/** The dashboard as of `today`, straight from the service (the route uses the real today). */
const data = (filters: DashboardFiltersInput, today = '2026-05-10') =>
  dashboardData(vault.session.db, dashboardFilters.parse(filters), today);

/** Every status change seeded, to work out who was active on a day independently. */
const history: { entity: 'structure' | 'promeneur'; id: number; status: string; since: string }[] =
  [];
const structureOf = new Map<number, number>();
const territoryOf = new Map<number, string>();

function statusOn(entity: 'structure' | 'promeneur', id: number, day: string): string | null {
  const changes = history
    .filter((h) => h.entity === entity && h.id === id && h.since <= day)
    .sort((a, b) => a.since.localeCompare(b.since));
  return changes.at(-1)?.status ?? null;
}
const activeOn = (day: string, structures: number[]) =>
  [...structureOf]
    .filter(([p, s]) => structures.includes(s) && statusOn('promeneur', p, day) === 'actif')
    .map(([p]) => p);
const inNetworkOn = (day: string, structures: number[]) =>
  structures.filter((s) => statusOn('structure', s, day) === 'dans_le_reseau');

const S: Record<'a' | 'b' | 'c', number> = { a: 0, b: 0, c: 0 };
const P: Record<1 | 2 | 3 | 4 | 5, number> = { 1: 0, 2: 0, 3: 0, 4: 0, 5: 0 };

async function structure(fields: StructureFieldsInput, later: [string, string][] = []) {
  const { id } = await vault.value('structures.create', { fields });
  history.push({
    entity: 'structure',
    id,
    status: fields.networkStatus,
    since: fields.statusSince as string,
  });
  territoryOf.set(id, fields.territory as string);
  for (const [status, since] of later) {
    await vault.value('structures.update', {
      id,
      fields: { ...fields, networkStatus: status as never, statusSince: since },
    });
    history.push({ entity: 'structure', id, status, since });
  }
  return id;
}

async function promeneur(fields: PromeneurFieldsInput, later: [string, string][] = []) {
  const { id } = await vault.value('promeneurs.create', { fields });
  history.push({
    entity: 'promeneur',
    id,
    status: fields.status,
    since: fields.statusSince as string,
  });
  structureOf.set(id, fields.structureId);
  for (const [status, since] of later) {
    await vault.value('promeneurs.update', {
      id,
      fields: { ...fields, status: status as never, statusSince: since },
    });
    history.push({ entity: 'promeneur', id, status, since });
  }
  return id;
}

async function event(type: string, title: string, day: string, status: 'tenu' | 'annule' | null) {
  const { id } = await vault.value('calendar.create', {
    fields: { type: type as never, title, start: `${day}T14:00`, end: `${day}T17:00` },
  });
  if (status) await vault.value('calendar.setStatus', { id, status });
  return id;
}

/** Invites Promeneurs (and guests), then records attendance by Promeneur id or guest name. */
async function attend(
  eventId: number,
  promeneurIds: number[],
  guests: string[],
  marks: Record<string, 'present' | 'excuse' | 'absent'>,
) {
  await vault.value('calendar.invite', {
    eventId,
    promeneurIds,
    guests: guests.map((name) => ({ name })),
  });
  const { invitees } = await vault.value('calendar.get', { id: eventId });
  const list = invitees
    .map((i) => ({ inviteeId: i.id, attendance: marks[i.promeneurId ?? i.name] ?? null }))
    .filter((m) => m.attendance !== null);
  if (list.length > 0) await vault.value('calendar.attendance', { eventId, marks: list });
}

const figures = (contacted: number, met: number, projects: number) => ({
  youngContacted: contacted,
  youngMet: met,
  projectsStarted: projects,
  exchanges: contacted,
  concernsReferred: 0,
  hoursOnline: 2,
});

let themes: number[] = [];
let channels: number[] = [];
let conventionA = 0;

beforeAll(async () => {
  vault = await createTestVault();
  const base = { legalForm: 'association' as const };
  S.a = await structure({
    ...base,
    name: 'Centre social des Aulnes',
    type: 'centre_social',
    territory: 'CC du Nord',
    networkStatus: 'dans_le_reseau',
    statusSince: '2024-01-01',
  });
  S.b = await structure(
    {
      ...base,
      name: 'MJC des Bouleaux',
      type: 'mjc',
      territory: 'CC du Sud',
      networkStatus: 'interessee',
      statusSince: '2024-06-01',
    },
    [['dans_le_reseau', '2025-04-01']],
  );
  S.c = await structure(
    {
      ...base,
      name: 'Point information jeunesse des Charmes',
      type: 'pij',
      territory: 'CC du Nord',
      networkStatus: 'dans_le_reseau',
      statusSince: '2023-01-01',
    },
    [['sortie', '2025-09-01']],
  );

  const person = (firstName: string, structureId: number, status: string, since: string) =>
    ({
      firstName,
      lastName: 'Essai',
      job: 'animateur',
      structureId,
      status,
      statusSince: since,
    }) as PromeneurFieldsInput;
  P[1] = await promeneur(person('Anaïs', S.a, 'actif', '2024-02-01'));
  P[2] = await promeneur(person('Bruno', S.a, 'en_preparation', '2025-01-01'), [
    ['actif', '2025-05-15'],
  ]);
  P[3] = await promeneur(person('Chloé', S.b, 'actif', '2025-04-01'));
  P[4] = await promeneur(person('Driss', S.c, 'actif', '2023-01-01'), [['sorti', '2025-09-01']]);
  P[5] = await promeneur(person('Élise', S.b, 'actif', '2025-02-01'), [['suspendu', '2025-11-01']]);

  // Conventions: A amended twice (2025 raised, then the end moved to mid-2026 with a 2026
  // amount), B terminated in April 2026 (its 2027 year drops), C a draft (not committed).
  conventionA = (
    await vault.value('conventions.create', {
      fields: {
        structureId: S.a,
        reference: 'CAF-A',
        kind: 'premiere',
        startDate: '2024-01-01',
        endDate: '2025-12-31',
        fundedPromeneurs: 2,
        subsidies: [
          { year: 2024, amountCents: 400_000 },
          { year: 2025, amountCents: 400_000 },
        ],
      },
    })
  ).id;
  await vault.value('conventions.setStatus', {
    id: conventionA,
    status: 'en_cours',
    since: '2024-01-01',
  });
  await vault.value('conventions.amendments.create', {
    conventionId: conventionA,
    fields: {
      signedOn: '2025-06-01',
      object: 'Prolongation',
      endDate: '2026-06-30',
      subsidies: [
        { year: 2025, amountCents: 550_000 },
        { year: 2026, amountCents: 200_000 },
      ],
    },
  });
  await vault.value('conventions.amendments.create', {
    conventionId: conventionA,
    fields: {
      signedOn: '2025-03-01',
      object: 'Un Promeneur de plus',
      subsidies: [{ year: 2025, amountCents: 500_000 }],
    },
  });
  const b = await vault.value('conventions.create', {
    fields: {
      structureId: S.b,
      reference: 'CAF-B',
      kind: 'premiere',
      startDate: '2025-04-01',
      endDate: '2027-03-31',
      fundedPromeneurs: 1,
      subsidies: [
        { year: 2025, amountCents: 300_000 },
        { year: 2026, amountCents: 400_000 },
        { year: 2027, amountCents: 100_000 },
      ],
    },
  });
  await vault.value('conventions.setStatus', { id: b.id, status: 'signee', since: '2025-03-20' });
  await vault.value('conventions.setStatus', {
    id: b.id,
    status: 'resiliee',
    since: '2026-04-01',
    reason: 'Départ du Promeneur',
  });
  await vault.value('conventions.create', {
    fields: {
      structureId: S.c,
      reference: 'CAF-C',
      kind: 'premiere',
      startDate: '2025-01-01',
      endDate: '2025-12-31',
      fundedPromeneurs: 1,
      subsidies: [{ year: 2025, amountCents: 999_900 }],
    },
  });
  const pay = (conventionId: number, year: number, amountCents: number, paidOn: string | null) =>
    vault.value('conventions.payments.create', {
      conventionId,
      fields: {
        year,
        kind: 'avance',
        amountCents,
        plannedOn: paidOn ?? `${year}-10-01`,
        paidOn,
      },
    });
  await pay(conventionA, 2024, 200_000, '2024-03-01');
  await pay(conventionA, 2025, 300_000, '2025-04-01');
  await pay(conventionA, 2025, 250_000, null);
  await pay(b.id, 2025, 150_000, '2025-06-01');

  // Activity: three quarters of 2025, one of 2026.
  const lists = await vault.value('activity.lists', {});
  themes = lists.themes.map((t) => t.id);
  channels = lists.channels.map((c) => c.id);
  const report = (id: number, periodKey: string, f: ReturnType<typeof figures>, extra = {}) =>
    vault.value('activity.reports.create', {
      promeneurId: id,
      periodKey,
      figures: { ...f, ...extra },
    });
  await report(P[1], '2025-T1', figures(10, 2, 1), {
    themes: [
      { id: themes[0]!, count: 4 },
      { id: themes[1]!, count: 3 },
    ],
    channels: [{ id: channels[0]!, count: 6 }],
  });
  await report(P[3], '2025-T2', figures(20, 5, 2), {
    themes: [{ id: themes[0]!, count: 7 }],
    channels: [
      { id: channels[0]!, count: 5 },
      { id: channels[1]!, count: 10 },
    ],
  });
  await report(P[1], '2025-T2', figures(7, 1, 0));
  await report(P[2], '2025-T3', figures(3, 0, 0));
  await report(P[1], '2026-T1', figures(100, 50, 9));

  // Meetings of 2025: one departmental meeting held with attendance, one past without,
  // one cancelled; a COPIL, a COTECH; a training within the 12 months, one before.
  const spring = await event(
    'rencontre_departementale',
    'Rencontre de printemps',
    '2025-03-12',
    'tenu',
  );
  await attend(spring, [P[1], P[2], P[3]], ['Invitée extérieure'], {
    [P[1]]: 'present',
    [P[2]]: 'excuse',
    [P[3]]: 'present',
    'Invitée extérieure': 'absent',
  });
  const autumn = await event('rencontre_departementale', 'Rencontre d’automne', '2025-10-08', null);
  await attend(autumn, [P[1]], [], {});
  await event('rencontre_departementale', 'Rencontre annulée', '2025-06-01', 'annule');
  await event('copil', 'COPIL de mai', '2025-05-06', 'tenu');
  await event('cotech', 'COTECH de décembre', '2025-12-02', null);
  const training = await event('formation', 'Formation posture', '2025-02-10', 'tenu');
  await attend(training, [P[1], P[3]], [], { [P[1]]: 'present', [P[3]]: 'absent' });
  const older = await event('formation', 'Formation outils', '2024-11-05', 'tenu');
  await attend(older, [P[2]], [], { [P[2]]: 'present' });
});
afterAll(() => vault.cleanup());

describe('dashboard figures for 2025', () => {
  const all = () => [S.a, S.b, S.c];

  it('counts the network on the period’s last day, from the status history', async () => {
    const d = await data({ year: 2025 });
    expect(d.period).toMatchObject({ from: '2025-01-01', to: '2025-12-31', asOf: '2025-12-31' });
    expect(d.figures.promeneursActive).toBe(activeOn('2025-12-31', all()).length);
    expect(d.figures.promeneursActive).toBe(3);
    expect(d.figures.structuresInNetwork).toBe(inNetworkOn('2025-12-31', all()).length);
    expect(d.figures.structuresInNetwork).toBe(2);
    // Month by month, as the seeded history says.
    expect(d.series.network.map((p) => p.date)).toEqual(seriesDates('2025-01-01', '2025-12-31'));
    for (const p of d.series.network) {
      expect(p.promeneursActive, p.date).toBe(activeOn(p.date, all()).length);
      expect(p.structuresInNetwork, p.date).toBe(inNetworkOn(p.date, all()).length);
    }
    expect(d.series.network[0]).toMatchObject({ label: 'janv. 2025', promeneursActive: 2 });
  });

  it('sums the subsidies of signed conventions as amended, and what was paid', async () => {
    const d = await data({ year: 2025 });
    // A: 2025 as last amended (by signature date) 5 500 €; B: 3 000 €; C is a draft.
    expect(d.figures.subsidies).toEqual({ committedCents: 550_000 + 300_000, paidCents: 450_000 });
    expect(d.series.subsidies).toEqual([
      { year: 2024, committedCents: 400_000, paidCents: 200_000 },
      { year: 2025, committedCents: 850_000, paidCents: 450_000 },
      // B terminated on 01/04/2026: its 2027 year is no longer committed.
      { year: 2026, committedCents: 200_000 + 400_000, paidCents: 0 },
    ]);
    // The convention's own page says the same of A.
    const page = await vault.value('conventions.get', { id: conventionA });
    const committedA = Object.fromEntries(page.totals.map((t) => [t.year, t.committedCents]));
    expect(committedA).toEqual({ 2024: 400_000, 2025: 550_000, 2026: 200_000 });
  });

  it('counts conventions in force on the day', async () => {
    expect((await data({ year: 2025 })).figures.conventionsInForce).toBe(2);
    // In May 2026 only A runs (B ended on 31/03/2026).
    expect((await data({ year: 2026 })).figures.conventionsInForce).toBe(1);
    expect((await data({ year: 2023 })).figures.conventionsInForce).toBe(0);
  });

  it('sums the activity reports lying within the period', async () => {
    const d = await data({ year: 2025 });
    expect(d.figures.activity).toEqual({
      reports: 4,
      youngContacted: 10 + 20 + 7 + 3,
      youngMet: 2 + 5 + 1,
      projectsStarted: 3,
    });
    expect(d.series.activity.map((p) => [p.key, p.youngContacted, p.youngMet])).toEqual([
      ['2025-T1', 10, 2],
      ['2025-T2', 27, 6],
      ['2025-T3', 3, 0],
    ]);
    const byLabel = (rows: { label: string; count: number }[]) =>
      rows.filter((r) => r.count > 0).map((r) => r.count);
    expect(byLabel(d.series.themes)).toEqual([11, 3]);
    expect(byLabel(d.series.channels)).toEqual([11, 10]);
    expect(d.series.themes).toHaveLength(themes.length);
  });

  it('counts meetings held against the yearly targets', async () => {
    const d = await data({ year: 2025 });
    expect(d.figures.meetings).toEqual([
      { type: 'rencontre_departementale', label: 'Rencontre départementale', held: 2, target: 2 },
      { type: 'copil', label: 'COPIL', held: 1, target: 2 },
      { type: 'cotech', label: 'COTECH', held: 1, target: 4 },
    ]);
    // Two years: twice the targets.
    const two = await data({ from: '2024-06-01', to: '2025-05-31' });
    expect(two.figures.meetings.map((m) => [m.held, m.target])).toEqual([
      [1, 4],
      [1, 4],
      [0, 8],
    ]);
  });

  it('gives each departmental meeting’s attendance, the cancelled one left out', async () => {
    const d = await data({ year: 2025 });
    expect(d.series.attendance.map(({ eventId: _, ...m }) => m)).toEqual([
      {
        date: '2025-03-12',
        title: 'Rencontre de printemps',
        invited: 4,
        present: 2,
        excused: 1,
        absent: 1,
        rate: 0.5,
      },
      {
        date: '2025-10-08',
        title: 'Rencontre d’automne',
        invited: 1,
        present: 0,
        excused: 0,
        absent: 0,
        rate: null,
      },
    ]);
  });

  it('measures training coverage over the 12 months up to the day', async () => {
    const d = await data({ year: 2025 });
    // Active on 31/12/2025: Anaïs (trained 10/02/2025), Bruno (trained 05/11/2024, too
    // early), Chloé (absent from the training).
    expect(d.figures.training).toEqual({ active: 3, trained: 1, share: 1 / 3 });
  });
});

describe('filters', () => {
  it('narrows to a territory', async () => {
    const d = await data({ year: 2025, territory: 'CC du Nord' });
    const north = [S.a, S.c];
    expect(d.filters).toMatchObject({ territory: 'CC du Nord', structureName: null });
    expect(d.figures.promeneursActive).toBe(activeOn('2025-12-31', north).length);
    expect(d.figures.promeneursActive).toBe(2);
    expect(d.figures.structuresInNetwork).toBe(1);
    expect(d.figures.conventionsInForce).toBe(1);
    expect(d.figures.subsidies).toEqual({ committedCents: 550_000, paidCents: 300_000 });
    expect(d.figures.activity.youngContacted).toBe(10 + 7 + 3);
    expect(d.figures.training).toEqual({ active: 2, trained: 1, share: 0.5 });
    // Only the territory's invitees count; the outside guest drops out.
    expect(d.series.attendance[0]).toMatchObject({ invited: 2, present: 1, excused: 1, absent: 0 });
    // Meetings stay the whole network's.
    expect(d.figures.meetings[0]!.held).toBe(2);
  });

  it('narrows to a structure type and to one structure', async () => {
    const mjc = await data({ year: 2025, structureType: 'mjc' });
    expect(mjc.figures.promeneursActive).toBe(1);
    expect(mjc.figures.subsidies.committedCents).toBe(300_000);
    expect(mjc.figures.activity.youngContacted).toBe(20);
    const one = await data({ year: 2025, structureId: S.a });
    expect(one.filters.structureName).toBe('Centre social des Aulnes');
    expect(one.figures.promeneursActive).toBe(2);
    expect(one.series.subsidies.map((s) => s.year)).toEqual([2024, 2025, 2026]);
    expect(one.figures.activity.reports).toBe(3);
  });

  it('reads a period of dates, with the figures of state on its last day', async () => {
    const d = await data({ from: '2025-01-01', to: '2025-06-30' });
    expect(d.period).toMatchObject({ label: 'du 01/01/2025 au 30/06/2025', asOf: '2025-06-30' });
    expect(d.figures.promeneursActive).toBe(activeOn('2025-06-30', [S.a, S.b, S.c]).length);
    // The third quarter's report does not lie within the half year.
    expect(d.figures.activity.reports).toBe(3);
    expect(d.series.attendance).toHaveLength(1);
  });

  it('agrees with the « À faire » list, narrowed the same way', async () => {
    const today = '2026-05-10';
    const settings = await vault.value('settings.get', {});
    const until = addMonths(today, settings.todoHorizonMonths);
    const items = await dueItems(vault.session.db, { until, structureId: null, kinds: [] }, today);
    const d = await data({ year: 2026 }, today);
    expect(d.figures.overdue).toBe(items.filter((i) => i.overdue).length);
    expect(d.figures.overdue).toBeGreaterThan(0);
    expect(d.series.todo.reduce((t, k) => t + k.count, 0)).toBe(items.length);
    for (const k of d.series.todo)
      expect(k.count, k.kind).toBe(items.filter((i) => i.kind === k.kind).length);
    const north = await data({ year: 2026, territory: 'CC du Nord' }, today);
    const northItems = items.filter(
      (i) => i.structure && territoryOf.get(i.structure.id) === 'CC du Nord',
    );
    expect(north.series.todo.reduce((t, k) => t + k.count, 0)).toBe(northItems.length);
  });
});

describe('the routes', () => {
  it('answers dashboard.data and dashboard.options', async () => {
    const d = await vault.value('dashboard.data', { year: 2025 });
    expect(d.figures.subsidies.committedCents).toBe(850_000);
    const options = await vault.value('dashboard.options', {});
    expect(options.territories).toEqual(['CC du Nord', 'CC du Sud']);
    expect(options.structures.map((s) => s.name)).toEqual([
      'Centre social des Aulnes',
      'MJC des Bouleaux',
      'Point information jeunesse des Charmes',
    ]);
    expect(options.years).toEqual(expect.arrayContaining([2023, 2024, 2025, 2026]));
    expect([...options.years].sort((a, b) => b - a)).toEqual(options.years);
  });

  it.each([
    [{ year: 2025, from: '2025-01-01', to: '2025-02-01' }, 'Choisissez une année ou une période'],
    [{ from: '2025-01-01' }, 'Indiquez le début et la fin de la période.'],
    [{ from: '2025-05-01', to: '2025-01-01' }, 'La fin de la période précède son début.'],
    [{ year: 1999 }, 'Année invalide.'],
    [{ structureType: 'banque' }, 'Type de structure'],
    [{ structureId: -1 }, ''],
    [{ territory: 'x'.repeat(201) }, 'Territoire'],
    [{ year: 2025, extra: true }, ''],
  ])('refuses %j', async (input, message) => {
    const result = await vault.call('dashboard.data', input as DashboardFiltersInput);
    expect(result.ok).toBe(false);
    if (!result.ok) {
      expect(result.error.code).toBe('INVALID_INPUT');
      expect(result.error.message).toContain(message);
    }
  });
});

describe('on the demo department', () => {
  it('answers quickly, whatever the filters', async () => {
    const demo = await createTestVault();
    try {
      await seedDemo(demo.session.db, { seed: 1, today: '2026-11-22' });
      const started = performance.now();
      const d = await dashboardData(
        demo.session.db,
        dashboardFilters.parse({ from: '2024-01-01', to: '2026-12-31' }),
        '2026-11-22',
      );
      const elapsed = performance.now() - started;
      expect(d.figures.promeneursActive).toBeGreaterThan(0);
      expect(d.series.network.length).toBeGreaterThan(12);
      expect(elapsed).toBeLessThan(1000);
    } finally {
      await demo.cleanup();
    }
  });

  it('reads each record’s status on a day as a lookup in its history would', async () => {
    const demo = await createTestVault();
    try {
      const db = demo.session.db;
      await seedDemo(db, { seed: 1, today: '2026-11-22' });
      const ids = (table: 'promeneurs' | 'structures') =>
        sql<{ id: number }>`select id from ${sql.table(table)} order by id`
          .execute(db)
          .then((r) => r.rows.map((row) => row.id));
      const [p1, p2, p3] = await ids('promeneurs');
      const [s1, s2] = await ids('structures');
      // Edge cases: records without any history (their current status from their creation),
      // and several entries on one day (the last recorded wins).
      await sql`delete from status_history where entity = 'promeneur' and entity_id = ${p1}`.execute(
        db,
      );
      await sql`delete from status_history where entity = 'structure' and entity_id = ${s1}`.execute(
        db,
      );
      for (const [entity, id, status] of [
        ['promeneur', p2, 'sorti'],
        ['promeneur', p2, 'actif'],
        ['promeneur', p3, 'actif'],
        ['promeneur', p3, 'sorti'],
        ['structure', s2, 'sortie'],
        ['structure', s2, 'dans_le_reseau'],
      ] as const)
        await sql`insert into status_history (entity, entity_id, status, since, recorded_at)
          values (${entity}, ${id}, ${status}, '2025-03-15', '2025-03-15T09:00:00.000Z')`.execute(
          db,
        );

      // The reference: one lookup per record and day, as the history is read elsewhere.
      const on = (entity: string, alias: string, current: string) => sql`coalesce(
        (select h.status from status_history h where h.entity = ${entity}
          and h.entity_id = ${sql.ref(`${alias}.id`)} and h.since <= d.day
          order by h.since desc, h.id desc limit 1),
        case when not exists (select 1 from status_history h where h.entity = ${entity}
            and h.entity_id = ${sql.ref(`${alias}.id`)})
          and substr(${sql.ref(`${alias}.created_at`)}, 1, 10) <= d.day
          then ${sql.ref(`${alias}.${current}`)} end)`;
      const days = [...seriesDates('2016-01-01', '2026-11-22'), '2025-03-14', '2025-03-15'];
      const { rows: expected } = await sql<{ day: string; p: number; s: number }>`
        with d(day) as (values ${sql.join(days.map((d) => sql`(${d})`))})
        select d.day as day,
          (select count(*) from promeneurs p join structures s on s.id = p.structure_id
            where p.archived_at is null and ${on('promeneur', 'p', 'status')} = 'actif') as p,
          (select count(*) from structures s where s.archived_at is null
            and ${on('structure', 's', 'network_status')} = 'dans_le_reseau') as s
        from d order by d.day`.execute(db);
      const unset = { territory: null, structureType: null, structureId: null };
      const network = await networkOn(db, days, unset);
      expect(network.map((n) => [n.date, n.promeneursActive, n.structuresInNetwork])).toEqual(
        expected.map((e) => [e.day, Number(e.p), Number(e.s)]),
      );
      for (const day of ['2025-03-14', '2025-03-15', '2026-11-22'])
        expect((await trainingCoverage(db, day, unset)).active, day).toBe(
          network.find((n) => n.date === day)!.promeneursActive,
        );
    } finally {
      await demo.cleanup();
    }
  });
});
