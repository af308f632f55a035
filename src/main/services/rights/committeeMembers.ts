/**
 * The members of the committees (COPIL, COTECH) as people the vault holds data about: found
 * by name or e-mail, exported with their attendance and the actions naming them, erased with
 * their name taken out of the committees' texts (agendas, minutes, decisions, actions).
 */
import type { PersonFound } from '../../../shared/api/rights';
import {
  ACTION_STATUSES,
  COMMITTEE_AUDIT_IDS,
  COMMITTEE_NAMES,
  COMMITTEES,
  MEETING_ATTENDANCES,
  MEMBER_ROLES,
  ORGANISATION_KINDS,
  SEATS,
  type Committee,
} from '../../../shared/domain/committees';
import type { RichBlock, RichDoc, RichInline } from '../../../shared/domain/richText';
import { DomainError } from '../../../shared/result';
import type { Db } from '../../db/connection';
import { recordAudit } from '../audit';
import { readRichDoc } from '../committees/records';
import { auditSection, journalSection, type Dossier } from './dossier';
import { assertConfirmed, ERASED_NAME, scrubAudit, scrubJournal } from './erase';

const label = (list: Record<string, string>, key: string | null) =>
  key === null ? null : (list[key] ?? key);
const plural = (n: number, one: string, many: string) => `${n} ${n > 1 ? many : one}`;
const escapeRegExp = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
const day = (instant: string) => instant.slice(0, 10);

export const memberNotFound = () =>
  new DomainError('NOT_FOUND', 'Ce membre d’instance n’existe pas ou a déjà été effacé.');

/** The committee members whose name or e-mail matches, with where they appear. */
export async function committeeMemberPeople(
  db: Db,
  matches: (...parts: (string | null)[]) => boolean,
): Promise<PersonFound[]> {
  const members = await db
    .selectFrom('committeeMembers')
    .selectAll()
    .orderBy('name')
    .orderBy('id')
    .execute();
  const found: PersonFound[] = [];
  for (const m of members) {
    if (!matches(m.name, m.email)) continue;
    const { n } = await db
      .selectFrom('meetingAttendance')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .where('memberId', '=', m.id)
      .executeTakeFirstOrThrow();
    const committee = COMMITTEES[m.committee as Committee] ?? m.committee;
    found.push({
      person: { kind: 'committee_member', id: m.id },
      name: m.name,
      details:
        [m.organisation ?? label(ORGANISATION_KINDS, m.organisationKind), m.email]
          .filter(Boolean)
          .join(' · ') || null,
      appearances: [
        `Membre du ${committee} (${label(MEMBER_ROLES, m.role)?.toLowerCase()}, ${label(SEATS, m.seat)?.toLowerCase()})`,
        ...(Number(n) > 0 ? [`Présences à ${plural(Number(n), 'réunion', 'réunions')}`] : []),
      ],
    });
  }
  return found;
}

async function memberRow(db: Db, id: number) {
  const m = await db
    .selectFrom('committeeMembers')
    .selectAll()
    .where('id', '=', id)
    .executeTakeFirst();
  if (!m) throw memberNotFound();
  return m;
}

