/**
 * The synthetic nation (`demo --scale national`), at a small size: the same seed gives the
 * same rows, another seed other rows, and every service reads what it wrote through the real
 * router (which checks each answer against its schema).
 */
import { afterEach, describe, expect, it } from 'vitest';
import {
  nationCounts,
  nationFingerprint,
  seedNation,
  SMALL_NATION,
} from '../../src/main/demo/national';
import { todayInParis } from '../../src/shared/rules/dates';
import { createTestVault, type TestVault } from '../support/vault';

const vaults: TestVault[] = [];
afterEach(async () => {
  for (const v of vaults.splice(0)) await v.cleanup();
});

async function nation(seed: number, today = '2026-12-03'): Promise<TestVault> {
  const vault = await createTestVault();
  vaults.push(vault);
  seedNation(vault.session.vault.connection, { seed, today, size: SMALL_NATION });
  return vault;
}

describe('the synthetic nation', () => {
  it('is the same for the same seed and day, and differs for another seed', async () => {
    const a = await nation(7);
    const b = await nation(7);
    const c = await nation(8);
    const [ca, cb, cc] = [a, b, c].map((v) => v.session.vault.connection);
    expect(nationCounts(ca!)).toEqual(nationCounts(cb!));
    expect(nationFingerprint(ca!)).toBe(nationFingerprint(cb!));
    expect(nationFingerprint(cc!)).not.toBe(nationFingerprint(ca!));
  });

  it('fills every table it promises, in proportions like the full nation', async () => {
    const counts = nationCounts((await nation(7)).session.vault.connection);
    for (const [table, n] of Object.entries(counts)) expect(n, table).toBeGreaterThan(0);
    expect(counts.structures).toBeGreaterThanOrEqual(SMALL_NATION.structures);
    expect(counts.promeneurs).toBe(SMALL_NATION.promeneurs);
    // Monthly figures for most Promeneurs over the years, several invitees per event.
    expect(counts.activity_reports).toBeGreaterThan(SMALL_NATION.promeneurs * 12);
    expect(counts.event_invitees).toBeGreaterThan(counts.events * 4);
  });

  it('refuses a vault that already holds records', async () => {
    const vault = await nation(7);
    expect(() => seedNation(vault.session.vault.connection, { size: SMALL_NATION })).toThrow(
      /contient déjà des données/,
    );
  });

  it('is read by the services without an error', async () => {
    const today = todayInParis();
    const v = await nation(11, today);
    const structures = await v.value('structures.list', {});
    expect(structures.length).toBeGreaterThan(20);
    const busiest = [...structures].sort((x, y) => y.promeneurCount - x.promeneurCount)[0]!;
    expect((await v.value('structures.get', { id: busiest.id })).promeneurs.length).toBe(
      busiest.promeneurCount,
    );
    expect(
      (await v.value('structures.list', { search: busiest.name.slice(0, 5) })).length,
    ).toBeGreaterThan(0);
    const promeneurs = (await v.value('promeneurs.list', {})).rows;
    await v.value('promeneurs.get', { id: promeneurs[0]!.id });
    const conventions = await v.value('conventions.list', {});
    expect(conventions.length).toBeGreaterThan(0);
    for (const c of conventions.slice(0, 5)) await v.value('conventions.get', { id: c.id });
    const todo = await v.value('todo.list', {});
    expect(todo.items.length).toBeGreaterThan(0);
    const year = Number(today.slice(0, 4)) - 1;
    const aggregates = await v.value('activity.aggregates', {
      from: `${year}-01-01`,
      to: `${year}-12-31`,
    });
    expect(aggregates.totals.reports).toBeGreaterThan(0);
    const month = `${year}-06`;
    await v.value('activity.completeness', { periodKey: month });
    const events = await v.value('calendar.list', { from: `${year}-01-01`, to: `${year}-12-31` });
    expect(events.length).toBeGreaterThan(0);
    await v.value('calendar.get', { id: events[0]!.id });
    const meetings = await v.value('committees.meetings', { committee: 'copil' });
    expect(meetings.length).toBeGreaterThan(0);
    await v.value('committees.meeting', { eventId: meetings[0]!.eventId });
    await v.value('home.summary', {});
  });
});
