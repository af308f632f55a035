/**
 * A committee's written rules, its quorum and its members: organisation, role, titular or
 * substitute (linked to the titular member), dates of membership.
 */
import type { Selectable } from 'kysely';
import type { Member, MemberFields } from '../../../shared/api/committees';
import type {
  Committee,
  MemberRole,
  OrganisationKind,
  Seat,
} from '../../../shared/domain/committees';
import { diffRecords } from '../../../shared/rules/diff';
import { DomainError } from '../../../shared/result';
import { inTransaction, type Db } from '../../db/connection';
import type { CommitteeMembersTable } from '../../db/schema';
import { compareText } from '../directory';
import { auditCommittee, refuse, touchedNow } from './records';

type Row = Selectable<CommitteeMembersTable>;

const RECORDED = [
  'name',
  'organisationKind',
  'organisation',
  'role',
  'seat',
  'substituteOf',
  'email',
  'phone',
  'memberFrom',
  'memberUntil',
] as const satisfies (keyof MemberFields)[];

const ROLE_ORDER: Record<MemberRole, number> = { president: 0, membre: 1, invite: 2 };

export const noMember = () =>
  new DomainError('NOT_FOUND', 'Ce membre n’existe pas ou a été supprimé.');

export function fieldsOfMember(row: Row): MemberFields {
  return {
    name: row.name,
    organisationKind: row.organisationKind as OrganisationKind,
    organisation: row.organisation,
    role: row.role as MemberRole,
    seat: row.seat as Seat,
    substituteOf: row.substituteOf,
    email: row.email,
    phone: row.phone,
    memberFrom: row.memberFrom,
    memberUntil: row.memberUntil,
  };
}

export async function findMember(db: Db, id: number): Promise<Row> {
  const row = await db
    .selectFrom('committeeMembers')
    .selectAll()
    .where('id', '=', id)
    .executeTakeFirst();
  if (!row) throw noMember();
  return row;
}

/**
 * Members as the screens list them: chair first, then members, then guests; a substitute
 * right after their titular member; by name within each group.
 */
export function sortMembers(rows: Row[]): Member[] {
  const byId = new Map(rows.map((r) => [r.id, r]));
  const anchor = (r: Row) => (r.substituteOf !== null ? (byId.get(r.substituteOf) ?? r) : r);
  return [...rows]
    .sort((a, b) => {
      const ta = anchor(a);
      const tb = anchor(b);
      return (
        ROLE_ORDER[ta.role as MemberRole] - ROLE_ORDER[tb.role as MemberRole] ||
        compareText(ta.name, tb.name) ||
        ta.id - tb.id ||
        (a.substituteOf === null ? 0 : 1) - (b.substituteOf === null ? 0 : 1) ||
        compareText(a.name, b.name)
      );
    })
    .map((r) => ({
      id: r.id,
      committee: r.committee as Committee,
      ...fieldsOfMember(r),
      substituteOfName: r.substituteOf !== null ? (byId.get(r.substituteOf)?.name ?? null) : null,
    }));
}

export async function membersOf(db: Db, committee: Committee): Promise<Member[]> {
  const rows = await db
    .selectFrom('committeeMembers')
    .selectAll()
    .where('committee', '=', committee)
    .execute();
  return sortMembers(rows);
}

export async function getCommittee(db: Db, committee: Committee) {
  const row = await db
    .selectFrom('committees')
    .select(['rules', 'quorum'])
    .where('committee', '=', committee)
    .executeTakeFirstOrThrow();
  return {
    committee,
    rules: row.rules,
    quorum: row.quorum,
    members: await membersOf(db, committee),
  };
}

export function updateRules(
  db: Db,
  input: { committee: Committee; rules: string; quorum: number | null },
): Promise<{ committee: Committee }> {
  return inTransaction(db, async (trx) => {
    const before = await trx
      .selectFrom('committees')
      .select(['rules', 'quorum'])
      .where('committee', '=', input.committee)
      .executeTakeFirstOrThrow();
    const changes = diffRecords(before, { rules: input.rules, quorum: input.quorum }, [
      'rules',
      'quorum',
    ]);
    if (changes.length === 0) return { committee: input.committee };
    await trx
      .updateTable('committees')
      .set({ rules: input.rules, quorum: input.quorum, updatedAt: touchedNow() })
      .where('committee', '=', input.committee)
      .execute();
    await auditCommittee(trx, input.committee, 'update', 'Règlement et quorum', changes);
    return { committee: input.committee };
  });
}

