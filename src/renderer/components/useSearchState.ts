import { useCallback, useEffect } from 'react';
import { useLocation, useSearchParams } from 'react-router-dom';

/** The last search of each list, so « back to the list » finds it as it was left. */
const lastSearch = new Map<string, string>();

/** A list's path with the search and filters it had last time. */
export function listPath(path: string): string {
  const search = lastSearch.get(path);
  return search ? `${path}?${search}` : path;
}

export type SearchChange = Record<string, string | readonly string[] | null | undefined>;

/**
 * A list's search and filters live in the address (#/structures?statut=retenue), so a link
 * from Accueil can open a filtered list and « Retour » finds the list as it was.
 */
export function useSearchState() {
  const [params, setParams] = useSearchParams();
  const { pathname } = useLocation();
  const search = params.toString();
  useEffect(() => {
    lastSearch.set(pathname, search);
  }, [pathname, search]);
  const update = useCallback(
    (change: SearchChange) =>
      setParams(
        (previous) => {
          const next = new URLSearchParams(previous);
          for (const [key, value] of Object.entries(change)) {
            next.delete(key);
            if (typeof value === 'string') {
              if (value !== '') next.set(key, value);
            } else if (value) value.forEach((v) => next.append(key, v));
          }
          return next;
        },
        { replace: true },
      ),
    [setParams],
  );
  return { params, update };
}

/** Keeps only the values that belong to a value list (an old or hand-made link may hold others). */
export function allowed<K extends string>(values: string[], list: Record<K, string>): K[] {
  return values.filter((v): v is K => Object.prototype.hasOwnProperty.call(list, v));
}
