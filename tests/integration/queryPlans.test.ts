/**
 * The indexes chosen for the national scale (migrations 2026_12_03_007 to 014), each justified by
 * the plan SQLite picks for the query a service really runs: the statements are captured as
 * the service prepares them, then explained with the same parameters. A plan that falls back
 * to a scan of a large table fails here before it slows the app down.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Connection } from '../../src/main/db/connection';
import { seedNation, SMALL_NATION } from '../../src/main/demo/national';
import {
  activitySums,
  activityTotals,
  totalsByChannel,
  totalsByTheme,
} from '../../src/main/services/activity/aggregates';
import { trainingCoverage } from '../../src/main/services/dashboard/meetings';
import { subsidiesByYear } from '../../src/main/services/dashboard/money';
import { networkOn } from '../../src/main/services/dashboard/network';
import { listConventions } from '../../src/main/services/conventions/convention';
import { dueItems } from '../../src/main/services/todo';
import { listPromeneurs } from '../../src/main/services/promeneurs';
import { contract } from '../../src/shared/api/contract';
import { createTestVault, type TestVault } from '../support/vault';

const TODAY = '2026-12-03';
let vault: TestVault;
let conn: Connection;

beforeAll(async () => {
  vault = await createTestVault();
  conn = vault.session.vault.connection;
  seedNation(conn, { seed: 3, today: TODAY, size: SMALL_NATION });
});
afterAll(() => vault.cleanup());

interface Captured {
  sql: string;
  params: unknown[];
}

/**
 * Runs `work`, recording every statement run meanwhile. The connection keeps its compiled
 * statements, so the statements' own methods are watched, not `prepare`.
 */
async function captured(work: () => Promise<unknown>): Promise<Captured[]> {
  const seen: Captured[] = [];
  const proto = Object.getPrototypeOf(conn.prepare('select 1')) as Record<string, unknown>;
  const originals = new Map<string, (...a: unknown[]) => unknown>();
  for (const method of ['all', 'get', 'run', 'iterate'] as const) {
    const original = proto[method] as (...a: unknown[]) => unknown;
    originals.set(method, original);
    proto[method] = function (this: { source: string }, ...params: unknown[]) {
      seen.push({ sql: this.source, params });
      return original.apply(this, params);
    };
  }
  try {
    await work();
  } finally {
    for (const [method, original] of originals) proto[method] = original;
  }
  return seen;
}

/** The plan of the one captured statement matching `pattern`, its steps joined by « | ». */
function planOf(statements: Captured[], pattern: RegExp): string {
  const found = statements.filter((s) => pattern.test(s.sql));
  expect(found.length, `a statement matching ${pattern}`).toBeGreaterThan(0);
  const { sql, params } = found[0]!;
  return (conn.prepare(`explain query plan ${sql}`).all(...params) as { detail: string }[])
    .map((r) => r.detail)
    .join(' | ');
}

const db = () => vault.session.db;
const YEAR = {
  from: '2025-01-01',
  to: '2025-12-31',
  territory: null,
  structureType: null,
  structureId: null,
};
/** A year of one kind of structure: the reports are summed, not the kept per-period sums. */
const YEAR_OF_A_TYPE = { ...YEAR, structureType: 'centre_social' as const };

