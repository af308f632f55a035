/**
 * Every migration, in order, as a static map: bundlers keep it, and the order is the
 * order of the keys (names start with their date). Never edit a migration that has shipped.
 */
import type { Kysely } from 'kysely';
import * as directory from './2026_11_22_001_directory';
import * as conventions from './2026_11_22_002_conventions';
import * as calendar from './2026_11_22_003_calendar';
import * as committees from './2026_11_22_004_committees';
import * as activity from './2026_11_22_005_activity';
import * as imports from './2026_11_22_006_imports';
import * as nationalIndexes from './2026_12_03_007_national_indexes';
import * as activityPeriodTotals from './2026_12_03_008_activity_period_totals';
import * as todoIndexes from './2026_12_03_009_todo_indexes';
import * as listIndexes from './2026_12_03_010_list_indexes';
import * as dashboard from './2026_12_03_011_dashboard';
import * as paymentsPlanned from './2026_12_03_012_payments_planned';
import * as subsidiesAmounts from './2026_12_03_013_subsidies_amounts';
import * as receivedObligationKeys from './2026_12_03_014_received_obligation_keys';

export interface Migration {
  up(db: Kysely<unknown>): Promise<void>;
}

export const migrations: Record<string, Migration> = {
  '2026_11_22_001_directory': directory,
  '2026_11_22_002_conventions': conventions,
  '2026_11_22_003_calendar': calendar,
  '2026_11_22_004_committees': committees,
  '2026_11_22_005_activity': activity,
  '2026_11_22_006_imports': imports,
  '2026_12_03_007_national_indexes': nationalIndexes,
  '2026_12_03_008_activity_period_totals': activityPeriodTotals,
  '2026_12_03_009_todo_indexes': todoIndexes,
  '2026_12_03_010_list_indexes': listIndexes,
  '2026_12_03_011_dashboard': dashboard,
  '2026_12_03_012_payments_planned': paymentsPlanned,
  '2026_12_03_013_subsidies_amounts': subsidiesAmounts,
  '2026_12_03_014_received_obligation_keys': receivedObligationKeys,
};
