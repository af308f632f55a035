import { Checkbox, Stack } from '@mantine/core';
import { PUBLICATION_FIELDS, type PublicationField } from '../../shared/domain/directory';

/** « Publier le téléphone professionnel »: the consent reads as what it allows. */
const ARTICLES: Record<PublicationField, string> = {
  lastName: 'le ',
  email: 'l’',
  phone: 'le ',
  profiles: 'les ',
  dutySlots: 'les ',
};

export const publishLabel = (field: PublicationField) =>
  `Publier ${ARTICLES[field]}${PUBLICATION_FIELDS[field].toLowerCase()}`;

interface Props {
  value: Record<PublicationField, boolean>;
  onChange: (value: Record<PublicationField, boolean>) => void;
}

/** What the Promeneur agrees to show in the departmental directory, beyond the defaults. */
export function PublicationEditor({ value, onChange }: Props) {
  return (
    <Stack gap={6}>
      {(Object.keys(PUBLICATION_FIELDS) as PublicationField[]).map((field) => (
        <Checkbox
          key={field}
          label={publishLabel(field)}
          checked={value[field]}
          onChange={(e) => onChange({ ...value, [field]: e.currentTarget.checked })}
        />
      ))}
    </Stack>
  );
}
