/**
 * The demo department's network calendar over the two years before `today` and the months
 * after: departmental meetings, COPIL and COTECH (one COTECH short of this year's target, so
 * the cadence warning shows), trainings (one session cancelled), a monthly analysis of
 * practice as a series, individual reviews, a launch, a departmental day, a promotion forum.
 * Past events were held with their attendance, but for one series date left to record.
 * Built through the services, like real use; the same seed and day give the same calendar.
 */
import { eventFields, type EventFieldsInput } from '../../shared/api/calendar';
import type { Attendance, EventType, Repeat } from '../../shared/domain/calendar';
import { frenchHolidays } from '../../shared/rules/calendar';
import { addDays } from '../../shared/rules/conventions';
import { addMonths } from '../../shared/rules/dates';
import type { Db } from '../db/connection';
import {
  createEvent,
  getEvent,
  invite,
  recordAttendance,
  setEventStatus,
} from '../services/calendar';
import type { Random } from './random';

/** Partners met at the committees and meetings: invented people, `.example` addresses. */
const GUESTS = {
  caf: {
    name: 'Agnès Postulat',
    organisation: 'CAF de Val-de-Balise',
    email: 'agnes.postulat@caf-val-de-balise.example',
  },
  msa: {
    name: 'Laurent Présomption',
    organisation: 'MSA de Val-de-Balise',
    email: 'laurent.presomption@msa-val-de-balise.example',
  },
  departement: {
    name: 'Sophie Vraisemblance',
    organisation: 'Conseil départemental de Val-de-Balise',
    email: 's.vraisemblance@val-de-balise.example',
  },
  education: {
    name: 'Marc Corollaire',
    organisation: 'Services départementaux de l’Éducation nationale',
    email: 'marc.corollaire@education-val-de-balise.example',
  },
  jeunesse: {
    name: 'Julie Axiome',
    organisation: 'Service départemental à la jeunesse et à l’engagement',
    email: 'julie.axiome@sdje-val-de-balise.example',
  },
  mda: {
    name: 'Claire Oxymore',
    organisation: 'Maison des adolescents de Val-de-Balise',
    email: 'c.oxymore@mda-val-de-balise.example',
  },
  trainer: {
    name: 'Thomas Hypallage',
    organisation: 'Atelier numérique fictif (formateur)',
    email: 'thomas.hypallage@atelier-numerique.example',
  },
} as const;
type Guest = (typeof GUESTS)[keyof typeof GUESTS];

const MAIN_HALL = 'Maison des associations, 3 rue de l’Exemple, Balise-la-Ville';
const CAF_ROOM = 'CAF de Val-de-Balise, salle du conseil';

const TRAININGS = {
  posture: 'Posture professionnelle et charte',
  reseaux: 'Réseaux sociaux : paramétrages et outils',
  image: 'Droit à l’image et protection de l’enfance',
} as const;

// ---- dates ----------------------------------------------------------------------------

const weekdayOf = (iso: string) => new Date(`${iso}T00:00:00Z`).getUTCDay();
const yearOf = (iso: string) => Number(iso.slice(0, 4));

/** The first `weekday` (0 = Sunday) from `iso` on that is not a public holiday. */
function workingDay(iso: string, weekday: number): string {
  let day = addDays(iso, (weekday - weekdayOf(iso) + 7) % 7);
  const holidays = new Set([
    ...frenchHolidays(yearOf(day)).map((h) => h.date),
    ...frenchHolidays(yearOf(day) + 1).map((h) => h.date),
  ]);
  while (holidays.has(day)) day = addDays(day, 7);
  return day;
}

/** The nth `weekday` of a month (1-based), a week later on a public holiday. */
const nthWeekday = (year: number, month: number, weekday: number, n: number) =>
  workingDay(addDays(`${year}-${String(month).padStart(2, '0')}-01`, 7 * (n - 1)), weekday);

/** The demo's COPIL days of a year: the third Tuesday of June, the first of December. */
export const copilDays = (year: number): [june: string, december: string] => [
  nthWeekday(year, 6, 2, 3),
  nthWeekday(year, 12, 2, 1),
];

const span = (day: string, from: string, to: string) => ({
  start: `${day}T${from}`,
  end: `${day}T${to}`,
});

// ---- people -----------------------------------------------------------------------------

