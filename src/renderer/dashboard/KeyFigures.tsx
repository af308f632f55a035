import { Anchor, Group, Paper, Progress, SimpleGrid, Stack, Text } from '@mantine/core';
import type { ReactNode } from 'react';
import { Link } from 'react-router-dom';
import type { DashboardData } from '../../shared/api/dashboard';
import { formatDate } from '../../shared/rules/dates';
import { plural } from '../components/format';
import { euros, fr, percent } from './format';

function Figure({ label, value, detail }: { label: string; value: ReactNode; detail?: ReactNode }) {
  return (
    <Paper withBorder p="sm" radius="md" component="li" style={{ listStyle: 'none' }}>
      <Text size="xs" c="dimmed" fw={500}>
        {label}
      </Text>
      <Text fw={700} fz="xl" lh={1.3}>
        {value}
      </Text>
      {detail && (
        <Text size="xs" c="dimmed" mt={2}>
          {detail}
        </Text>
      )}
    </Paper>
  );
}

const MEETING_LABELS: Record<string, string> = {
  rencontre_departementale: 'Rencontres départementales',
  copil: 'COPIL',
  cotech: 'COTECH',
};

/** The key figures: the network on the period's last day, then what the period produced. */
export function KeyFigures({ data }: { data: DashboardData }) {
  const { figures: f, period } = data;
  const asOf = `au ${formatDate(period.asOf)}`;
  const noReports = f.activity.reports === 0;
  const activity = (n: number) => (noReports ? '—' : fr(n));
  const activityDetail = noReports
    ? 'Aucun bilan d’activité sur la période'
    : `d’après ${plural(f.activity.reports, 'bilan', 'bilans')}`;
  const paidShare =
    f.subsidies.committedCents > 0 ? f.subsidies.paidCents / f.subsidies.committedCents : null;

  return (
    <section aria-label="Chiffres clés">
      <SimpleGrid component="ul" cols={{ base: 2, sm: 3, lg: 4 }} spacing="sm" p={0} m={0}>
        <Figure label="Promeneurs actifs" value={fr(f.promeneursActive)} detail={asOf} />
        <Figure label="Structures dans le réseau" value={fr(f.structuresInNetwork)} detail={asOf} />
        <Figure label="Conventions en vigueur" value={fr(f.conventionsInForce)} detail={asOf} />
        <Figure
          label="Promeneurs formés (12 derniers mois)"
          value={percent(f.training.share)}
          detail={
            f.training.active === 0
              ? 'Aucun Promeneur actif'
              : `${fr(f.training.trained)} sur ${plural(f.training.active, 'Promeneur actif', 'Promeneurs actifs')}`
          }
        />
        <Figure
          label={`Subventions engagées (${period.years.length > 1 ? `${period.years[0]}–${period.years.at(-1)}` : period.years[0]})`}
          value={euros(f.subsidies.committedCents)}
          detail="conventions signées, avenants compris"
        />
        <Figure
          label="Subventions versées"
          value={euros(f.subsidies.paidCents)}
          detail={paidShare === null ? 'rien d’engagé' : `${percent(paidShare)} de l’engagé`}
        />
        <Figure
          label="Jeunes contactés en ligne"
          value={activity(f.activity.youngContacted)}
          detail={activityDetail}
        />
        <Figure
          label="Jeunes rencontrés en présentiel"
          value={activity(f.activity.youngMet)}
          detail={activityDetail}
        />
        <Figure
          label="Projets engagés"
          value={activity(f.activity.projectsStarted)}
          detail={activityDetail}
        />
        <Paper withBorder p="sm" radius="md" component="li" style={{ listStyle: 'none' }}>
          <Text size="xs" c="dimmed" fw={500}>
            Réunions tenues / objectif
          </Text>
          <Stack gap={6} mt={6}>
            {f.meetings.map((m) => (
              <div key={m.type}>
                <Group justify="space-between" gap="xs" wrap="nowrap">
                  <Text size="sm">{MEETING_LABELS[m.type] ?? m.label}</Text>
                  <Text size="sm" fw={600} style={{ whiteSpace: 'nowrap' }}>
                    {fr(m.held)} / {fr(m.target)}
                  </Text>
                </Group>
                <Progress
                  size="xs"
                  value={m.target > 0 ? Math.min(100, (m.held / m.target) * 100) : 0}
                  color={m.held >= m.target ? 'green' : 'orange'}
                  aria-hidden
                />
              </div>
            ))}
          </Stack>
          <Text size="xs" c="dimmed" mt={6}>
            tout le réseau, sur la période
          </Text>
        </Paper>
        <Figure
          label="En retard"
          value={fr(f.overdue)}
          detail={
            <Anchor component={Link} to="/a-faire" size="xs">
              Voir la liste « À faire »
            </Anchor>
          }
        />
      </SimpleGrid>
    </section>
  );
}
