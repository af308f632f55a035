/**
 * The coordinator's log (journal d'activité): what the coordinator did, for whom, by which
 * channel and for how long; yearly totals by kind and channel, for the COPIL.
 */
import { z } from 'zod';
import { LOG_CHANNELS, LOG_KINDS } from '../domain/calendar';
import { enumOf, id, isoDate, optionalText, requiredText, year } from './fields';

export const logKind = enumOf(LOG_KINDS, 'Nature');
export const logChannel = enumOf(LOG_CHANNELS, 'Moyen');

export const logFields = z.object({
  date: isoDate,
  kind: logKind,
  channel: logChannel,
  durationMinutes: z
    .number({ error: 'Durée : champ obligatoire.' })
    .int('Durée en minutes entières.')
    .min(5, 'Au moins 5 minutes.')
    .max(24 * 60, 'Au plus 24 heures.'),
  summary: requiredText('Objet', 500),
  promeneurIds: z.array(id).max(200).default([]),
  structureIds: z.array(id).max(200).default([]),
  /** Partners met or helped (CAF, MSA, a commune…), as written. */
  partners: optionalText(500),
});
export type LogFields = z.output<typeof logFields>;
export type LogFieldsInput = z.input<typeof logFields>;

const entry = z.object({
  id,
  ...logFields.shape,
  promeneurs: z.array(z.object({ id, name: z.string() })),
  structures: z.array(z.object({ id, name: z.string() })),
});
export type LogEntry = z.output<typeof entry>;

const total = z.object({ count: z.number().int(), minutes: z.number().int() });

export const journalRoutes = {
  'journal.list': {
    input: z.object({
      year,
      kinds: z.array(logKind).default([]),
      promeneurId: id.nullable().default(null),
      structureId: id.nullable().default(null),
    }),
    output: z.array(entry),
  },
  'journal.create': { input: z.object({ fields: logFields }), output: z.object({ id }) },
  'journal.update': { input: z.object({ id, fields: logFields }), output: z.object({ id }) },
  'journal.remove': { input: z.object({ id }), output: z.object({ id }) },
  /** A year's totals: by kind and by channel, and overall. */
  'journal.totals': {
    input: z.object({ year }),
    output: z.object({
      year: z.number().int(),
      all: total,
      byKind: z.array(total.extend({ kind: logKind })),
      byChannel: z.array(total.extend({ channel: logChannel })),
    }),
  },
};
