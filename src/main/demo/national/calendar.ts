/**
 * The nation's calendar: ten years of each department's events (trainings, analysis of
 * practice, departmental meetings and days, individual reviews, promotion), on weekdays,
 * with the department's Promeneurs active that day invited and, once held, their attendance
 * recorded; a few outside guests; cancelled ones; the next months planned; and a handful of
 * recent events whose attendance is still to record.
 */
import { EVENT_TYPES, type Attendance, type EventType } from '../../../shared/domain/calendar';
import { searchKeyOf } from '../../../shared/rules/text';
import { addDays, dayBetween, inserter, instantOn, weekday, weighted, type Gen } from './context';
import { shares, type NationDirectory, type NationPromeneur } from './directory';
import { FIRST_NAMES, LAST_NAMES } from './names';

type Ordinary = Exclude<EventType, 'copil' | 'cotech'>;

const TYPE_WEIGHTS: Record<Ordinary, number> = {
  formation: 20,
  analyse_pratiques: 20,
  bilan_individuel: 20,
  rencontre_departementale: 15,
  autre: 10,
  promotion: 8,
  journee_departementale: 5,
  lancement: 2,
};
/** How many are invited, at most, by type. */
const INVITED: Record<Ordinary, [number, number]> = {
  formation: [8, 15],
  analyse_pratiques: [6, 10],
  bilan_individuel: [1, 1],
  rencontre_departementale: [15, 30],
  autre: [4, 10],
  promotion: [3, 6],
  journee_departementale: [20, 40],
  lancement: [10, 20],
};
const SLOTS: [string, string][] = [
  ['09:30', '12:30'],
  ['14:00', '17:00'],
  ['10:00', '16:00'],
];

/** An event's uid: stable for a seed, unique in the vault. */
export const nationUid = (seed: number, n: number | string) => `national-${seed}-${n}@balise`;

/** The events a calendar row needs, for the committee meetings too. */
export function eventWriter(gen: Gen) {
  return inserter(gen.conn, 'events', [
    'type',
    'title',
    'start',
    'end',
    'place',
    'video_url',
    'description',
    'status',
    'series_id',
    'uid',
    'imported',
    'search_key',
    'created_at',
    'updated_at',
  ]);
}

export function seedCalendar(
  gen: Gen,
  directory: NationDirectory,
  seed: number,
): { events: number; invitees: number } {
  const { random, conn, today, historyStart } = gen;
  const event = eventWriter(gen);
  const invitee = inserter(conn, 'event_invitees', [
    'event_id',
    'kind',
    'promeneur_id',
    'structure_id',
    'name',
    'organisation',
    'email',
    'attendance',
  ]);
  const byDepartment = new Map<number, NationPromeneur[]>();
  for (const p of directory.promeneurs) {
    if (p.start === null) continue;
    const list = byDepartment.get(p.department);
    if (list) list.push(p);
    else byDepartment.set(p.department, [p]);
  }
  const until = addDays(today, 120);
  const counts = shares(directory.departments, gen.size.events, 10);
  let events = 0;
  let invitees = 0;
  // A handful of recent events whose attendance is still to record (the to-do list shows them).
  let unrecorded = Math.max(2, Math.round(gen.size.events / 1000));
  const planned: { day: string; department: number; type: Ordinary }[] = [];
  for (const department of directory.departments)
    for (let k = 0; k < counts[department.index]!; k++)
      planned.push({
        department: department.index,
        day: weekday(dayBetween(random, historyStart, until)),
        type: weighted(random, TYPE_WEIGHTS),
      });
  // Entered in date order, latest last (the unrecorded ones are the latest past).
  planned.sort((a, b) => a.day.localeCompare(b.day) || a.department - b.department);
  for (const [n, plan] of [...planned.entries()].reverse()) {
    const department = directory.departments[plan.department]!;
    const active = (byDepartment.get(plan.department) ?? []).filter(
      (p) => p.start! <= plan.day && (p.stop === null || p.stop > plan.day),
    );
    const [from, to] = INVITED[plan.type];
    const chosen = random.sample(active, Math.min(active.length, random.int(from, to)));
    if (plan.type === 'bilan_individuel' && chosen.length === 0) continue;
    const past = plan.day < today;
    const status = !past
      ? 'prevu'
      : random.chance(0.04)
        ? 'annule'
        : unrecorded > 0
          ? (unrecorded--, 'prevu')
          : 'tenu';
    const [start, end] = random.pick(SLOTS);
    const place = random.pick(department.communes).name;
    const title =
      plan.type === 'bilan_individuel'
        ? `Bilan individuel — ${chosen[0]!.name}`
        : `${EVENT_TYPES[plan.type]} — ${department.name}`;
    const created = addDays(plan.day, -random.int(15, 60));
    const id = event(
      plan.type,
      title,
      `${plan.day}T${start}`,
      `${plan.day}T${end}`,
      place,
      random.chance(0.15) ? 'https://visio.example/reunion' : null,
      null,
      status,
      null,
      nationUid(seed, n),
      0,
      searchKeyOf([title, place]),
      instantOn(created),
      instantOn(past ? plan.day : created, 1080),
    );
    events++;
    const attendance = (): Attendance | null =>
      status !== 'tenu'
        ? null
        : weighted<Attendance>(random, { present: 78, excuse: 14, absent: 8 });
    for (const p of chosen.sort((a, b) => a.id - b.id)) {
      invitee(id, 'promeneur', p.id, null, null, null, null, attendance());
      invitees++;
    }
    if (
      plan.type === 'rencontre_departementale' ||
      plan.type === 'journee_departementale' ||
      plan.type === 'formation'
    )
      for (let g = random.int(0, 2); g > 0; g--) {
        invitee(
          id,
          'invite',
          null,
          null,
          `${random.pick(FIRST_NAMES)} ${random.pick(LAST_NAMES)}`,
          'CAF (fictive)',
          null,
          attendance(),
        );
        invitees++;
      }
  }
  return { events, invitees };
}