/** Everything the vault holds about a committee member. */
export async function committeeMemberDossier(db: Db, id: number): Promise<Dossier> {
  const m = await memberRow(db, id);
  const titular =
    m.substituteOf === null
      ? undefined
      : await db
          .selectFrom('committeeMembers')
          .select('name')
          .where('id', '=', m.substituteOf)
          .executeTakeFirst();
  const attendance = await db
    .selectFrom('meetingAttendance as a')
    .innerJoin('events', 'events.id', 'a.eventId')
    .leftJoin('committeeMembers as r', 'r.id', 'a.representedByMemberId')
    .select(['events.title', 'events.start', 'a.attendance', 'r.name as representedBy'])
    .where('a.memberId', '=', id)
    .orderBy('events.start')
    .execute();
  const represented = await db
    .selectFrom('meetingAttendance as a')
    .innerJoin('events', 'events.id', 'a.eventId')
    .innerJoin('committeeMembers as who', 'who.id', 'a.memberId')
    .select(['events.title', 'events.start', 'who.name'])
    .where('a.representedByMemberId', '=', id)
    .orderBy('events.start')
    .execute();
  const needle = m.name.toLocaleLowerCase('fr');
  const actions = (
    await db
      .selectFrom('committeeActions')
      .innerJoin('events', 'events.id', 'committeeActions.eventId')
      .select([
        'events.title',
        'events.start',
        'committeeActions.who',
        'committeeActions.what',
        'committeeActions.dueOn',
        'committeeActions.status',
      ])
      .orderBy('events.start')
      .execute()
  ).filter((a) => `${a.who} ${a.what}`.toLocaleLowerCase('fr').includes(needle));
  const meeting = [
    { key: 'meeting', label: 'Réunion' },
    { key: 'date', label: 'Date', type: 'date' as const },
  ];
  return {
    name: m.name,
    sections: [
      {
        title: 'Fiche de membre',
        columns: [
          { key: 'committee', label: 'Instance' },
          { key: 'name', label: 'Nom' },
          { key: 'organisationKind', label: 'Type d’organisation' },
          { key: 'organisation', label: 'Organisation' },
          { key: 'role', label: 'Rôle' },
          { key: 'seat', label: 'Siège' },
          { key: 'substituteOf', label: 'Suppléant de' },
          { key: 'email', label: 'E-mail' },
          { key: 'phone', label: 'Téléphone' },
          { key: 'memberFrom', label: 'Membre depuis le', type: 'date' },
          { key: 'memberUntil', label: 'Membre jusqu’au', type: 'date' },
          { key: 'createdAt', label: 'Créé le', type: 'date' },
          { key: 'updatedAt', label: 'Modifié le', type: 'date' },
        ],
        rows: [
          {
            committee: COMMITTEE_NAMES[m.committee as Committee] ?? m.committee,
            name: m.name,
            organisationKind: label(ORGANISATION_KINDS, m.organisationKind),
            organisation: m.organisation,
            role: label(MEMBER_ROLES, m.role),
            seat: label(SEATS, m.seat),
            substituteOf: titular?.name ?? null,
            email: m.email,
            phone: m.phone,
            memberFrom: m.memberFrom,
            memberUntil: m.memberUntil,
            createdAt: day(m.createdAt),
            updatedAt: day(m.updatedAt),
          },
        ],
      },
      {
        title: 'Présences aux réunions',
        columns: [
          ...meeting,
          { key: 'attendance', label: 'Présence' },
          { key: 'representedBy', label: 'Représenté par' },
        ],
        rows: attendance.map((a) => ({
          meeting: a.title,
          date: a.start.slice(0, 10),
          attendance: label(MEETING_ATTENDANCES, a.attendance),
          representedBy: a.representedBy,
        })),
      },
      {
        title: 'Représentations d’autres membres',
        columns: [...meeting, { key: 'member', label: 'Membre représenté' }],
        rows: represented.map((r) => ({
          meeting: r.title,
          date: r.start.slice(0, 10),
          member: r.name,
        })),
      },
      {
        title: 'Actions des instances qui le nomment',
        columns: [
          ...meeting,
          { key: 'who', label: 'Qui' },
          { key: 'what', label: 'Quoi' },
          { key: 'dueOn', label: 'Échéance', type: 'date' },
          { key: 'status', label: 'Statut' },
        ],
        rows: actions.map((a) => ({
          meeting: a.title,
          date: a.start.slice(0, 10),
          who: a.who,
          what: a.what,
          dueOn: a.dueOn,
          status: label(ACTION_STATUSES, a.status),
        })),
      },
      await journalSection(db, null, m.name),
      await auditSection(db, [m.name, ...(m.email ? [m.email] : [])], []),
    ],
  };
}

/** The same document with the name replaced in every text node; null when it was not there. */
export function scrubRichDoc(doc: RichDoc, pattern: RegExp): RichDoc | null {
  let changed = false;
  const inline = (nodes: RichInline[] | undefined) =>
    nodes?.map((n) => {
      if (n.type !== 'text') return n;
      const text = n.text.replace(pattern, ERASED_NAME);
      if (text === n.text) return n;
      changed = true;
      return { ...n, text };
    });
  const blocks = (list: RichBlock[]): RichBlock[] =>
    list.map((b) => {
      if (b.type === 'paragraph' || b.type === 'heading')
        return { ...b, content: inline(b.content) };
      return {
        ...b,
        content: b.content.map((item) => ({ ...item, content: blocks(item.content) })),
      };
    });
  const scrubbed = { ...doc, content: blocks(doc.content ?? []) };
  return changed ? scrubbed : null;
}

