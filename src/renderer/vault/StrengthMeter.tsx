import { List, Progress, Stack, Text } from '@mantine/core';
import type { ZxcvbnResult } from '@zxcvbn-ts/core';
import { STRENGTH_COLORS, STRENGTH_LABELS } from './strength';

/** How hard the passphrase is to guess, with zxcvbn's advice in French. */
export function StrengthMeter({
  strength,
  empty,
}: {
  strength: ZxcvbnResult | null;
  empty: boolean;
}) {
  if (empty) {
    return (
      <Text size="xs" c="dimmed">
        Conseil : choisissez plusieurs mots sans lien entre eux, faciles à retenir pour vous et
        difficiles à deviner pour les autres.
      </Text>
    );
  }
  const score = strength?.score ?? 0;
  const label = strength ? STRENGTH_LABELS[score] : 'mesure en cours…';
  const { warning, suggestions } = strength?.feedback ?? { warning: null, suggestions: [] };
  return (
    <Stack gap={6}>
      <Progress
        value={strength ? (score + 1) * 20 : 0}
        color={STRENGTH_COLORS[score]}
        size="sm"
        aria-label="Robustesse de la phrase de passe"
        aria-valuetext={label}
      />
      <Text size="xs" aria-live="polite">
        Robustesse : <strong>{label}</strong>
      </Text>
      {warning && (
        <Text size="xs" c="orange.8">
          {warning}
        </Text>
      )}
      {suggestions.length > 0 && (
        <List size="xs" c="dimmed" spacing={2}>
          {suggestions.map((s) => (
            <List.Item key={s}>{s}</List.Item>
          ))}
        </List>
      )}
    </Stack>
  );
}
