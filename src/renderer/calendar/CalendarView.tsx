/**
 * FullCalendar (vanilla API, inside an effect) in French: Monday first, month / week / list
 * views, our Paris wall-clock strings as the events' times (the app runs in Paris time).
 */
import { Calendar, type EventInput } from '@fullcalendar/core';
import frLocale from '@fullcalendar/core/locales/fr';
import dayGridPlugin from '@fullcalendar/daygrid';
import interactionPlugin from '@fullcalendar/interaction';
import listPlugin from '@fullcalendar/list';
import timeGridPlugin from '@fullcalendar/timegrid';
import { useEffect, useRef } from 'react';
import { addDays } from '../../shared/rules/conventions';
import './calendar.css';

export const VIEWS = {
  mois: 'dayGridMonth',
  semaine: 'timeGridWeek',
  liste: 'listMonth',
} as const;
export type ViewKey = keyof typeof VIEWS;

export interface VisibleRange {
  view: ViewKey;
  /** The first and last days shown (YYYY-MM-DD, both included). */
  from: string;
  to: string;
  /** The day the view is about (the first of the month in the month view). */
  current: string;
}

/** What a click on an empty day or slot asks for: a new event there. */
export interface Pick {
  date: string;
  /** From the week view: the times of the slot (hh:mm). */
  start?: string;
  end?: string;
}

interface Props {
  initialView: ViewKey;
  initialDate: string | null;
  events: EventInput[];
  onRange: (range: VisibleRange) => void;
  onOpen: (id: number) => void;
  onPick: (pick: Pick) => void;
}

const viewKey = (type: string): ViewKey =>
  (Object.keys(VIEWS) as ViewKey[]).find((k) => VIEWS[k] === type) ?? 'mois';

const localDate = (d: Date) =>
  `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}-${String(d.getDate()).padStart(2, '0')}`;
const localTime = (d: Date) =>
  `${String(d.getHours()).padStart(2, '0')}:${String(d.getMinutes()).padStart(2, '0')}`;

/**
 * The arrows are icon-font glyphs: their title alone does not name them for assistive
 * technology (the glyph does). A real label does.
 */
function nameArrowButtons(root: HTMLElement | null): void {
  root?.querySelector('.fc-prev-button')?.setAttribute('aria-label', 'Période précédente');
  root?.querySelector('.fc-next-button')?.setAttribute('aria-label', 'Période suivante');
}

export function CalendarView({ initialView, initialDate, events, onRange, onOpen, onPick }: Props) {
  const host = useRef<HTMLDivElement>(null);
  const calendar = useRef<Calendar | null>(null);
  // The calendar is built once; its callbacks reach the latest props through this ref.
  const latest = useRef({ onRange, onOpen, onPick });
  useEffect(() => {
    latest.current = { onRange, onOpen, onPick };
  });
  const initial = useRef({ view: initialView, date: initialDate });

  useEffect(() => {
    const el = host.current;
    if (!el) return;
    const cal = new Calendar(el, {
      plugins: [dayGridPlugin, timeGridPlugin, listPlugin, interactionPlugin],
      locale: frLocale,
      firstDay: 1,
      timeZone: 'local',
      initialView: VIEWS[initial.current.view],
      ...(initial.current.date ? { initialDate: initial.current.date } : {}),
      headerToolbar: {
        left: 'prev,next today',
        center: 'title',
        right: `${VIEWS.mois},${VIEWS.semaine},${VIEWS.liste}`,
      },
      buttonText: { today: 'Aujourd’hui', month: 'Mois', week: 'Semaine', list: 'Liste' },
      views: {
        [VIEWS.liste]: { buttonText: 'Liste' },
      },
      buttonHints: {
        prev: 'Période précédente',
        next: 'Période suivante',
        today: 'Revenir à aujourd’hui',
      },
      viewHint: 'Vue $0',
      allDayText: 'Journée',
      navLinkHint: 'Voir le $0',
      moreLinkHint: (n: number) => `Voir ${n} autres évènements`,
      moreLinkText: (n: number) => `+ ${n} autres`,
      noEventsText: 'Aucun évènement sur cette période',
      height: 'auto',
      dayMaxEvents: 4,
      eventDisplay: 'block',
      eventInteractive: true,
      eventTimeFormat: { hour: '2-digit', minute: '2-digit', meridiem: false, hour12: false },
      slotLabelFormat: { hour: '2-digit', minute: '2-digit', hour12: false },
      slotMinTime: '07:00:00',
      slotMaxTime: '21:00:00',
      scrollTime: '08:00:00',
      nowIndicator: true,
      selectable: true,
      // A click is a dateClick; only a drag over several slots is a selection.
      selectMinDistance: 8,
      datesSet: (info) => {
        nameArrowButtons(el);
        const from = localDate(info.start);
        // FullCalendar's end is exclusive.
        const to = addDays(localDate(info.end), -1);
        latest.current.onRange({
          view: viewKey(info.view.type),
          from,
          to,
          current: localDate(info.view.currentStart),
        });
      },
      eventClick: (info) => {
        info.jsEvent.preventDefault();
        const id = Number(info.event.id);
        if (Number.isInteger(id) && id > 0) latest.current.onOpen(id);
      },
      eventDidMount: (info) => {
        const hint = info.event.extendedProps.hint as string | undefined;
        if (hint) {
          info.el.setAttribute('title', hint);
          if (info.event.display !== 'background') info.el.setAttribute('aria-label', hint);
        }
      },
      dateClick: (info) => {
        latest.current.onPick(
          info.allDay
            ? { date: localDate(info.date) }
            : { date: localDate(info.date), start: localTime(info.date) },
        );
      },
      select: (info) => {
        cal.unselect();
        if (info.allDay) latest.current.onPick({ date: localDate(info.start) });
        else
          latest.current.onPick({
            date: localDate(info.start),
            start: localTime(info.start),
            end: localDate(info.end) === localDate(info.start) ? localTime(info.end) : undefined,
          });
      },
    });
    cal.render();
    calendar.current = cal;
    return () => {
      cal.destroy();
      calendar.current = null;
    };
  }, []);

  useEffect(() => {
    const cal = calendar.current;
    if (!cal) return;
    cal.batchRendering(() => {
      cal.getEventSources().forEach((source) => source.remove());
      cal.addEventSource(events);
    });
  }, [events]);

  // FullCalendar owns the classes of its element: our styles hang on a wrapper.
  return (
    <div className="balise-calendar" data-testid="calendar">
      <div ref={host} />
    </div>
  );
}
