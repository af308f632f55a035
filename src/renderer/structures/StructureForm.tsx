import type { ChangeEvent } from 'react';
import {
  Autocomplete,
  Checkbox,
  NumberInput,
  Select,
  SimpleGrid,
  Textarea,
  TextInput,
} from '@mantine/core';
import { structureFields, type StructureFields } from '../../shared/api/structures';
import {
  LEGAL_FORMS,
  STRUCTURE_STATUSES,
  STRUCTURE_TYPES,
  type LegalForm,
  type StructureStatus,
  type StructureType,
} from '../../shared/domain/directory';
import type { Result } from '../../shared/result';
import { useRoute } from '../api/useRoute';
import { DateField } from '../components/DateField';
import { FormFrame } from '../components/FormFrame';
import { Section } from '../components/FormSection';
import { optionsOf } from '../components/options';
import { useFieldsForm } from '../components/useFieldsForm';
import type { StructureFormValues } from './formValues';
import { STRUCTURE_LABELS as L } from './labels';

interface Props {
  initial: StructureFormValues;
  /** The status the record has now (edit), to ask for the date of a change only. */
  savedStatus: StructureStatus | null;
  onSave: (fields: StructureFields) => Promise<Result<{ id: number }>>;
  onSaved: (id: number) => void;
  onCancel: () => void;
}

/** Every field of a structure, checked by the same schema as main, message under each field. */
export function StructureForm({ initial, savedStatus, onSave, onSaved, onCancel }: Props) {
  const form = useFieldsForm(structureFields, initial);
  const { values: v, set, bind } = form;
  const territories = useRoute('structures.territories', {});
  const statusChanged = savedStatus === null || v.networkStatus !== savedStatus;

  const text = (field: keyof StructureFormValues & string) => ({
    value: v[field] as string,
    onChange: (e: ChangeEvent<HTMLInputElement | HTMLTextAreaElement>) =>
      set(field, e.currentTarget.value as never),
    ...bind(field),
  });

  const submit = async () => {
    const result = await form.submit(onSave);
    if (result?.ok) onSaved(result.value.id);
  };

  return (
    <FormFrame form={form} onSubmit={() => void submit()} onCancel={onCancel}>
      <Section title="Identité">
        <TextInput label={L.name} required autoFocus {...text('name')} />
        <SimpleGrid cols={{ base: 1, md: 2 }}>
          <Select
            label={L.type}
            required
            placeholder="Choisir…"
            data={optionsOf(STRUCTURE_TYPES)}
            value={v.type}
            onChange={(value) => set('type', value as StructureType | null)}
            searchable
            {...bind('type')}
          />
          <Select
            label={L.legalForm}
            required
            description="Elle détermine les pièces justificatives de la convention."
            placeholder="Choisir…"
            data={optionsOf(LEGAL_FORMS)}
            value={v.legalForm}
            onChange={(value) => set('legalForm', value as LegalForm | null)}
            {...bind('legalForm')}
          />
          <TextInput
            label={L.siret}
            description="14 chiffres, espaces permis."
            inputMode="numeric"
            {...text('siret')}
          />
        </SimpleGrid>
        <Checkbox
          label="Intervient dans un quartier prioritaire de la politique de la ville (QPV)"
          checked={v.qpv}
          onChange={(e) => set('qpv', e.currentTarget.checked)}
        />
      </Section>

      <Section title="Coordonnées">
        <TextInput label={L.address} {...text('address')} />
        <SimpleGrid cols={{ base: 1, md: 3 }}>
          <TextInput
            label={L.postalCode}
            inputMode="numeric"
            maxLength={5}
            {...text('postalCode')}
          />
          <TextInput label={L.commune} {...text('commune')} />
          <Autocomplete
            label={L.territory}
            description="Choisissez un territoire existant ou saisissez-en un nouveau."
            data={territories.result?.ok ? territories.result.value : []}
            value={v.territory}
            onChange={(value) => set('territory', value)}
            {...bind('territory')}
          />
        </SimpleGrid>
        <SimpleGrid cols={{ base: 1, md: 3 }}>
          <TextInput label={L.phone} type="tel" placeholder="01 23 45 67 89" {...text('phone')} />
          <TextInput
            label={L.email}
            type="email"
            placeholder="contact@structure.fr"
            {...text('email')}
          />
          <TextInput label={L.website} placeholder="www.structure.fr" {...text('website')} />
        </SimpleGrid>
      </Section>

      <Section title="Réseau">
        <SimpleGrid cols={{ base: 1, md: 3 }}>
          <Select
            label={L.networkStatus}
            required
            data={optionsOf(STRUCTURE_STATUSES)}
            value={v.networkStatus}
            onChange={(value) => set('networkStatus', value as StructureStatus | null)}
            allowDeselect={false}
            {...bind('networkStatus')}
          />
          {statusChanged && (
            <DateField
              label={L.statusSince}
              description="Laissez vide pour aujourd’hui."
              value={v.statusSince}
              onChange={(value) => set('statusSince', value)}
              {...bind('statusSince')}
            />
          )}
          <NumberInput
            label={L.selectionYear}
            description={
              v.networkStatus === 'retenue' ? 'Obligatoire pour une structure retenue.' : undefined
            }
            required={v.networkStatus === 'retenue'}
            min={2000}
            max={2100}
            allowDecimal={false}
            allowNegative={false}
            hideControls
            clampBehavior="none"
            thousandSeparator=""
            value={v.selectionYear ?? ''}
            onChange={(value) => set('selectionYear', typeof value === 'number' ? value : null)}
            {...bind('selectionYear')}
          />
        </SimpleGrid>
      </Section>

      <Section title="Charte et représentant légal">
        <SimpleGrid cols={{ base: 1, md: 2 }}>
          <DateField
            label={L.charterSignedOn}
            value={v.charterSignedOn}
            onChange={(value) => set('charterSignedOn', value)}
            {...bind('charterSignedOn')}
          />
          <TextInput label={L.charterSignatory} {...text('charterSignatory')} />
          <TextInput label={L.representativeName} {...text('representativeName')} />
          <TextInput
            label={L.representativeTitle}
            placeholder="Président, directrice, maire…"
            {...text('representativeTitle')}
          />
        </SimpleGrid>
      </Section>

      <Section title="Autres informations">
        <Textarea label={L.notes} autosize minRows={3} maxRows={12} {...text('notes')} />
      </Section>
    </FormFrame>
  );
}
