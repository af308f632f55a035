/**
 * The activity figures kept summed per period (migration 008) against a real encrypted vault:
 * after every kind of write (entry, correction, removal, erasure of a Promeneur, a count row
 * changed alone, a report moved to another period) the kept sums equal the reports summed
 * afresh, and the network-wide aggregates read from them equal the same figures summed from the
 * reports through a filter on structures.
 */
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { AggregateFilter } from '../../src/shared/api/activity';
import { seedDemo } from '../../src/main/demo/seed';
import { dashboardOptions } from '../../src/main/services/dashboard';
import {
  activityTotals,
  totalsByChannel,
  totalsByPeriod,
  totalsByTheme,
} from '../../src/main/services/activity/aggregates';
import { createTestVault, type TestVault } from '../support/vault';

const TODAY = '2026-11-22';
let vault: TestVault;

beforeAll(async () => {
  vault = await createTestVault();
  await seedDemo(vault.session.db, { seed: 1, today: TODAY });
});
afterAll(() => vault.cleanup());

const rows = (query: string) => vault.session.vault.connection.prepare(query).all();

/** The kept sums next to the same sums worked out again from every report. */
function keptAndRecounted() {
  return {
    kept: {
      periods: rows(`select * from activity_period_totals where reports > 0 order by period_key`),
      themes: rows(`select period_key, theme_id, count from activity_period_theme_totals
        where count <> 0 order by 1, 2`),
      channels: rows(`select period_key, channel_id, count from activity_period_channel_totals
        where count <> 0 order by 1, 2`),
    },
    recounted: {
      periods: rows(`select period_key, period_start, period_end, count(*) as reports,
          count(promeneur_id) as promeneurs, sum(young_contacted) as young_contacted,
          sum(young_met) as young_met, sum(projects_started) as projects_started,
          sum(exchanges) as exchanges, sum(concerns_referred) as concerns_referred,
          sum(hours_online_x100) as hours_online_x100, count(age12to14) as age_reports,
          coalesce(sum(age12to14), 0) as age12to14, coalesce(sum(age15to17), 0) as age15to17,
          coalesce(sum(age18to25), 0) as age18to25
        from activity_reports group by period_key order by period_key`),
      themes: rows(`select r.period_key, c.theme_id, sum(c.count) as count
        from activity_report_themes c join activity_reports r on r.id = c.report_id
        group by 1, 2 having sum(c.count) <> 0 order by 1, 2`),
      channels: rows(`select r.period_key, c.channel_id, sum(c.count) as count
        from activity_report_channels c join activity_reports r on r.id = c.report_id
        group by 1, 2 having sum(c.count) <> 0 order by 1, 2`),
    },
  };
}

function expectKeptSumsExact() {
  const { kept, recounted } = keptAndRecounted();
  expect(kept).toEqual(recounted);
}

/** The `nth` report of the demo with counts per theme and per channel. */
async function aReport(nth: number) {
  const { rows: found } = await sql<{ id: number; promeneurId: number; periodKey: string }>`
    select r.id, r.promeneur_id as promeneur_id, r.period_key as period_key
    from activity_reports r
    where r.promeneur_id is not null
      and exists (select 1 from activity_report_themes t where t.report_id = r.id)
      and exists (select 1 from activity_report_channels c where c.report_id = r.id)
    order by r.id limit 1 offset ${nth}`.execute(vault.session.db);
  return found[0]!;
}

const ALL: AggregateFilter = {
  from: null,
  to: null,
  structureId: null,
  structureType: null,
  territory: null,
};

