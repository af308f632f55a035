/**
 * The generic router: every call from the renderer (through IPC, or through the test
 * harness) goes through `dispatch`, which checks the route, validates the input with the
 * route's schema, runs the handler, validates the output, and answers with a Result.
 */
import {
  contract,
  fieldErrors,
  isRouteName,
  type ParsedInput,
  type RouteName,
  type RouteOutput,
} from '../../shared/api/contract';
import { DomainError, fail, ok, type Result } from '../../shared/result';
import type { Session } from '../session';
import { logError } from '../log';
import { DAMAGED_VAULT_MESSAGE, isDamageError, sqliteCodeOf } from '../vault/integrity';

export interface Context {
  session: Session;
}

export type Handler<R extends RouteName> = (
  input: ParsedInput<R>,
  ctx: Context,
) => Promise<RouteOutput<R>> | RouteOutput<R>;

/** Handlers for a group of routes, e.g. HandlersOf<'structures.list' | 'structures.get'>. */
export type HandlersOf<R extends RouteName> = { [K in R]: Handler<K> };
export type Handlers = HandlersOf<RouteName>;

/** Routes whose names start with a prefix: RoutesOf<'structures'>. */
export type RoutesOf<P extends string> = Extract<RouteName, `${P}.${string}`>;

export async function dispatch(
  handlers: Handlers,
  ctx: Context,
  route: unknown,
  input: unknown,
): Promise<Result<unknown>> {
  if (!isRouteName(route)) return fail('INVALID_INPUT', 'Action inconnue.');
  const schema = contract[route];
  const parsed = schema.input.safeParse(input ?? {});
  if (!parsed.success) {
    const fields = fieldErrors(parsed.error);
    const first = Object.values(fields)[0];
    return fail(
      'INVALID_INPUT',
      first ? `Saisie à corriger : ${first}` : 'Saisie invalide.',
      fields,
    );
  }
  try {
    const handler = handlers[route] as (input: unknown, ctx: Context) => unknown;
    const value = await handler(parsed.data, ctx);
    const checked = schema.output.safeParse(value);
    if (!checked.success) {
      logError(
        `route ${route}: output does not match its schema`,
        checked.error.issues.map((i) => i.path.join('.')),
      );
      return fail(
        'INTERNAL',
        'Une erreur interne est survenue. Aucune donnée n’a été modifiée par cette réponse.',
      );
    }
    return ok(checked.data);
  } catch (error) {
    if (error instanceof DomainError) return fail(error.code, error.message, error.fields);
    if (isDamageError(error)) {
      // SQLite met a damaged page, whether the background check has answered yet or not.
      logError(`route ${route}: the vault's file is damaged`, error);
      ctx.session?.vault.markDamaged();
      return fail('VAULT_DAMAGED', DAMAGED_VAULT_MESSAGE);
    }
    if (ctx.session?.vault.integrity === 'abimee' && sqliteCodeOf(error) === 'SQLITE_READONLY')
      return fail('VAULT_DAMAGED', DAMAGED_VAULT_MESSAGE); // a write refused, as it must be
    logError(`route ${route} failed`, error);
    return fail(
      'INTERNAL',
      'Une erreur inattendue est survenue. L’opération n’a pas été enregistrée.',
    );
  }
}
