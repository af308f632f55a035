/**
 * The one API contract between the renderer and the main process. Every route has a zod
 * input and output schema; main validates both, the renderer's client is typed from them.
 */
import { z } from 'zod';
import { activityRoutes } from './activity';
import { backupsRoutes } from './backups';
import { calendarRoutes } from './calendar';
import { committeesRoutes } from './committees';
import { conventionsRoutes } from './conventions';
import { dashboardRoutes } from './dashboard';
import { directoryImportRoutes } from './directoryImport';
import { exportsRoutes } from './exports';
import { historyRoutes } from './history';
import { journalRoutes } from './journal';
import { homeRoutes } from './home';
import { promeneursRoutes } from './promeneurs';
import { rightsRoutes } from './rights';
import { settingsRoutes } from './settings';
import { structuresRoutes } from './structures';
import { todoRoutes } from './todo';
import { vaultRoutes } from './vault';

z.config(z.locales.fr());

export const contract = {
  ...vaultRoutes,
  ...settingsRoutes,
  ...homeRoutes,
  ...dashboardRoutes,
  ...structuresRoutes,
  ...promeneursRoutes,
  ...directoryImportRoutes,
  ...historyRoutes,
  ...conventionsRoutes,
  ...calendarRoutes,
  ...committeesRoutes,
  ...journalRoutes,
  ...activityRoutes,
  ...todoRoutes,
  ...backupsRoutes,
  ...rightsRoutes,
  ...exportsRoutes,
} satisfies Record<string, { input: z.ZodType; output: z.ZodType }>;

export type Contract = typeof contract;
export type RouteName = keyof Contract;
/** What a caller may send (before defaults and normalisation). */
export type RouteInput<R extends RouteName> = z.input<Contract[R]['input']>;
/** What a handler receives (validated and normalised). */
export type ParsedInput<R extends RouteName> = z.output<Contract[R]['input']>;
export type RouteOutput<R extends RouteName> = z.output<Contract[R]['output']>;

export const routeNames = Object.keys(contract) as RouteName[];
export const isRouteName = (name: unknown): name is RouteName =>
  typeof name === 'string' && Object.prototype.hasOwnProperty.call(contract, name);

/** Turns zod issues into field-level French messages, keyed by dotted path. */
export function fieldErrors(error: z.ZodError): Record<string, string> {
  const fields: Record<string, string> = {};
  for (const issue of error.issues) {
    const key = issue.path.join('.') || '_';
    fields[key] ??= issue.message;
  }
  return fields;
}
