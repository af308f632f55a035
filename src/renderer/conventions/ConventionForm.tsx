import type { ChangeEvent } from 'react';
import {
  Alert,
  Checkbox,
  NumberInput,
  Radio,
  Group,
  Select,
  SimpleGrid,
  Textarea,
  TextInput,
} from '@mantine/core';
import { conventionFields, type ConventionFields } from '../../shared/api/conventions';
import { CONVENTION_KINDS, type ConventionKind } from '../../shared/domain/conventions';
import { formatDate } from '../../shared/rules/dates';
import type { Result } from '../../shared/result';
import { useRoute } from '../api/useRoute';
import { DateField } from '../components/DateField';
import { FormFrame } from '../components/FormFrame';
import { Section } from '../components/FormSection';
import { useFieldsForm } from '../components/useFieldsForm';
import { useStructureOptions } from '../promeneurs/useStructureOptions';
import { yearsOf, type ConventionFormValues } from './formValues';
import { CONVENTION_LABELS as L } from './labels';
import { YearAmountsEditor } from './YearAmountsEditor';

interface Props {
  initial: ConventionFormValues;
  /** The convention being edited (left out of the « previous convention » choices). */
  editing?: { id: number; structure: { id: number; name: string }; amendments: number };
  onSave: (fields: ConventionFields) => Promise<Result<{ id: number }>>;
  onSaved: (id: number) => void;
  onCancel: () => void;
}

/** Every field of a convention as signed, checked by the same schema as main. */
export function ConventionForm({ initial, editing, onSave, onSaved, onCancel }: Props) {
  const form = useFieldsForm(conventionFields, initial);
  const { values: v, set, bind, error, blur } = form;
  const structures = useStructureOptions(editing?.structure);
  const siblings = useRoute(
    'conventions.list',
    v.structureId === null ? null : { structureId: v.structureId, sort: 'startDate' },
  );
  const previousOptions = (siblings.result?.ok ? siblings.result.value : [])
    .filter((c) => c.id !== editing?.id)
    .map((c) => ({
      value: String(c.id),
      label: `${c.reference} (${formatDate(c.startDate)} – ${formatDate(c.endDate)})`,
    }));

  const text = (field: 'reference' | 'notes') => ({
    value: v[field],
    onChange: (e: ChangeEvent<HTMLInputElement | HTMLTextAreaElement>) =>
      set(field, e.currentTarget.value),
    ...bind(field),
  });

  /** An empty required field says what to do, rather than what type it expected. */
  const required = (field: 'startDate' | 'endDate', message: string) => ({
    ...bind(field),
    error: error(field) && v[field] === null ? message : error(field),
  });

  const setDates = (startDate: string | null, endDate: string | null) => {
    if (startDate !== v.startDate) set('startDate', startDate);
    if (endDate !== v.endDate) set('endDate', endDate);
    set('subsidies', yearsOf(startDate, endDate, v.subsidies));
  };

  const submit = async () => {
    const result = await form.submit(onSave);
    if (result?.ok) onSaved(result.value.id);
  };

  return (
    <FormFrame form={form} onSubmit={() => void submit()} onCancel={onCancel}>
      {editing && editing.amendments > 0 && (
        <Alert color="blue" variant="light" title="Termes signés">
          Ces champs sont les termes de la convention telle qu’elle a été signée. Ses avenants s’y
          appliquent ; pour changer les termes après la signature, ajoutez plutôt un avenant.
        </Alert>
      )}
      <Section title="Convention">
        <SimpleGrid cols={{ base: 1, md: 2 }}>
          <Select
            label={L.structureId}
            required
            searchable
            placeholder={structures.loading ? 'Chargement…' : 'Rechercher une structure…'}
            nothingFoundMessage="Aucune structure ne correspond"
            description="Sa forme juridique détermine les pièces justificatives."
            data={structures.options}
            value={v.structureId === null ? null : String(v.structureId)}
            onChange={(value) => {
              set('structureId', value === null ? null : Number(value));
              set('previousId', null);
            }}
            {...bind('structureId')}
            error={
              (error('structureId') && v.structureId === null
                ? 'Choisissez la structure signataire.'
                : error('structureId')) ?? structures.error?.message
            }
          />
          <TextInput
            label={L.reference}
            required
            description="Le numéro ou l’intitulé de la convention, tel qu’il figure sur le document."
            {...text('reference')}
          />
        </SimpleGrid>
        <Radio.Group
          label={L.kind}
          required
          value={v.kind}
          onChange={(value) => {
            set('kind', value as ConventionKind);
            if (value !== 'renouvellement') set('previousId', null);
          }}
          error={error('kind')}
        >
          <Group mt={6}>
            {Object.entries(CONVENTION_KINDS).map(([value, label]) => (
              <Radio key={value} value={value} label={label} />
            ))}
          </Group>
        </Radio.Group>
        {v.kind === 'renouvellement' && (
          <Select
            label={L.previousId}
            description={
              v.structureId === null
                ? 'Choisissez d’abord la structure.'
                : previousOptions.length === 0
                  ? 'Aucune autre convention de cette structure n’est enregistrée : laissez vide.'
                  : 'La convention que celle-ci renouvelle, si elle est enregistrée dans Balise.'
            }
            placeholder={previousOptions.length === 0 ? 'Aucune' : 'Choisir…'}
            data={previousOptions}
            disabled={previousOptions.length === 0}
            value={v.previousId === null ? null : String(v.previousId)}
            onChange={(value) => set('previousId', value === null ? null : Number(value))}
            clearable
            {...bind('previousId')}
            maw={480}
          />
        )}
        <Checkbox
          label="La MSA est aussi signataire de la convention"
          checked={v.withMsa}
          onChange={(e) => set('withMsa', e.currentTarget.checked)}
        />
      </Section>

      <Section
        title="Période et financement"
        description="Il n’y a pas de tacite reconduction : à la fin de la période, la convention doit être renouvelée."
      >
        <SimpleGrid cols={{ base: 1, md: 3 }}>
          <DateField
            label={L.startDate}
            required
            value={v.startDate}
            onChange={(value) => setDates(value, v.endDate)}
            {...required('startDate', 'Indiquez la date de début.')}
          />
          <DateField
            label={L.endDate}
            required
            value={v.endDate}
            onChange={(value) => setDates(v.startDate, value)}
            {...required('endDate', 'Indiquez la date de fin.')}
          />
          <NumberInput
            label={L.fundedPromeneurs}
            required
            min={1}
            max={200}
            allowDecimal={false}
            allowNegative={false}
            clampBehavior="none"
            value={v.fundedPromeneurs ?? ''}
            onChange={(value) => set('fundedPromeneurs', typeof value === 'number' ? value : null)}
            {...bind('fundedPromeneurs')}
            maw={220}
          />
        </SimpleGrid>
        <YearAmountsEditor
          rows={v.subsidies}
          onChange={(rows) => set('subsidies', rows)}
          path="subsidies"
          error={error}
          onBlur={blur}
          emptyText="Indiquez le début et la fin : une subvention par année couverte vous sera demandée."
        />
      </Section>

      <Section title="Autres informations">
        <Textarea label={L.notes} autosize minRows={3} maxRows={12} {...text('notes')} />
      </Section>
    </FormFrame>
  );
}
