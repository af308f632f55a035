import { z } from 'zod';
import { ACTIVITY_PERIOD_KINDS, DEFAULT_ACTIVITY_PERIOD } from '../domain/activity';
import { DEFAULT_OBLIGATION_DEADLINE, isValidDayOfMonth } from '../rules/conventions';
import { enumOf, noInput } from './fields';

const yearlyTarget = z
  .number({ error: 'Nombre invalide.' })
  .int('Nombre entier.')
  .min(0, 'Au moins 0.')
  .max(52, 'Au plus 52 par an.');

export const settingsValues = z
  .object({
    /** Minutes without activity before the vault locks itself. */
    autoLockMinutes: z
      .number({ error: 'Durée invalide.' })
      .int('Durée en minutes entières.')
      .min(1, 'Au moins 1 minute.')
      .max(240, 'Au plus 240 minutes (4 heures).'),
    /** Name of the department, shown in the title and used in exports. */
    departmentName: z.string().trim().max(100, 'Au plus 100 caractères.'),
    /** Day and month of year N+1 by which a convention's documents of year N are due (« J/M »). */
    obligationDueDay: z
      .number({ error: 'Jour invalide.' })
      .int('Jour invalide.')
      .min(1, 'Jour invalide.')
      .max(31, 'Jour invalide.'),
    obligationDueMonth: z
      .number({ error: 'Mois invalide.' })
      .int('Mois invalide.')
      .min(1, 'Mois invalide.')
      .max(12, 'Mois invalide.'),
    /** Yearly targets of the network's meetings (cadence goals). */
    departmentalMeetingsPerYear: yearlyTarget,
    copilPerYear: yearlyTarget,
    cotechPerYear: yearlyTarget,
    /** How far ahead the to-do list looks, in months. */
    todoHorizonMonths: z
      .number({ error: 'Durée invalide.' })
      .int('Nombre de mois entier.')
      .min(1, 'Au moins 1 mois.')
      .max(24, 'Au plus 24 mois.'),
    /** Years after leaving the network (« sorti », « exclu ») before erasure is proposed. */
    retentionYears: z
      .number({ error: 'Durée invalide.' })
      .int('Nombre d’années entier.')
      .min(1, 'Au moins 1 an.')
      .max(30, 'Au plus 30 ans.'),
    /** How often Promeneurs report their activity figures. */
    activityPeriod: enumOf(ACTIVITY_PERIOD_KINDS, 'Période de collecte'),
  })
  .superRefine((s, ctx) => {
    if (!isValidDayOfMonth(s.obligationDueDay, s.obligationDueMonth))
      ctx.addIssue({
        code: 'custom',
        path: ['obligationDueDay'],
        message: 'Cette date n’existe pas (par exemple, 31/04).',
      });
  });
export type SettingsValues = z.output<typeof settingsValues>;

export const DEFAULT_SETTINGS: SettingsValues = {
  autoLockMinutes: 15,
  departmentName: '',
  obligationDueDay: DEFAULT_OBLIGATION_DEADLINE.day,
  obligationDueMonth: DEFAULT_OBLIGATION_DEADLINE.month,
  todoHorizonMonths: 4,
  departmentalMeetingsPerYear: 2,
  copilPerYear: 2,
  cotechPerYear: 4,
  retentionYears: 3,
  activityPeriod: DEFAULT_ACTIVITY_PERIOD,
};

export const settingsRoutes = {
  'settings.get': { input: noInput, output: settingsValues },
  'settings.update': { input: z.object(settingsValues.shape).partial(), output: settingsValues },
};
