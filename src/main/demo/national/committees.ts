/**
 * The committees over ten years: COPIL and COTECH members (titular members with
 * substitutes, mandates that ended), and their meetings — calendar events of type copil or
 * cotech — each with an agenda whose items carry minutes, members' attendance, minutes
 * approved at the next meeting and circulated, numbered decisions (COPIL) and actions, the
 * older done, the recent still open. The next few meetings are planned.
 */
import type { Committee, DecisionType, MeetingAttendance } from '../../../shared/domain/committees';
import type { RichDoc } from '../../../shared/domain/richText';
import { searchKeyOf } from '../../../shared/rules/text';
import {
  addDays,
  dayBetween,
  inserter,
  instantOn,
  weekday,
  weighted,
  yearOf,
  type Gen,
} from './context';
import { eventWriter, nationUid } from './calendar';
import type { NationDirectory } from './directory';
import { FIRST_NAMES, LAST_NAMES, slug } from './names';

const ORGANISATIONS = [
  ['caf', 'CAF (fictive)'],
  ['msa', 'MSA (fictive)'],
  ['conseil_departemental', 'Conseil départemental (fictif)'],
  ['etat_jeunesse', 'SDJES (fictif)'],
  ['epci', 'Communauté de communes (fictive)'],
  ['federation', 'Fédération des centres sociaux (fictive)'],
  ['structure', 'Structure du réseau'],
  ['promeneur', 'Promeneurs du Net'],
] as const;

const AGENDA = [
  'Bilan de l’activité du réseau',
  'Conventions à renouveler',
  'Plan de formation de l’année',
  'Candidatures à l’appel à projets',
  'Communication et promotion du dispositif',
  'Budget et financements',
  'Questions diverses',
];

const minutesOf = (title: string, decided: string): RichDoc => ({
  type: 'doc',
  content: [
    {
      type: 'paragraph',
      content: [
        {
          type: 'text',
          text: `${title} : présentation par la coordination, échanges entre les membres.`,
        },
      ],
    },
    {
      type: 'bulletList',
      content: [
        {
          type: 'listItem',
          content: [
            {
              type: 'paragraph',
              content: [
                { type: 'text', text: 'Les chiffres de la période sont présentés et commentés.' },
              ],
            },
          ],
        },
        {
          type: 'listItem',
          content: [
            {
              type: 'paragraph',
              content: [{ type: 'text', text: decided, marks: [{ type: 'bold' }] }],
            },
          ],
        },
      ],
    },
  ],
});

interface Member {
  id: number;
  committee: Committee;
  from: string;
  until: string | null;
  substituteOf: number | null;
}

function seedMembers(gen: Gen): Member[] {
  const { random, conn, historyStart, today } = gen;
  const insert = inserter(conn, 'committee_members', [
    'committee',
    'name',
    'organisation_kind',
    'organisation',
    'role',
    'seat',
    'substitute_of',
    'email',
    'phone',
    'member_from',
    'member_until',
    'created_at',
    'updated_at',
  ]);
  const out: Member[] = [];
  for (const committee of ['copil', 'cotech'] as const) {
    for (let k = 0; k < gen.size.committeeMembers; k++) {
      const [kind, organisation] = ORGANISATIONS[k % ORGANISATIONS.length]!;
      const name = `${random.pick(FIRST_NAMES)} ${random.pick(LAST_NAMES)}`;
      // Mandates of a few years: the seats turn over during the history.
      const from = dayBetween(random, addDays(historyStart, -365), addDays(today, -200));
      const until = random.chance(0.4)
        ? dayBetween(random, addDays(from, 365), addDays(today, -1))
        : null;
      const titular = [...out]
        .reverse()
        .find((m) => m.committee === committee && m.substituteOf === null);
      const substitute = k > 4 && titular !== undefined && random.chance(0.3);
      const id = insert(
        committee,
        name,
        kind,
        organisation,
        k === 0 ? 'president' : 'membre',
        substitute ? 'suppleant' : 'titulaire',
        substitute ? titular.id : null,
        `${slug(name)}@partenaire.example`,
        null,
        from,
        until,
        instantOn(from),
        instantOn(until ?? from),
      );
      out.push({ id, committee, from, until, substituteOf: substitute ? titular.id : null });
    }
  }
  return out;
}

