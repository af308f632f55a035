import { Text } from '@mantine/core';
import { calendarRoutes, type CalendarEvent } from '../../shared/api/calendar';
import { formatSpan } from '../../shared/rules/calendar';
import { invoke } from '../api/client';
import { notifySuccess } from '../components/notify';
import { useFieldsForm } from '../components/useFieldsForm';
import { ModalFormFrame } from '../conventions/ModalFormFrame';
import { DateTimeFields } from './DateTimeFields';
import { joinDateTime, timePart } from './dateTime';

const schema = calendarRoutes['calendar.duplicate'].input;

/** « Dupliquer »: the same event at another start, same length, same invitees, no attendance. */
export function DuplicateForm({
  event: e,
  onDone,
  onCancel,
}: {
  event: CalendarEvent;
  onDone: (id: number) => void;
  onCancel: () => void;
}) {
  const form = useFieldsForm(schema, { id: e.id, start: joinDateTime(null, timePart(e.start)) });
  const { values: v, set, error, blur } = form;

  const submit = async () => {
    const result = await form.submit((input) => invoke('calendar.duplicate', input));
    if (result?.ok) {
      notifySuccess(
        'Copie créée, avec les mêmes invités et sans leurs présences.',
        'Évènement dupliqué',
      );
      onDone(result.value.id);
    }
  };

  return (
    <ModalFormFrame
      form={form}
      onSubmit={() => void submit()}
      onCancel={onCancel}
      submitLabel="Dupliquer"
    >
      <Text size="sm">
        « {e.title} » ({formatSpan(e.start, e.end)}) sera copié à la date choisie, avec la même
        durée, le même lieu et les mêmes invités.
      </Text>
      <DateTimeFields
        suffix="de la copie"
        required
        value={v.start}
        onChange={(start) => set('start', start)}
        onBlur={() => blur('start')}
        error={error('start')}
      />
    </ModalFormFrame>
  );
}
