import { z } from 'zod';
import { noInput } from './fields';

export const settingsValues = z.object({
  /** Minutes without activity before the vault locks itself. */
  autoLockMinutes: z
    .number({ error: 'Durée invalide.' })
    .int('Durée en minutes entières.')
    .min(1, 'Au moins 1 minute.')
    .max(240, 'Au plus 240 minutes (4 heures).'),
  /** Name of the department, shown in the title and used in exports. */
  departmentName: z.string().trim().max(100, 'Au plus 100 caractères.'),
});
export type SettingsValues = z.output<typeof settingsValues>;

export const DEFAULT_SETTINGS: SettingsValues = { autoLockMinutes: 15, departmentName: '' };

export const settingsRoutes = {
  'settings.get': { input: noInput, output: settingsValues },
  'settings.update': { input: settingsValues.partial(), output: settingsValues },
};
