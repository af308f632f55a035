import { createContext, useContext } from 'react';

export interface ShellContextValue {
  departmentName: string;
  /** Re-reads the settings shown in the sidebar (after Paramètres saved them). */
  reloadSettings: () => void;
}

export const ShellContext = createContext<ShellContextValue>({
  departmentName: '',
  reloadSettings: () => undefined,
});

export const useShell = () => useContext(ShellContext);
