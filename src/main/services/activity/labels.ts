/** What the audit log calls the activity records: a report by its Promeneur and period. */
import { periodLabel } from '../../../shared/rules/activity';
import type { Db } from '../../db/connection';

/** List changes are logged on the lists as a whole, under this id. */
export const LISTS_AUDIT_ID = 0;

/** Labels of activity audit entries by entity id (reports, and the lists under id 0). */
export async function activityLabels(db: Db, ids: number[]): Promise<Map<number, string>> {
  const labels = new Map<number, string>();
  if (ids.includes(LISTS_AUDIT_ID)) labels.set(LISTS_AUDIT_ID, 'Listes des canaux et des thèmes');
  const reportIds = ids.filter((id) => id !== LISTS_AUDIT_ID);
  if (reportIds.length === 0) return labels;
  const rows = await db
    .selectFrom('activityReports')
    .leftJoin('promeneurs', 'promeneurs.id', 'activityReports.promeneurId')
    .select([
      'activityReports.id',
      'activityReports.periodKey',
      'promeneurs.firstName',
      'promeneurs.lastName',
    ])
    .where('activityReports.id', 'in', reportIds)
    .execute();
  for (const r of rows)
    labels.set(
      r.id,
      `Chiffres d’activité : ${r.firstName === null ? 'Promeneur effacé' : `${r.firstName} ${r.lastName}`}, ${periodLabel(r.periodKey)}`,
    );
  return labels;
}
