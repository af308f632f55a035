/** The committees (COPIL, COTECH) — members, meetings, decisions, actions, documents — as route handlers. */
import type { HandlersOf, RoutesOf } from '../../ipc/router';
import { createAction, removeAction, updateAction } from './actions';
import { createDecision, decisionRegister, removeDecision, updateDecision } from './decisions';
import {
  exclusionLetterFile,
  minutesDocxFile,
  minutesPdfFile,
  preparationPackFile,
  registerFile,
} from './documentData';
import {
  createAgendaItem,
  getMeeting,
  linkOptions,
  listMeetings,
  moveAgendaItem,
  recordMeetingAttendance,
  removeAgendaItem,
  saveItemMinutes,
  setMinutesStatus,
  updateAgendaItem,
} from './meetings';
import { createMember, getCommittee, removeMember, updateMember, updateRules } from './members';

export const committeesHandlers: HandlersOf<RoutesOf<'committees'>> = {
  'committees.get': (input, { session }) => getCommittee(session.db, input.committee),
  'committees.updateRules': (input, { session }) => updateRules(session.db, input),
  'committees.members.create': (input, { session }) =>
    createMember(session.db, input.committee, input.fields),
  'committees.members.update': (input, { session }) =>
    updateMember(session.db, input.id, input.fields),
  'committees.members.remove': (input, { session }) => removeMember(session.db, input.id),
  'committees.meetings': (input, { session }) => listMeetings(session.db, input.committee),
  'committees.meeting': (input, { session }) => getMeeting(session.db, input.eventId),
  'committees.linkOptions': (_input, { session }) => linkOptions(session.db),
  'committees.agenda.create': (input, { session }) =>
    createAgendaItem(session.db, input.eventId, input.fields),
  'committees.agenda.update': (input, { session }) =>
    updateAgendaItem(session.db, input.id, input.fields),
  'committees.agenda.move': (input, { session }) =>
    moveAgendaItem(session.db, input.id, input.direction),
  'committees.agenda.remove': (input, { session }) => removeAgendaItem(session.db, input.id),
  'committees.attendance': (input, { session }) =>
    recordMeetingAttendance(session.db, input.eventId, input.marks),
  'committees.minutes.save': (input, { session }) =>
    saveItemMinutes(session.db, input.eventId, input.itemId, input.minutes),
  'committees.minutes.setStatus': (input, { session }) => setMinutesStatus(session.db, input),
  'committees.decisions.create': (input, { session }) =>
    createDecision(session.db, input.eventId, input.fields),
  'committees.decisions.update': (input, { session }) =>
    updateDecision(session.db, input.id, input.fields),
  'committees.decisions.remove': (input, { session }) => removeDecision(session.db, input.id),
  'committees.decisions.register': (input, { session }) => decisionRegister(session.db, input),
  'committees.decisions.exportRegister': (input, { session }) => registerFile(session.db, input),
  'committees.decisions.letter': (input, { session }) => exclusionLetterFile(session.db, input.id),
  'committees.actions.create': (input, { session }) =>
    createAction(session.db, input.eventId, input.fields),
  'committees.actions.update': (input, { session }) =>
    updateAction(session.db, input.id, input.fields),
  'committees.actions.remove': (input, { session }) => removeAction(session.db, input.id),
  'committees.minutesPdf': (input, { session }) => minutesPdfFile(session.db, input.eventId),
  'committees.minutesDocx': (input, { session }) => minutesDocxFile(session.db, input.eventId),
  'committees.preparationPack': (input, { session }) =>
    preparationPackFile(session.db, input.eventId),
};
