import { Card, Group, Text, ThemeIcon, UnstyledButton } from '@mantine/core';
import {
  IconBuildingCommunity,
  IconChevronRight,
  IconSignature,
  IconListCheck,
  IconUserPlus,
  IconWorldQuestion,
} from '@tabler/icons-react';
import { useNavigate } from 'react-router-dom';
import type { NextStep } from '../../shared/api/home';

const ICONS: Record<NextStep['kind'], typeof IconUserPlus> = {
  add_structure: IconBuildingCommunity,
  add_promeneur: IconUserPlus,
  structure_charter_missing: IconSignature,
  promeneur_charter_missing: IconSignature,
  compliance_check_due: IconListCheck,
  promeneur_without_profile: IconWorldQuestion,
};

/** One thing to do next; the whole card leads where it can be done. */
export function NextStepCard({ step }: { step: NextStep }) {
  const navigate = useNavigate();
  const Icon = ICONS[step.kind];
  return (
    <UnstyledButton onClick={() => navigate(step.link)} aria-label={step.message}>
      <Card withBorder padding="md" radius="md" h="100%">
        <Group wrap="nowrap" gap="md">
          <ThemeIcon size={40} radius="md" variant="light" aria-hidden>
            <Icon size={22} />
          </ThemeIcon>
          <Text size="sm" fw={500} style={{ flex: 1 }}>
            {step.message}
          </Text>
          <IconChevronRight size={18} aria-hidden opacity={0.5} />
        </Group>
      </Card>
    </UnstyledButton>
  );
}
