import { useState } from 'react';
import { useNavigate } from 'react-router-dom';
import { invoke } from '../api/client';
import { useVault } from '../app/vaultContext';
import { notifyError } from '../components/notify';

/** Opens the separate demo vault (created and filled on first use). */
export function useOpenDemo() {
  const { setStatus } = useVault();
  const navigate = useNavigate();
  const [opening, setOpening] = useState(false);
  const open = async () => {
    setOpening(true);
    const result = await invoke('vault.openDemo', {});
    setOpening(false);
    if (!result.ok) return notifyError(result.error, 'Impossible d’ouvrir la démonstration');
    navigate('/', { replace: true });
    setStatus(result.value);
  };
  return { opening, open: () => void open() };
}
