/** The network calendar — events, invitations, attendance, cadence goals, .ics — as route handlers. */
import type { HandlersOf, RoutesOf } from '../../ipc/router';
import { attendanceSheet } from './attendanceSheet';
import { cadenceOf } from './cadence';
import {
  createEvent,
  duplicateEvent,
  eventsOfPromeneur,
  getEvent,
  listEvents,
  removeEvent,
  saveImportedEvent,
  setEventStatus,
  updateEvent,
} from './events';
import { exportIcs, importIcs } from './ics';
import { invite, recordAttendance, uninvite } from './invitees';

export {
  cadenceOf,
  createEvent,
  duplicateEvent,
  eventsOfPromeneur,
  getEvent,
  invite,
  listEvents,
  recordAttendance,
  removeEvent,
  saveImportedEvent,
  setEventStatus,
  uninvite,
  updateEvent,
};

export const calendarHandlers: HandlersOf<RoutesOf<'calendar'>> = {
  'calendar.list': (input, { session }) => listEvents(session.db, input),
  'calendar.get': (input, { session }) => getEvent(session.db, input.id),
  'calendar.create': (input, { session }) =>
    createEvent(session.db, input.fields, input.repetition),
  'calendar.update': (input, { session }) => updateEvent(session.db, input.id, input.fields),
  'calendar.duplicate': (input, { session }) => duplicateEvent(session.db, input.id, input.start),
  'calendar.setStatus': (input, { session }) => setEventStatus(session.db, input.id, input.status),
  'calendar.remove': (input, { session }) => removeEvent(session.db, input.id),
  'calendar.invite': (input, { session }) => invite(session.db, input),
  'calendar.uninvite': (input, { session }) => uninvite(session.db, input.id),
  'calendar.attendance': (input, { session }) =>
    recordAttendance(session.db, input.eventId, input.marks),
  'calendar.attendanceSheet': (input, { session }) => attendanceSheet(session.db, input.id),
  'calendar.exportIcs': (input, { session }) => exportIcs(session.db, input),
  'calendar.importIcs': (input, { session }) => importIcs(session.db, input),
  'calendar.cadence': (input, { session }) => cadenceOf(session.db, input.year),
  'calendar.forPromeneur': (input, { session }) => eventsOfPromeneur(session.db, input.promeneurId),
};