describe('query plans at national scale', () => {
  it('sums the whole network from the per-period sums, never from the reports', async () => {
    const statements = [
      ...(await captured(() => activitySums(db(), YEAR))),
      ...(await captured(() => totalsByTheme(db(), YEAR))),
      ...(await captured(() => totalsByChannel(db(), YEAR))),
    ];
    expect(statements.filter((s) => /activity_report/.test(s.sql))).toEqual([]);
    expect(planOf(statements, /activity_period_theme_totals/)).toContain(
      'SEARCH c USING INDEX sqlite_autoindex_activity_period_theme_totals_1 (period_key=?)',
    );
  });

  it('counts a year’s distinct Promeneurs from the covering index of report dates', async () => {
    const plan = planOf(await captured(() => activityTotals(db(), YEAR)), /count\(distinct/);
    expect(plan).toMatch(
      /SEARCH r USING COVERING INDEX activity_reports_dates_scope \(period_start>\?/,
    );
    expect(plan).not.toMatch(/SCAN r\b/);
  });

  it('sums the reports of a kind of structure through its structures’ reports', async () => {
    const statements = [
      ...(await captured(() => activitySums(db(), YEAR_OF_A_TYPE))),
      ...(await captured(() => totalsByTheme(db(), YEAR_OF_A_TYPE))),
      ...(await captured(() => totalsByChannel(db(), YEAR_OF_A_TYPE))),
    ];
    const byStructure =
      'SEARCH r USING INDEX activity_reports_structure (structure_id=? AND period_start>?)';
    expect(planOf(statements, /sum\(r\.young_contacted\)/)).toContain(byStructure);
    for (const kind of ['themes', 'channels']) {
      const plan = planOf(statements, new RegExp(`from "activity_report_${kind}"`));
      expect(plan).toContain(byStructure);
      expect(plan).toContain(
        `SEARCH c USING COVERING INDEX activity_report_${kind}_sums (report_id=?)`,
      );
    }
  });

  it('reads only the unpaid payments and the missing documents for the to-do list', async () => {
    const statements = await captured(() =>
      dueItems(db(), { until: '2027-04-03', structureId: null, kinds: [] }, TODAY),
    );
    // The payments due within the horizon, from their planned date (migration 012).
    expect(planOf(statements, /from "convention_payments"/)).toContain(
      'SEARCH convention_payments USING INDEX payments_planned (planned_on<?)',
    );
    // Every missing document of the network, in the partial index's own order: no sort.
    expect(planOf(statements, /from "convention_documents"/)).toBe(
      'SCAN convention_documents USING INDEX documents_missing',
    );
  });
});

describe('query plans of the directory lists', () => {
  it('reads the first page of Promeneurs in name order from an index, sorting nothing', async () => {
    for (const direction of ['asc', 'desc'] as const) {
      const input = contract['promeneurs.list'].input.parse({ limit: 100, direction });
      const plan = planOf(
        await captured(() => listPromeneurs(db(), input)),
        /order by "promeneurs"\."sort_key"/,
      );
      expect(plan).toContain('SEARCH promeneurs USING INDEX promeneurs_list_order (archived_at=?)');
      expect(plan).not.toContain('TEMP B-TREE');
    }
  });
});

describe('query plans of the to-do list (migration 2026_12_03_009)', () => {
  it('finds the past events without attendance from the invitees not marked, not every event', async () => {
    const plan = planOf(
      await captured(() =>
        dueItems(db(), { until: TODAY, structureId: null, kinds: ['attendance_missing'] }, TODAY),
      ),
      /from "events"/,
    );
    expect(plan).toContain('SEARCH events USING INTEGER PRIMARY KEY (rowid=?)');
    expect(plan).toContain('SCAN event_invitees USING INDEX invitees_unmarked');
    expect(plan).not.toMatch(/SCAN events\b/);
  });

  it('leaves out the Promeneurs gone before the period from their open status interval', async () => {
    const plan = planOf(
      await captured(() =>
        dueItems(db(), { until: TODAY, structureId: null, kinds: ['activity_missing'] }, TODAY),
      ),
      /from "promeneurs"/,
    );
    expect(plan).toContain(
      'SEARCH last USING COVERING INDEX status_intervals_record (entity=? AND entity_id=?)',
    );
    // The history is read only for the Promeneurs left, through its index: never sorted whole.
    expect(plan).toContain('SEARCH status_history USING INDEX status_history_record');
    expect(plan).not.toMatch(/SCAN status_(history|intervals)/);
  });

  it('reads the received obligations’ keys from their kept row per convention, never the states', async () => {
    const statements = await captured(() =>
      dueItems(db(), { until: '2027-04-03', structureId: null, kinds: ['obligation_due'] }, TODAY),
    );
    expect(planOf(statements, /from "received_obligation_keys"/)).toBe(
      'SCAN received_obligation_keys',
    );
    expect(statements.some((s) => /from "obligation_states"/.test(s.sql))).toBe(false);
  });
});

describe('query plans of the dashboard (migration 2026_12_03_011)', () => {
  const ALL = { territory: null, structureType: null, structureId: null };
  const A_TYPE = { ...ALL, structureType: 'centre_social' as const };

  it('reads who was active from the kept status intervals, never from the history', async () => {
    for (const scope of [ALL, A_TYPE]) {
      const statements = [
        ...(await captured(() => networkOn(db(), ['2025-06-30', '2025-12-31'], scope))),
        ...(await captured(() => trainingCoverage(db(), '2025-12-31', scope))),
      ];
      expect(statements.filter((s) => /status_history/.test(s.sql))).toEqual([]);
      for (const pattern of [/with d\(day\)/, /count\(t\.id\)/]) {
        const plan = planOf(statements, pattern);
        expect(plan).toMatch(
          /SEARCH status_intervals USING COVERING INDEX status_intervals_record \(entity=\?/,
        );
        expect(plan).not.toMatch(/SCAN status_intervals/);
      }
    }
  });

  it('sums the network’s paid subsidies per year from their partial index alone', async () => {
    const plan = planOf(
      await captured(() => subsidiesByYear(db(), ALL)),
      /from convention_payments/,
    );
    expect(plan).toBe('SCAN p USING INDEX payments_paid');
  });
});

describe('query plans of the signed subsidies (migration 2026_12_03_013)', () => {
  it('sums each listed convention’s signed subsidies from the amounts’ index alone', async () => {
    const input = contract['conventions.list'].input.parse({});
    const plan = planOf(
      await captured(() => listConventions(db(), input)),
      /from "convention_subsidies"/,
    );
    expect(plan).toContain('SEARCH convention_subsidies USING COVERING INDEX subsidies_amounts');
  });

  it('sums the committed subsidies per year from the amounts’ index alone', async () => {
    const ALL = { territory: null, structureType: null, structureId: null };
    const plan = planOf(
      await captured(() => subsidiesByYear(db(), ALL)),
      /with scoped as materialized/,
    );
    expect(plan).toContain('SEARCH cs USING COVERING INDEX subsidies_amounts (convention_id=?');
  });
});

describe('query plans of the to-do list (migration 2026_12_03_012)', () => {
  const paymentsPlan = async (structureId: number | null) =>
    planOf(
      await captured(() =>
        dueItems(db(), { until: '2027-04-03', structureId, kinds: ['payment_planned'] }, TODAY),
      ),
      /from "convention_payments"/,
    );

  it('reads the payments planned within the horizon from the unpaid ones’ planned dates', async () => {
    const plan = await paymentsPlan(null);
    expect(plan).toContain(
      'SEARCH convention_payments USING INDEX payments_planned (planned_on<?)',
    );
    expect(plan).toContain(
      'SEARCH convention_payments USING INDEX payments_planned (planned_on=?)',
    );
    expect(plan).not.toMatch(/SCAN (conventions|convention_payments)\b/);
  });

  it('reads one structure’s unpaid payments from its conventions', async () => {
    const plan = await paymentsPlan(1);
    expect(plan).toContain('SEARCH conventions USING INDEX conventions_structure (structure_id=?)');
    expect(plan).toContain(
      'SEARCH convention_payments USING INDEX payments_unpaid (convention_id=?)',
    );
    expect(plan).not.toMatch(/SCAN (conventions|convention_payments)\b/);
  });
});
