/**
 * The steering (COPIL) and technical (COTECH) committees: members and written rules; for each
 * meeting (a calendar event of type copil or cotech) its agenda, attendance, minutes,
 * decisions and actions; the decision register; the documents (minutes as PDF and .docx,
 * the members' preparation pack, the letter notifying an exclusion, the register as Excel).
 */
import { z } from 'zod';
import { eventStatus } from './calendar';
import {
  ACTION_STATUSES,
  COMMITTEES,
  DECISION_TYPES,
  LINK_KINDS,
  MEETING_ATTENDANCES,
  MEMBER_ROLES,
  MINUTES_STATUSES,
  ORGANISATION_KINDS,
  SEATS,
} from '../domain/committees';
import { richDoc } from '../domain/richText';
import { decisionLinkErrors } from '../rules/committees';
import {
  enumOf,
  id,
  noInput,
  optionalDate,
  optionalEmail,
  optionalPhone,
  optionalText,
  requiredText,
  year,
} from './fields';

export const committee = enumOf(COMMITTEES, 'Instance');
export const organisationKind = enumOf(ORGANISATION_KINDS, 'Type d’organisation');
export const memberRole = enumOf(MEMBER_ROLES, 'Rôle');
export const seat = enumOf(SEATS, 'Siège');
export const meetingAttendance = enumOf(MEETING_ATTENDANCES, 'Présence');
export const minutesStatus = enumOf(MINUTES_STATUSES, 'Statut du compte rendu');
export const decisionType = enumOf(DECISION_TYPES, 'Type de décision');
export const actionStatus = enumOf(ACTION_STATUSES, 'Statut de l’action');
export const linkKind = enumOf(LINK_KINDS, 'Type de fiche');

const file = z.object({ fileName: z.string(), contentBase64: z.string() });
const byId = z.object({ id });
const byEvent = z.object({ eventId: id });

// ---- members and rules --------------------------------------------------------------------

/** What a person fills in for a member of a committee. */
export const memberFields = z
  .object({
    name: requiredText('Nom', 200),
    organisationKind,
    /** The organisation's own name (« CAF de Val-de-Balise », « Communauté de communes… »). */
    organisation: optionalText(200),
    role: memberRole,
    seat,
    /** For a substitute: the titular member they stand in for. */
    substituteOf: id.nullable().default(null),
    email: optionalEmail,
    phone: optionalPhone,
    memberFrom: optionalDate,
    memberUntil: optionalDate,
  })
  .superRefine((m, ctx) => {
    if (m.seat === 'suppleant' && m.substituteOf === null)
      ctx.addIssue({
        code: 'custom',
        path: ['substituteOf'],
        message: 'Indiquez le ou la titulaire que ce suppléant remplace.',
      });
    if (m.seat === 'titulaire' && m.substituteOf !== null)
      ctx.addIssue({
        code: 'custom',
        path: ['substituteOf'],
        message: 'Seul un suppléant remplace un titulaire.',
      });
    if (m.memberFrom && m.memberUntil && m.memberUntil < m.memberFrom)
      ctx.addIssue({
        code: 'custom',
        path: ['memberUntil'],
        message: 'La fin du mandat doit suivre son début.',
      });
  });
export type MemberFields = z.output<typeof memberFields>;
export type MemberFieldsInput = z.input<typeof memberFields>;

export const member = z.object({
  id,
  committee,
  ...z.object(memberFields.shape).shape,
  /** The titular member's name, for a substitute. */
  substituteOfName: z.string().nullable(),
});
export type Member = z.output<typeof member>;

export const rulesFields = z.object({
  committee,
  /** The written rules: number of representatives, decision process, absences. */
  rules: z.string().trim().max(20_000, 'Règlement : 20 000 caractères au plus.').default(''),
  quorum: z
    .number({ error: 'Quorum : un nombre de sièges.' })
    .int('Quorum : un nombre entier de sièges.')
    .min(1, 'Quorum : au moins 1 siège.')
    .max(200, 'Quorum : 200 sièges au plus.')
    .nullable()
    .default(null),
});

// ---- meetings ---------------------------------------------------------------------------

const meetingRef = z.object({ id, title: z.string(), start: z.string() });
export type MeetingRef = z.output<typeof meetingRef>;

const meetingSummary = z.object({
  eventId: id,
  title: z.string(),
  start: z.string(),
  end: z.string(),
  place: z.string().nullable(),
  status: eventStatus,
  minutesStatus: minutesStatus.nullable(),
  agendaItems: z.number().int(),
  decisions: z.number().int(),
  openActions: z.number().int(),
});
export type MeetingSummary = z.output<typeof meetingSummary>;

