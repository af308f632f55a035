import { Badge, ColorSwatch, Group, Text } from '@mantine/core';
import {
  ATTENDANCES,
  EVENT_STATUSES,
  EVENT_TYPES,
  type Attendance,
  type EventStatus,
  type EventType,
} from '../../shared/domain/calendar';
import { labelOf } from '../components/options';
import { ATTENDANCE_COLORS, STATUS_COLORS, TYPE_COLORS, typeFill } from './labels';

/** Labels as written (not upper case), never cut short in a narrow column. */
const LOOK = { tt: 'none', fw: 600, miw: 'max-content' } as const;

export function EventStatusBadge({ status }: { status: string }) {
  return (
    <Badge variant="light" color={STATUS_COLORS[status as EventStatus] ?? 'gray'} {...LOOK}>
      {labelOf(EVENT_STATUSES, status)}
    </Badge>
  );
}

export function EventTypeBadge({ type }: { type: string }) {
  return (
    <Badge variant="dot" color={TYPE_COLORS[type as EventType] ?? 'gray'} {...LOOK}>
      {labelOf(EVENT_TYPES, type)}
    </Badge>
  );
}

/** An invitee's attendance; « Non saisie » while nothing was recorded. */
export function AttendanceBadge({ attendance }: { attendance: string | null }) {
  if (attendance === null)
    return (
      <Badge variant="outline" color="gray" {...LOOK}>
        Non saisie
      </Badge>
    );
  return (
    <Badge variant="light" color={ATTENDANCE_COLORS[attendance as Attendance] ?? 'gray'} {...LOOK}>
      {labelOf(ATTENDANCES, attendance)}
    </Badge>
  );
}

/** What each colour of the calendar means. */
export function TypeLegend() {
  return (
    <Group gap="md" component="ul" aria-label="Couleurs des types d’évènement" p={0} m={0}>
      {Object.entries(EVENT_TYPES).map(([type, label]) => (
        <Group key={type} gap={6} component="li" style={{ listStyle: 'none' }} wrap="nowrap">
          <ColorSwatch color={typeFill(type)} size={12} withShadow={false} aria-hidden />
          <Text size="xs">{label}</Text>
        </Group>
      ))}
    </Group>
  );
}
