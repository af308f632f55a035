import { useCallback, useMemo, useRef, useState } from 'react';
import {
  PROMENEUR_PAGE,
  type PromeneurPage,
  type PromeneurSummary,
} from '../../shared/api/promeneurs';
import type { AppError, Result } from '../../shared/result';
import { invoke } from '../api/client';
import { useRoute } from '../api/useRoute';
import type { PromeneurQuery } from './listQuery';

/** The pages read after a first page, for that first page (a new search starts over). */
interface More {
  after: PromeneurPage;
  rows: PromeneurSummary[];
  total: number;
  error: AppError | null;
}

/**
 * The Promeneurs list read a page at a time: the first page when the search, filters or order
 * change, the next ones when `loadMore` is called (as the person scrolls near the last rows
 * read). `result` holds every row read so far and how many match in all.
 */
export function usePromeneurPages(query: PromeneurQuery) {
  const first = useRoute('promeneurs.list', { ...query, offset: 0, limit: PROMENEUR_PAGE });
  const firstPage = first.result?.ok ? first.result.value : null;
  const [more, setMore] = useState<More | null>(null);
  const asked = useRef<{ after: PromeneurPage; offset: number } | null>(null);
  const loaded = firstPage && more?.after === firstPage ? more : null;

  const result = useMemo((): Result<PromeneurPage> | null => {
    if (!first.result?.ok) return first.result;
    if (!loaded) return first.result;
    if (loaded.error) return { ok: false, error: loaded.error };
    return {
      ok: true,
      value: { total: loaded.total, rows: [...first.result.value.rows, ...loaded.rows] },
    };
  }, [first.result, loaded]);

  const inputKey = JSON.stringify(query);
  const loadMore = useCallback(() => {
    if (!firstPage || !result?.ok) return;
    const offset = result.value.rows.length;
    if (offset >= result.value.total) return;
    if (asked.current?.after === firstPage && asked.current.offset === offset) return;
    asked.current = { after: firstPage, offset };
    const input = { ...(JSON.parse(inputKey) as PromeneurQuery), offset, limit: PROMENEUR_PAGE };
    void invoke('promeneurs.list', input).then((answer) =>
      setMore((previous) => {
        const base: More =
          previous?.after === firstPage
            ? previous
            : { after: firstPage, rows: [], total: firstPage.total, error: null };
        // An answer for rows already read (or for an older search) changes nothing.
        if (firstPage.rows.length + base.rows.length !== offset) return previous;
        return answer.ok
          ? { ...base, rows: [...base.rows, ...answer.value.rows], total: answer.value.total }
          : { ...base, error: answer.error };
      }),
    );
  }, [firstPage, result, inputKey]);

  return { result, loading: first.loading, reload: first.reload, loadMore };
}