interface DemoPromeneur {
  id: number;
  structureId: number;
  name: string;
  status: string;
  archived: boolean;
  /** Status changes, oldest first. */
  history: { status: string; since: string }[];
}

interface Team {
  structureId: number;
  name: string;
  email: string | null;
}

async function loadPeople(db: Db): Promise<{ promeneurs: DemoPromeneur[]; teams: Team[] }> {
  const rows = await db
    .selectFrom('promeneurs')
    .select(['id', 'structureId', 'firstName', 'lastName', 'status', 'archivedAt'])
    .orderBy('id')
    .execute();
  const history = await db
    .selectFrom('statusHistory')
    .select(['entityId', 'status', 'since'])
    .where('entity', '=', 'promeneur')
    .orderBy('since')
    .orderBy('id')
    .execute();
  const promeneurs = rows.map((r) => ({
    id: r.id,
    structureId: r.structureId,
    name: `${r.firstName} ${r.lastName}`,
    status: r.status,
    archived: r.archivedAt !== null,
    history: history.filter((h) => h.entityId === r.id),
  }));
  const teams = (
    await db
      .selectFrom('structures')
      .select(['id', 'representativeName', 'email'])
      .where('networkStatus', '=', 'dans_le_reseau')
      .orderBy('id')
      .execute()
  )
    .filter((s) => s.representativeName !== null)
    .map((s) => ({ structureId: s.id, name: s.representativeName!, email: s.email }));
  return { promeneurs, teams };
}

/** Was the Promeneur active on that day, by their status history? */
function activeOn(p: DemoPromeneur, day: string): boolean {
  const last = p.history.filter((h) => h.since <= day).at(-1);
  return last?.status === 'actif';
}

// ---- the calendar ------------------------------------------------------------------------

interface Planned {
  type: EventType;
  title: string;
  start: string;
  end: string;
  place?: string | null;
  videoUrl?: string | null;
  description?: string | null;
  repeat?: Repeat;
  until?: string;
}

interface Invitations {
  promeneurIds?: number[];
  staff?: Team[];
  guests?: Guest[];
}

