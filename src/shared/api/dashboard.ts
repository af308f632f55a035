/**
 * The dashboard (« Tableau de bord »): the network's key figures and series for a year or a
 * period, a territory (EPCI), a structure type and a structure. The « Bilan annuel » export
 * reads the same figures (`dashboardData` in main), so the two always agree.
 */
import { z } from 'zod';
import { STRUCTURE_TYPES } from '../domain/directory';
import { TO_DO_KINDS } from '../domain/todo';
import { CADENCE_GOALS } from '../domain/calendar';
import { enumOf, id, optionalDate, year } from './fields';

const territory = z.preprocess(
  (v) => (typeof v === 'string' && v.trim() === '' ? null : v),
  z.string().trim().max(200, 'Territoire : 200 caractères au plus.').nullable().default(null),
);

/**
 * A year, or a period (from and to, both needed), or neither (the current year). Structure,
 * structure type and territory narrow every figure that belongs to a structure.
 */
export const dashboardFilters = z
  .strictObject({
    year: year.nullable().default(null),
    from: optionalDate,
    to: optionalDate,
    /** The structure's territory (EPCI) as written in the directory. */
    territory,
    structureType: enumOf(STRUCTURE_TYPES, 'Type de structure').nullable().default(null),
    structureId: id.nullable().default(null),
  })
  .superRefine((f, ctx) => {
    if (f.year !== null && (f.from !== null || f.to !== null))
      ctx.addIssue({
        code: 'custom',
        path: ['year'],
        message: 'Choisissez une année ou une période, pas les deux.',
      });
    if ((f.from === null) !== (f.to === null))
      ctx.addIssue({
        code: 'custom',
        path: [f.from === null ? 'from' : 'to'],
        message: 'Indiquez le début et la fin de la période.',
      });
    if (f.from !== null && f.to !== null && f.from > f.to)
      ctx.addIssue({
        code: 'custom',
        path: ['to'],
        message: 'La fin de la période précède son début.',
      });
  });
export type DashboardFilters = z.output<typeof dashboardFilters>;
export type DashboardFiltersInput = z.input<typeof dashboardFilters>;

const count = z.number().int();
const cents = z.number().int();
/** A share between 0 and 1; null when there is nothing to divide by. */
const share = z.number().min(0).max(1).nullable();

/** The period the figures cover, resolved from the filters. */
export const dashboardPeriod = z.object({
  from: z.string(),
  to: z.string(),
  /** « 2026 » or « du 01/01/2026 au 30/06/2026 ». */
  label: z.string(),
  /** The day the figures of state (active, in force) are read: the period's end, or today if sooner. */
  asOf: z.string(),
  /** The calendar years the period touches. */
  years: z.array(z.number().int()),
});
export type DashboardPeriod = z.output<typeof dashboardPeriod>;

export const cadenceFigure = z.object({
  type: enumOf(CADENCE_GOALS, 'Réunion'),
  label: z.string(),
  /** Held (or past and not cancelled) within the period. */
  held: count,
  /** The yearly target times the calendar years the period touches. */
  target: count,
});
export type CadenceFigure = z.output<typeof cadenceFigure>;

export const keyFigures = z.object({
  promeneursActive: count,
  structuresInNetwork: count,
  conventionsInForce: count,
  /** Subsidies of signed conventions (as amended) for the period's years, and paid for them. */
  subsidies: z.object({ committedCents: cents, paidCents: cents }),
  /** From the Promeneurs' activity reports whose whole period lies within the dashboard's. */
  activity: z.object({
    reports: count,
    youngContacted: count,
    youngMet: count,
    projectsStarted: count,
  }),
  /** Network meetings (whole network: not narrowed by structure). */
  meetings: z.array(cadenceFigure),
  /** Active Promeneurs present at a training during the 12 months up to `asOf`. */
  training: z.object({ active: count, trained: count, share }),
  /** To-do items whose date is past, today. */
  overdue: count,
});
export type KeyFigures = z.output<typeof keyFigures>;

export const networkPoint = z.object({
  /** The last day of the month (or of the period, for the last point). */
  date: z.string(),
  /** « janv. 2026 ». */
  label: z.string(),
  promeneursActive: count,
  structuresInNetwork: count,
});

export const activityPoint = z.object({
  key: z.string(),
  label: z.string(),
  youngContacted: count,
  youngMet: count,
});

export const labelCount = z.object({ label: z.string(), count });

export const attendancePoint = z.object({
  eventId: id,
  date: z.string(),
  title: z.string(),
  invited: count,
  present: count,
  excused: count,
  absent: count,
  /** Present among those whose attendance was recorded; null while none is. */
  rate: share,
});

export const subsidyPoint = z.object({
  year: z.number().int(),
  committedCents: cents,
  paidCents: cents,
});

export const todoPoint = z.object({
  kind: enumOf(TO_DO_KINDS, 'Type'),
  label: z.string(),
  count,
  overdue: count,
});

export const dashboardSeries = z.object({
  /** Month by month over the period, from the status history. */
  network: z.array(networkPoint),
  /** Per activity period lying within the dashboard's period. */
  activity: z.array(activityPoint),
  /** Requests per theme, every theme of the list. */
  themes: z.array(labelCount),
  /** Young people contacted per channel, every channel of the list. */
  channels: z.array(labelCount),
  /** Departmental meetings of the period, oldest first. */
  attendance: z.array(attendancePoint),
  /** Every year with a subsidy or a payment (not narrowed by the period). */
  subsidies: z.array(subsidyPoint),
  /** To-do items due within the to-do horizon, per kind. */
  todo: z.array(todoPoint),
});
export type DashboardSeries = z.output<typeof dashboardSeries>;

export const dashboardData = z.object({
  filters: z.object({
    territory: z.string().nullable(),
    structureType: enumOf(STRUCTURE_TYPES, 'Type de structure').nullable(),
    structureId: id.nullable(),
    structureName: z.string().nullable(),
  }),
  period: dashboardPeriod,
  figures: keyFigures,
  series: dashboardSeries,
});
export type DashboardData = z.output<typeof dashboardData>;

/** What the filters offer: territories and structures of the directory. */
export const dashboardOptions = z.object({
  territories: z.array(z.string()),
  structures: z.array(
    z.object({
      id,
      name: z.string(),
      type: enumOf(STRUCTURE_TYPES, 'Type'),
      territory: z.string().nullable(),
    }),
  ),
  /** Years with any record (events, reports, subsidies, statuses), newest first. */
  years: z.array(z.number().int()),
});
export type DashboardOptions = z.output<typeof dashboardOptions>;

export const dashboardRoutes = {
  'dashboard.data': { input: dashboardFilters, output: dashboardData },
  'dashboard.options': { input: z.strictObject({}), output: dashboardOptions },
};
