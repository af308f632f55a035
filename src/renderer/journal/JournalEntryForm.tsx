import { MultiSelect, Select, SimpleGrid, TextInput, Textarea } from '@mantine/core';
import { logFields, type LogEntry } from '../../shared/api/journal';
import {
  LOG_CHANNELS,
  LOG_KINDS,
  type LogChannel,
  type LogKind,
} from '../../shared/domain/calendar';
import { todayInParis } from '../../shared/rules/dates';
import { invoke } from '../api/client';
import { DateField } from '../components/DateField';
import { notifySuccess } from '../components/notify';
import { optionsOf } from '../components/options';
import { useFieldsForm } from '../components/useFieldsForm';
import { ModalFormFrame } from '../conventions/ModalFormFrame';
import { DurationInput } from './DurationInput';
import { JOURNAL_LABELS as L } from './labels';
import { usePeopleOptions } from './usePeopleOptions';

/** What a new entry starts with: today, and whatever the list is filtered on. */
export interface EntryDefaults {
  kind: LogKind | null;
  promeneurIds: number[];
  structureIds: number[];
}

interface Props {
  entry: LogEntry | null;
  defaults: EntryDefaults;
  /** Called with the saved entry's date (the list may need to show its year). */
  onDone: (date: string) => void;
  onCancel: () => void;
}

const ids = (values: string[]) => values.map(Number);
const texts = (values: number[]) => values.map(String);

/** Adds or changes one entry of the journal, inside a modal. */
export function JournalEntryForm({ entry, defaults, onDone, onCancel }: Props) {
  const people = usePeopleOptions(entry);
  const form = useFieldsForm(logFields, {
    date: (entry?.date ?? todayInParis()) as string | null,
    kind: (entry?.kind ?? defaults.kind) as LogKind | null,
    channel: (entry?.channel ?? null) as LogChannel | null,
    durationMinutes: (entry?.durationMinutes ?? null) as number | null,
    summary: entry?.summary ?? '',
    promeneurIds: entry?.promeneurs.map((p) => p.id) ?? defaults.promeneurIds,
    structureIds: entry?.structures.map((s) => s.id) ?? defaults.structureIds,
    partners: entry?.partners ?? '',
  });
  const { values: v, set, bind, error } = form;
  const durationError =
    error('durationMinutes') && Number.isNaN(v.durationMinutes)
      ? 'Durée : des chiffres seulement, en heures et en minutes.'
      : error('durationMinutes');

  const submit = async () => {
    const result = await form.submit((fields) =>
      entry
        ? invoke('journal.update', { id: entry.id, fields })
        : invoke('journal.create', { fields }),
    );
    if (result?.ok) {
      notifySuccess(entry ? 'Entrée modifiée.' : 'Entrée ajoutée au journal.');
      onDone(v.date ?? '');
    }
  };

  return (
    <ModalFormFrame form={form} onSubmit={() => void submit()} onCancel={onCancel}>
      <SimpleGrid cols={3} style={{ gridTemplateColumns: '180px 1fr 200px' }}>
        <DateField
          label={L.date}
          required
          value={v.date}
          onChange={(value) => set('date', value)}
          {...bind('date')}
        />
        <Select
          label={L.kind}
          required
          placeholder="Choisir…"
          data-autofocus
          data={optionsOf(LOG_KINDS)}
          value={v.kind}
          onChange={(value) => set('kind', value as LogKind | null)}
          allowDeselect={false}
          {...bind('kind')}
        />
        <Select
          label={L.channel}
          required
          placeholder="Choisir…"
          data={optionsOf(LOG_CHANNELS)}
          value={v.channel}
          onChange={(value) => set('channel', value as LogChannel | null)}
          allowDeselect={false}
          {...bind('channel')}
        />
      </SimpleGrid>
      <DurationInput
        value={v.durationMinutes}
        onChange={(minutes) => set('durationMinutes', minutes)}
        onBlur={() => form.blur('durationMinutes')}
        error={durationError}
      />
      <Textarea
        label={L.summary}
        required
        placeholder="Ce que vous avez fait, en une phrase ou deux"
        autosize
        minRows={2}
        maxRows={5}
        value={v.summary}
        onChange={(e) => set('summary', e.currentTarget.value)}
        {...bind('summary')}
      />
      <SimpleGrid cols={2}>
        <MultiSelect
          label={L.promeneurIds}
          placeholder={v.promeneurIds.length ? undefined : 'Rechercher un Promeneur…'}
          data={people.promeneurs}
          value={texts(v.promeneurIds)}
          onChange={(values) => set('promeneurIds', ids(values))}
          searchable
          clearable
          hidePickedOptions
          nothingFoundMessage="Aucun Promeneur ne correspond"
          {...bind('promeneurIds')}
        />
        <MultiSelect
          label={L.structureIds}
          placeholder={v.structureIds.length ? undefined : 'Rechercher une structure…'}
          data={people.structures}
          value={texts(v.structureIds)}
          onChange={(values) => set('structureIds', ids(values))}
          searchable
          clearable
          hidePickedOptions
          nothingFoundMessage="Aucune structure ne correspond"
          {...bind('structureIds')}
        />
      </SimpleGrid>
      <TextInput
        label={L.partners}
        placeholder="Rencontrés ou aidés, par exemple : CAF, MSA, mairie de Saumur"
        value={v.partners}
        onChange={(e) => set('partners', e.currentTarget.value)}
        {...bind('partners')}
      />
    </ModalFormFrame>
  );
}