export async function seedCalendar(db: Db, random: Random, today: string): Promise<void> {
  const hex = (n: number) =>
    Array.from({ length: n }, () => random.int(0, 15).toString(16)).join('');
  const newUid = () => `${hex(8)}-${hex(4)}-4${hex(3)}-${hex(4)}-${hex(12)}@balise`;
  const { promeneurs, teams } = await loadPeople(db);
  const activeAt = (day: string) => promeneurs.filter((p) => activeOn(p, day));
  const activeNow = promeneurs.filter((p) => p.status === 'actif' && !p.archived);
  /** Who was present at each training, by title. */
  const attended = new Map<string, Set<number>>();

  const create = async (plan: Planned): Promise<number[]> => {
    const fields: EventFieldsInput = {
      type: plan.type,
      title: plan.title,
      start: plan.start,
      end: plan.end,
      place: plan.place ?? null,
      videoUrl: plan.videoUrl ?? null,
      description: plan.description ?? null,
    };
    const repetition = { repeat: plan.repeat ?? 'none', until: plan.until ?? null };
    return (await createEvent(db, eventFields.parse(fields), repetition, { newUid })).ids;
  };

  /** Invites, then, for a past event, records who came and marks it held. */
  const follow = async (
    id: number,
    people: Invitations,
    options: { presence?: number; record?: boolean } = {},
  ) => {
    await invite(db, {
      eventId: id,
      promeneurIds: people.promeneurIds ?? [],
      structureIds: [],
      allActive: false,
      staff: (people.staff ?? []).map((t) => ({
        structureId: t.structureId,
        name: t.name,
        organisation: null,
        email: t.email,
      })),
      guests: (people.guests ?? []).map((g) => ({ ...g })),
    });
    const event = await getEvent(db, id, today);
    if (event.start.slice(0, 10) >= today || options.record === false) return;
    const presence = options.presence ?? 0.8;
    const marks = event.invitees.map((i) => {
      const roll = random.next();
      const attendance: Attendance =
        roll < presence ? 'present' : roll < presence + (1 - presence) * 0.7 ? 'excuse' : 'absent';
      return { inviteeId: i.id, attendance };
    });
    await recordAttendance(db, id, marks);
    await setEventStatus(db, id, 'tenu', today);
    if (event.type === 'formation') {
      const key = event.title;
      const present = attended.get(key) ?? new Set<number>();
      for (const [index, invitee] of event.invitees.entries())
        if (invitee.promeneurId !== null && marks[index]!.attendance === 'present')
          present.add(invitee.promeneurId);
      attended.set(key, present);
    }
  };

  const firstDay = addMonths(today, -24);
  const lastDay = [`${yearOf(today)}-12-31`, addMonths(today, 6)].sort().at(-1)!;
  const inWindow = (day: string) => day >= firstDay && day <= lastDay;
  const pickTeams = (n: number) => random.sample(teams, Math.min(n, teams.length));

  for (let year = yearOf(firstDay); year <= yearOf(lastDay); year++) {
    // Two departmental meetings a year: spring and autumn, the second Thursday.
    for (const [month, season] of [
      [3, 'de printemps'],
      [10, 'd’automne'],
    ] as const) {
      const day = nthWeekday(year, month, 4, 2);
      if (!inWindow(day)) continue;
      const [id] = await create({
        type: 'rencontre_departementale',
        title: `Rencontre départementale ${season} ${year}`,
        ...span(day, '14:00', '17:00'),
        place: MAIN_HALL,
        description:
          'Actualités du réseau, retours d’expérience des Promeneurs, atelier en petits groupes.',
      });
      await follow(id!, {
        promeneurIds: activeAt(day).map((p) => p.id),
        staff: pickTeams(3),
        guests: [GUESTS.caf, GUESTS.mda],
      });
    }
    // Two COPIL a year: June and December.
    for (const [index, day] of copilDays(year).entries()) {
      if (!inWindow(day)) continue;
      const month = index === 0 ? 6 : 12;
      const [id] = await create({
        type: 'copil',
        title:
          month === 6 ? `COPIL ${year} : bilan d’étape` : `COPIL ${year} : bilan et orientations`,
        ...span(day, '10:00', '12:00'),
        place: CAF_ROOM,
        description:
          month === 6
            ? 'Point d’étape du déploiement, sélection des structures candidates.'
            : 'Bilan annuel, orientations de l’année suivante, budget.',
      });
      await follow(
        id!,
        {
          staff: pickTeams(2),
          guests: [GUESTS.caf, GUESTS.msa, GUESTS.departement, GUESTS.education, GUESTS.jeunesse],
        },
        { presence: 0.85 },
      );
    }
    // COTECH: three a year where four are expected.
    for (const month of [2, 5, 9]) {
      const day = nthWeekday(year, month, 1, 4);
      if (!inWindow(day)) continue;
      const [id] = await create({
        type: 'cotech',
        title: 'COTECH Promeneurs du Net',
        ...span(day, '09:30', '11:30'),
        videoUrl: 'https://visio.val-de-balise.example/cotech',
        description: 'Suivi technique : conventions, formations, communication.',
      });
      await follow(id!, {
        promeneurIds: random.sample(activeAt(day), 2).map((p) => p.id),
        staff: pickTeams(2),
        guests: [GUESTS.caf, GUESTS.departement],
      });
    }
  }

  // The launch of the year's new Promeneurs (late January), and a departmental day.
  const launchThisYear = nthWeekday(yearOf(today), 1, 4, 4);
  const launchDay =
    launchThisYear < today ? launchThisYear : nthWeekday(yearOf(today) - 1, 1, 4, 4);
  const [launch] = await create({
    type: 'lancement',
    title: `Lancement de la promotion ${yearOf(launchDay)} des Promeneurs du Net`,
    ...span(launchDay, '17:30', '20:00'),
    place: 'Hôtel du Département, salle des fêtes (fictive)',
  });
  await follow(launch!, {
    promeneurIds: activeAt(launchDay).map((p) => p.id),
    staff: pickTeams(4),
    guests: [GUESTS.caf, GUESTS.departement, GUESTS.msa],
  });
  const dayOfNetwork = workingDay(addMonths(today, -7), 5);
  const [journee] = await create({
    type: 'journee_departementale',
    title: 'Journée départementale : jeunesse et numérique',
    ...span(dayOfNetwork, '09:00', '17:00'),
    place: MAIN_HALL,
    description: 'Conférence le matin, ateliers l’après-midi.',
  });
  await follow(journee!, {
    promeneurIds: activeAt(dayOfNetwork).map((p) => p.id),
    staff: pickTeams(3),
    guests: [GUESTS.caf, GUESTS.mda, GUESTS.education],
  });

  // Trainings: each session for those who still lack it; one session cancelled.
  const sessions: [keyof typeof TRAININGS, number, boolean?][] = [
    ['posture', -22],
    ['reseaux', -17],
    ['image', -13],
    ['posture', -10],
    ['reseaux', -8, true],
    ['reseaux', -5],
    ['posture', 1],
    ['image', 3],
  ];
  for (const [training, months, cancelled] of sessions) {
    const title = TRAININGS[training];
    const day = workingDay(addDays(addMonths(today, months), 10), 2);
    const [id] = await create({
      type: 'formation',
      title,
      ...span(day, '09:30', '16:30'),
      place:
        training === 'reseaux' ? 'Espace numérique de Fauxbourg-sur-Balise (fictif)' : MAIN_HALL,
      description: cancelled
        ? 'Session annulée faute d’inscrits en nombre suffisant ; reportée.'
        : 'Formation d’une journée, repas pris en commun.',
    });
    const candidates = (day < today ? activeAt(day) : activeNow).filter(
      (p) => !attended.get(title)?.has(p.id),
    );
    await follow(
      id!,
      { promeneurIds: random.sample(candidates, 10).map((p) => p.id), guests: [GUESTS.trainer] },
      { presence: 0.85, record: !cancelled },
    );
    if (cancelled) await setEventStatus(db, id!, 'annule', today);
  }

  // Analysis of practice: a monthly series (the second Tuesday), one group of Promeneurs.
  const fiveMonthsAgo = addMonths(today, -5);
  const seriesStart = nthWeekday(yearOf(fiveMonthsAgo), Number(fiveMonthsAgo.slice(5, 7)), 2, 2);
  const group = random.sample(
    activeNow.filter((p) => activeOn(p, seriesStart)),
    8,
  );
  const ids = await create({
    type: 'analyse_pratiques',
    title: 'Analyse des pratiques — groupe de Balise-la-Ville',
    ...span(seriesStart, '14:00', '16:30'),
    place: 'Point information jeunesse de Balise-la-Ville (fictif)',
    description: 'Séance animée par une psychologue ; confidentialité des échanges.',
    repeat: 'monthly_weekday',
    until: addMonths(today, 3),
  });
  // The last session held is left for the coordinator to record (« Présences à saisir »).
  const past: number[] = [];
  for (const id of ids) {
    const { start } = await getEvent(db, id, today);
    if (start.slice(0, 10) < today) past.push(id);
  }
  for (const id of ids)
    await follow(
      id,
      { promeneurIds: group.map((p) => p.id) },
      { record: id !== past.at(-1), presence: 0.85 },
    );

  // Individual reviews with some Promeneurs: six held, two to come.
  const reviewed = random.sample(activeNow, 8);
  for (const [index, p] of reviewed.entries()) {
    const day = workingDay(
      index < 6 ? addDays(today, -random.int(15, 240)) : addDays(today, random.int(7, 45)),
      random.int(1, 5),
    );
    const [id] = await create({
      type: 'bilan_individuel',
      title: `Bilan individuel — ${p.name}`,
      ...span(day, '10:00', '11:00'),
      place: 'Dans les locaux de la structure',
    });
    await follow(id!, { promeneurIds: [p.id] }, { presence: 1 });
  }

  // A promotion forum, and a meeting with the structures interested in joining.
  const forumDay = workingDay(addMonths(today, -6), 6);
  const [forum] = await create({
    type: 'promotion',
    title: 'Forum jeunesse de Balise-la-Ville : stand des Promeneurs du Net',
    ...span(forumDay, '10:00', '17:00'),
    place: 'Parc des expositions de Balise-la-Ville (fictif)',
  });
  await follow(forum!, {
    promeneurIds: random.sample(activeAt(forumDay), 4).map((p) => p.id),
  });
  const cafDay = workingDay(addDays(today, -random.int(30, 60)), 3);
  const [cafMeeting] = await create({
    type: 'autre',
    title: 'Point d’étape avec la CAF',
    ...span(cafDay, '14:00', '15:30'),
    place: CAF_ROOM,
  });
  await follow(cafMeeting!, { guests: [GUESTS.caf] }, { presence: 1 });
}
