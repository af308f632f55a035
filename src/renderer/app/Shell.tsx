import { AppShell } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useCallback, useEffect, useMemo, useState } from 'react';
import { useNavigate } from 'react-router-dom';
import { invoke } from '../api/client';
import { useRoute } from '../api/useRoute';
import { notifyError } from '../components/notify';
import { AppRoutes } from './AppRoutes';
import { DamagedBanner } from './DamagedBanner';
import { DemoBanner } from './DemoBanner';
import { ShellContext } from './shellContext';
import { Sidebar } from './Sidebar';
import { useAutoLock } from './useAutoLock';
import { useVault } from './vaultContext';

/**
 * The unlocked app: the sidebar, the damaged-vault and demo banners when they apply, and the
 * current page.
 */
export function Shell() {
  const { status, setStatus, refresh } = useVault();
  const navigate = useNavigate();
  const settings = useRoute('settings.get', {});
  const [busy, setBusy] = useState<'lock' | 'leave' | null>(null);

  const lock = useCallback(async () => {
    setBusy('lock');
    const result = await invoke('vault.lock', {});
    setBusy(null);
    if (result.ok) setStatus(result.value);
    else {
      notifyError(result.error, 'Verrouillage impossible');
      void refresh();
    }
  }, [setStatus, refresh]);

  // Once locked (or out of the demo), what was said about the records goes away with them.
  useEffect(() => () => notifications.clean(), []);

  const autoLock = useCallback(() => void lock(), [lock]);
  useAutoLock(status.autoLockMinutes, autoLock);

  const leaveDemo = async () => {
    setBusy('leave');
    const result = await invoke('vault.leaveDemo', {});
    setBusy(null);
    if (!result.ok) return notifyError(result.error);
    // The demo's record paths mean nothing in the coordinator's own vault.
    navigate('/', { replace: true });
    setStatus(result.value);
  };

  const shell = useMemo(
    () => ({
      departmentName: settings.result?.ok ? settings.result.value.departmentName : '',
      reloadSettings: settings.reload,
    }),
    [settings.result, settings.reload],
  );

  return (
    <ShellContext.Provider value={shell}>
      <AppShell navbar={{ width: 250, breakpoint: 'xs' }} padding="xl">
        <AppShell.Navbar aria-label="Navigation principale">
          <Sidebar
            departmentName={shell.departmentName}
            autoLockMinutes={status.autoLockMinutes}
            locking={busy === 'lock'}
            onLock={() => void lock()}
          />
        </AppShell.Navbar>
        <AppShell.Main>
          {status.integrity === 'abimee' && <DamagedBanner />}
          {status.demo && (
            <DemoBanner leaving={busy === 'leave'} onLeave={() => void leaveDemo()} />
          )}
          <AppRoutes />
        </AppShell.Main>
      </AppShell>
    </ShellContext.Provider>
  );
}
