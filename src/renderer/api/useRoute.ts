import { useCallback, useEffect, useState } from 'react';
import type { RouteInput, RouteName, RouteOutput } from '../../shared/api/contract';
import type { Result } from '../../shared/result';
import { invoke } from './client';

export interface RouteQuery<T> {
  /** The latest answer; kept while a newer request runs so screens do not flicker. */
  result: Result<T> | null;
  /** True while the answer for the current input has not arrived yet. */
  loading: boolean;
  /** Asks again with the same input (after a change). */
  reload: () => void;
}

/**
 * Reads a route and re-reads it whenever its input changes (compared by value). A null
 * input asks nothing (the result stays null).
 */
export function useRoute<R extends RouteName>(
  route: R,
  input: RouteInput<R> | null,
): RouteQuery<RouteOutput<R>> {
  const inputKey = JSON.stringify(input);
  const [version, setVersion] = useState(0);
  const requestKey = `${route}\n${inputKey}\n${version}`;
  const [answer, setAnswer] = useState<{ key: string; result: Result<RouteOutput<R>> } | null>(
    null,
  );

  useEffect(() => {
    if (inputKey === 'null') return;
    let current = true;
    void invoke(route, JSON.parse(inputKey) as RouteInput<R>).then((result) => {
      if (current) setAnswer({ key: requestKey, result });
    });
    return () => {
      current = false;
    };
  }, [route, inputKey, requestKey]);

  const reload = useCallback(() => setVersion((v) => v + 1), []);
  return {
    result: answer?.result ?? null,
    loading: inputKey !== 'null' && answer?.key !== requestKey,
    reload,
  };
}