export const agendaLink = z.object({ kind: linkKind, id });

export const agendaItemFields = z.object({
  title: requiredText('Intitulé', 300),
  presenter: optionalText(200),
  durationMinutes: z
    .number({ error: 'Durée : un nombre de minutes.' })
    .int('Durée en minutes entières.')
    .min(1, 'Durée : au moins 1 minute.')
    .max(600, 'Durée : 10 heures au plus.')
    .nullable()
    .default(null),
  links: z.array(agendaLink).max(20, 'Au plus 20 fiches liées.').default([]),
});
export type AgendaItemFields = z.output<typeof agendaItemFields>;
export type AgendaItemFieldsInput = z.input<typeof agendaItemFields>;

const labelledLink = agendaLink.extend({ label: z.string() });
export type LabelledLink = z.output<typeof labelledLink>;

const agendaItem = z.object({
  /** Null for the follow-up of earlier actions, which the agenda always opens with. */
  id: id.nullable(),
  position: z.number().int(),
  title: z.string(),
  presenter: z.string().nullable(),
  durationMinutes: z.number().int().nullable(),
  followUp: z.boolean(),
  links: z.array(labelledLink),
  minutes: richDoc,
});
export type AgendaItem = z.output<typeof agendaItem>;

export const attendanceMark = z.object({
  memberId: id,
  /** Null clears the member's mark. */
  attendance: meetingAttendance.nullable(),
  representedByMemberId: id.nullable().default(null),
});

const attendanceLine = z.object({
  member,
  attendance: meetingAttendance.nullable(),
  representedByMemberId: id.nullable(),
});
export type AttendanceLineView = z.output<typeof attendanceLine>;

export const decisionFields = z
  .object({
    type: decisionType,
    title: requiredText('Intitulé', 300),
    text: optionalText(10_000),
    structureId: id.nullable().default(null),
    promeneurId: id.nullable().default(null),
    conventionId: id.nullable().default(null),
  })
  .superRefine((d, ctx) => {
    for (const [path, message] of Object.entries(decisionLinkErrors(d.type, d)))
      ctx.addIssue({ code: 'custom', path: [path], message });
  });
export type DecisionFields = z.output<typeof decisionFields>;
export type DecisionFieldsInput = z.input<typeof decisionFields>;

const decision = z.object({
  id,
  eventId: id,
  committee,
  year: z.number().int(),
  number: z.number().int(),
  /** « COPIL-2027-03 » */
  reference: z.string(),
  ...z.object(decisionFields.shape).shape,
  /** The record it concerns, labelled (« Structure : MJC de … »), if any. */
  subject: z.string().nullable(),
});
export type Decision = z.output<typeof decision>;

export const actionFields = z
  .object({
    who: requiredText('Qui', 200),
    what: requiredText('Quoi', 1000),
    dueOn: optionalDate,
    status: actionStatus.default('a_faire'),
    /** The day it was done (today when left empty for an action marked « faite »). */
    doneOn: optionalDate,
  })
  .superRefine((a, ctx) => {
    if (a.status !== 'faite' && a.doneOn !== null)
      ctx.addIssue({
        code: 'custom',
        path: ['doneOn'],
        message: 'Seule une action faite a une date de réalisation.',
      });
  });
export type ActionFields = z.output<typeof actionFields>;
export type ActionFieldsInput = z.input<typeof actionFields>;

const action = z.object({
  id,
  eventId: id,
  ...z.object(actionFields.shape).shape,
  overdue: z.boolean(),
  /** The meeting that decided it. */
  meeting: meetingRef,
});
export type Action = z.output<typeof action>;

const minutesState = z.object({
  status: minutesStatus,
  approvedOn: z.string().nullable(),
  approvedAt: meetingRef.nullable(),
  circulatedOn: z.string().nullable(),
  recipients: z.string().nullable(),
});
export type MinutesState = z.output<typeof minutesState>;

export const meeting = z.object({
  event: z.object({
    id,
    committee,
    title: z.string(),
    start: z.string(),
    end: z.string(),
    place: z.string().nullable(),
    videoUrl: z.string().nullable(),
    status: eventStatus,
  }),
  /** The latest earlier meeting of the same committee (not cancelled). */
  previous: meetingRef.nullable(),
  /** The later meetings of the same committee: where the minutes can be approved. */
  later: z.array(meetingRef),
  agenda: z.array(agendaItem),
  /** The earlier actions the first agenda item follows up. */
  followedActions: z.array(action),
  attendance: z.array(attendanceLine),
  quorum: z
    .object({ required: z.number().int(), present: z.number().int(), reached: z.boolean() })
    .nullable(),
  minutes: minutesState,
  decisions: z.array(decision),
  actions: z.array(action),
});
export type Meeting = z.output<typeof meeting>;

