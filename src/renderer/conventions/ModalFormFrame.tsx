import { Button, Group, Stack } from '@mantine/core';
import type { ReactNode } from 'react';
import { FormProblem } from '../components/FormProblem';
import { keepFocus } from '../components/keepFocus';

interface Props {
  form: { saving: boolean; formError: string | null; errorCount: number };
  onSubmit: () => void;
  onCancel: () => void;
  submitLabel?: string;
  children: ReactNode;
}

/** A small form inside a modal: its fields, what is wrong, « Enregistrer » and « Annuler ». */
export function ModalFormFrame({
  form,
  onSubmit,
  onCancel,
  submitLabel = 'Enregistrer',
  children,
}: Props) {
  return (
    <form
      noValidate
      onSubmit={(e) => {
        e.preventDefault();
        e.stopPropagation();
        onSubmit();
      }}
    >
      <Stack gap="md">
        {children}
        <FormProblem form={form} />
        <Group justify="flex-end">
          <Button variant="default" onClick={onCancel} disabled={form.saving}>
            Annuler
          </Button>
          <Button type="submit" loading={form.saving} {...keepFocus}>
            {submitLabel}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
