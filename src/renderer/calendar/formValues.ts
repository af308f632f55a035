import { z } from 'zod';
import { eventFields, repetition, type CalendarEvent } from '../../shared/api/calendar';
import { EVENT_TYPES, REPEATS, type EventType, type Repeat } from '../../shared/domain/calendar';
import { joinDateTime } from './dateTime';

/** What the event form holds while a person types (start and end possibly unfinished). */
export type EventFormValues = {
  type: EventType | null;
  title: string;
  start: string;
  end: string;
  place: string;
  videoUrl: string;
  description: string;
  repeat: Repeat;
  until: string | null;
};

/** A new event's form: the schema of an event and of its repetition. */
export const createSchema = z.intersection(eventFields, repetition);
/** An existing event's form: its fields only (an occurrence is changed on its own). */
export const editSchema = eventFields;

const isType = (v: string | null): v is EventType =>
  v !== null && Object.prototype.hasOwnProperty.call(EVENT_TYPES, v);
const isDate = (v: string | null): v is string => v !== null && /^\d{4}-\d{2}-\d{2}$/.test(v);
const isTime = (v: string | null): v is string => v !== null && /^([01]\d|2[0-3]):[0-5]\d$/.test(v);

/**
 * A new event from the address: `?type=copil` (its label as the title), `?date=2027-03-12`,
 * and from the week view `&debut=14:00&fin=16:00`. Unknown values are ignored.
 */
export function newEventForm(params: URLSearchParams): EventFormValues {
  const type = params.get('type');
  const date = params.get('date');
  const from = params.get('debut');
  const to = params.get('fin');
  const day = isDate(date) ? date : null;
  const startTime = isTime(from) ? from : '14:00';
  const twoHoursLater = `${String(Math.min(Number(startTime.slice(0, 2)) + 2, 23)).padStart(2, '0')}${startTime.slice(2)}`;
  const endTime = isTime(to) && to > startTime ? to : twoHoursLater;
  return {
    type: isType(type) ? type : null,
    title: isType(type) ? EVENT_TYPES[type] : '',
    start: joinDateTime(day, startTime),
    end: joinDateTime(day, endTime),
    place: '',
    videoUrl: '',
    description: '',
    repeat: 'none',
    until: null,
  };
}

export const eventToForm = (e: CalendarEvent): EventFormValues => ({
  type: e.type,
  title: e.title,
  start: e.start,
  end: e.end,
  place: e.place ?? '',
  videoUrl: e.videoUrl ?? '',
  description: e.description ?? '',
  repeat: 'none',
  until: null,
});

export const REPEAT_OPTIONS = Object.entries(REPEATS).map(([value, label]) => ({ value, label }));
