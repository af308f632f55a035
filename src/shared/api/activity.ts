/**
 * The Promeneurs' activity indicators: the editable lists (channels, themes), reports per
 * Promeneur and period entered by hand or imported from a returned Excel template, the
 * templates themselves, completeness per period, and the aggregates the dashboard and the
 * exports read.
 */
import { z } from 'zod';
import {
  ACTIVITY_LISTS,
  ACTIVITY_PERIOD_KINDS,
  ACTIVITY_SOURCES,
  MAX_ACTIVITY_TEXT,
  MAX_LIST_LABEL,
  MAX_TEMPLATE_BYTES,
} from '../domain/activity';
import { STRUCTURE_TYPES } from '../domain/directory';
import { countError, figuresProblems, hoursError, parsePeriod } from '../rules/activity';
import { enumOf, id, noInput, optionalDate, optionalText, requiredText } from './fields';

export const activityList = enumOf(ACTIVITY_LISTS, 'Liste');
export const activityPeriodKind = enumOf(ACTIVITY_PERIOD_KINDS, 'Période de collecte');
export const activitySource = enumOf(ACTIVITY_SOURCES, 'Origine');

export const periodKey = z
  .string({ error: 'Période : champ obligatoire.' })
  .refine(
    (key) => parsePeriod(key) !== null,
    'Période invalide (exemples : 2026-03, 2026-T3, 2026).',
  );

const count = z.number({ error: 'Indiquez un nombre.' }).superRefine((v, ctx) => {
  const problem = countError(v);
  if (problem) ctx.addIssue({ code: 'custom', message: problem });
});

const hours = z.number({ error: 'Indiquez un nombre d’heures.' }).superRefine((v, ctx) => {
  const problem = hoursError(v);
  if (problem) ctx.addIssue({ code: 'custom', message: problem });
});

const listCount = z.object({ id, count });

const text = optionalText(MAX_ACTIVITY_TEXT);

/** What a Promeneur reports for a period; counts only, never a young person. */
export const activityFigures = z
  .object({
    youngContacted: count,
    youngMet: count,
    projectsStarted: count,
    exchanges: count,
    concernsReferred: count,
    hoursOnline: hours,
    /** Null when the breakdown by age is not known. */
    ageBands: z
      .object({ age12to14: count, age15to17: count, age18to25: count })
      .nullable()
      .default(null),
    channels: z.array(listCount).max(200).default([]),
    themes: z.array(listCount).max(200).default([]),
    partners: text,
    projectsText: text,
    qualityNotes: text,
    difficulties: text,
    trainingWishes: text,
  })
  .superRefine((f, ctx) => {
    for (const p of figuresProblems(f))
      ctx.addIssue({
        code: 'custom',
        path: p.path.split('.').map((s) => (/^\d+$/.test(s) ? Number(s) : s)),
        message: p.message,
      });
    for (const list of ['channels', 'themes'] as const) {
      const seen = new Set<number>();
      f[list].forEach((c, i) => {
        if (seen.has(c.id))
          ctx.addIssue({ code: 'custom', path: [list, i, 'id'], message: 'Valeur en double.' });
        seen.add(c.id);
      });
    }
  });
export type ActivityFigures = z.output<typeof activityFigures>;
export type ActivityFiguresInput = z.input<typeof activityFigures>;

const period = z.object({
  key: z.string(),
  label: z.string(),
  start: z.string(),
  end: z.string(),
});

export const activityReport = z.object({
  id,
  /** Null once the Promeneur was erased (the counts stay for the statistics). */
  promeneurId: id.nullable(),
  promeneurName: z.string().nullable(),
  /** The structure the Promeneur worked for at the time. */
  structure: z.object({ id, name: z.string() }).nullable(),
  period,
  source: activitySource,
  /** The returned template's name, for an import. */
  fileName: z.string().nullable(),
  createdAt: z.string(),
  updatedAt: z.string(),
  figures: activityFigures,
});
export type ActivityReport = z.output<typeof activityReport>;

const listValue = z.object({
  id,
  label: z.string(),
  position: z.number().int(),
  /** How many reports give a figure for it (a value in use cannot be removed). */
  uses: z.number().int(),
});
export type ActivityListValue = z.output<typeof listValue>;

const listLabel = requiredText('Libellé', MAX_LIST_LABEL);

const person = z.object({
  promeneurId: id,
  name: z.string(),
  structure: z.object({ id, name: z.string() }),
  email: z.string().nullable(),
});

export const completenessRow = person.extend({
  /** Null while the figures are missing. */
  report: z
    .object({ id, source: activitySource, createdAt: z.string(), updatedAt: z.string() })
    .nullable(),
});
export type CompletenessRow = z.output<typeof completenessRow>;

/** A returned template as the renderer sends it: its name and bytes (base64). */
const templateFile = {
  fileName: requiredText('Nom du fichier', 255),
  contentBase64: z
    .string({ error: 'Fichier : contenu manquant.' })
    .max(Math.ceil(MAX_TEMPLATE_BYTES / 3) * 4 + 4, 'Fichier trop volumineux (2 Mo au plus).')
    .regex(/^[A-Za-z0-9+/]*={0,2}$/, 'Contenu du fichier illisible.'),
};

/** The most returned templates read in one call (the renderer sends a selection in parts). */
export const MAX_TEMPLATE_BATCH = 20;

/** What importing a returned template would do. */
const importPreview = z.object({
  fileName: z.string(),
  promeneur: z.object({ id, name: z.string(), structure: z.string() }),
  period,
  /** Null when a cell is wrong (see errors). */
  figures: activityFigures.nullable(),
  /** Per-cell problems, in French (« Cellule B15 (Jeunes rencontrés…) : … »). */
  errors: z.array(z.string()),
  /** The figures already there for this Promeneur and period, which importing would replace. */
  existing: z
    .object({ id, source: activitySource, createdAt: z.string(), updatedAt: z.string() })
    .nullable(),
});
export type ImportPreview = z.output<typeof importPreview>;