export const minutesChange = z.object({
  eventId: id,
  status: minutesStatus,
  approvedOn: optionalDate,
  approvedAtEventId: id.nullable().default(null),
  circulatedOn: optionalDate,
  recipients: optionalText(2000),
});
export type MinutesChangeInput = z.input<typeof minutesChange>;

// ---- decision register --------------------------------------------------------------------

export const registerQuery = z.object({
  search: z.string().trim().max(200, 'Au plus 200 caractères.').default(''),
  committee: committee.nullable().default(null),
  year: year.nullable().default(null),
  type: decisionType.nullable().default(null),
});
export type RegisterQuery = z.input<typeof registerQuery>;

const registerRow = decision.extend({ date: z.string(), meetingTitle: z.string() });
export type RegisterRow = z.output<typeof registerRow>;

const linkOption = z.object({ kind: linkKind, id, label: z.string() });
export type LinkOption = z.output<typeof linkOption>;

export const committeesRoutes = {
  /** A committee's rules, quorum and members (past ones included). */
  'committees.get': {
    input: z.object({ committee }),
    output: z.object({
      committee,
      rules: z.string(),
      quorum: z.number().int().nullable(),
      members: z.array(member),
    }),
  },
  'committees.updateRules': { input: rulesFields, output: z.object({ committee }) },
  'committees.members.create': {
    input: z.object({ committee, fields: memberFields }),
    output: byId,
  },
  'committees.members.update': { input: z.object({ id, fields: memberFields }), output: byId },
  'committees.members.remove': { input: byId, output: byId },
  /** The committee's meetings (its calendar events), newest first. */
  'committees.meetings': { input: z.object({ committee }), output: z.array(meetingSummary) },
  'committees.meeting': { input: byEvent, output: meeting },
  /** The records an agenda item can be linked to, labelled. */
  'committees.linkOptions': { input: noInput, output: z.array(linkOption) },
  'committees.agenda.create': {
    input: z.object({ eventId: id, fields: agendaItemFields }),
    output: byId,
  },
  'committees.agenda.update': {
    input: z.object({ id, fields: agendaItemFields }),
    output: byId,
  },
  'committees.agenda.move': {
    input: z.object({ id, direction: z.enum(['up', 'down'], { error: 'Sens invalide.' }) }),
    output: byId,
  },
  'committees.agenda.remove': { input: byId, output: byId },
  'committees.attendance': {
    input: z.object({
      eventId: id,
      marks: z
        .array(attendanceMark)
        .min(1, 'Aucune présence à enregistrer.')
        .max(500, 'Au plus 500 présences.'),
    }),
    output: byEvent,
  },
  /** The minutes of one agenda item (itemId null: the follow-up of earlier actions). */
  'committees.minutes.save': {
    input: z.object({ eventId: id, itemId: id.nullable(), minutes: richDoc }),
    output: byEvent,
  },
  'committees.minutes.setStatus': { input: minutesChange, output: byEvent },
  'committees.decisions.create': {
    input: z.object({ eventId: id, fields: decisionFields }),
    output: z.object({ id, reference: z.string() }),
  },
  'committees.decisions.update': {
    input: z.object({ id, fields: decisionFields }),
    output: z.object({ id, reference: z.string() }),
  },
  'committees.decisions.remove': { input: byId, output: byId },
  'committees.decisions.register': { input: registerQuery, output: z.array(registerRow) },
  /** The register, filtered as shown, as an Excel workbook. */
  'committees.decisions.exportRegister': { input: registerQuery, output: file },
  /** For a « Promeneur exclu » decision: the letter notifying the structure (PDF). */
  'committees.decisions.letter': { input: byId, output: file },
  'committees.actions.create': {
    input: z.object({ eventId: id, fields: actionFields }),
    output: byId,
  },
  'committees.actions.update': { input: z.object({ id, fields: actionFields }), output: byId },
  'committees.actions.remove': { input: byId, output: byId },
  /** The minutes, print-ready A4 PDF. */
  'committees.minutesPdf': { input: byEvent, output: file },
  /** The minutes, editable Word document (.docx). */
  'committees.minutesDocx': { input: byEvent, output: file },
  /** The members' preparation pack: agenda, key figures, actions to follow up (PDF). */
  'committees.preparationPack': { input: byEvent, output: file },
};
