import { fieldErrors } from '../../shared/api/contract';
import type { AppError } from '../../shared/result';

/** Field messages from the shared schema, keyed by dotted path (`siret`, `profiles.0.url`). */
export function schemaErrors(
  schema: { safeParse(value: unknown): { success: boolean; error?: unknown } },
  values: unknown,
): Record<string, string> {
  const parsed = schema.safeParse(values);
  return parsed.success || !parsed.error
    ? {}
    : fieldErrors(parsed.error as Parameters<typeof fieldErrors>[0]);
}

/**
 * Field messages returned by main, re-keyed for the form: main validates the whole input,
 * so `fields.siret` there is `siret` here.
 */
export function serverFieldErrors(error: AppError, prefix = 'fields.'): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [key, message] of Object.entries(error.fields ?? {})) {
    out[key.startsWith(prefix) ? key.slice(prefix.length) : key] = message;
  }
  return out;
}
