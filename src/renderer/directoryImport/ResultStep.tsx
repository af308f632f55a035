import { Alert, Button, Group, List, Stack, Text } from '@mantine/core';
import { IconBuildingCommunity, IconCircleCheck, IconUpload, IconUsers } from '@tabler/icons-react';
import { Link } from 'react-router-dom';
import type { RouteOutput } from '../../shared/api/contract';
import { plural } from '../components/format';

type Outcome = RouteOutput<'directoryImport.run'>;

/** Step 4: what the import did, and the way to the lists. */
export function ResultStep({
  fileName,
  outcome,
  onAnother,
}: {
  fileName: string;
  outcome: Outcome;
  onAnother: () => void;
}) {
  const { structures: s, promeneurs: p } = outcome;
  return (
    <Stack gap="lg">
      <Alert
        color="teal"
        variant="light"
        icon={<IconCircleCheck aria-hidden />}
        title={`Import de « ${fileName} » terminé`}
        role="status"
      >
        <List size="sm" spacing={2}>
          <List.Item>
            {plural(s.create, 'structure créée', 'structures créées')},{' '}
            {plural(s.update, 'mise à jour', 'mises à jour')}
          </List.Item>
          <List.Item>
            {plural(p.create, 'Promeneur du Net créé', 'Promeneurs du Net créés')},{' '}
            {plural(p.update, 'mis à jour', 'mis à jour')}
          </List.Item>
          {outcome.skipped > 0 && (
            <List.Item>
              {plural(outcome.skipped, 'ligne ignorée', 'lignes ignorées')}, comme annoncé dans
              l’aperçu
            </List.Item>
          )}
        </List>
        <Text size="sm" mt="xs">
          Chaque fiche créée ou modifiée figure dans son historique. Les colonnes choisies sont
          mémorisées pour le prochain fichier aux mêmes titres.
        </Text>
      </Alert>
      <Group>
        <Button
          component={Link}
          to="/structures"
          leftSection={<IconBuildingCommunity size={16} aria-hidden />}
        >
          Voir les structures
        </Button>
        <Button component={Link} to="/promeneurs" leftSection={<IconUsers size={16} aria-hidden />}>
          Voir les Promeneurs du Net
        </Button>
        <Button
          variant="default"
          leftSection={<IconUpload size={16} aria-hidden />}
          onClick={onAnother}
        >
          Importer un autre fichier
        </Button>
      </Group>
    </Stack>
  );
}
