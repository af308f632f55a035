import {
  AppShell,
  Badge,
  Box,
  Button,
  Group,
  NavLink,
  ScrollArea,
  Stack,
  Text,
  ThemeIcon,
  Title,
} from '@mantine/core';
import {
  IconBuildingCommunity,
  IconBuildingLighthouse,
  IconCalendarEvent,
  IconChartBar,
  IconChartLine,
  IconFileCertificate,
  IconFileSpreadsheet,
  IconGavel,
  IconChecklist,
  IconDatabaseExport,
  IconHistory,
  IconHome2,
  IconLock,
  IconNotebook,
  IconSettings,
  IconShieldLock,
  IconUsers,
} from '@tabler/icons-react';
import { NavLink as RouterLink, useLocation } from 'react-router-dom';
import { plural } from '../components/format';
import { useOverdueCount } from '../todo/useOverdueCount';

/** The sections, in three groups: the day's work, the network's records, the vault itself. */
const GROUPS = [
  {
    label: 'Au quotidien',
    sections: [
      { to: '/', label: 'Accueil', icon: IconHome2 },
      { to: '/tableau-de-bord', label: 'Tableau de bord', icon: IconChartLine },
      { to: '/a-faire', label: 'À faire', icon: IconChecklist },
      { to: '/calendrier', label: 'Calendrier', icon: IconCalendarEvent },
      { to: '/journal', label: 'Journal', icon: IconNotebook },
    ],
  },
  {
    label: 'Le réseau',
    sections: [
      { to: '/structures', label: 'Structures', icon: IconBuildingCommunity },
      { to: '/promeneurs', label: 'Promeneurs', icon: IconUsers },
      { to: '/conventions', label: 'Conventions', icon: IconFileCertificate },
      { to: '/instances', label: 'Instances', icon: IconGavel },
      { to: '/activite', label: 'Activité', icon: IconChartBar },
      { to: '/exports', label: 'Exports', icon: IconFileSpreadsheet },
    ],
  },
  {
    label: 'Le coffre',
    sections: [
      { to: '/sauvegardes', label: 'Sauvegardes', icon: IconDatabaseExport },
      { to: '/donnees-personnelles', label: 'Données personnelles', icon: IconShieldLock },
      { to: '/journal-des-modifications', label: 'Journal des modifications', icon: IconHistory },
      { to: '/parametres', label: 'Paramètres', icon: IconSettings },
    ],
  },
];

interface Props {
  departmentName: string;
  autoLockMinutes: number;
  locking: boolean;
  onLock: () => void;
}

export function Sidebar({ departmentName, autoLockMinutes, locking, onLock }: Props) {
  const { pathname } = useLocation();
  // A section is active on its own path and below it (« /journal » is not « /journal-des-… »).
  const isActive = (to: string) =>
    to === '/' ? pathname === '/' : pathname === to || pathname.startsWith(`${to}/`);
  const overdue = useOverdueCount();

  // Header and lock button stay in place; the sections scroll when the window is short.
  return (
    <>
      <AppShell.Section p="md" pb="xs">
        <Group gap="sm" wrap="nowrap">
          <ThemeIcon size={40} radius="md" variant="filled" aria-hidden>
            <IconBuildingLighthouse size={24} />
          </ThemeIcon>
          <Box>
            <Title order={2} fz="h3" lh={1.1}>
              Balise
            </Title>
            <Text size="xs" c="dimmed" lh={1.3}>
              Coordination des Promeneurs du Net
            </Text>
          </Box>
        </Group>
        {departmentName && (
          <Text size="sm" fw={500} c="dimmed" mt="sm">
            {departmentName}
          </Text>
        )}
      </AppShell.Section>
      <AppShell.Section grow component={ScrollArea} px="md" type="auto">
        <Stack gap="sm" py="xs">
          {GROUPS.map((group) => (
            <Box key={group.label} component="section" aria-label={group.label}>
              <Text size="xs" fw={600} c="dimmed" tt="uppercase" px="sm" mb={4} aria-hidden>
                {group.label}
              </Text>
              <Stack gap={0}>
                {group.sections.map(({ to, label, icon: Icon }) => (
                  <NavLink
                    key={to}
                    component={RouterLink}
                    to={to}
                    label={label}
                    active={isActive(to)}
                    aria-current={isActive(to) ? 'page' : undefined}
                    leftSection={<Icon size={18} aria-hidden />}
                    rightSection={to === '/a-faire' && <OverdueBadge count={overdue} />}
                    aria-describedby={to === '/a-faire' && overdue ? 'overdue-count' : undefined}
                    variant="light"
                    py={6}
                    style={{ borderRadius: 'var(--mantine-radius-md)' }}
                  />
                ))}
              </Stack>
            </Box>
          ))}
        </Stack>
      </AppShell.Section>
      <AppShell.Section p="md" pt="xs">
        <Stack gap={6}>
          <Button
            variant="default"
            leftSection={<IconLock size={16} aria-hidden />}
            loading={locking}
            onClick={onLock}
          >
            Verrouiller
          </Button>
          <Text size="xs" c="dimmed" ta="center">
            Verrouillage automatique après {plural(autoLockMinutes, 'minute', 'minutes')} sans
            activité
          </Text>
        </Stack>
      </AppShell.Section>
    </>
  );
}

/** The number of late items beside « À faire »; read out as the link's description only. */
function OverdueBadge({ count }: { count: number | null }) {
  if (!count) return null;
  return (
    <>
      <Badge color="red" size="sm" circle={count < 10} title={`${count} en retard`} aria-hidden>
        {count}
      </Badge>
      <span id="overdue-count" hidden>
        {count} en retard
      </span>
    </>
  );
}
