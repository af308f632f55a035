/**
 * The plain data behind the committee documents, built from the database: the minutes of a
 * meeting, the members' preparation pack (with the network's key figures at the meeting's
 * date), the letter notifying an exclusion, and the decision register. The writers of
 * ./documents turn them into bytes; the routes here hand those bytes to the renderer.
 */
import type { RouteOutput } from '../../../shared/api/contract';
import type {
  Action,
  AgendaItem,
  AttendanceLineView,
  Decision,
  RegisterRow,
} from '../../../shared/api/committees';
import {
  COMMITTEES,
  DECISION_TYPES,
  MEMBER_ROLES,
  ORGANISATION_KINDS,
  SEATS,
  type Committee,
} from '../../../shared/domain/committees';
import { todayInParis } from '../../../shared/rules/dates';
import { DomainError } from '../../../shared/result';
import type { Db } from '../../db/connection';
import { slugOf } from '../calendar/fileName';
import { dashboardData } from '../dashboard';
import { readSettings } from '../settings';
import { decisionRegister, decisionsWhere, findDecision } from './decisions';
import type {
  ActionLine,
  AgendaLine,
  AttendanceLine,
  DecisionLine,
  DecisionRegisterRow,
  ExclusionLetter,
  MeetingHeader,
  MinutesDocument,
  NetworkFigures,
  PreparationPack,
} from './documents/model';
import { exclusionLetterPdf } from './documents/letterPdf';
import { minutesDocx } from './documents/minutesDocx';
import { minutesPdf } from './documents/minutesPdf';
import { preparationPackPdf } from './documents/packPdf';
import { decisionRegisterSpec } from './documents/registerSheet';
import { generate } from '../exports/generate';
import { agendaWithFollowUp, attendanceOf, minutesStateOf, quorumAt } from './meetings';
import { actionsWhere } from './actions';
import { findMeeting, meetingDay, type MeetingRow } from './records';

type FileOutput = RouteOutput<'committees.minutesPdf'>;

const asFile = (fileName: string, bytes: Uint8Array): FileOutput => ({
  fileName,
  contentBase64: Buffer.from(bytes).toString('base64'),
});

async function headerOf(db: Db, meeting: MeetingRow): Promise<MeetingHeader> {
  const { departmentName } = await readSettings(db);
  return {
    committee: meeting.committee,
    departmentName,
    title: meeting.title,
    start: meeting.start,
    end: meeting.end,
    place: meeting.place ?? (meeting.videoUrl ? 'En visioconférence' : null),
  };
}

const agendaLine = (item: AgendaItem): AgendaLine => ({
  position: item.position,
  title: item.title,
  presenter: item.presenter,
  durationMinutes: item.durationMinutes,
  links: item.links.map((l) => l.label),
  followUp: item.followUp,
});

const attendanceLine =
  (names: Map<number, string>) =>
  (line: AttendanceLineView): AttendanceLine => ({
    name: line.member.name,
    organisation: line.member.organisation ?? ORGANISATION_KINDS[line.member.organisationKind],
    role: `${MEMBER_ROLES[line.member.role]}, ${SEATS[line.member.seat].toLowerCase()}${
      line.member.substituteOfName ? ` de ${line.member.substituteOfName}` : ''
    }`,
    attendance: line.attendance,
    representedBy:
      line.representedByMemberId !== null ? (names.get(line.representedByMemberId) ?? null) : null,
  });

const decisionLine = (d: Decision): DecisionLine => ({
  reference: d.reference,
  type: d.type,
  title: d.title,
  subject: d.subject,
  text: d.text,
});

const actionLine = (a: Action): ActionLine => ({
  who: a.who,
  what: a.what,
  dueOn: a.dueOn,
  status: a.status,
});

/** Everything the minutes hold, as they stand now. */
export async function minutesDocument(
  db: Db,
  eventId: number,
  today: string = todayInParis(),
): Promise<MinutesDocument> {
  const meeting = await findMeeting(db, eventId);
  const { followed, agenda } = await agendaWithFollowUp(db, meeting, today);
  const attendance = await attendanceOf(db, meeting);
  const names = new Map(attendance.map((l) => [l.member.id, l.member.name]));
  const quorum = await quorumAt(db, meeting, attendance);
  const state = await minutesStateOf(db, eventId);
  return {
    meeting: await headerOf(db, meeting),
    status: state.status,
    approvedOn: state.approvedOn,
    circulatedOn: state.circulatedOn,
    quorum: quorum ? { required: quorum.required, present: quorum.present } : null,
    // A substitute with no mark was not called: their titular member sat.
    attendance: attendance
      .filter((l) => l.member.seat === 'titulaire' || l.attendance !== null)
      .map(attendanceLine(names)),
    agenda: agenda.map((item) => ({ ...agendaLine(item), minutes: item.minutes })),
    decisions: (await decisionsWhere(db, { eventIds: [eventId] })).map(decisionLine),
    actions: (await actionsWhere(db, { eventIds: [eventId] }, today)).map(actionLine),
    previousActions: followed.map(actionLine),
  };
}

/**
 * The network's key figures from 1 January to `asOf`, as the dashboard computes them
 * (`dashboardData`, read on that day): the pack, the dashboard and the Bilan never disagree.
 */
