import { Box, Container, Group, Stack, Text, ThemeIcon, Title } from '@mantine/core';
import { IconBuildingLighthouse } from '@tabler/icons-react';
import type { ReactNode } from 'react';

/** The frame of every screen shown before the vault is open. */
export function VaultLayout({ children, size = 560 }: { children: ReactNode; size?: number }) {
  return (
    <Box component="main" mih="100vh" bg="var(--mantine-color-default-hover)" py={48}>
      <Container size={size}>
        <Stack gap="lg">
          <Group gap="sm" justify="center">
            <ThemeIcon size={44} radius="md" aria-hidden>
              <IconBuildingLighthouse size={26} />
            </ThemeIcon>
            <div>
              <Text fw={800} fz={26} lh={1.1}>
                Balise
              </Text>
              <Text size="sm" c="dimmed">
                Le poste de coordination des Promeneurs du Net
              </Text>
            </div>
          </Group>
          {children}
        </Stack>
      </Container>
    </Box>
  );
}

export function ScreenTitle({ children }: { children: ReactNode }) {
  return (
    <Title order={1} fz="h2" mb="xs">
      {children}
    </Title>
  );
}
