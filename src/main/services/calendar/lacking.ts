/**
 * Who still lacks a training: the active Promeneurs never present at a held session of a
 * training with the same title (accents and case aside).
 */
import type { CalendarEvent } from '../../../shared/api/calendar';
import { searchKey } from '../../../shared/rules/text';
import type { Db } from '../../db/connection';
import { compareText } from '../directory';
import type { EventRow } from './records';

export async function stillLacking(
  db: Db,
  event: EventRow,
  today: string,
): Promise<CalendarEvent['stillLacking']> {
  if (event.type !== 'formation') return [];
  const title = searchKey(event.title);
  const sessions = (
    await db
      .selectFrom('events')
      .select(['id', 'title', 'start', 'status'])
      .where('type', '=', 'formation')
      .where('status', '!=', 'annule')
      .execute()
  )
    .filter((s) => s.status === 'tenu' || s.start.slice(0, 10) < today)
    .filter((s) => searchKey(s.title) === title)
    .map((s) => s.id);
  const trained = new Set(
    sessions.length === 0
      ? []
      : (
          await db
            .selectFrom('eventInvitees')
            .select('promeneurId')
            .where('eventId', 'in', sessions)
            .where('attendance', '=', 'present')
            .where('promeneurId', 'is not', null)
            .execute()
        ).map((r) => r.promeneurId),
  );
  const active = await db
    .selectFrom('promeneurs')
    .innerJoin('structures', 'structures.id', 'promeneurs.structureId')
    .select([
      'promeneurs.id',
      'promeneurs.firstName',
      'promeneurs.lastName',
      'structures.name as structureName',
    ])
    .where('promeneurs.status', '=', 'actif')
    .where('promeneurs.archivedAt', 'is', null)
    .execute();
  return active
    .filter((p) => !trained.has(p.id))
    .sort(
      (a, b) =>
        compareText(a.lastName, b.lastName) || compareText(a.firstName, b.firstName) || a.id - b.id,
    );
}
