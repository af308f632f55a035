import { Select, SimpleGrid, Text, Textarea, TextInput } from '@mantine/core';
import type { ChangeEvent } from 'react';
import { promeneurFields, type PromeneurFields } from '../../shared/api/promeneurs';
import {
  JOBS,
  PROMENEUR_STATUSES,
  type Job,
  type PromeneurStatus,
} from '../../shared/domain/directory';
import type { Result } from '../../shared/result';
import { DateField } from '../components/DateField';
import { FormFrame } from '../components/FormFrame';
import { Section } from '../components/FormSection';
import { optionsOf } from '../components/options';
import { useFieldsForm } from '../components/useFieldsForm';
import { ComplianceEditor } from './ComplianceEditor';
import { DutySlotsEditor } from './DutySlotsEditor';
import type { PromeneurFormValues } from './formValues';
import { PROMENEUR_LABELS as L } from './labels';
import { ProfilesEditor } from './ProfilesEditor';
import { PublicationEditor } from './PublicationEditor';
import { useStructureOptions } from './useStructureOptions';

interface Props {
  initial: PromeneurFormValues;
  /** The status the record has now (edit), to ask for the date of a change only. */
  savedStatus: PromeneurStatus | null;
  /** The current employer, kept in the list even when archived. */
  currentStructure?: { id: number; name: string };
  onSave: (fields: PromeneurFields) => Promise<Result<{ id: number }>>;
  onSaved: (id: number) => void;
  onCancel: () => void;
}

/** Every field of a Promeneur du Net, checked by the same schema as main. */
export function PromeneurForm(props: Props) {
  const { initial, savedStatus, currentStructure, onSave, onSaved, onCancel } = props;
  const form = useFieldsForm(promeneurFields, initial);
  const { values: v, set, bind, error, blur } = form;
  const structures = useStructureOptions(currentStructure);
  const statusChanged = savedStatus === null || v.status !== savedStatus;

  const text = (field: 'firstName' | 'lastName' | 'email' | 'phone' | 'notes') => ({
    value: v[field],
    onChange: (e: ChangeEvent<HTMLInputElement | HTMLTextAreaElement>) =>
      set(field, e.currentTarget.value),
    ...bind(field),
  });

  const submit = async () => {
    const result = await form.submit(onSave);
    if (result?.ok) onSaved(result.value.id);
  };

  return (
    <FormFrame form={form} onSubmit={() => void submit()} onCancel={onCancel}>
      <Section title="Identité et structure">
        <SimpleGrid cols={{ base: 1, md: 2 }}>
          <TextInput label={L.firstName} required autoFocus {...text('firstName')} />
          <TextInput label={L.lastName} required {...text('lastName')} />
          <Select
            label={L.job}
            required
            placeholder="Choisir…"
            data={optionsOf(JOBS)}
            value={v.job}
            onChange={(value) => set('job', value as Job | null)}
            {...bind('job')}
          />
          <Select
            label={L.structureId}
            required
            searchable
            placeholder={structures.loading ? 'Chargement…' : 'Rechercher une structure…'}
            nothingFoundMessage="Aucune structure ne correspond"
            data={structures.options}
            value={v.structureId === null ? null : String(v.structureId)}
            onChange={(value) => set('structureId', value === null ? null : Number(value))}
            {...bind('structureId')}
            error={error('structureId') ?? structures.error?.message}
          />
        </SimpleGrid>
      </Section>

      <Section title="Coordonnées professionnelles">
        <SimpleGrid cols={{ base: 1, md: 2 }}>
          <TextInput
            label={L.email}
            type="email"
            placeholder="prenom.nom@structure.fr"
            {...text('email')}
          />
          <TextInput label={L.phone} type="tel" placeholder="06 12 34 56 78" {...text('phone')} />
        </SimpleGrid>
      </Section>

      <Section title="Parcours dans le dispositif">
        <SimpleGrid cols={{ base: 1, md: 2 }}>
          <DateField
            label={L.startDate}
            value={v.startDate}
            onChange={(value) => set('startDate', value)}
            {...bind('startDate')}
          />
          <DateField
            label={L.charterSignedOn}
            value={v.charterSignedOn}
            onChange={(value) => set('charterSignedOn', value)}
            {...bind('charterSignedOn')}
          />
          <Select
            label={L.status}
            required
            description={
              v.status === 'exclu'
                ? 'Une exclusion est une décision du COPIL, notifiée à la structure.'
                : undefined
            }
            data={optionsOf(PROMENEUR_STATUSES)}
            value={v.status}
            onChange={(value) => set('status', value as PromeneurStatus | null)}
            allowDeselect={false}
            {...bind('status')}
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
        </SimpleGrid>
      </Section>

      <Section
        title={L.profiles}
        description="Les comptes professionnels du Promeneur, un par plateforme."
      >
        <ProfilesEditor
          rows={v.profiles}
          onChange={(rows) => set('profiles', rows)}
          error={error}
          onBlur={blur}
        />
      </Section>

      <Section title={L.dutySlots} description="Les créneaux où le Promeneur est présent en ligne.">
        <DutySlotsEditor
          rows={v.dutySlots}
          onChange={(rows) => set('dutySlots', rows)}
          error={error}
          onBlur={blur}
        />
      </Section>

      <Section
        title="Conformité du profil"
        description="Charte, article 3 : ce que le profil professionnel doit montrer."
      >
        <ComplianceEditor
          points={v.compliance}
          checkedOn={v.complianceCheckedOn}
          onPoints={(points) => set('compliance', points)}
          onCheckedOn={(date) => set('complianceCheckedOn', date)}
          error={error('complianceCheckedOn')}
          onBlur={() => blur('complianceCheckedOn')}
        />
      </Section>

      <Section
        title="Publication dans l’annuaire départemental"
        description="Le prénom, la photo, le métier et la structure figurent par défaut dans l’annuaire départemental."
      >
        <Text size="sm">Cochez ce que le Promeneur accepte aussi de publier :</Text>
        <PublicationEditor value={v.publication} onChange={(value) => set('publication', value)} />
      </Section>

      <Section title="Autres informations">
        <Textarea label={L.notes} autosize minRows={3} maxRows={12} {...text('notes')} />
      </Section>
    </FormFrame>
  );
}
