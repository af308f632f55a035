import { Select, Textarea } from '@mantine/core';
import { statusInput } from '../../shared/api/conventions';
import {
  CONVENTION_STATUSES,
  ENDING_STATUSES,
  type ConventionStatus,
} from '../../shared/domain/conventions';
import { todayInParis } from '../../shared/rules/dates';
import { invoke } from '../api/client';
import { DateField } from '../components/DateField';
import { notifySuccess } from '../components/notify';
import { labelOf, optionsOf } from '../components/options';
import { useFieldsForm } from '../components/useFieldsForm';
import { ModalFormFrame } from './ModalFormFrame';

const isEnding = (status: string | null) =>
  (ENDING_STATUSES as readonly string[]).includes(status ?? '');

interface Props {
  id: number;
  status: ConventionStatus;
  onDone: () => void;
  onCancel: () => void;
}

/** « Changer le statut »: the new status, the day it took effect, and for an early end, why. */
export function StatusForm({ id, status, onDone, onCancel }: Props) {
  const form = useFieldsForm(statusInput, {
    id,
    status: status as ConventionStatus | null,
    since: todayInParis() as string | null,
    reason: '',
  });
  const { values: v, set, bind, error } = form;
  const ending = isEnding(v.status);

  const submit = async () => {
    const result = await form.submit((input) => invoke('conventions.setStatus', input));
    if (result?.ok) {
      notifySuccess(`Statut : ${labelOf(CONVENTION_STATUSES, v.status)}.`);
      onDone();
    }
  };

  return (
    <ModalFormFrame form={form} onSubmit={() => void submit()} onCancel={onCancel}>
      <Select
        label="Nouveau statut"
        required
        data={optionsOf(CONVENTION_STATUSES)}
        value={v.status}
        onChange={(value) => set('status', value as ConventionStatus | null)}
        allowDeselect={false}
        {...bind('status')}
      />
      <DateField
        label={ending ? 'Prend effet le' : 'Depuis le'}
        required
        description={
          ending
            ? 'Les obligations qui tombent après cette date ne sont plus demandées.'
            : undefined
        }
        value={v.since}
        onChange={(value) => set('since', value)}
        {...bind('since')}
        error={error('since') && v.since === null ? 'Indiquez la date.' : error('since')}
      />
      {ending && (
        <Textarea
          label="Motif"
          required
          description={
            v.status === 'resolue'
              ? 'La résolution arrête les versements ; la CAF récupère les sommes non justifiées.'
              : 'Par exemple : dénonciation par lettre recommandée avant l’anniversaire, mise en demeure restée sans effet…'
          }
          autosize
          minRows={2}
          maxRows={6}
          value={v.reason}
          onChange={(e) => set('reason', e.currentTarget.value)}
          {...bind('reason')}
        />
      )}
    </ModalFormFrame>
  );
}