/** A substitute stands in for a titular member of the same committee, other than themself. */
async function assertSubstituteOf(
  db: Db,
  committee: string,
  fields: MemberFields,
  selfId: number | null,
): Promise<void> {
  if (fields.substituteOf === null) return;
  const message = 'Choisissez un titulaire de la même instance.';
  if (fields.substituteOf === selfId) throw refuse('fields.substituteOf', message);
  const titular = await db
    .selectFrom('committeeMembers')
    .select(['committee', 'seat'])
    .where('id', '=', fields.substituteOf)
    .executeTakeFirst();
  if (!titular || titular.committee !== committee || titular.seat !== 'titulaire')
    throw refuse('fields.substituteOf', message);
}

const memberSubject = (name: string) => `Membre : ${name}`;

export function createMember(
  db: Db,
  committee: Committee,
  fields: MemberFields,
): Promise<{ id: number }> {
  return inTransaction(db, async (trx) => {
    await assertSubstituteOf(trx, committee, fields, null);
    const now = touchedNow();
    const { id } = await trx
      .insertInto('committeeMembers')
      .values({ committee, ...fields, createdAt: now, updatedAt: now })
      .returning('id')
      .executeTakeFirstOrThrow();
    await auditCommittee(
      trx,
      committee,
      'create',
      memberSubject(fields.name),
      diffRecords(null, fields, RECORDED),
    );
    return { id };
  });
}

export function updateMember(db: Db, id: number, fields: MemberFields): Promise<{ id: number }> {
  return inTransaction(db, async (trx) => {
    const row = await findMember(trx, id);
    const changes = diffRecords(fieldsOfMember(row), fields, RECORDED);
    if (changes.length === 0) return { id };
    await assertSubstituteOf(trx, row.committee, fields, id);
    if (fields.seat !== 'titulaire') {
      const { n } = await trx
        .selectFrom('committeeMembers')
        .select((eb) => eb.fn.countAll<number>().as('n'))
        .where('substituteOf', '=', id)
        .executeTakeFirstOrThrow();
      if (n > 0)
        throw refuse(
          'fields.seat',
          'Ce membre a un suppléant : il reste titulaire tant que le suppléant lui est rattaché.',
        );
    }
    await trx
      .updateTable('committeeMembers')
      .set({ ...fields, updatedAt: touchedNow() })
      .where('id', '=', id)
      .execute();
    await auditCommittee(
      trx,
      row.committee as Committee,
      'update',
      memberSubject(fields.name),
      changes,
    );
    return { id };
  });
}

/**
 * Removes a member entered by mistake. A member with recorded attendance stays, for the
 * minutes: their mandate is ended with a date instead.
 */
export function removeMember(db: Db, id: number): Promise<{ id: number }> {
  return inTransaction(db, async (trx) => {
    const row = await findMember(trx, id);
    const { n } = await trx
      .selectFrom('meetingAttendance')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .where((eb) => eb.or([eb('memberId', '=', id), eb('representedByMemberId', '=', id)]))
      .executeTakeFirstOrThrow();
    if (n > 0)
      throw new DomainError(
        'CONFLICT',
        'Ce membre figure dans les présences d’une réunion : indiquez plutôt la fin de son mandat, pour que les comptes rendus restent complets.',
      );
    const substitutes = await trx
      .selectFrom('committeeMembers')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .where('substituteOf', '=', id)
      .executeTakeFirstOrThrow();
    if (substitutes.n > 0)
      throw new DomainError(
        'CONFLICT',
        'Ce membre a un suppléant : rattachez le suppléant à un autre titulaire ou supprimez-le d’abord.',
      );
    await trx.deleteFrom('committeeMembers').where('id', '=', id).execute();
    await auditCommittee(
      trx,
      row.committee as Committee,
      'delete',
      memberSubject(row.name),
      diffRecords(fieldsOfMember(row), null, RECORDED),
    );
    return { id };
  });
}
