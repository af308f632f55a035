import { PasswordInput, type PasswordInputProps } from '@mantine/core';

/** A passphrase field whose show/hide toggle speaks French. */
export function SecretInput(props: PasswordInputProps) {
  return (
    <PasswordInput
      autoComplete="off"
      spellCheck={false}
      visibilityToggleButtonProps={{ 'aria-label': 'Afficher ou masquer la saisie' }}
      {...props}
    />
  );
}
