import { Alert } from '@mantine/core';

interface Props {
  form: { formError: string | null; errorCount: number };
  /** What to say when fields are wrong (each says why in red beside it). */
  fieldsMessage?: string;
}

/** Why the form was not saved: the refusal, or the fields to correct; nothing otherwise. */
export function FormProblem({
  form,
  fieldsMessage = 'Certains champs sont à corriger (messages en rouge).',
}: Props) {
  const problem = form.formError ?? (form.errorCount > 0 ? fieldsMessage : null);
  if (!problem) return null;
  return (
    <Alert color="red" variant="light" role="alert" title="L’enregistrement n’a pas été fait">
      {problem}
    </Alert>
  );
}
