import { Select, SimpleGrid, TextInput, Textarea } from '@mantine/core';
import { actionFields, type Action } from '../../shared/api/committees';
import { ACTION_STATUSES, type ActionStatus } from '../../shared/domain/committees';
import { invoke } from '../api/client';
import { DateField } from '../components/DateField';
import { notifySuccess } from '../components/notify';
import { optionsOf } from '../components/options';
import { useFieldsForm } from '../components/useFieldsForm';
import { ModalFormFrame } from '../conventions/ModalFormFrame';
import { ACTION_LABELS as L } from './labels';

interface Props {
  eventId: number;
  action: Action | null;
  onDone: () => void;
  onCancel: () => void;
}

/** Adds or changes an action decided at the meeting: who, what, by when, where it stands. */
export function ActionForm({ eventId, action, onDone, onCancel }: Props) {
  const form = useFieldsForm(actionFields, {
    who: action?.who ?? '',
    what: action?.what ?? '',
    dueOn: action?.dueOn ?? null,
    status: (action?.status ?? 'a_faire') as ActionStatus,
    doneOn: action?.doneOn ?? null,
  });
  const { values: v, set, bind } = form;
  const submit = async () => {
    const result = await form.submit((fields) =>
      action
        ? invoke('committees.actions.update', { id: action.id, fields })
        : invoke('committees.actions.create', { eventId, fields }),
    );
    if (result?.ok) {
      notifySuccess(
        action ? 'Action modifiée.' : 'Action ajoutée ; elle apparaît dans « À faire ».',
      );
      onDone();
    }
  };
  return (
    <ModalFormFrame form={form} onSubmit={() => void submit()} onCancel={onCancel}>
      <TextInput
        label={L.who}
        required
        data-autofocus
        placeholder="Une personne, une organisation (la coordinatrice, la CAF…)"
        value={v.who}
        onChange={(e) => set('who', e.currentTarget.value)}
        {...bind('who')}
      />
      <Textarea
        label={L.what}
        required
        autosize
        minRows={2}
        value={v.what}
        onChange={(e) => set('what', e.currentTarget.value)}
        {...bind('what')}
      />
      <SimpleGrid cols={3}>
        <DateField
          label={L.dueOn}
          value={v.dueOn}
          onChange={(value) => set('dueOn', value)}
          {...bind('dueOn')}
        />
        <Select
          label={L.status}
          required
          data={optionsOf(ACTION_STATUSES)}
          value={v.status}
          onChange={(value) => {
            set('status', (value ?? 'a_faire') as ActionStatus);
            if (value !== 'faite') set('doneOn', null);
          }}
          allowDeselect={false}
          {...bind('status')}
        />
        <DateField
          label={L.doneOn}
          description={v.status === 'faite' ? 'Aujourd’hui si vide' : undefined}
          disabled={v.status !== 'faite'}
          value={v.doneOn}
          onChange={(value) => set('doneOn', value)}
          {...bind('doneOn')}
        />
      </SimpleGrid>
    </ModalFormFrame>
  );
}
