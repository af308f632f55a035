import {
  Alert,
  Button,
  Group,
  Paper,
  SegmentedControl,
  SimpleGrid,
  Stack,
  Text,
  Title,
} from '@mantine/core';
import { IconArrowLeft, IconCheck } from '@tabler/icons-react';
import { useState } from 'react';
import type { ImportPlan, PlanAction, PlanCounts } from '../../shared/api/directoryImport';
import { plural } from '../components/format';
import { ACTIONS, PlanTable } from './PlanTable';

type Filter = PlanAction | 'all';

interface Props {
  plan: ImportPlan;
  withSheet: boolean;
  running: boolean;
  error: string | null;
  onBack: () => void;
  onRun: () => void;
}

/** Step 3: what the import would do, row by row, before anything is written. */
export function PreviewStep({ plan, withSheet, running, error, onBack, onRun }: Props) {
  const [filter, setFilter] = useState<Filter>('all');
  const count = (a: PlanAction) => plan.structures[a] + plan.promeneurs[a];
  const writes = count('create') + count('update');
  const items = filter === 'all' ? plan.items : plan.items.filter((i) => i.action === filter);
  return (
    <Stack gap="lg">
      <SimpleGrid cols={{ base: 1, sm: 2 }}>
        <CountsCard title="Structures" counts={plan.structures} />
        <CountsCard title="Promeneurs du Net" counts={plan.promeneurs} />
      </SimpleGrid>
      {plan.items.length === 0 ? (
        <Alert color="orange" variant="light">
          Aucune ligne du fichier ne décrit une structure ou un Promeneur avec les colonnes
          choisies. Revenez aux colonnes pour vérifier les correspondances.
        </Alert>
      ) : (
        <Stack gap="sm">
          <SegmentedControl
            aria-label="Lignes affichées"
            value={filter}
            onChange={(v) => setFilter(v as Filter)}
            data={[
              { value: 'all', label: `Toutes (${plan.items.length})` },
              ...(['create', 'update', 'skip'] as const).map((a) => ({
                value: a,
                label: `${a === 'skip' ? 'Ignorées' : ACTIONS[a].label} (${count(a)})`,
                disabled: count(a) === 0,
              })),
            ]}
            w="fit-content"
          />
          <PlanTable key={filter} items={items} withSheet={withSheet} />
        </Stack>
      )}
      {error && (
        <Alert color="red" variant="light" role="alert" title="Import impossible : rien n’a changé">
          {error}
        </Alert>
      )}
      {writes === 0 && plan.items.length > 0 && (
        <Alert color="blue" variant="light">
          Rien à importer : chaque ligne est ignorée ou déjà à jour dans Balise.
        </Alert>
      )}
      <Group justify="space-between">
        <Button
          variant="default"
          leftSection={<IconArrowLeft size={16} aria-hidden />}
          onClick={onBack}
          disabled={running}
        >
          Retour aux colonnes
        </Button>
        <Button
          leftSection={<IconCheck size={16} aria-hidden />}
          loading={running}
          disabled={writes === 0}
          onClick={onRun}
        >
          {`Importer (${plural(writes, 'fiche', 'fiches')})`}
        </Button>
      </Group>
    </Stack>
  );
}

function CountsCard({ title, counts }: { title: string; counts: PlanCounts }) {
  const figures = [
    ['À créer', counts.create],
    ['À mettre à jour', counts.update],
    ['Ignorées', counts.skip],
  ] as const;
  return (
    <Paper withBorder p="md" radius="md" component="section" aria-label={title}>
      <Title order={2} fz="h5" mb="xs">
        {title}
      </Title>
      <SimpleGrid cols={3} component="dl" m={0}>
        {figures.map(([label, n]) => (
          <div key={label}>
            <Text component="dt" size="sm" c="dimmed">
              {label}
            </Text>
            <Text component="dd" m={0} fz={26} fw={700} lh={1.1}>
              {n.toLocaleString('fr-FR')}
            </Text>
          </div>
        ))}
      </SimpleGrid>
    </Paper>
  );
}