export async function networkFigures(db: Db, asOf: string): Promise<NetworkFigures> {
  const year = Number(asOf.slice(0, 4));
  const { figures } = await dashboardData(
    db,
    {
      year: null,
      from: `${year}-01-01`,
      to: asOf,
      territory: null,
      structureType: null,
      structureId: null,
    },
    asOf,
  );
  return {
    asOf,
    year,
    activePromeneurs: figures.promeneursActive,
    activeStructures: figures.structuresInNetwork,
    conventionsInForce: figures.conventionsInForce,
    committedCents: figures.subsidies.committedCents,
    paidCents: figures.subsidies.paidCents,
    meetingsHeld: figures.meetings.map((m) => ({
      label: m.label,
      count: m.held,
      target: m.target,
    })),
    overdueItems: figures.overdue,
  };
}

/** What the members receive before the meeting: agenda, key figures, actions to follow up. */
export async function preparationPack(
  db: Db,
  eventId: number,
  today: string = todayInParis(),
): Promise<PreparationPack> {
  const meeting = await findMeeting(db, eventId);
  const { followed, agenda } = await agendaWithFollowUp(db, meeting, today);
  const day = meetingDay(meeting);
  return {
    meeting: await headerOf(db, meeting),
    agenda: agenda.map(agendaLine),
    figures: await networkFigures(db, day < today ? day : today),
    openActions: followed
      .filter((a) => a.status === 'a_faire' || a.status === 'en_cours')
      .map(actionLine),
  };
}

/** The letter to the structure of a Promeneur the COPIL excluded. */
export async function exclusionLetter(
  db: Db,
  decisionId: number,
  today: string = todayInParis(),
): Promise<ExclusionLetter> {
  const decision = await findDecision(db, decisionId);
  if (decision.type !== 'promeneur_exclu')
    throw new DomainError(
      'CONFLICT',
      'Une lettre de notification ne se prépare que pour une décision « Promeneur exclu ».',
    );
  const p =
    decision.promeneurId === null
      ? undefined
      : await db
          .selectFrom('promeneurs')
          .innerJoin('structures', 'structures.id', 'promeneurs.structureId')
          .select([
            'promeneurs.firstName',
            'promeneurs.lastName',
            'structures.name',
            'structures.address',
            'structures.postalCode',
            'structures.commune',
            'structures.representativeName',
            'structures.representativeTitle',
          ])
          .where('promeneurs.id', '=', decision.promeneurId)
          .executeTakeFirst();
  if (!p)
    throw new DomainError(
      'NOT_FOUND',
      'Le Promeneur de cette décision n’est plus dans l’annuaire : la lettre ne peut pas être préparée.',
    );
  const meeting = await findMeeting(db, decision.eventId);
  const { departmentName } = await readSettings(db);
  return {
    departmentName,
    date: today,
    structure: {
      name: p.name,
      address: p.address,
      postalCode: p.postalCode,
      commune: p.commune,
      representativeName: p.representativeName,
      representativeTitle: p.representativeTitle,
    },
    promeneur: { firstName: p.firstName, lastName: p.lastName },
    decision: {
      reference: decision.reference,
      meetingDate: meetingDay(meeting),
      text: decision.text,
    },
  };
}

const registerRow = (r: RegisterRow): DecisionRegisterRow => ({
  ...decisionLine(r),
  committee: r.committee,
  date: r.date,
  meetingTitle: r.meetingTitle,
});

/** « Instance : COPIL · Année : 2027 · Recherche : « budget » », or every decision. */
export function registerFilters(query: {
  search: string;
  committee: Committee | null;
  year: number | null;
  type: keyof typeof DECISION_TYPES | null;
}): string {
  const parts = [
    query.committee ? `Instance : ${COMMITTEES[query.committee]}` : null,
    query.year ? `Année : ${query.year}` : null,
    query.type ? `Type : ${DECISION_TYPES[query.type]}` : null,
    query.search ? `Recherche : « ${query.search} »` : null,
  ].filter(Boolean);
  return parts.length > 0 ? parts.join(' · ') : 'Toutes les décisions';
}

// ---- the files -------------------------------------------------------------------------------

const meetingFileStem = (meeting: MeetingRow) =>
  `${COMMITTEES[meeting.committee].toLowerCase()}-${meetingDay(meeting)}`;

export async function minutesPdfFile(db: Db, eventId: number): Promise<FileOutput> {
  const meeting = await findMeeting(db, eventId);
  const bytes = await minutesPdf(await minutesDocument(db, eventId));
  return asFile(`compte-rendu-${meetingFileStem(meeting)}.pdf`, bytes);
}

export async function minutesDocxFile(db: Db, eventId: number): Promise<FileOutput> {
  const meeting = await findMeeting(db, eventId);
  const bytes = await minutesDocx(await minutesDocument(db, eventId));
  return asFile(`compte-rendu-${meetingFileStem(meeting)}.docx`, bytes);
}

export async function preparationPackFile(db: Db, eventId: number): Promise<FileOutput> {
  const meeting = await findMeeting(db, eventId);
  const bytes = await preparationPackPdf(await preparationPack(db, eventId));
  return asFile(`dossier-preparation-${meetingFileStem(meeting)}.pdf`, bytes);
}

export async function exclusionLetterFile(db: Db, decisionId: number): Promise<FileOutput> {
  const letter = await exclusionLetter(db, decisionId);
  const bytes = await exclusionLetterPdf(letter);
  const who = slugOf(`${letter.promeneur.firstName} ${letter.promeneur.lastName}`);
  return asFile(`notification-exclusion-${who}-${letter.date}.pdf`, bytes);
}

export async function registerFile(
  db: Db,
  query: Parameters<typeof decisionRegister>[1],
  today: string = todayInParis(),
): Promise<FileOutput> {
  const rows = (await decisionRegister(db, query)).map(registerRow);
  const spec = decisionRegisterSpec(rows, { filters: registerFilters(query), created: new Date() });
  return generate(spec, `releve-des-decisions-${today}`);
}
