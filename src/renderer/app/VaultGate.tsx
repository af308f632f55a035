import { Center, Container } from '@mantine/core';
import { useCallback, useEffect, useMemo, useState } from 'react';
import type { VaultState } from '../../shared/api/vault';
import type { AppError, Result } from '../../shared/result';
import { invoke, onVaultChanged } from '../api/client';
import { LoadError, Loading } from '../components/QueryState';
import { FirstRun } from '../vault/FirstRun';
import { UnlockScreen } from '../vault/UnlockScreen';
import { Shell } from './Shell';
import { VaultContext, type VaultContextValue } from './vaultContext';

const sameStatus = (a: VaultState | null, b: VaultState) =>
  !!a &&
  a.state === b.state &&
  a.demo === b.demo &&
  a.autoLockMinutes === b.autoLockMinutes &&
  a.integrity === b.integrity;

/** How often the status is asked while the vault's integrity check runs in the background. */
const INTEGRITY_POLL_MS = 1000;

/**
 * Shows the screen that matches the vault's state: first run, unlock, or the app itself.
 * The state is asked again when the window comes back (main may have locked the vault while
 * the computer slept), whenever a route answers that the vault is locked or damaged, and
 * every second while the integrity check started at unlock still runs.
 */
export function VaultGate() {
  const [status, setStatusState] = useState<VaultState | null>(null);
  const [error, setError] = useState<AppError | null>(null);

  const setStatus = useCallback((next: VaultState) => {
    setStatusState((current) => (sameStatus(current, next) ? current : next));
  }, []);

  const apply = useCallback(
    (result: Result<VaultState>) => {
      if (result.ok) {
        setError(null);
        setStatus(result.value);
      } else setError(result.error);
    },
    [setStatus],
  );

  const refresh = useCallback(() => invoke('vault.status', {}).then(apply), [apply]);

  useEffect(() => {
    void invoke('vault.status', {}).then(apply);
    const onVisible = () => {
      if (document.visibilityState === 'visible') void refresh();
    };
    const onFocus = () => void refresh();
    window.addEventListener('focus', onFocus);
    document.addEventListener('visibilitychange', onVisible);
    const stop = onVaultChanged(() => void refresh());
    return () => {
      window.removeEventListener('focus', onFocus);
      document.removeEventListener('visibilitychange', onVisible);
      stop();
    };
  }, [apply, refresh]);

  const checking = status?.state === 'unlocked' && status.integrity === 'en_cours';
  useEffect(() => {
    if (!checking) return;
    const timer = setInterval(() => void refresh(), INTEGRITY_POLL_MS);
    return () => clearInterval(timer);
  }, [checking, refresh]);

  const context = useMemo<VaultContextValue | null>(
    () => (status ? { status, setStatus, refresh } : null),
    [status, setStatus, refresh],
  );

  if (!context) {
    return (
      <Container size="xs" py={80}>
        {error ? (
          <LoadError error={error} onRetry={() => void refresh()} />
        ) : (
          <Center>
            <Loading label="Ouverture de Balise…" />
          </Center>
        )}
      </Container>
    );
  }

  return (
    <VaultContext.Provider value={context}>
      {context.status.state === 'unlocked' ? (
        <Shell />
      ) : context.status.state === 'locked' ? (
        <UnlockScreen />
      ) : (
        <FirstRun />
      )}
    </VaultContext.Provider>
  );
}
