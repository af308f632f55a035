/**
 * The two lists the coordinator edits in the settings: the channels of online intervention
 * and the themes of the young people's requests. Figures point at a value's id, so renaming
 * keeps them; a value some figure uses cannot be removed.
 */
import type { ActivityListValue } from '../../../shared/api/activity';
import {
  ACTIVITY_LIST_ITEM,
  ACTIVITY_LISTS,
  type ActivityList,
} from '../../../shared/domain/activity';
import { DomainError } from '../../../shared/result';
import { inTransaction, type Db } from '../../db/connection';
import { recordAudit } from '../audit';
import { LISTS_AUDIT_ID } from './labels';

/** The tables behind each list: the values, and the counts that use them. */
export const LIST_TABLES = {
  channels: { values: 'activityChannels', counts: 'activityReportChannels', column: 'channelId' },
  themes: { values: 'activityThemes', counts: 'activityReportThemes', column: 'themeId' },
} as const;

const fold = (s: string) =>
  s
    .normalize('NFD')
    .replace(/\p{Diacritic}/gu, '')
    .trim()
    .replace(/\s+/g, ' ')
    .toLowerCase();

/** One list's values in order (id, label, position). */
export async function listEntries(db: Db, list: ActivityList) {
  return db
    .selectFrom(LIST_TABLES[list].values)
    .select(['id', 'label', 'position'])
    .orderBy('position')
    .orderBy('id')
    .execute();
}

/**
 * One list's values in order, each with how many reports use it (for the settings, which
 * refuse to remove a value in use: it counts every report's rows).
 */
export async function listValues(db: Db, list: ActivityList): Promise<ActivityListValue[]> {
  const t = LIST_TABLES[list];
  const rows = await listEntries(db, list);
  const uses = await db
    .selectFrom(t.counts)
    .select([`${t.column} as valueId`, (eb) => eb.fn.countAll<number>().as('n')])
    .groupBy(t.column)
    .execute();
  const byId = new Map(uses.map((u) => [u.valueId as number, Number(u.n)]));
  return rows.map((r) => ({ ...r, uses: byId.get(r.id) ?? 0 }));
}

export async function allLists(db: Db) {
  return { channels: await listValues(db, 'channels'), themes: await listValues(db, 'themes') };
}

const refuseLabel = (message: string) =>
  new DomainError('INVALID_INPUT', `Saisie à corriger : ${message}`, { label: message });

const notFound = (list: ActivityList) =>
  new DomainError(
    'NOT_FOUND',
    `Cette valeur de la liste « ${ACTIVITY_LISTS[list]} » n’existe pas ou a été supprimée.`,
  );

async function assertUniqueLabel(db: Db, list: ActivityList, label: string, except?: number) {
  const twin = (await listValues(db, list)).find(
    (v) => v.id !== except && fold(v.label) === fold(label),
  );
  if (twin)
    throw refuseLabel(`« ${twin.label} » est déjà dans la liste « ${ACTIVITY_LISTS[list]} ».`);
}

async function findValue(db: Db, list: ActivityList, id: number) {
  const row = await db
    .selectFrom(LIST_TABLES[list].values)
    .select(['id', 'label', 'position'])
    .where('id', '=', id)
    .executeTakeFirst();
  if (!row) throw notFound(list);
  return row;
}

const subjectOf = (list: ActivityList, label: string) => `${ACTIVITY_LISTS[list]} : ${label}`;

export function createListValue(db: Db, list: ActivityList, label: string) {
  return inTransaction(db, async (trx) => {
    await assertUniqueLabel(trx, list, label);
    const values = await listValues(trx, list);
    const position = values.reduce((max, v) => Math.max(max, v.position), -1) + 1;
    const { id } = await trx
      .insertInto(LIST_TABLES[list].values)
      .values({ label, position })
      .returning('id')
      .executeTakeFirstOrThrow();
    await recordAudit(trx, {
      entity: 'activity',
      entityId: LISTS_AUDIT_ID,
      action: 'create',
      subject: subjectOf(list, label),
      changes: [{ field: 'label', before: null, after: label }],
    });
    return { id };
  });
}

export function renameListValue(db: Db, list: ActivityList, id: number, label: string) {
  return inTransaction(db, async (trx) => {
    const before = await findValue(trx, list, id);
    if (before.label === label) return { id };
    await assertUniqueLabel(trx, list, label, id);
    await trx.updateTable(LIST_TABLES[list].values).set({ label }).where('id', '=', id).execute();
    await recordAudit(trx, {
      entity: 'activity',
      entityId: LISTS_AUDIT_ID,
      action: 'update',
      subject: subjectOf(list, label),
      changes: [{ field: 'label', before: before.label, after: label }],
    });
    return { id };
  });
}

export function reorderList(db: Db, list: ActivityList, ids: number[]) {
  return inTransaction(db, async (trx) => {
    const values = await listValues(trx, list);
    const known = new Set(values.map((v) => v.id));
    if (
      ids.length !== values.length ||
      new Set(ids).size !== ids.length ||
      ids.some((i) => !known.has(i))
    )
      throw new DomainError(
        'INVALID_INPUT',
        'Saisie à corriger : la liste a changé entre-temps. Rechargez la page et recommencez.',
        { ids: 'La liste a changé entre-temps.' },
      );
    const before = values.map((v) => v.label);
    const labelOf = new Map(values.map((v) => [v.id, v.label]));
    const after = ids.map((i) => labelOf.get(i)!);
    if (before.join('\n') === after.join('\n')) return { ids };
    for (const [position, id] of ids.entries())
      await trx
        .updateTable(LIST_TABLES[list].values)
        .set({ position })
        .where('id', '=', id)
        .execute();
    await recordAudit(trx, {
      entity: 'activity',
      entityId: LISTS_AUDIT_ID,
      action: 'update',
      subject: ACTIVITY_LISTS[list],
      changes: [{ field: 'order', before, after }],
    });
    return { ids };
  });
}

export function removeListValue(db: Db, list: ActivityList, id: number) {
  return inTransaction(db, async (trx) => {
    const value = (await listValues(trx, list)).find((v) => v.id === id);
    if (!value) throw notFound(list);
    if (value.uses > 0)
      throw new DomainError(
        'CONFLICT',
        `Impossible de retirer ${ACTIVITY_LIST_ITEM[list].the} « ${value.label} » : ${value.uses > 1 ? `${value.uses} bilans d’activité l’utilisent` : 'un bilan d’activité l’utilise'}. Les chiffres déjà reçus en dépendent ; renommez-le plutôt si son nom ne convient plus.`,
      );
    await trx.deleteFrom(LIST_TABLES[list].values).where('id', '=', id).execute();
    await recordAudit(trx, {
      entity: 'activity',
      entityId: LISTS_AUDIT_ID,
      action: 'delete',
      subject: subjectOf(list, value.label),
      changes: [{ field: 'label', before: value.label, after: null }],
    });
    return { id };
  });
}
