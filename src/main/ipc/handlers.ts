/** Every route's handler, one group per capability; the type makes sure none is missing. */
import { activityHandlers } from '../services/activity';
import { historyHandlers } from '../services/audit';
import { backupsHandlers } from '../services/backups';
import { calendarHandlers } from '../services/calendar';
import { committeesHandlers } from '../services/committees';
import { conventionsHandlers } from '../services/conventions';
import { dashboardHandlers } from '../services/dashboard';
import { directoryImportHandlers } from '../services/directoryImport';
import { exportsHandlers } from '../services/exports';
import { homeHandlers } from '../services/home';
import { journalHandlers } from '../services/journal';
import { promeneursHandlers } from '../services/promeneurs';
import { rightsHandlers } from '../services/rights';
import { settingsHandlers } from '../services/settings';
import { structuresHandlers } from '../services/structures';
import { todoHandlers } from '../services/todo';
import { vaultHandlers } from '../services/vault';
import type { Handlers } from './router';

export const handlers: Handlers = {
  ...vaultHandlers,
  ...settingsHandlers,
  ...homeHandlers,
  ...dashboardHandlers,
  ...structuresHandlers,
  ...promeneursHandlers,
  ...directoryImportHandlers,
  ...historyHandlers,
  ...conventionsHandlers,
  ...journalHandlers,
  ...activityHandlers,
  ...calendarHandlers,
  ...committeesHandlers,
  ...todoHandlers,
  ...backupsHandlers,
  ...rightsHandlers,
  ...exportsHandlers,
};
