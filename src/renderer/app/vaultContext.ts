import { createContext, useContext } from 'react';
import type { VaultState } from '../../shared/api/vault';

export interface VaultContextValue {
  status: VaultState;
  /** Replaces the known status with what a vault route just answered. */
  setStatus: (status: VaultState) => void;
  /** Asks main for the status again (after a settings change, on focus…). */
  refresh: () => Promise<void>;
}

export const VaultContext = createContext<VaultContextValue | null>(null);

export function useVault(): VaultContextValue {
  const value = useContext(VaultContext);
  if (!value) throw new Error('useVault outside VaultGate');
  return value;
}
