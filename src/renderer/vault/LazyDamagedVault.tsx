import { lazy, Suspense, type ComponentProps } from 'react';
import { Loading } from '../components/QueryState';

const Screen = lazy(() => import('./DamagedVault').then((m) => ({ default: m.DamagedVault })));

/**
 * The damaged-vault screen, loaded when it is needed: with its list of backups it brings the
 * backups' schemas (and zod), which the unlock and first-run screens do not need otherwise.
 */
export function DamagedVault(props: ComponentProps<typeof Screen>) {
  return (
    <Suspense fallback={<Loading />}>
      <Screen {...props} />
    </Suspense>
  );
}
