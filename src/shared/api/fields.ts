/**
 * Field schemas shared by every route: they validate and normalise what a person typed,
 * with French messages, so the renderer's inline validation and main's checks agree.
 */
import { z } from 'zod';
import { emailError } from '../rules/email';
import { normalizePhone, phoneError } from '../rules/phone';
import { normalizeSiret, siretError } from '../rules/siret';

const blankToNull = (v: unknown) => (typeof v === 'string' && v.trim() === '' ? null : v);

export const id = z.number().int().positive();

/** The input of a route that takes none: an empty object, nothing else. */
export const noInput = z.strictObject({});

export const requiredText = (label: string, max = 200) =>
  z
    .string({ error: `${label} : champ obligatoire.` })
    .trim()
    .min(1, `${label} : champ obligatoire.`)
    .max(max, `${label} : ${max} caractères au plus.`);

export const optionalText = (max = 200) =>
  z.preprocess(
    blankToNull,
    z.string().trim().max(max, `${max} caractères au plus.`).nullable().default(null),
  );

/** A calendar date as YYYY-MM-DD (the renderer's date inputs give this form). */
export const isoDate = z.iso.date('Date invalide (jj/mm/aaaa).');
export const optionalDate = z.preprocess(blankToNull, isoDate.nullable().default(null));

export const optionalEmail = z.preprocess(
  blankToNull,
  z
    .string()
    .trim()
    .toLowerCase()
    .nullable()
    .default(null)
    .superRefine((v, ctx) => {
      if (v !== null && emailError(v)) ctx.addIssue({ code: 'custom', message: emailError(v)! });
    }),
);

export const optionalPhone = z.preprocess(
  blankToNull,
  z
    .string()
    .nullable()
    .default(null)
    .transform((v, ctx) => {
      if (v === null) return null;
      const stored = normalizePhone(v);
      if (!stored) {
        ctx.addIssue({ code: 'custom', message: phoneError(v)! });
        return z.NEVER;
      }
      return stored;
    }),
);

export const optionalSiret = z.preprocess(
  blankToNull,
  z
    .string()
    .nullable()
    .default(null)
    .transform((v, ctx) => {
      if (v === null) return null;
      const error = siretError(v);
      if (error) {
        ctx.addIssue({ code: 'custom', message: error });
        return z.NEVER;
      }
      return normalizeSiret(v);
    }),
);

export const optionalUrl = z.preprocess(
  blankToNull,
  z
    .string()
    .trim()
    .nullable()
    .default(null)
    .transform((v, ctx) => {
      if (v === null) return null;
      const withScheme = /^[a-z][a-z0-9+.-]*:\/\//i.test(v) ? v : `https://${v}`;
      try {
        const url = new URL(withScheme);
        if (url.protocol !== 'https:' && url.protocol !== 'http:') throw new Error('scheme');
        if (!url.hostname.includes('.')) throw new Error('host');
        return url.toString();
      } catch {
        ctx.addIssue({
          code: 'custom',
          message: 'Adresse web invalide (exemple : https://www.exemple.fr).',
        });
        return z.NEVER;
      }
    }),
);

export const timeOfDay = z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$/, 'Heure invalide (hh:mm).');

export const year = z.number().int().min(2000, 'Année invalide.').max(2100, 'Année invalide.');

export const enumOf = <T extends Record<string, string>>(values: T, label: string) =>
  z.enum(Object.keys(values) as [keyof T & string, ...(keyof T & string)[]], {
    error: `${label} : choisissez une valeur de la liste.`,
  });

/** Sorting and paging common to every list. */
export const sortDirection = z.enum(['asc', 'desc']).default('asc');

/** One change of a record as the audit log keeps it. */
export const fieldChange = z.object({
  field: z.string(),
  before: z.unknown(),
  after: z.unknown(),
});
