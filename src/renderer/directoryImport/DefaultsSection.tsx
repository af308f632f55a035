import { Fieldset, Select, SimpleGrid } from '@mantine/core';
import type { ImportDefaults } from '../../shared/api/directoryImport';
import {
  JOBS,
  LEGAL_FORMS,
  PROMENEUR_STATUSES,
  STRUCTURE_STATUSES,
  STRUCTURE_TYPES,
} from '../../shared/domain/directory';
import { Section } from '../components/FormSection';
import { optionsOf } from '../components/options';

type Kind = 'structures' | 'promeneurs';

/** Each default, by the kind of record it is for. */
const DEFAULTS: Record<
  Kind,
  {
    legend: string;
    fields: { key: keyof ImportDefaults; label: string; labels: Record<string, string> }[];
  }
> = {
  structures: {
    legend: 'Nouvelles structures',
    fields: [
      { key: 'structureType', label: 'Type', labels: STRUCTURE_TYPES },
      { key: 'legalForm', label: 'Forme juridique', labels: LEGAL_FORMS },
      { key: 'networkStatus', label: 'Statut dans le réseau', labels: STRUCTURE_STATUSES },
    ],
  },
  promeneurs: {
    legend: 'Nouveaux Promeneurs du Net',
    fields: [
      { key: 'job', label: 'Métier', labels: JOBS },
      { key: 'promeneurStatus', label: 'Statut', labels: PROMENEUR_STATUSES },
    ],
  },
};

interface Props {
  value: ImportDefaults;
  /** Which records the chosen sheets may create. */
  creates: Record<Kind, boolean>;
  onChange: (value: ImportDefaults) => void;
}

/** What a new record gets when the file says nothing (Balise requires these fields). */
export function DefaultsSection({ value, creates, onChange }: Props) {
  const kinds = (Object.keys(DEFAULTS) as Kind[]).filter((k) => creates[k]);
  if (kinds.length === 0) return null;
  return (
    <Section
      title="Quand le fichier ne dit rien"
      description="Balise demande ces informations pour chaque nouvelle fiche. Elles sont prises dans le fichier quand une colonne les donne ; sinon, ces valeurs sont retenues. Les fiches déjà dans Balise ne sont pas touchées."
    >
      {kinds.map((kind) => (
        <Fieldset key={kind} legend={DEFAULTS[kind].legend} variant="filled" p="sm">
          <SimpleGrid cols={{ base: 1, sm: 3 }} spacing="md">
            {DEFAULTS[kind].fields.map((d) => (
              <Select
                key={d.key}
                label={d.label}
                data={optionsOf(d.labels)}
                value={value[d.key]}
                allowDeselect={false}
                onChange={(v) => v && onChange({ ...value, [d.key]: v } as ImportDefaults)}
              />
            ))}
          </SimpleGrid>
        </Fieldset>
      ))}
    </Section>
  );
}
