/** Settings kept inside the vault (encrypted with everything else). */
import { fieldErrors } from '../../shared/api/contract';
import { DEFAULT_SETTINGS, settingsValues, type SettingsValues } from '../../shared/api/settings';
import { DomainError } from '../../shared/result';
import { inTransaction, type Db } from '../db/connection';
import type { HandlersOf, RoutesOf } from '../ipc/router';
import { recordAudit } from './audit';

export async function readSettings(db: Db): Promise<SettingsValues> {
  const rows = await db.selectFrom('settings').select(['key', 'value']).execute();
  const stored = Object.fromEntries(rows.map((r) => [r.key, JSON.parse(r.value) as unknown]));
  const parsed = settingsValues.safeParse({ ...DEFAULT_SETTINGS, ...stored });
  return parsed.success ? parsed.data : DEFAULT_SETTINGS;
}

export async function updateSettings(
  db: Db,
  patch: Partial<SettingsValues>,
): Promise<SettingsValues> {
  return inTransaction(db, async (trx) => {
    const before = await readSettings(trx);
    // Each value was checked alone; together they may not hold (31/04 is no date).
    const parsed = settingsValues.safeParse({ ...before, ...patch });
    if (!parsed.success) {
      const fields = fieldErrors(parsed.error);
      throw new DomainError(
        'INVALID_INPUT',
        `Saisie à corriger : ${Object.values(fields)[0] ?? 'réglages invalides.'}`,
        fields,
      );
    }
    const after = parsed.data;
    const changes = (Object.keys(after) as (keyof SettingsValues)[])
      .filter((k) => after[k] !== before[k])
      .map((field) => ({ field, before: before[field], after: after[field] }));
    for (const { field, after: value } of changes) {
      await trx
        .insertInto('settings')
        .values({ key: field, value: JSON.stringify(value) })
        .onConflict((oc) => oc.column('key').doUpdateSet({ value: JSON.stringify(value) }))
        .execute();
    }
    if (changes.length > 0)
      await recordAudit(trx, { entity: 'settings', entityId: 0, action: 'update', changes });
    return after;
  });
}

export const settingsHandlers: HandlersOf<RoutesOf<'settings'>> = {
  'settings.get': (_input, { session }) => readSettings(session.db),
  'settings.update': (input, { session }) => updateSettings(session.db, input),
};
