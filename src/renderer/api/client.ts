/**
 * The renderer's one way to reach the main process: `window.api.invoke`, typed from the
 * API contract. Every call answers with a Result; a broken bridge becomes a failed Result
 * too, so screens handle one shape only.
 */
import type { RouteInput, RouteName, RouteOutput } from '../../shared/api/contract';
import type { Result } from '../../shared/result';

const vaultListeners = new Set<() => void>();

/**
 * Called when a route answers that the vault is locked (e.g. main locked it on sleep) or
 * damaged (its file met a damaged page): the vault's status has changed.
 */
export function onVaultChanged(listener: () => void): () => void {
  vaultListeners.add(listener);
  return () => vaultListeners.delete(listener);
}

export async function invoke<R extends RouteName>(
  route: R,
  input: RouteInput<R>,
): Promise<Result<RouteOutput<R>>> {
  let result: Result<unknown>;
  try {
    result = await window.api.invoke(route, input);
  } catch {
    return {
      ok: false,
      error: {
        code: 'INTERNAL',
        message:
          'Balise n’a pas pu traiter la demande. Réessayez ; si le problème continue, redémarrez l’application.',
      },
    };
  }
  if (!result.ok && (result.error.code === 'VAULT_LOCKED' || result.error.code === 'VAULT_DAMAGED'))
    vaultListeners.forEach((listener) => listener());
  return result as Result<RouteOutput<R>>;
}
