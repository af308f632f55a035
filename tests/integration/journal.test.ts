/**
 * The coordinator's log (journal d'activité) against a real encrypted vault: entries with
 * the Promeneurs and structures they concern, a year's list and its filters, the audit of
 * every change, refused links, and the yearly totals by kind and channel.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { LogFieldsInput } from '../../src/shared/api/journal';
import { seedJournal } from '../../src/main/demo/journal';
import { createRandom } from '../../src/main/demo/random';
import { LOG_CHANNELS, LOG_KINDS } from '../../src/shared/domain/calendar';
import { addDays } from '../../src/shared/rules/conventions';
import { createTestVault, type TestVault } from '../support/vault';

let vault: TestVault;
let tilleuls: number;
let granges: number;
let camille: number;
let yanis: number;

const structure = async (name: string) =>
  (
    await vault.value('structures.create', {
      fields: {
        name,
        type: 'centre_social',
        legalForm: 'association',
        networkStatus: 'dans_le_reseau',
      },
    })
  ).id;

const promeneur = async (firstName: string, lastName: string, structureId: number) =>
  (
    await vault.value('promeneurs.create', {
      fields: { firstName, lastName, job: 'animateur', structureId, status: 'actif' },
    })
  ).id;

const entry = (fields: Partial<LogFieldsInput> = {}): LogFieldsInput => ({
  date: '2027-03-12',
  kind: 'accompagnement_pdn',
  channel: 'telephone',
  durationMinutes: 45,
  summary: 'Point sur les horaires de permanence en ligne',
  ...fields,
});

const create = async (fields: Partial<LogFieldsInput> = {}) =>
  (await vault.value('journal.create', { fields: entry(fields) })).id;

function rowCounts(): Record<string, number> {
  const conn = vault.session.vault.connection;
  return Object.fromEntries(
    ['journal_entries', 'journal_links', 'audit_log'].map((t) => [
      t,
      (conn.prepare(`select count(*) as n from "${t}"`).get() as { n: number }).n,
    ]),
  );
}

beforeEach(async () => {
  vault = await createTestVault();
  tilleuls = await structure('Centre social des Tilleuls');
  granges = await structure('MJC des Granges');
  camille = await promeneur('Camille', 'Martin', tilleuls);
  yanis = await promeneur('Yanis', 'Benali', granges);
});
afterEach(() => vault.cleanup());

describe('journal entries', () => {
  it('creates an entry with its links, and lists it with names', async () => {
    const id = await create({
      promeneurIds: [camille, yanis, camille],
      structureIds: [granges],
      partners: '  CAF, MSA  ',
    });
    const [listed, ...others] = await vault.value('journal.list', { year: 2027 });
    expect(others).toEqual([]);
    expect(listed).toEqual({
      id,
      date: '2027-03-12',
      kind: 'accompagnement_pdn',
      channel: 'telephone',
      durationMinutes: 45,
      summary: 'Point sur les horaires de permanence en ligne',
      partners: 'CAF, MSA',
      // Sorted by last name; a Promeneur given twice is linked once.
      promeneurIds: [yanis, camille],
      structureIds: [granges],
      promeneurs: [
        { id: yanis, name: 'Yanis Benali' },
        { id: camille, name: 'Camille Martin' },
      ],
      structures: [{ id: granges, name: 'MJC des Granges' }],
    });
    const history = await vault.value('history.forRecord', { entity: 'journal', id });
    expect(history).toHaveLength(1);
    expect(history[0]!.action).toBe('create');
    expect(history[0]!.changes).toContainEqual({
      field: 'durationMinutes',
      before: null,
      after: 45,
    });
  });

  it('lists a year newest first, filtered by kind, Promeneur or structure', async () => {
    const march = await create({ date: '2027-03-12', promeneurIds: [camille] });
    const june = await create({
      date: '2027-06-01',
      kind: 'visite_structure',
      channel: 'presentiel',
      structureIds: [tilleuls],
    });
    const june2 = await create({ date: '2027-06-01', kind: 'veille', channel: 'autre' });
    await create({ date: '2026-12-31' });
    await create({ date: '2028-01-01' });
    const ids = async (query: Record<string, unknown>) =>
      (await vault.value('journal.list', { year: 2027, ...query })).map((e) => e.id);
    // Same day: the later entry first.
    expect(await ids({})).toEqual([june2, june, march]);
    expect(await ids({ kinds: ['visite_structure', 'veille'] })).toEqual([june2, june]);
    expect(await ids({ promeneurId: camille })).toEqual([march]);
    expect(await ids({ promeneurId: yanis })).toEqual([]);
    expect(await ids({ structureId: tilleuls })).toEqual([june]);
    expect(await ids({ kinds: ['veille'], structureId: tilleuls })).toEqual([]);
    expect(await vault.value('journal.list', { year: 2030 })).toEqual([]);
  });

  it('updates an entry and its links, auditing only real changes', async () => {
    const id = await create({ promeneurIds: [camille] });
    await vault.value('journal.update', {
      id,
      fields: entry({ durationMinutes: 90, promeneurIds: [yanis], structureIds: [granges] }),
    });
    const [updated] = await vault.value('journal.list', { year: 2027 });
    expect(updated).toMatchObject({
      durationMinutes: 90,
      promeneurIds: [yanis],
      structureIds: [granges],
    });
    let history = await vault.value('history.forRecord', { entity: 'journal', id });
    expect(history[0]!.action).toBe('update');
    expect(history[0]!.changes).toEqual([
      { field: 'durationMinutes', before: 45, after: 90 },
      { field: 'promeneurIds', before: [camille], after: [yanis] },
      { field: 'structureIds', before: [], after: [granges] },
    ]);
    // The same fields again (links in another order): nothing to record.
    const before = rowCounts();
    await vault.value('journal.update', {
      id,
      fields: entry({ durationMinutes: 90, promeneurIds: [yanis, yanis], structureIds: [granges] }),
    });
    expect(rowCounts()).toEqual(before);
    history = await vault.value('history.forRecord', { entity: 'journal', id });
    expect(history).toHaveLength(2);
  });

  it('removes an entry with its links, and keeps its history', async () => {
    const id = await create({ promeneurIds: [camille], structureIds: [tilleuls] });
    expect(rowCounts().journal_links).toBe(2);
    expect(await vault.value('journal.remove', { id })).toEqual({ id });
    expect(rowCounts()).toMatchObject({ journal_entries: 0, journal_links: 0 });
    const history = await vault.value('history.forRecord', { entity: 'journal', id });
    expect(history.map((h) => h.action)).toEqual(['delete', 'create']);
    for (const result of [
      await vault.call('journal.remove', { id }),
      await vault.call('journal.update', { id, fields: entry() }),
    ]) {
      expect(result.ok).toBe(false);
      if (!result.ok) expect(result.error.code).toBe('NOT_FOUND');
    }
  });

  it('refuses links to unknown Promeneurs or structures, writing nothing', async () => {
    const id = await create();
    const before = rowCounts();
    const cases = [
      [
        'fields.promeneurIds',
        await vault.call('journal.create', { fields: entry({ promeneurIds: [camille, 999] }) }),
      ],
      [
        'fields.structureIds',
        await vault.call('journal.create', { fields: entry({ structureIds: [999] }) }),
      ],
      [
        'fields.promeneurIds',
        await vault.call('journal.update', { id, fields: entry({ promeneurIds: [999] }) }),
      ],
      [
        'fields.structureIds',
        await vault.call('journal.update', {
          id,
          fields: entry({ structureIds: [tilleuls, 998] }),
        }),
      ],
    ] as const;
    for (const [field, result] of cases) {
      expect(result.ok).toBe(false);
      if (!result.ok) {
        expect(result.error.code).toBe('INVALID_INPUT');
        expect(result.error.message).toMatch(/^Saisie à corriger : .*n’existe pas/);
        expect(Object.keys(result.error.fields ?? {})).toEqual([field]);
      }
    }
    expect(rowCounts()).toEqual(before);
  });
});

describe('yearly totals', () => {
  it('counts entries and minutes by kind and channel, every one listed in order', async () => {
    await create({ kind: 'accompagnement_pdn', channel: 'telephone', durationMinutes: 30 });
    await create({ kind: 'accompagnement_pdn', channel: 'visio', durationMinutes: 45 });
    await create({ kind: 'instances', channel: 'presentiel', durationMinutes: 240 });
    await create({ date: '2026-12-31', kind: 'veille', channel: 'autre', durationMinutes: 60 });
    const totals = await vault.value('journal.totals', { year: 2027 });
    expect(totals.year).toBe(2027);
    expect(totals.all).toEqual({ count: 3, minutes: 315 });
    expect(totals.byKind.map((k) => k.kind)).toEqual(Object.keys(LOG_KINDS));
    expect(totals.byChannel.map((c) => c.channel)).toEqual(Object.keys(LOG_CHANNELS));
    expect(totals.byKind.find((k) => k.kind === 'accompagnement_pdn')).toEqual({
      kind: 'accompagnement_pdn',
      count: 2,
      minutes: 75,
    });
    expect(totals.byKind.find((k) => k.kind === 'instances')).toMatchObject({
      count: 1,
      minutes: 240,
    });
    expect(totals.byKind.find((k) => k.kind === 'veille')).toMatchObject({ count: 0, minutes: 0 });
    expect(totals.byChannel.find((c) => c.channel === 'presentiel')).toMatchObject({
      count: 1,
      minutes: 240,
    });
    expect(totals.byChannel.find((c) => c.channel === 'email')).toMatchObject({
      count: 0,
      minutes: 0,
    });
    const sum = (rows: { count: number; minutes: number }[]) =>
      rows.reduce((s, r) => ({ count: s.count + r.count, minutes: s.minutes + r.minutes }), {
        count: 0,
        minutes: 0,
      });
    expect(sum(totals.byKind)).toEqual(totals.all);
    expect(sum(totals.byChannel)).toEqual(totals.all);
    expect((await vault.value('journal.totals', { year: 2030 })).all).toEqual({
      count: 0,
      minutes: 0,
    });
  });
});

describe('the demo’s log', () => {
  it('spreads about forty entries of every kind and channel over the past year', async () => {
    const today = '2027-05-15';
    await seedJournal(
      vault.session.db,
      createRandom(7),
      today,
      [tilleuls, granges],
      [camille, yanis],
    );
    const entries = [
      ...(await vault.value('journal.list', { year: 2026 })),
      ...(await vault.value('journal.list', { year: 2027 })),
    ];
    expect(entries.length).toBeGreaterThanOrEqual(35);
    expect(new Set(entries.map((e) => e.kind))).toEqual(new Set(Object.keys(LOG_KINDS)));
    expect(new Set(entries.map((e) => e.channel))).toEqual(new Set(Object.keys(LOG_CHANNELS)));
    for (const e of entries) {
      expect(e.date >= addDays(today, -365) && e.date < today).toBe(true);
      expect(e.durationMinutes).toBeGreaterThanOrEqual(15);
      expect(e.durationMinutes).toBeLessThanOrEqual(8 * 60);
    }
    expect(entries.some((e) => e.promeneurs.length > 0)).toBe(true);
    expect(entries.some((e) => e.structures.length > 0)).toBe(true);
    expect(entries.some((e) => e.partners !== null)).toBe(true);
  });
});
