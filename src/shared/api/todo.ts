/**
 * The to-do list (À faire): everything due, from every capability, in one list sorted by
 * date. Each capability adds its kinds of item.
 */
import { z } from 'zod';
import { TO_DO_KINDS } from '../domain/todo';
import { enumOf, id, noInput } from './fields';

export const todoKind = enumOf(TO_DO_KINDS, 'Nature');

export const todoItem = z.object({
  /** Stable key, e.g. `document:12` or `convention:3:notice:2027-01-01`. */
  key: z.string(),
  kind: todoKind,
  /** The date it is due (YYYY-MM-DD). */
  date: z.string(),
  overdue: z.boolean(),
  /** What is due, in the coordinator's words. */
  label: z.string(),
  /** The record it belongs to (e.g. the convention's reference). */
  context: z.string(),
  structure: z.object({ id, name: z.string() }).nullable(),
  /** Where the renderer goes to act: a route path inside the app. */
  link: z.string(),
});
export type TodoItem = z.output<typeof todoItem>;

/** The items the « À faire » page shows at first, and how many more « Afficher plus » adds. */
export const TODO_PAGE = 100;

export const todoQuery = z.object({
  /** How far ahead to look, in months; the setting's value when null. */
  horizonMonths: z.number().int().min(0).max(36).nullable().default(null),
  structureId: id.nullable().default(null),
  kinds: z.array(todoKind).default([]),
  /** How many items to give, the first ones in the list's order; null for all of them. */
  limit: z
    .number()
    .int('Le nombre d’éléments doit être un nombre entier.')
    .min(1, 'Il faut demander au moins 1 élément.')
    .nullable()
    .default(null),
});
export type TodoQuery = z.input<typeof todoQuery>;

export const todoRoutes = {
  'todo.list': {
    input: todoQuery,
    output: z.object({
      /** The first items (all, or `limit`), in the list's order (by date, then label). */
      items: z.array(todoItem),
      /** How many items the list holds in all, and how many in each period (late, within 7 days, later). */
      total: z.number().int(),
      periods: z.object({
        overdue: z.number().int(),
        week: z.number().int(),
        later: z.number().int(),
      }),
      horizonMonths: z.number().int(),
      /** The day the list was computed for (today in Paris). */
      today: z.string(),
    }),
  },
  /** How many items are late (the sidebar's badge): counted, not listed. */
  'todo.overdueCount': { input: noInput, output: z.object({ count: z.number().int() }) },
  'todo.markDone': {
    input: z.object({ key: z.string().min(1).max(200) }),
    output: z.object({ key: z.string() }),
  },
};