export function seedCommittees(gen: Gen, directory: NationDirectory, seed: number): number {
  const { random, conn, historyStart, today } = gen;
  const members = seedMembers(gen);
  const event = eventWriter(gen);
  const item = inserter(conn, 'meeting_agenda_items', [
    'event_id',
    'position',
    'title',
    'presenter',
    'duration_minutes',
    'minutes',
    'created_at',
    'updated_at',
  ]);
  const attendance = inserter(conn, 'meeting_attendance', [
    'event_id',
    'member_id',
    'attendance',
    'represented_by_member_id',
  ]);
  const minutes = inserter(conn, 'meeting_minutes', [
    'event_id',
    'status',
    'approved_on',
    'approved_at_event_id',
    'circulated_on',
    'recipients',
    'follow_up_minutes',
    'updated_at',
  ]);
  const decision = inserter(conn, 'committee_decisions', [
    'event_id',
    'committee',
    'year',
    'number',
    'type',
    'title',
    'text',
    'structure_id',
    'promeneur_id',
    'convention_id',
    'created_at',
    'updated_at',
  ]);
  const action = inserter(conn, 'committee_actions', [
    'event_id',
    'who',
    'what',
    'due_on',
    'status',
    'done_on',
    'created_at',
    'updated_at',
  ]);
  const approve = conn.prepare(
    "update meeting_minutes set status = 'diffuse', approved_on = ?, approved_at_event_id = ?, circulated_on = ?, recipients = ? where event_id = ?",
  );
  const selected = directory.structures.filter((s) => s.joinedOn !== null);

  const days = Array.from({ length: gen.size.meetings }, () => ({
    day: weekday(dayBetween(random, historyStart, addDays(today, 90))),
    committee: (random.chance(0.4) ? 'copil' : 'cotech') as Committee,
  })).sort((a, b) => a.day.localeCompare(b.day));

  const numbers = new Map<string, number>();
  const previous = new Map<Committee, { id: number; day: string }>();
  for (const [n, { day, committee }] of days.entries()) {
    const held = day < today;
    const label = committee === 'copil' ? 'COPIL' : 'COTECH';
    const title = `${label} du réseau national`;
    const place = 'Salle du conseil, siège de la CAF (fictive)';
    const id = event(
      committee,
      title,
      `${day}T14:00`,
      `${day}T16:30`,
      place,
      null,
      null,
      held ? 'tenu' : 'prevu',
      null,
      nationUid(seed, `reunion-${n}`),
      0,
      searchKeyOf([title, place]),
      instantOn(addDays(day, -45)),
      instantOn(day, 1080),
    );
    const agenda = random.sample(AGENDA, random.int(3, 5));
    agenda.forEach((t, position) =>
      item(
        id,
        position,
        t,
        'La coordination',
        random.pick([15, 20, 30, 45]),
        JSON.stringify(held ? minutesOf(t, 'Le comité prend acte.') : { type: 'doc', content: [] }),
        instantOn(addDays(day, -30)),
        instantOn(held ? day : addDays(day, -30)),
      ),
    );
    // The previous meeting's minutes are approved at this one, and circulated the week after.
    const before = previous.get(committee);
    if (held && before) approve.run(day, id, addDays(day, 7), 'Membres du comité', before.id);
    if (!held) continue;
    minutes(
      id,
      'brouillon',
      null,
      null,
      null,
      null,
      JSON.stringify({ type: 'doc', content: [] }),
      instantOn(addDays(day, 3)),
    );
    previous.set(committee, { id, day });
    const inOffice = members.filter(
      (m) => m.committee === committee && m.from <= day && (m.until === null || m.until >= day),
    );
    for (const m of inOffice)
      attendance(
        id,
        m.id,
        weighted<MeetingAttendance>(random, { present: 70, excuse: 18, absent: 12 }),
        null,
      );

    if (committee === 'copil') {
      const year = yearOf(day);
      for (let d = random.int(1, 3); d > 0; d--) {
        const key = `${committee}:${year}`;
        const number = (numbers.get(key) ?? 0) + 1;
        numbers.set(key, number);
        const type = weighted<DecisionType>(random, {
          budget_valide: 3,
          feuille_de_route: 2,
          structure_retenue: 3,
          autre: 2,
        });
        const structure = type === 'structure_retenue' ? random.pick(selected) : null;
        decision(
          id,
          committee,
          year,
          number,
          type,
          structure
            ? `Candidature retenue : ${structure.name}`
            : type === 'budget_valide'
              ? `Budget ${year} validé`
              : type === 'feuille_de_route'
                ? `Feuille de route ${year}`
                : 'Calendrier des rencontres',
          null,
          structure?.id ?? null,
          null,
          null,
          instantOn(day, 1000),
          instantOn(day, 1000),
        );
      }
    }
    for (let a = random.int(1, 2); a > 0; a--) {
      const due = addDays(day, random.int(30, 120));
      const open = due > addDays(today, -60);
      const status = open
        ? random.pick(['a_faire', 'en_cours'])
        : random.chance(0.9)
          ? 'faite'
          : 'abandonnee';
      action(
        id,
        'La coordination',
        random.pick([
          'Envoyer le compte rendu aux structures',
          'Préparer le bilan annuel',
          'Relancer les pièces manquantes',
          'Organiser la prochaine formation',
        ]),
        due,
        status,
        status === 'faite' ? addDays(due, -random.int(0, 20)) : null,
        instantOn(day, 1000),
        instantOn(status === 'faite' ? addDays(due, -1) : day, 1000),
      );
    }
  }
  return days.length;
}
