/**
 * The network calendar: events (meetings, trainings, committees…), their invitees and
 * attendance, the attendance sheet, iCalendar export and import, and the cadence goals.
 */
import { z } from 'zod';
import {
  ATTENDANCES,
  EVENT_STATUSES,
  EVENT_TYPES,
  INVITEE_KINDS,
  MAX_ICS_BYTES,
  MAX_OCCURRENCES,
  REPEATS,
} from '../domain/calendar';
import {
  enumOf,
  id,
  isoDate,
  optionalEmail,
  optionalText,
  optionalUrl,
  requiredText,
  year,
} from './fields';

export const eventType = enumOf(EVENT_TYPES, 'Type d’évènement');
export const eventStatus = enumOf(EVENT_STATUSES, 'Statut');
export const inviteeKind = enumOf(INVITEE_KINDS, 'Type d’invité');
export const attendance = enumOf(ATTENDANCES, 'Présence');
export const repeat = enumOf(REPEATS, 'Répétition');

/** A wall-clock time in Paris: `YYYY-MM-DDTHH:mm`. */
export const localDateTime = z
  .string({ error: 'Date et heure : champ obligatoire.' })
  .regex(
    /^\d{4}-\d{2}-\d{2}T([01]\d|2[0-3]):[0-5]\d$/,
    'Date et heure invalides (jj/mm/aaaa hh:mm).',
  )
  .refine((v) => isoDate.safeParse(v.slice(0, 10)).success, 'Date invalide (jj/mm/aaaa).');

/** What a person fills in for an event. */
export const eventFields = z
  .object({
    type: eventType,
    title: requiredText('Titre', 200),
    start: localDateTime,
    end: localDateTime,
    place: optionalText(300),
    videoUrl: optionalUrl,
    description: optionalText(5000),
  })
  .superRefine((e, ctx) => {
    if (e.end <= e.start)
      ctx.addIssue({ code: 'custom', path: ['end'], message: 'La fin doit suivre le début.' });
  });
export type EventFields = z.output<typeof eventFields>;
export type EventFieldsInput = z.input<typeof eventFields>;

export const repetition = z
  .object({
    repeat: repeat.default('none'),
    /** The last day an occurrence may fall on (required when the event repeats). */
    until: isoDate.nullable().default(null),
  })
  .superRefine((r, ctx) => {
    if (r.repeat !== 'none' && r.until === null)
      ctx.addIssue({
        code: 'custom',
        path: ['until'],
        message: 'Indiquez jusqu’à quand l’évènement se répète.',
      });
  });

const eventSummary = z.object({
  id,
  type: eventType,
  title: z.string(),
  start: z.string(),
  end: z.string(),
  status: eventStatus,
  place: z.string().nullable(),
  /** Events created together by a repetition share a series. */
  seriesId: z.string().nullable(),
  invited: z.number().int(),
  present: z.number().int(),
  /** Imported from another calendar (.ics). */
  imported: z.boolean(),
});
export type EventSummary = z.output<typeof eventSummary>;

const invitee = z.object({
  id,
  kind: inviteeKind,
  promeneurId: id.nullable(),
  structureId: id.nullable(),
  name: z.string(),
  /** The structure's name, or the guest's organisation. */
  organisation: z.string().nullable(),
  email: z.string().nullable(),
  attendance: attendance.nullable(),
});
export type Invitee = z.output<typeof invitee>;

export const calendarEvent = z.object({
  id,
  ...z.object(eventFields.shape).shape,
  status: eventStatus,
  seriesId: z.string().nullable(),
  /** The iCalendar UID, kept across exports and imports. */
  uid: z.string(),
  imported: z.boolean(),
  invitees: z.array(invitee),
  /**
   * For a training: the active Promeneurs who have not attended a held training of the
   * same title, and so still lack it. Empty for other types.
   */
  stillLacking: z.array(
    z.object({ id, firstName: z.string(), lastName: z.string(), structureName: z.string() }),
  ),
  createdAt: z.string(),
  updatedAt: z.string(),
});
export type CalendarEvent = z.output<typeof calendarEvent>;

export const eventListQuery = z.object({
  /** Local dates (YYYY-MM-DD), both included. */
  from: isoDate,
  to: isoDate,
  types: z.array(eventType).default([]),
  statuses: z.array(eventStatus).default([]),
  search: z.string().max(200).default(''),
});
export type EventListQuery = z.input<typeof eventListQuery>;

