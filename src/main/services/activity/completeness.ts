/**
 * Who owes figures for a period, and who has returned them. A Promeneur owes them when their
 * status history shows them « actif » at some point of the period (so a Promeneur who left
 * since still owes the quarter they worked, and one who started after it owes nothing).
 */
import type { CompletenessRow } from '../../../shared/api/activity';
import type { ActivitySource } from '../../../shared/domain/activity';
import type { Period } from '../../../shared/rules/activity';
import type { Db } from '../../db/connection';
import { compareText } from '../directory';
import { periodOfKey } from './reports';

export interface Expected {
  promeneurId: number;
  firstName: string;
  lastName: string;
  name: string;
  email: string | null;
  structure: { id: number; name: string };
}

/** Whether a status history (oldest first) has the Promeneur active during the period. */
export function activeDuring(
  history: readonly { status: string; since: string }[],
  currentStatus: string,
  period: Pick<Period, 'start' | 'end'>,
): boolean {
  // A record without history (none should be) is judged on its current status.
  if (history.length === 0) return currentStatus === 'actif';
  // Statuses set after the period are ignored: one who started later owes nothing.
  let inForce: string | null = null;
  for (const h of history) {
    if (h.since <= period.start) inForce = h.status;
    else if (h.since <= period.end && h.status === 'actif') return true;
  }
  return inForce === 'actif';
}

const byName = (a: Expected, b: Expected) =>
  compareText(a.lastName, b.lastName) || compareText(a.firstName, b.firstName);

/** Promeneurs (not archived) active at some point of the period, by name. */
export async function expectedPromeneurs(db: Db, period: Period): Promise<Expected[]> {
  const rows = await db
    .selectFrom('promeneurs')
    .innerJoin('structures', 'structures.id', 'promeneurs.structureId')
    .select([
      'promeneurs.id',
      'promeneurs.firstName',
      'promeneurs.lastName',
      'promeneurs.email',
      'promeneurs.status',
      'promeneurs.structureId',
      'structures.name as structureName',
    ])
    .where('promeneurs.archivedAt', 'is', null)
    .execute();
  const history = await db
    .selectFrom('statusHistory')
    .select(['entityId', 'status', 'since'])
    .where('entity', '=', 'promeneur')
    .orderBy('since')
    .orderBy('id')
    .execute();
  const historyOf = new Map<number, { status: string; since: string }[]>();
  for (const h of history) {
    const list = historyOf.get(h.entityId);
    if (list) list.push(h);
    else historyOf.set(h.entityId, [h]);
  }
  return rows
    .filter((r) => activeDuring(historyOf.get(r.id) ?? [], r.status, period))
    .map((r) => ({
      promeneurId: r.id,
      firstName: r.firstName,
      lastName: r.lastName,
      name: `${r.firstName} ${r.lastName}`,
      email: r.email,
      structure: { id: r.structureId, name: r.structureName },
    }))
    .sort(byName);
}

/**
 * Every Promeneur expected for the period, and any other whose figures arrived anyway, with
 * « reçu » (when, how) or « manquant »; the e-mails of those missing, to remind them.
 */
export async function completenessOf(db: Db, periodKey: string) {
  const period = periodOfKey(periodKey);
  const expected = await expectedPromeneurs(db, period);
  const reports = await db
    .selectFrom('activityReports')
    .innerJoin('promeneurs', 'promeneurs.id', 'activityReports.promeneurId')
    .innerJoin('structures', 'structures.id', 'promeneurs.structureId')
    .select([
      'activityReports.id',
      'activityReports.promeneurId',
      'activityReports.source',
      'activityReports.createdAt',
      'activityReports.updatedAt',
      'promeneurs.firstName',
      'promeneurs.lastName',
      'promeneurs.email',
      'promeneurs.structureId',
      'structures.name as structureName',
    ])
    .where('activityReports.periodKey', '=', period.key)
    .execute();
  const people = new Map(expected.map((e) => [e.promeneurId, e]));
  for (const r of reports)
    if (!people.has(r.promeneurId!))
      people.set(r.promeneurId!, {
        promeneurId: r.promeneurId!,
        firstName: r.firstName,
        lastName: r.lastName,
        name: `${r.firstName} ${r.lastName}`,
        email: r.email,
        structure: { id: r.structureId, name: r.structureName },
      });
  const reportOf = new Map(reports.map((r) => [r.promeneurId!, r]));
  const rows: CompletenessRow[] = [...people.values()].sort(byName).map((p) => {
    const r = reportOf.get(p.promeneurId);
    return {
      promeneurId: p.promeneurId,
      name: p.name,
      structure: p.structure,
      email: p.email,
      report: r
        ? {
            id: r.id,
            source: r.source as ActivitySource,
            createdAt: r.createdAt,
            updatedAt: r.updatedAt,
          }
        : null,
    };
  });
  const missingEmails = [
    ...new Set(rows.filter((r) => r.report === null && r.email).map((r) => r.email!)),
  ];
  return {
    period: {
      kind: period.kind,
      key: period.key,
      label: period.label,
      start: period.start,
      end: period.end,
    },
    rows,
    missingEmails,
  };
}
