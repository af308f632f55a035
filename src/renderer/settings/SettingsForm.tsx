import { Alert, Button, Group } from '@mantine/core';
import type { ReactNode } from 'react';
import { keepFocus } from '../components/keepFocus';

interface Props {
  /** The form's accessible name, when its section title is not enough. */
  label?: string;
  form: { saving: boolean; formError: string | null };
  onSubmit: () => void;
  children: ReactNode;
}

/** One form of the settings page: its fields, what went wrong, and « Enregistrer ». */
export function SettingsForm({ label, form, onSubmit, children }: Props) {
  return (
    <form
      noValidate
      aria-label={label}
      onSubmit={(e) => {
        e.preventDefault();
        onSubmit();
      }}
    >
      {children}
      {form.formError && (
        <Alert color="red" variant="light" role="alert" mt="md">
          {form.formError}
        </Alert>
      )}
      <Group justify="flex-end" mt="md">
        <Button type="submit" loading={form.saving} {...keepFocus}>
          Enregistrer
        </Button>
      </Group>
    </form>
  );
}