/** Replaces the name in the committees' texts; returns how many texts changed. */
async function scrubCommitteeTexts(trx: Db, name: string): Promise<number> {
  const pattern = new RegExp(escapeRegExp(name.trim()).replace(/\s+/g, '\\s+'), 'giu');
  const replaced = (text: string | null) => text?.replace(pattern, ERASED_NAME) ?? null;
  let count = 0;
  for (const a of await trx
    .selectFrom('committeeActions')
    .select(['id', 'who', 'what'])
    .execute()) {
    const [who, what] = [replaced(a.who)!, replaced(a.what)!];
    if (who === a.who && what === a.what) continue;
    await trx.updateTable('committeeActions').set({ who, what }).where('id', '=', a.id).execute();
    count += 1;
  }
  for (const d of await trx
    .selectFrom('committeeDecisions')
    .select(['id', 'title', 'text'])
    .execute()) {
    const [title, text] = [replaced(d.title)!, replaced(d.text)];
    if (title === d.title && text === d.text) continue;
    await trx
      .updateTable('committeeDecisions')
      .set({ title, text })
      .where('id', '=', d.id)
      .execute();
    count += 1;
  }
  for (const i of await trx
    .selectFrom('meetingAgendaItems')
    .select(['id', 'title', 'presenter', 'minutes'])
    .execute()) {
    const [title, presenter] = [replaced(i.title)!, replaced(i.presenter)];
    const minutes = scrubRichDoc(readRichDoc(i.minutes), pattern);
    if (title === i.title && presenter === i.presenter && minutes === null) continue;
    await trx
      .updateTable('meetingAgendaItems')
      .set({ title, presenter, ...(minutes ? { minutes: JSON.stringify(minutes) } : {}) })
      .where('id', '=', i.id)
      .execute();
    count += 1;
  }
  for (const r of await trx
    .selectFrom('meetingMinutes')
    .select(['eventId', 'recipients', 'followUpMinutes'])
    .execute()) {
    const recipients = replaced(r.recipients);
    const followUp = scrubRichDoc(readRichDoc(r.followUpMinutes), pattern);
    if (recipients === r.recipients && followUp === null) continue;
    await trx
      .updateTable('meetingMinutes')
      .set({ recipients, ...(followUp ? { followUpMinutes: JSON.stringify(followUp) } : {}) })
      .where('eventId', '=', r.eventId)
      .execute();
    count += 1;
  }
  for (const c of await trx.selectFrom('committees').select(['committee', 'rules']).execute()) {
    const rules = replaced(c.rules)!;
    if (rules === c.rules) continue;
    await trx
      .updateTable('committees')
      .set({ rules })
      .where('committee', '=', c.committee)
      .execute();
    count += 1;
  }
  return count;
}

/**
 * Erases a committee member: their record and attendance go (a substitute's link and a
 * representation naming them are emptied), their name leaves the committees' texts, the
 * journal and the change log.
 */
export async function eraseCommitteeMember(
  trx: Db,
  id: number,
  confirm: string,
): Promise<string[]> {
  const m = await memberRow(trx, id);
  assertConfirmed(m.name, confirm);
  const { n } = await trx
    .selectFrom('meetingAttendance')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .where('memberId', '=', id)
    .executeTakeFirstOrThrow();
  // Attendance goes with the row; substitutes and representations point to no one.
  await trx.deleteFrom('committeeMembers').where('id', '=', id).execute();
  const texts = await scrubCommitteeTexts(trx, m.name);
  const journal = await scrubJournal(trx, m.name);
  await scrubAudit(
    trx,
    [m.name, ...(m.email ? [m.email] : []), ...(m.phone ? [m.phone] : [])],
    null,
  );
  await recordAudit(trx, {
    entity: 'committee',
    entityId: COMMITTEE_AUDIT_IDS[m.committee as Committee],
    action: 'erase',
    subject: 'Effacement d’un membre',
    changes: [
      'name',
      'organisation',
      'email',
      'phone',
      'memberFrom',
      'memberUntil',
      'attendance',
    ].map((field) => ({ field, before: null, after: null })),
  });
  return [
    '1 fiche de membre d’instance',
    plural(Number(n), 'présence à une réunion', 'présences à des réunions'),
    ...(texts > 0
      ? [
          plural(
            texts,
            'texte des instances où le nom est remplacé',
            'textes des instances où le nom est remplacé',
          ),
        ]
      : []),
    ...(journal > 0
      ? [
          plural(
            journal,
            'entrée du journal où le nom est remplacé',
            'entrées du journal où le nom est remplacé',
          ),
        ]
      : []),
  ];
}
