import type { EventInput } from '@fullcalendar/core';
import { Button, Group, MultiSelect, Stack } from '@mantine/core';
import { IconPlus } from '@tabler/icons-react';
import { useCallback, useMemo, useState } from 'react';
import { useNavigate } from 'react-router-dom';
import type { EventSummary } from '../../shared/api/calendar';
import { EVENT_STATUSES, EVENT_TYPES } from '../../shared/domain/calendar';
import { holidaysBetween } from '../../shared/rules/calendar';
import { usePageTitle } from '../app/usePageTitle';
import { useRoute } from '../api/useRoute';
import { plural } from '../components/format';
import { ListCount } from '../components/ListStates';
import { labelOf, optionsOf } from '../components/options';
import { PageHeader } from '../components/PageHeader';
import { LoadError } from '../components/QueryState';
import { allowed, useSearchState } from '../components/useSearchState';
import { CalendarView, VIEWS, type Pick, type ViewKey, type VisibleRange } from './CalendarView';
import { TypeLegend } from './EventBadges';
import { ExportPeriodButton, ImportIcsButton } from './IcsButtons';
import { typeFill } from './labels';

const isViewKey = (v: string | null): v is ViewKey =>
  v !== null && Object.prototype.hasOwnProperty.call(VIEWS, v);
const isDate = (v: string | null): v is string => v !== null && /^\d{4}-\d{2}-\d{2}$/.test(v);

/** An event as FullCalendar shows it: its type's colour, struck through when cancelled. */
function toCalendarEvent(e: EventSummary): EventInput {
  const cancelled = e.status === 'annule';
  const hint = [
    e.title,
    labelOf(EVENT_TYPES, e.type),
    cancelled ? 'annulé' : e.status === 'tenu' ? 'tenu' : null,
    e.place,
  ]
    .filter(Boolean)
    .join(' · ');
  return {
    id: String(e.id),
    title: e.title,
    start: e.start,
    end: e.end,
    allDay: false,
    backgroundColor: typeFill(e.type),
    borderColor: typeFill(e.type),
    textColor: '#fff',
    classNames: cancelled ? ['balise-cancelled'] : [],
    extendedProps: { hint },
  };
}

/**
 * The network's calendar: month, week and list views of the events, filtered by type and
 * status (both kept in the address, with the view and the day shown), public holidays
 * marked; a click on an event opens it, a click on a day plans one there.
 */
export function CalendarPage() {
  usePageTitle('Calendrier');
  const navigate = useNavigate();
  const { params, update } = useSearchState();
  const types = allowed(params.getAll('type'), EVENT_TYPES);
  const statuses = allowed(params.getAll('statut'), EVENT_STATUSES);
  // Read once: the calendar itself moves from there.
  const [start] = useState(() => ({
    view: isViewKey(params.get('vue')) ? (params.get('vue') as ViewKey) : 'mois',
    date: isDate(params.get('date')) ? params.get('date') : null,
  }));
  const [range, setRange] = useState<VisibleRange | null>(null);

  const list = useRoute(
    'calendar.list',
    range ? { from: range.from, to: range.to, types, statuses } : null,
  );
  const rows = useMemo(() => (list.result?.ok ? list.result.value : []), [list.result]);

  const events = useMemo<EventInput[]>(() => {
    const holidays = range
      ? holidaysBetween(range.from, range.to).map((h) => ({
          id: `holiday-${h.date}`,
          title: h.name,
          start: h.date,
          allDay: true,
          display: 'background',
          classNames: ['balise-holiday'],
          extendedProps: { hint: `Jour férié : ${h.name}` },
        }))
      : [];
    return [...holidays, ...rows.map(toCalendarEvent)];
  }, [rows, range]);

  const onRange = useCallback(
    (next: VisibleRange) => {
      setRange(next);
      update({ vue: next.view, date: next.current });
    },
    [update],
  );
  const onOpen = useCallback((id: number) => navigate(`/calendrier/${id}`), [navigate]);
  const onPick = useCallback(
    (pick: Pick) => {
      const query = new URLSearchParams({ date: pick.date });
      if (pick.start) query.set('debut', pick.start);
      if (pick.end) query.set('fin', pick.end);
      navigate(`/calendrier/nouveau?${query.toString()}`);
    },
    [navigate],
  );

  const filtered = types.length > 0 || statuses.length > 0;
  const count = rows.length;

  return (
    <>
      <PageHeader
        title="Calendrier"
        actions={
          <>
            <ExportPeriodButton range={range} />
            <ImportIcsButton onImported={list.reload} />
            <Button
              leftSection={<IconPlus size={16} aria-hidden />}
              onClick={() => navigate('/calendrier/nouveau')}
            >
              Nouvel évènement
            </Button>
          </>
        }
      />
      <Stack gap="sm">
        <Group align="flex-end" gap="md">
          <MultiSelect
            label="Types"
            placeholder={types.length === 0 ? 'Tous les types' : undefined}
            data={optionsOf(EVENT_TYPES)}
            value={types}
            onChange={(value) => update({ type: value })}
            clearable
            clearButtonProps={{ 'aria-label': 'Retirer le filtre de type' }}
            w={380}
          />
          <MultiSelect
            label="Statuts"
            placeholder={statuses.length === 0 ? 'Tous les statuts' : undefined}
            data={optionsOf(EVENT_STATUSES)}
            value={statuses}
            onChange={(value) => update({ statut: value })}
            clearable
            clearButtonProps={{ 'aria-label': 'Retirer le filtre de statut' }}
            w={300}
          />
        </Group>
        <TypeLegend />
        {list.result && !list.result.ok ? (
          <LoadError error={list.result.error} onRetry={list.reload} />
        ) : (
          <ListCount
            loading={list.loading}
            text={
              range === null
                ? ' '
                : `${count === 0 ? 'Aucun évènement' : plural(count, 'évènement', 'évènements')} sur la période${filtered ? ' (filtres appliqués)' : ''}`
            }
          />
        )}
        <CalendarView
          initialView={start.view}
          initialDate={start.date}
          events={events}
          onRange={onRange}
          onOpen={onOpen}
          onPick={onPick}
        />
      </Stack>
    </>
  );
}
