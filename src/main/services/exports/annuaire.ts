/**
 * « Annuaire départemental »: the active Promeneurs du Net as the departmental website shows
 * them. First name, job and structure are always public; last name, e-mail, phone, online
 * profiles and duty slots only when the Promeneur agreed (their `publication` flags). The
 * consent is applied in SQL: a field not agreed to never leaves the database.
 */
import { sql } from 'kysely';
import {
  JOBS,
  PLATFORMS,
  WEEKDAYS,
  type Job,
  type Platform,
} from '../../../shared/domain/directory';
import type { Db } from '../../db/connection';
import { compareText } from '../directory';
import type { Sheet, WorkbookSpec } from './model';

/** The value when the Promeneur agreed to publish `field`, else null. */
const ifPublished = (field: string, column: string) =>
  sql<
    string | null
  >`case when json_extract(promeneurs.publication, ${`$.${field}`}) = 1 then ${sql.ref(column)} end`;

const published = (field: string) =>
  sql<boolean>`json_extract(promeneurs.publication, ${`$.${field}`}) = 1`;

export async function annuaireSheet(db: Db): Promise<Sheet> {
  const people = await db
    .selectFrom('promeneurs')
    .innerJoin('structures', 'structures.id', 'promeneurs.structureId')
    .select([
      'promeneurs.id',
      'promeneurs.firstName',
      ifPublished('lastName', 'promeneurs.lastName').as('lastName'),
      'promeneurs.job',
      'structures.name as structure',
      'structures.commune',
      ifPublished('email', 'promeneurs.email').as('email'),
      ifPublished('phone', 'promeneurs.phone').as('phone'),
    ])
    .where('promeneurs.status', '=', 'actif')
    .where('promeneurs.archivedAt', 'is', null)
    .execute();
  const ids = people.map((p) => p.id);
  const profiles =
    ids.length === 0
      ? []
      : await db
          .selectFrom('promeneurProfiles')
          .innerJoin('promeneurs', 'promeneurs.id', 'promeneurProfiles.promeneurId')
          .select([
            'promeneurProfiles.promeneurId',
            'promeneurProfiles.platform',
            'promeneurProfiles.name',
            'promeneurProfiles.url',
          ])
          .where('promeneurProfiles.promeneurId', 'in', ids)
          .where(published('profiles'))
          .orderBy('promeneurProfiles.position')
          .execute();
  const slots =
    ids.length === 0
      ? []
      : await db
          .selectFrom('dutySlots')
          .innerJoin('promeneurs', 'promeneurs.id', 'dutySlots.promeneurId')
          .select([
            'dutySlots.promeneurId',
            'dutySlots.weekday',
            'dutySlots.start',
            'dutySlots.end',
          ])
          .where('dutySlots.promeneurId', 'in', ids)
          .where(published('dutySlots'))
          .orderBy('dutySlots.weekday')
          .orderBy('dutySlots.start')
          .execute();

  const lines = (items: { promeneurId: number; text: string }[], id: number) =>
    items
      .filter((i) => i.promeneurId === id)
      .map((i) => i.text)
      .join('\n') || null;
  const profileTexts = profiles.map((p) => ({
    promeneurId: p.promeneurId,
    text: `${PLATFORMS[p.platform as Platform] ?? p.platform} : ${p.name}${p.url ? ` (${p.url})` : ''}`,
  }));
  const slotTexts = slots.map((s) => ({
    promeneurId: s.promeneurId,
    text: `${WEEKDAYS[s.weekday as keyof typeof WEEKDAYS]} ${s.start.replace(':', ' h ')} – ${s.end.replace(':', ' h ')}`,
  }));

  const rows = people
    .sort(
      (a, b) =>
        compareText(a.structure, b.structure) ||
        compareText(a.firstName, b.firstName) ||
        compareText(a.lastName, b.lastName),
    )
    .map((p) => [
      p.firstName,
      p.lastName,
      JOBS[p.job as Job] ?? p.job,
      p.structure,
      p.commune,
      p.email,
      p.phone,
      lines(profileTexts, p.id),
      lines(slotTexts, p.id),
    ]);
  return {
    name: 'Annuaire',
    columns: [
      { header: 'Prénom', format: 'text' },
      { header: 'Nom', format: 'text' },
      { header: 'Métier', format: 'text' },
      { header: 'Structure', format: 'text' },
      { header: 'Commune', format: 'text' },
      { header: 'E-mail professionnel', format: 'text' },
      { header: 'Téléphone professionnel', format: 'text' },
      { header: 'Profils en ligne', format: 'text' },
      { header: 'Permanences en ligne', format: 'text' },
    ],
    rows,
    emptyText: 'Aucun Promeneur du Net actif dans l’annuaire.',
  };
}

export async function annuaireSpec(db: Db, created: Date): Promise<WorkbookSpec> {
  return {
    title: 'Annuaire départemental des Promeneurs du Net',
    created,
    sheets: [await annuaireSheet(db)],
  };
}
