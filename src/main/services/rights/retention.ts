/** Promeneurs who left the network (« sorti », « exclu ») longer ago than the retention setting. */
import { todayInParis } from '../../../shared/rules/dates';
import { PROMENEUR_STATUSES } from '../../../shared/domain/directory';
import type { Db } from '../../db/connection';
import { readSettings } from '../settings';

export async function retentionProposals(db: Db, on: string = todayInParis()) {
  const { retentionYears: years } = await readSettings(db);
  const [y, m, d] = on.split('-').map(Number) as [number, number, number];
  const limit = new Date(Date.UTC(y - years, m - 1, d));
  // 29 February minus N years falls on 1 March when that year has none: keep the last day of February.
  if (limit.getUTCMonth() !== m - 1) limit.setUTCDate(0);
  const before = limit.toISOString().slice(0, 10);
  const people = await db
    .selectFrom('promeneurs')
    .select(['id', 'firstName', 'lastName', 'status'])
    .where('status', 'in', ['sorti', 'exclu'])
    .orderBy('lastName')
    .orderBy('firstName')
    .execute();
  const proposals = [];
  for (const p of people) {
    // Since when they are in their present status: the latest entry of the history.
    const latest = await db
      .selectFrom('statusHistory')
      .select(['status', 'since'])
      .where('entity', '=', 'promeneur')
      .where('entityId', '=', p.id)
      .orderBy('since', 'desc')
      .orderBy('id', 'desc')
      .executeTakeFirst();
    if (!latest || latest.status !== p.status || latest.since >= before) continue;
    proposals.push({
      id: p.id,
      name: `${p.firstName} ${p.lastName}`,
      status: PROMENEUR_STATUSES[p.status as keyof typeof PROMENEUR_STATUSES] ?? p.status,
      since: latest.since,
    });
  }
  return { years, before, proposals };
}
