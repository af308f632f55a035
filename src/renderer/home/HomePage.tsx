import {
  Badge,
  Card,
  Group,
  SimpleGrid,
  Stack,
  Text,
  ThemeIcon,
  Title,
  UnstyledButton,
} from '@mantine/core';
import { IconChevronRight, IconConfetti } from '@tabler/icons-react';
import { useNavigate } from 'react-router-dom';
import type { HomeSummary } from '../../shared/api/home';
import { usePageTitle } from '../app/usePageTitle';
import { useShell } from '../app/shellContext';
import { useRoute } from '../api/useRoute';
import { PageHeader } from '../components/PageHeader';
import { LoadError, Loading } from '../components/QueryState';
import { CadenceCard } from './CadenceCard';
import { NextStepCard } from './NextStepCard';
import { TodoSection } from './TodoSection';

export function HomePage() {
  usePageTitle('Accueil');
  const { departmentName } = useShell();
  const summary = useRoute('home.summary', {});

  return (
    <>
      <PageHeader
        title="Accueil"
        meta={
          <Text c="dimmed" size="sm">
            {departmentName
              ? `Réseau des Promeneurs du Net — ${departmentName}`
              : 'Votre réseau des Promeneurs du Net en un coup d’œil.'}
          </Text>
        }
      />
      {!summary.result ? (
        <Loading />
      ) : !summary.result.ok ? (
        <LoadError error={summary.result.error} onRetry={summary.reload} />
      ) : (
        <Summary summary={summary.result.value} />
      )}
    </>
  );
}

function Summary({ summary }: { summary: HomeSummary }) {
  const navigate = useNavigate();
  const figures = [
    {
      label: 'Structures dans le réseau',
      value: summary.structuresInNetwork,
      to: '/structures?statut=dans_le_reseau',
    },
    {
      label: 'Structures candidates',
      value: summary.structuresCandidate,
      to: '/structures?statut=interessee&statut=retenue',
    },
    { label: 'Promeneurs actifs', value: summary.promeneursActive, to: '/promeneurs?statut=actif' },
    {
      label: 'Promeneurs en préparation',
      value: summary.promeneursInPreparation,
      to: '/promeneurs?statut=en_preparation',
    },
  ];

  return (
    <Stack gap="xl">
      <section aria-label="Chiffres clés">
        <SimpleGrid cols={{ base: 2, lg: 4 }}>
          {figures.map((f) => (
            <UnstyledButton
              key={f.label}
              onClick={() => navigate(f.to)}
              aria-label={`${f.label} : ${f.value}`}
            >
              <Card withBorder padding="lg" radius="md" h="100%">
                <Text fz={34} fw={700} lh={1}>
                  {f.value.toLocaleString('fr-FR')}
                </Text>
                <Group justify="space-between" mt="xs" wrap="nowrap">
                  <Text size="sm" c="dimmed">
                    {f.label}
                  </Text>
                  <IconChevronRight size={16} aria-hidden opacity={0.5} />
                </Group>
              </Card>
            </UnstyledButton>
          ))}
        </SimpleGrid>
      </section>

      <TodoSection />

      <CadenceCard />

      <section aria-labelledby="next-steps-title">
        <Group gap="sm" mb="md">
          <Title order={2} fz="h3" id="next-steps-title">
            Prochaines étapes
          </Title>
          {summary.nextSteps.length > 0 && (
            <Badge variant="light" size="lg" circle={summary.nextSteps.length < 10}>
              {summary.nextSteps.length}
            </Badge>
          )}
        </Group>
        {summary.nextSteps.length === 0 ? (
          <Card withBorder padding="lg" radius="md">
            <Group wrap="nowrap">
              <ThemeIcon size={44} radius="xl" variant="light" aria-hidden>
                <IconConfetti size={24} />
              </ThemeIcon>
              <div>
                <Text fw={600}>Tout est à jour</Text>
                <Text size="sm" c="dimmed">
                  Aucune démarche en attente : chartes signées, profils contrôlés. Bon travail !
                </Text>
              </div>
            </Group>
          </Card>
        ) : (
          <SimpleGrid cols={{ base: 1, lg: 2 }}>
            {summary.nextSteps.map((step) => (
              <NextStepCard key={`${step.kind}-${step.link}`} step={step} />
            ))}
          </SimpleGrid>
        )}
      </section>
    </Stack>
  );
}
