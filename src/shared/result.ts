/**
 * The one shape every route answers with. Errors carry a stable code for code
 * and a French message for the person.
 */
export type ErrorCode =
  | 'INVALID_INPUT'
  | 'VAULT_LOCKED'
  | 'VAULT_EXISTS'
  | 'VAULT_MISSING'
  | 'WRONG_PASSPHRASE'
  | 'WRONG_RECOVERY_KEY'
  | 'VAULT_DAMAGED'
  | 'VAULT_TOO_NEW'
  | 'NOT_FOUND'
  | 'CONFLICT'
  | 'FORBIDDEN'
  | 'INTERNAL';

export interface AppError {
  code: ErrorCode;
  message: string;
  /** Field-level messages, keyed by the input's field path (e.g. `siret`, `profiles.0.url`). */
  fields?: Record<string, string>;
}

export type Result<T> = { ok: true; value: T } | { ok: false; error: AppError };

export const ok = <T>(value: T): Result<T> => ({ ok: true, value });
export const fail = (
  code: ErrorCode,
  message: string,
  fields?: Record<string, string>,
): { ok: false; error: AppError } => ({
  ok: false,
  error: fields ? { code, message, fields } : { code, message },
});

/** An error a service throws on purpose; the router turns it into a failed Result. */
export class DomainError extends Error {
  constructor(
    readonly code: ErrorCode,
    message: string,
    readonly fields?: Record<string, string>,
  ) {
    super(message);
    this.name = 'DomainError';
  }
}
