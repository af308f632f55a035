import { Anchor, Badge, Button, Card, Group, Progress, Stack, Text, Title } from '@mantine/core';
import { IconArrowRight, IconPlus } from '@tabler/icons-react';
import { Link } from 'react-router-dom';
import type { CadenceType } from '../../shared/domain/calendar';
import { todayInParis } from '../../shared/rules/dates';
import { useRoute } from '../api/useRoute';
import { LoadError, Loading } from '../components/QueryState';

const GOALS: Record<CadenceType, { plural: string; feminine: boolean }> = {
  rencontre_departementale: { plural: 'Rencontres départementales', feminine: true },
  copil: { plural: 'COPIL', feminine: false },
  cotech: { plural: 'COTECH', feminine: false },
};

const agree = (n: number, word: string, feminine: boolean) =>
  `${n} ${word}${feminine ? 'e' : ''}${n > 1 ? 's' : ''}`;

/**
 * « Objectifs de l’année »: for each yearly goal, what was held and what is planned against
 * the target; a goal that what is planned can no longer meet is shown in orange, with a
 * link to plan the missing meeting.
 */
export function CadenceCard() {
  const year = Number(todayInParis().slice(0, 4));
  const cadence = useRoute('calendar.cadence', { year });

  return (
    <section aria-labelledby="cadence-title">
      <Group justify="space-between" mb="md">
        <Title order={2} fz="h3" id="cadence-title">
          Objectifs de l’année {year}
        </Title>
        <Anchor component={Link} to="/calendrier" size="sm" fw={500}>
          <Group gap={4} component="span">
            Calendrier
            <IconArrowRight size={14} aria-hidden />
          </Group>
        </Anchor>
      </Group>
      {!cadence.result ? (
        <Loading label="Chargement des objectifs…" />
      ) : !cadence.result.ok ? (
        <LoadError error={cadence.result.error} onRetry={cadence.reload} />
      ) : (
        <Card withBorder padding="md" radius="md">
          <Stack gap="md">
            {cadence.result.value.map((goal) => {
              const { plural, feminine } = GOALS[goal.type];
              const counted = goal.held + goal.planned;
              const short = goal.missing > 0;
              return (
                <Group
                  key={goal.type}
                  justify="space-between"
                  wrap="nowrap"
                  gap="md"
                  data-goal={goal.type}
                >
                  <Stack gap={4} style={{ flex: 1 }}>
                    <Group gap="xs">
                      <Text fw={600} size="sm">
                        {plural}
                      </Text>
                      <Text size="sm" c="dimmed">
                        {agree(goal.held, 'tenu', feminine)} ·{' '}
                        {agree(goal.planned, 'prévu', feminine)}
                      </Text>
                    </Group>
                    <Progress
                      value={goal.target === 0 ? 100 : Math.min(100, (counted / goal.target) * 100)}
                      color={short ? 'orange' : 'teal'}
                      size="sm"
                      aria-label={`${plural} : ${counted} sur ${goal.target}`}
                    />
                  </Stack>
                  <Text fw={700} size="lg" w={64} ta="right" aria-hidden>
                    {counted} / {goal.target}
                  </Text>
                  {short ? (
                    <Group gap="xs" wrap="nowrap" w={290} justify="flex-end">
                      <Badge color="orange" variant="light" tt="none" size="lg">
                        Il en manque {goal.missing}
                      </Badge>
                      <Button
                        component={Link}
                        to={`/calendrier/nouveau?type=${goal.type}`}
                        size="xs"
                        variant="light"
                        color="orange"
                        leftSection={<IconPlus size={14} aria-hidden />}
                        aria-label={`Planifier : ${goal.label}`}
                      >
                        Planifier
                      </Button>
                    </Group>
                  ) : (
                    <Group w={290} justify="flex-end">
                      <Badge color="teal" variant="light" tt="none" size="lg">
                        Objectif couvert
                      </Badge>
                    </Group>
                  )}
                </Group>
              );
            })}
          </Stack>
        </Card>
      )}
    </section>
  );
}