describe('activity figures kept per period', () => {
  it('starts exact on a seeded vault, with figures to sum', () => {
    const { kept } = keptAndRecounted();
    expect(kept.periods.length).toBeGreaterThan(1);
    expect(kept.themes.length).toBeGreaterThan(1);
    expectKeptSumsExact();
  });

  it('stays exact when a report is corrected, its themes and channels replaced', async () => {
    const report = await aReport(0);
    const current = await vault.value('activity.reports.get', {
      promeneurId: report.promeneurId,
      periodKey: report.periodKey,
    });
    const lists = await vault.value('activity.lists', {});
    await vault.value('activity.reports.update', {
      id: report.id,
      figures: {
        ...current!.figures,
        youngContacted: current!.figures.youngContacted + 17,
        hoursOnline: 12.25,
        ageBands: null,
        themes: [{ id: lists.themes[0]!.id, count: 9 }],
        channels: [
          { id: lists.channels[1]!.id, count: 4 },
          { id: lists.channels[2]!.id, count: 6 },
        ],
      },
    });
    expectKeptSumsExact();
  });

  it('stays exact when a report is removed with its counts', async () => {
    const report = await aReport(3);
    await vault.value('activity.reports.remove', { id: report.id });
    expectKeptSumsExact();
  });

  it('stays exact when a Promeneur is erased: the counts stay, the Promeneur no longer counts', async () => {
    const report = await aReport(7);
    const before = rows(
      `select promeneurs from activity_period_totals where period_key = '${report.periodKey}'`,
    );
    const { rows: who } = await sql<{ first: string; last: string }>`
      select first_name as first, last_name as last from promeneurs where id = ${report.promeneurId}`.execute(
      vault.session.db,
    );
    await vault.value('rights.erase', {
      person: { kind: 'promeneur', id: report.promeneurId },
      confirm: `${who[0]!.first} ${who[0]!.last}`,
    });
    const after = rows(
      `select promeneurs from activity_period_totals where period_key = '${report.periodKey}'`,
    );
    expect(after).toEqual([{ promeneurs: (before[0] as { promeneurs: number }).promeneurs - 1 }]);
    expectKeptSumsExact();
  });

  it('stays exact when a count row changes alone, or a report moves to another period', () => {
    const conn = vault.session.vault.connection;
    conn.exec(`update activity_report_themes set count = count + 3
      where rowid = (select min(rowid) from activity_report_themes)`);
    conn.exec(`delete from activity_report_channels
      where rowid = (select max(rowid) from activity_report_channels)`);
    expectKeptSumsExact();
    conn.exec(`update activity_reports set period_key = '2031-T1', period_start = '2031-01-01',
      period_end = '2031-03-31' where id = (select min(id) from activity_reports)`);
    expectKeptSumsExact();
  });

  it('offers the dashboard the years with reports, read from the kept sums', async () => {
    const years = async () => (await dashboardOptions(vault.session.db, TODAY)).years;
    expect(await years()).toContain(2031);
    vault.session.vault.connection.exec(
      `delete from activity_reports where period_key = '2031-T1'`,
    );
    expect(await years()).not.toContain(2031);
    expectKeptSumsExact();
  });

  it('gives the network the same figures as the reports summed through every structure', async () => {
    const db = vault.session.db;
    const { rows: types } = await sql<{ type: string }>`
      select distinct type from structures`.execute(db);
    // The kept sums include reports whose structure was deleted: the demo has none.
    const orphans = rows(`select id from activity_reports where structure_id is null`);
    expect(orphans).toEqual([]);
    for (const range of [ALL, { ...ALL, from: '2025-01-01', to: '2025-12-31' }]) {
      const network = await activityTotals(db, range);
      const byType = await Promise.all(
        types.map((t) => activityTotals(db, { ...range, structureType: t.type as never })),
      );
      const sum = (pick: (t: typeof network) => number) =>
        byType.reduce((total, t) => total + pick(t), 0);
      expect(network.reports).toBeGreaterThan(0);
      expect(network.reports).toBe(sum((t) => t.reports));
      expect(network.youngContacted).toBe(sum((t) => t.youngContacted));
      expect(network.hoursOnline).toBeCloseTo(
        sum((t) => t.hoursOnline),
        6,
      );
      expect(network.ageBands.age15to17).toBe(sum((t) => t.ageBands.age15to17));

      const themes = await totalsByTheme(db, range);
      const themesByType = await Promise.all(
        types.map((t) => totalsByTheme(db, { ...range, structureType: t.type as never })),
      );
      expect(themes.map((t) => t.count)).toEqual(
        themes.map((_, i) => themesByType.reduce((n, list) => n + list[i]!.count, 0)),
      );
      const channels = await totalsByChannel(db, range);
      const channelsByType = await Promise.all(
        types.map((t) => totalsByChannel(db, { ...range, structureType: t.type as never })),
      );
      expect(channels.map((c) => c.count)).toEqual(
        channels.map((_, i) => channelsByType.reduce((n, list) => n + list[i]!.count, 0)),
      );
      const periods = await totalsByPeriod(db, range);
      const periodsByType = (
        await Promise.all(
          types.map((t) => totalsByPeriod(db, { ...range, structureType: t.type as never })),
        )
      ).flat();
      for (const p of periods) {
        const parts = periodsByType.filter((q) => q.period.key === p.period.key);
        expect(p.youngMet).toBe(parts.reduce((n, q) => n + q.youngMet, 0));
        expect(p.promeneurs).toBe(parts.reduce((n, q) => n + q.promeneurs, 0));
      }
    }
  });
});
