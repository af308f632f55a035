import { Alert, Select, SimpleGrid, Stack, Textarea, TextInput } from '@mantine/core';
import type { ChangeEvent } from 'react';
import type { EventFields } from '../../shared/api/calendar';
import {
  EVENT_TYPES,
  MAX_OCCURRENCES,
  type EventType,
  type Repeat,
} from '../../shared/domain/calendar';
import type { Result } from '../../shared/result';
import { DateField } from '../components/DateField';
import { FormFrame } from '../components/FormFrame';
import { Section } from '../components/FormSection';
import { optionsOf } from '../components/options';
import { useFieldsForm } from '../components/useFieldsForm';
import { DateTimeFields } from './DateTimeFields';
import { followStart } from './dateTime';
import { createSchema, editSchema, REPEAT_OPTIONS, type EventFormValues } from './formValues';
import { EVENT_LABELS as L } from './labels';

type Saved = Result<{ id: number }>;

interface Props {
  initial: EventFormValues;
  /** Creation asks for a repetition; an existing event (one occurrence) is changed alone. */
  mode: 'create' | 'edit';
  /** Shown above the form, e.g. for an occurrence of a series. */
  notice?: string;
  onSave: (
    fields: EventFields,
    repetition: { repeat: Repeat; until: string | null },
  ) => Promise<Saved>;
  onSaved: (id: number) => void;
  onCancel: () => void;
}

/** Every field of an event, checked by the same schema as main. */
export function EventForm({ initial, mode, notice, onSave, onSaved, onCancel }: Props) {
  const form = useFieldsForm(mode === 'create' ? createSchema : editSchema, initial);
  const { values: v, set, bind, error, blur } = form;

  const text = (field: 'title' | 'place' | 'videoUrl' | 'description') => ({
    value: v[field],
    onChange: (e: ChangeEvent<HTMLInputElement | HTMLTextAreaElement>) =>
      set(field, e.currentTarget.value),
    ...bind(field),
  });

  /** The title follows the type while it is empty or still the previous type's name. */
  const setType = (type: EventType | null) => {
    const previous = v.type === null ? '' : EVENT_TYPES[v.type];
    if (type !== null && (v.title.trim() === '' || v.title === previous))
      set('title', EVENT_TYPES[type]);
    set('type', type);
  };

  const setStart = (start: string) => {
    const end = followStart(v.start, start, v.end);
    set('start', start);
    if (end !== v.end) set('end', end);
  };

  const submit = async () => {
    const result = await form.submit((parsed) => {
      const { repeat = 'none', until = null } = parsed as {
        repeat?: Repeat;
        until?: string | null;
      };
      const fields: EventFields = {
        type: parsed.type,
        title: parsed.title,
        start: parsed.start,
        end: parsed.end,
        place: parsed.place,
        videoUrl: parsed.videoUrl,
        description: parsed.description,
      };
      return onSave(fields, { repeat, until });
    });
    if (result?.ok) onSaved(result.value.id);
  };

  return (
    <FormFrame form={form} onSubmit={() => void submit()} onCancel={onCancel}>
      {notice && (
        <Alert color="blue" variant="light">
          {notice}
        </Alert>
      )}
      <Section title="Évènement">
        <SimpleGrid cols={{ base: 1, md: 2 }}>
          <Select
            label={L.type}
            required
            data={optionsOf(EVENT_TYPES)}
            value={v.type}
            onChange={(value) => setType(value as EventType | null)}
            allowDeselect={false}
            placeholder="Choisir…"
            {...bind('type')}
            error={
              error('type') && v.type === null ? 'Choisissez le type d’évènement.' : error('type')
            }
          />
          <TextInput
            label={L.title}
            required
            description="Prérempli avec le type ; précisez-le si besoin (thème d’une formation…)."
            {...text('title')}
          />
        </SimpleGrid>
        <SimpleGrid cols={{ base: 1, md: 2 }}>
          <DateTimeFields
            suffix="de début"
            required
            value={v.start}
            onChange={setStart}
            onBlur={() => blur('start')}
            error={error('start')}
          />
          <DateTimeFields
            suffix="de fin"
            required
            value={v.end}
            onChange={(end) => set('end', end)}
            onBlur={() => blur('end')}
            error={error('end')}
          />
        </SimpleGrid>
      </Section>

      <Section title="Lieu et informations">
        <SimpleGrid cols={{ base: 1, md: 2 }}>
          <TextInput
            label={L.place}
            description="Adresse ou salle ; laissez vide pour une réunion à distance."
            {...text('place')}
          />
          <TextInput
            label={L.videoUrl}
            description="L’adresse complète, commençant par https://"
            placeholder="https://"
            {...text('videoUrl')}
          />
        </SimpleGrid>
        <Textarea
          label={L.description}
          description="Ordre du jour, intervenants, documents à apporter…"
          autosize
          minRows={3}
          maxRows={12}
          {...text('description')}
        />
      </Section>

      {mode === 'create' && (
        <Section
          title="Répétition"
          description={`Chaque occurrence devient un évènement à part entière, avec ses invités et ses présences (${MAX_OCCURRENCES} au plus).`}
        >
          <Stack gap="sm">
            <SimpleGrid cols={{ base: 1, md: 2 }}>
              <Select
                label={L.repeat}
                data={REPEAT_OPTIONS}
                value={v.repeat}
                onChange={(value) => {
                  set('repeat', (value ?? 'none') as Repeat);
                  if (value === 'none') set('until', null);
                }}
                allowDeselect={false}
                {...bind('repeat')}
              />
              {v.repeat !== 'none' && (
                <DateField
                  label="Jusqu’au"
                  required
                  description="Le dernier jour où une occurrence peut tomber."
                  value={v.until}
                  onChange={(value) => set('until', value)}
                  {...bind('until')}
                />
              )}
            </SimpleGrid>
          </Stack>
        </Section>
      )}
    </FormFrame>
  );
}
