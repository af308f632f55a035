import { Alert, Button, Checkbox, Group, Stack } from '@mantine/core';
import { IconAlertTriangle } from '@tabler/icons-react';
import {
  COMPLIANCE_CHECK_MONTHS,
  COMPLIANCE_POINTS,
  type CompliancePoint,
} from '../../shared/domain/directory';
import { todayInParis } from '../../shared/rules/dates';
import { DateField } from '../components/DateField';
import { complianceCheckDue } from './compliance';

interface Props {
  points: Record<CompliancePoint, boolean>;
  checkedOn: string | null;
  onPoints: (points: Record<CompliancePoint, boolean>) => void;
  onCheckedOn: (date: string | null) => void;
  error?: string;
  onBlur: () => void;
}

/** The charter's article 3 checklist for the Promeneur's profiles, and when it was checked. */
export function ComplianceEditor({
  points,
  checkedOn,
  onPoints,
  onCheckedOn,
  error,
  onBlur,
}: Props) {
  return (
    <Stack gap="sm">
      <Stack gap={6}>
        {(Object.keys(COMPLIANCE_POINTS) as CompliancePoint[]).map((point) => (
          <Checkbox
            key={point}
            label={COMPLIANCE_POINTS[point]}
            checked={points[point]}
            onChange={(e) => onPoints({ ...points, [point]: e.currentTarget.checked })}
          />
        ))}
      </Stack>
      <Group align="flex-end" gap="sm">
        <DateField
          label="Dernier contrôle le"
          value={checkedOn}
          onChange={onCheckedOn}
          onBlur={onBlur}
          error={error}
        />
        <Button variant="default" onClick={() => onCheckedOn(todayInParis())}>
          Contrôlé aujourd’hui
        </Button>
      </Group>
      {complianceCheckDue(checkedOn) && (
        <Alert color="orange" variant="light" icon={<IconAlertTriangle aria-hidden />} p="xs">
          {checkedOn
            ? `Le dernier contrôle date de plus de ${COMPLIANCE_CHECK_MONTHS} mois : un nouveau contrôle est à prévoir.`
            : 'Le profil n’a jamais été contrôlé.'}
        </Alert>
      )}
    </Stack>
  );
}