export const guest = z.object({
  name: requiredText('Nom', 200),
  organisation: optionalText(200),
  email: optionalEmail,
});

export const inviteInput = z.object({
  eventId: id,
  promeneurIds: z.array(id).max(5000).default([]),
  /** Every active Promeneur of these structures. */
  structureIds: z.array(id).max(5000).default([]),
  /** Every active Promeneur of the network. */
  allActive: z.boolean().default(false),
  /** A named person of a structure's team (its director, a manager…). */
  staff: z
    .array(guest.extend({ structureId: id }))
    .max(500)
    .default([]),
  guests: z.array(guest).max(500).default([]),
});

const cadenceGoal = z.object({
  type: z.enum(['rencontre_departementale', 'copil', 'cotech']),
  label: z.string(),
  year: z.number().int(),
  target: z.number().int(),
  held: z.number().int(),
  planned: z.number().int(),
  missing: z.number().int(),
});

const file = z.object({ fileName: z.string(), contentBase64: z.string() });

const byId = z.object({ id });
const done = z.object({ id });

export const calendarRoutes = {
  'calendar.list': { input: eventListQuery, output: z.array(eventSummary) },
  'calendar.get': { input: byId, output: calendarEvent },
  'calendar.create': {
    input: z.object({
      fields: eventFields,
      repetition: repetition.default({ repeat: 'none', until: null }),
    }),
    /** The first event, and every occurrence created. */
    output: z.object({ id, ids: z.array(id).max(MAX_OCCURRENCES) }),
  },
  'calendar.update': { input: z.object({ id, fields: eventFields }), output: done },
  /** A copy at another start (same length), without its attendance. */
  'calendar.duplicate': { input: z.object({ id, start: localDateTime }), output: done },
  'calendar.setStatus': { input: z.object({ id, status: eventStatus }), output: done },
  'calendar.remove': { input: byId, output: done },
  'calendar.invite': { input: inviteInput, output: z.object({ added: z.number().int() }) },
  'calendar.uninvite': { input: byId, output: done },
  'calendar.attendance': {
    input: z.object({
      eventId: id,
      marks: z
        .array(z.object({ inviteeId: id, attendance: attendance.nullable() }))
        .min(1, 'Aucune présence à enregistrer.')
        .max(5000),
    }),
    output: done,
  },
  /** The print-ready A4 attendance sheet (feuille d'émargement), as a PDF. */
  'calendar.attendanceSheet': { input: byId, output: file },
  /** One event (id) or every event of a period (from, to) as an .ics file. */
  'calendar.exportIcs': {
    input: z
      .object({
        id: id.nullable().default(null),
        from: isoDate.nullable().default(null),
        to: isoDate.nullable().default(null),
      })
      .superRefine((q, ctx) => {
        if (q.id === null && (q.from === null || q.to === null))
          ctx.addIssue({
            code: 'custom',
            path: ['from'],
            message: 'Indiquez un évènement ou une période.',
          });
        if (q.from !== null && q.to !== null && q.to < q.from)
          ctx.addIssue({
            code: 'custom',
            path: ['to'],
            message: 'La fin de la période doit suivre son début.',
          });
      }),
    output: z.object({ fileName: z.string(), content: z.string(), count: z.number().int() }),
  },
  'calendar.importIcs': {
    input: z.object({
      fileName: requiredText('Nom du fichier', 200),
      content: z
        .string()
        .min(1, 'Le fichier est vide.')
        .max(MAX_ICS_BYTES, 'Fichier trop volumineux (5 Mo au plus).'),
    }),
    output: z.object({
      created: z.number().int(),
      updated: z.number().int(),
      unchanged: z.number().int(),
      /** Entries that could not be read, each with a French reason. */
      problems: z.array(z.string()),
    }),
  },
  'calendar.cadence': { input: z.object({ year }), output: z.array(cadenceGoal) },
  /** The events a Promeneur was invited to, with their attendance, newest first. */
  'calendar.forPromeneur': {
    input: z.object({ promeneurId: id }),
    output: z.array(eventSummary.extend({ attendance: attendance.nullable() })),
  },
};
