import { Stack } from '@mantine/core';
import { SecretInput } from '../components/SecretInput';
import { MIN_PASSPHRASE_LENGTH } from '../../shared/rules/passphrase';
import { StrengthMeter } from './StrengthMeter';
import type { NewPassphrase } from './useNewPassphrase';

interface Props {
  state: NewPassphrase;
  label: string;
  confirmLabel: string;
  autoFocus?: boolean;
}

/** The new passphrase, its strength, and the same passphrase again. */
export function NewPassphraseFields({ state, label, confirmLabel, autoFocus }: Props) {
  return (
    <Stack gap="sm">
      <SecretInput
        label={label}
        description={`${MIN_PASSPHRASE_LENGTH} caractères au moins. Une phrase de plusieurs mots est plus sûre et plus facile à retenir.`}
        required
        autoFocus={autoFocus}
        value={state.passphrase}
        onChange={(e) => state.setPassphrase(e.currentTarget.value)}
        onBlur={() => state.blur('passphrase')}
        error={state.errors.passphrase}
      />
      <StrengthMeter strength={state.strength} empty={!state.passphrase} />
      <SecretInput
        label={confirmLabel}
        required
        value={state.confirm}
        onChange={(e) => state.setConfirm(e.currentTarget.value)}
        onBlur={() => state.blur('confirm')}
        error={state.errors.confirm}
      />
    </Stack>
  );
}
