/** Finding the people the vault holds data about, and where each appears. */
import type { PersonFound } from '../../../shared/api/rights';
import { JOBS } from '../../../shared/domain/directory';
import { searchKey } from '../../../shared/rules/text';
import type { Db } from '../../db/connection';
import { committeeMemberPeople } from './committeeMembers';

const MAX_RESULTS = 100;
const plural = (n: number, one: string, many: string) => `${n} ${n > 1 ? many : one}`;

export async function findPeople(db: Db, search: string): Promise<PersonFound[]> {
  const words = searchKey(search).split(' ').filter(Boolean);
  const matches = (...parts: (string | null)[]) => {
    const key = searchKey(parts.filter(Boolean).join(' '));
    return words.every((w) => key.includes(w));
  };
  const found: PersonFound[] = [];

  const promeneurs = await db
    .selectFrom('promeneurs')
    .innerJoin('structures', 'structures.id', 'promeneurs.structureId')
    .select([
      'promeneurs.id',
      'promeneurs.firstName',
      'promeneurs.lastName',
      'promeneurs.email',
      'promeneurs.job',
      'promeneurs.archivedAt',
      'structures.name as structureName',
    ])
    .orderBy('promeneurs.lastName')
    .orderBy('promeneurs.firstName')
    .execute();
  const count = async (table: 'eventInvitees' | 'journalLinks' | 'promeneurProfiles', id: number) =>
    Number(
      (
        await db
          .selectFrom(table)
          .select((eb) => eb.fn.countAll<number>().as('n'))
          .where('promeneurId', '=', id)
          .executeTakeFirstOrThrow()
      ).n,
    );
  for (const p of promeneurs) {
    if (!matches(p.firstName, p.lastName, p.email)) continue;
    const appearances = [`Fiche de Promeneur du Net${p.archivedAt ? ' (archivée)' : ''}`];
    const profiles = await count('promeneurProfiles', p.id);
    if (profiles > 0)
      appearances.push(plural(profiles, 'profil professionnel', 'profils professionnels'));
    const invitations = await count('eventInvitees', p.id);
    if (invitations > 0)
      appearances.push(`Invité à ${plural(invitations, 'évènement', 'évènements')}`);
    const links = await count('journalLinks', p.id);
    if (links > 0)
      appearances.push(`Nommé dans ${plural(links, 'entrée', 'entrées')} du journal d’activité`);
    found.push({
      person: { kind: 'promeneur', id: p.id },
      name: `${p.firstName} ${p.lastName}`,
      details: [JOBS[p.job as keyof typeof JOBS] ?? p.job, p.structureName, p.email]
        .filter(Boolean)
        .join(' · '),
      appearances,
    });
  }

  const guests = await db
    .selectFrom('eventInvitees')
    .innerJoin('events', 'events.id', 'eventInvitees.eventId')
    .leftJoin('structures', 'structures.id', 'eventInvitees.structureId')
    .select([
      'eventInvitees.name',
      'eventInvitees.email',
      'eventInvitees.organisation',
      'structures.name as structureName',
      'events.title',
    ])
    .where('eventInvitees.kind', 'in', ['structure', 'invite'])
    .where('eventInvitees.name', 'is not', null)
    .execute();
  const groups = new Map<
    string,
    { name: string; email: string | null; orgs: Set<string>; events: Set<string>; n: number }
  >();
  for (const g of guests) {
    const name = g.name!;
    const key = `${searchKey(name)}|${(g.email ?? '').toLowerCase()}`;
    const group = groups.get(key) ?? {
      name,
      email: g.email,
      orgs: new Set(),
      events: new Set(),
      n: 0,
    };
    const org = g.structureName ?? g.organisation;
    if (org) group.orgs.add(org);
    group.events.add(g.title);
    group.n += 1;
    groups.set(key, group);
  }
  for (const g of [...groups.values()].sort((a, b) => a.name.localeCompare(b.name, 'fr'))) {
    if (!matches(g.name, g.email)) continue;
    found.push({
      person: { kind: 'guest', name: g.name, email: g.email },
      name: g.name,
      details: [[...g.orgs].join(', '), g.email].filter(Boolean).join(' · ') || null,
      appearances: [
        `Invité à ${plural(g.n, 'évènement', 'évènements')} : ${[...g.events].slice(0, 3).join(', ')}${g.events.size > 3 ? '…' : ''}`,
      ],
    });
  }

  const structures = await db
    .selectFrom('structures')
    .select(['name', 'representativeName', 'charterSignatory'])
    .orderBy('name')
    .execute();
  const contacts = new Map<string, { name: string; roles: string[] }>();
  for (const s of structures) {
    for (const [who, role] of [
      [s.representativeName, 'Représentant légal'],
      [s.charterSignatory, 'Signataire de la charte'],
    ] as const) {
      if (!who?.trim()) continue;
      const key = searchKey(who);
      const contact = contacts.get(key) ?? { name: who.trim(), roles: [] };
      contact.roles.push(`${role} de ${s.name}`);
      contacts.set(key, contact);
    }
  }
  for (const c of [...contacts.values()].sort((a, b) => a.name.localeCompare(b.name, 'fr'))) {
    if (!matches(c.name)) continue;
    found.push({
      person: { kind: 'contact', name: c.name },
      name: c.name,
      details: null,
      appearances: c.roles,
    });
  }
  found.push(...(await committeeMemberPeople(db, matches)));
  return found.slice(0, MAX_RESULTS);
}
