import { useCallback, useMemo, useRef, useState } from 'react';
import type { z } from 'zod';
import type { AppError, Result } from '../../shared/result';
import { schemaErrors, serverFieldErrors } from './fieldErrors';

/** Moves focus to the first field shown as invalid, once React has painted the errors. */
function focusFirstInvalid(): void {
  requestAnimationFrame(() => {
    const field = document.querySelector<HTMLElement>('form [aria-invalid="true"]');
    field?.focus();
  });
}

const under = (key: string, field: string) => key === field || key.startsWith(`${field}.`);

/**
 * A form validated by the same zod schema as main: errors show under a field once it has
 * been left (blur) or once the person tried to save, and errors returned by main show under
 * their field until it changes.
 */
export function useFieldsForm<V extends Record<string, unknown>, S extends z.ZodType>(
  schema: S,
  initial: V,
) {
  const [values, setValues] = useState<V>(initial);
  const [touched, setTouched] = useState<ReadonlySet<string>>(new Set());
  const [submitted, setSubmitted] = useState(false);
  const [serverErrors, setServerErrors] = useState<Record<string, string>>({});
  const [formError, setFormError] = useState<string | null>(null);
  const [saving, setSaving] = useState(false);
  // Read when the person navigates away, after the last render: a ref, not state.
  const dirty = useRef(false);
  // Fields the person changed: leaving a field untouched shows no error (and moves nothing
  // under the pointer on the way to another button).
  const edited = useRef(new Set<string>());

  const clientErrors = useMemo(() => schemaErrors(schema, values), [schema, values]);

  const error = useCallback(
    (key: string): string | undefined => {
      if (serverErrors[key]) return serverErrors[key];
      if (submitted || touched.has(key)) return clientErrors[key];
      return undefined;
    },
    [clientErrors, serverErrors, submitted, touched],
  );

  const set = useCallback(<K extends keyof V & string>(field: K, value: V[K]) => {
    setValues((v) => ({ ...v, [field]: value }));
    dirty.current = true;
    edited.current.add(field);
    setServerErrors((errors) => {
      const kept = Object.entries(errors).filter(([key]) => !under(key, field));
      return kept.length === Object.keys(errors).length ? errors : Object.fromEntries(kept);
    });
  }, []);

  const blur = useCallback((key: string) => {
    if (!edited.current.has(key.split('.')[0]!)) return;
    setTouched((t) => (t.has(key) ? t : new Set(t).add(key)));
  }, []);

  /** Props for a Mantine input bound to a top-level field. */
  const bind = <K extends keyof V & string>(field: K) => ({
    error: error(field),
    onBlur: () => blur(field),
  });

  const showError = (failure: AppError) => {
    const fields = serverFieldErrors(failure);
    setServerErrors(fields);
    setFormError(failure.message);
    if (Object.keys(fields).length > 0) focusFirstInvalid();
  };

  /**
   * Validates, then runs `save` with the parsed values; a failed Result shows its message
   * above the form and its field messages under the fields.
   */
  const submit = async <T>(
    save: (parsed: z.output<S>) => Promise<Result<T>>,
  ): Promise<Result<T> | null> => {
    setSubmitted(true);
    setFormError(null);
    const parsed = schema.safeParse(values);
    if (!parsed.success) {
      focusFirstInvalid();
      return null;
    }
    setSaving(true);
    const result = await save(parsed.data);
    setSaving(false);
    if (!result.ok) showError(result.error);
    else dirty.current = false;
    return result;
  };

  const errorCount = submitted
    ? Object.keys({ ...clientErrors, ...serverErrors }).length
    : Object.keys(serverErrors).length;

  return {
    values,
    set,
    blur,
    bind,
    error,
    submit,
    saving,
    /** True when something was typed and not saved yet. */
    isDirty: () => dirty.current,
    formError,
    errorCount,
  };
}
