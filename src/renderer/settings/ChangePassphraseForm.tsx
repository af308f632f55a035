import { Alert, Button, Group, Stack, Text } from '@mantine/core';
import { useRef, useState } from 'react';
import { invoke } from '../api/client';
import { keepFocus } from '../components/keepFocus';
import { Section } from '../components/FormSection';
import { notifySuccess } from '../components/notify';
import { SecretInput } from '../components/SecretInput';
import { NewPassphraseFields } from '../vault/NewPassphraseFields';
import { useNewPassphrase } from '../vault/useNewPassphrase';

/** A new passphrase for the vault; the data is not rewritten, only its key is re-wrapped. */
export function ChangePassphraseForm({ demo }: { demo: boolean }) {
  const [current, setCurrent] = useState('');
  const [currentError, setCurrentError] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [saving, setSaving] = useState(false);
  const next = useNewPassphrase();
  const currentInput = useRef<HTMLInputElement>(null);

  if (demo)
    return (
      <Section title="Changer la phrase de passe">
        <Text size="sm" c="dimmed">
          Le coffre de démonstration a une phrase de passe fixe. Quittez la démonstration pour
          changer celle de votre propre coffre.
        </Text>
      </Section>
    );

  const change = async () => {
    setError(null);
    const missing = !current;
    if (missing) setCurrentError('Saisissez votre phrase de passe actuelle.');
    const nextOk = await next.validate();
    if (missing) return currentInput.current?.focus();
    if (!nextOk) return;
    setSaving(true);
    const result = await invoke('vault.changePassphrase', { current, next: next.passphrase });
    setSaving(false);
    if (!result.ok) {
      if (result.error.code === 'WRONG_PASSPHRASE') {
        setCurrentError(result.error.message);
        setCurrent('');
        currentInput.current?.focus();
      } else setError(result.error.message);
      return;
    }
    setCurrent('');
    next.reset();
    notifySuccess(
      'Phrase de passe changée. Utilisez-la dès le prochain déverrouillage ; votre clé de secours reste valable.',
    );
  };

  return (
    <Section
      title="Changer la phrase de passe"
      description="Vos données ne sont pas modifiées : seule la clé qui les protège est réenveloppée."
    >
      <form
        noValidate
        onSubmit={(e) => {
          e.preventDefault();
          void change();
        }}
      >
        <Stack gap="sm">
          <SecretInput
            ref={currentInput}
            label="Phrase de passe actuelle"
            required
            value={current}
            onChange={(e) => {
              setCurrent(e.currentTarget.value);
              setCurrentError(null);
            }}
            error={currentError}
          />
          <NewPassphraseFields
            state={next}
            label="Nouvelle phrase de passe"
            confirmLabel="Confirmer la nouvelle phrase de passe"
          />
          {error && (
            <Alert color="red" variant="light" role="alert">
              {error}
            </Alert>
          )}
          <Group justify="flex-end">
            <Button type="submit" loading={saving} {...keepFocus}>
              Changer la phrase de passe
            </Button>
          </Group>
        </Stack>
      </form>
    </Section>
  );
}
