import { Button, Group, Stack } from '@mantine/core';
import type { ReactNode } from 'react';
import { FormProblem } from './FormProblem';
import { keepFocus } from './keepFocus';
import { LeaveGuard } from './LeaveGuard';

interface Props {
  form: { saving: boolean; formError: string | null; errorCount: number; isDirty: () => boolean };
  onSubmit: () => void;
  onCancel: () => void;
  children: ReactNode;
}

/** A record's form: the sections, what is wrong, « Enregistrer » and « Annuler ». */
export function FormFrame({ form, onSubmit, onCancel, children }: Props) {
  return (
    <form
      noValidate
      onSubmit={(e) => {
        e.preventDefault();
        onSubmit();
      }}
    >
      <Stack gap="lg">
        {children}
        <FormProblem
          form={form}
          fieldsMessage="Certains champs sont à corriger : les messages en rouge indiquent quoi faire."
        />
        <Group justify="flex-end">
          <Button variant="default" onClick={onCancel} disabled={form.saving}>
            Annuler
          </Button>
          <Button type="submit" loading={form.saving} {...keepFocus}>
            Enregistrer
          </Button>
        </Group>
      </Stack>
      <LeaveGuard shouldBlock={() => form.isDirty() && !form.saving} />
    </form>
  );
}