export const aggregateFilter = z
  .object({
    /** Periods that start on or after `from` and end on or before `to`. */
    from: optionalDate,
    to: optionalDate,
    structureId: id.nullable().default(null),
    structureType: enumOf(STRUCTURE_TYPES, 'Type de structure').nullable().default(null),
    /** The structure's territory (EPCI) as written in the directory. */
    territory: z.preprocess(
      (v) => (typeof v === 'string' && v.trim() === '' ? null : v),
      z.string().trim().max(200, 'Territoire : 200 caractères au plus.').nullable().default(null),
    ),
  })
  .refine((f) => !f.from || !f.to || f.from <= f.to, {
    path: ['to'],
    message: 'La fin de la période précède son début.',
  });
export type AggregateFilter = z.output<typeof aggregateFilter>;

export const activityTotals = z.object({
  /** Reports counted, and distinct Promeneurs (an erased Promeneur's reports count, not them). */
  reports: z.number().int(),
  promeneurs: z.number().int(),
  youngContacted: z.number().int(),
  youngMet: z.number().int(),
  projectsStarted: z.number().int(),
  exchanges: z.number().int(),
  concernsReferred: z.number().int(),
  hoursOnline: z.number(),
  /** The age breakdown, over the reports that gave one (`reports` of them). */
  ageBands: z.object({
    reports: z.number().int(),
    age12to14: z.number().int(),
    age15to17: z.number().int(),
    age18to25: z.number().int(),
  }),
});
export type ActivityTotals = z.output<typeof activityTotals>;

const valueCount = z.object({ id, label: z.string(), count: z.number().int() });

export const activityAggregates = z.object({
  totals: activityTotals,
  byPeriod: z.array(activityTotals.extend({ period })),
  byStructure: z.array(
    activityTotals.extend({ structureId: id.nullable(), name: z.string().nullable() }),
  ),
  byTerritory: z.array(activityTotals.extend({ territory: z.string().nullable() })),
  byTheme: z.array(valueCount),
  byChannel: z.array(valueCount),
});
export type ActivityAggregates = z.output<typeof activityAggregates>;

export const activityRoutes = {
  /** Both editable lists, in their order, with how often each value is used. */
  'activity.lists': {
    input: noInput,
    output: z.object({ channels: z.array(listValue), themes: z.array(listValue) }),
  },
  'activity.lists.create': {
    input: z.object({ list: activityList, label: listLabel }),
    output: z.object({ id }),
  },
  /** Renaming keeps the figures: they point at the value's id. */
  'activity.lists.rename': {
    input: z.object({ list: activityList, id, label: listLabel }),
    output: z.object({ id }),
  },
  /** The whole list's new order (every id, once). */
  'activity.lists.reorder': {
    input: z.object({ list: activityList, ids: z.array(id).min(1).max(200) }),
    output: z.object({ ids: z.array(id) }),
  },
  /** Refused while a figure uses the value. */
  'activity.lists.remove': {
    input: z.object({ list: activityList, id }),
    output: z.object({ id }),
  },
  'activity.reports.get': {
    input: z.object({ promeneurId: id, periodKey }),
    output: activityReport.nullable(),
  },
  'activity.reports.list': {
    input: z.object({ periodKey }),
    output: z.array(activityReport),
  },
  'activity.reports.create': {
    input: z.object({ promeneurId: id, periodKey, figures: activityFigures }),
    output: z.object({ id }),
  },
  'activity.reports.update': {
    input: z.object({ id, figures: activityFigures }),
    output: z.object({ id }),
  },
  'activity.reports.remove': { input: z.object({ id }), output: z.object({ id }) },
  /** Who returned figures for a period, who has not (with their e-mails). */
  'activity.completeness': {
    input: z.object({ periodKey }),
    output: z.object({
      period: period.extend({ kind: activityPeriodKind }),
      rows: z.array(completenessRow),
      missingEmails: z.array(z.string()),
    }),
  },
  /** One workbook for one Promeneur, or a .zip of every expected Promeneur's. */
  'activity.templates': {
    input: z.object({ periodKey, promeneurId: id.nullable().default(null) }),
    output: z.object({
      fileName: z.string(),
      contentBase64: z.string(),
      recipients: z.array(person.extend({ fileName: z.string() })),
    }),
  },
  /**
   * Reads returned templates (those not read yet, in one contained process) and tells, for each
   * file, what importing it would do, or why it is refused (a refused file does not stop the
   * others).
   */
  'activity.importPreview': {
    input: z.object({
      periodKey,
      files: z
        .array(z.object(templateFile), { error: 'Fichiers : liste manquante.' })
        .min(1, 'Aucun fichier à lire.')
        .max(
          MAX_TEMPLATE_BATCH,
          `${MAX_TEMPLATE_BATCH} fichiers au plus à la fois : lisez les autres ensuite.`,
        ),
    }),
    output: z.array(
      z.discriminatedUnion('ok', [
        z.object({ ok: z.literal(true), preview: importPreview }),
        z.object({ ok: z.literal(false), fileName: z.string(), message: z.string() }),
      ]),
    ),
  },
  /** Imports it; figures already there are replaced only with `replace: true`. */
  'activity.importConfirm': {
    input: z.object({ periodKey, ...templateFile, replace: z.boolean().default(false) }),
    output: z.object({ id, replaced: z.boolean() }),
  },
  'activity.aggregates': {
    input: aggregateFilter,
    output: activityAggregates.extend({
      /** Every territory of the directory, for the filter. */
      territories: z.array(z.string()),
    }),
  },
};
