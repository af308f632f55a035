import { ActionIcon, Button, Fieldset, Group, Select, Text, TextInput } from '@mantine/core';
import { IconPlus, IconTrash } from '@tabler/icons-react';
import { PLATFORMS, type Platform } from '../../shared/domain/directory';
import { optionsOf } from '../components/options';
import type { ProfileRow } from './formValues';

interface Props {
  rows: ProfileRow[];
  onChange: (rows: ProfileRow[]) => void;
  error: (key: string) => string | undefined;
  onBlur: (key: string) => void;
}

/** The Promeneur's professional profiles, one row per platform account. */
export function ProfilesEditor({ rows, onChange, error, onBlur }: Props) {
  const update = (index: number, patch: Partial<ProfileRow>) =>
    onChange(rows.map((row, i) => (i === index ? { ...row, ...patch } : row)));

  return (
    <>
      {rows.length === 0 && (
        <Text size="sm" c="dimmed">
          Aucun profil pour l’instant. Ajoutez chaque compte professionnel utilisé par le Promeneur.
        </Text>
      )}
      {rows.map((row, i) => {
        const key = (field: keyof ProfileRow) => `profiles.${i}.${field}`;
        return (
          <Fieldset key={i} legend={`Profil ${i + 1}`} variant="filled" p="sm">
            <Group align="flex-start" gap="sm" wrap="nowrap">
              <Select
                label="Plateforme"
                required
                placeholder="Choisir…"
                data={optionsOf(PLATFORMS)}
                value={row.platform}
                onChange={(platform) => update(i, { platform: platform as Platform | null })}
                onBlur={() => onBlur(key('platform'))}
                error={error(key('platform'))}
                w={170}
              />
              <TextInput
                label="Nom du profil"
                required
                placeholder="Ex. : Léa PdN Centre social"
                value={row.name}
                onChange={(e) => update(i, { name: e.currentTarget.value })}
                onBlur={() => onBlur(key('name'))}
                error={error(key('name'))}
                style={{ flex: 1 }}
              />
              <TextInput
                label="Lien"
                placeholder="https://…"
                value={row.url}
                onChange={(e) => update(i, { url: e.currentTarget.value })}
                onBlur={() => onBlur(key('url'))}
                error={error(key('url'))}
                style={{ flex: 1 }}
              />
              <ActionIcon
                variant="subtle"
                color="red"
                mt={26}
                size="lg"
                aria-label={`Retirer le profil ${i + 1}`}
                onClick={() => onChange(rows.filter((_, j) => j !== i))}
              >
                <IconTrash size={18} aria-hidden />
              </ActionIcon>
            </Group>
          </Fieldset>
        );
      })}
      <Button
        variant="light"
        w="fit-content"
        leftSection={<IconPlus size={16} aria-hidden />}
        onClick={() => onChange([...rows, { platform: null, name: '', url: '' }])}
      >
        Ajouter un profil
      </Button>
    </>
  );
}
