/**
 * The rights of the people the vault holds data about (GDPR): find a person, export all
 * they are in, erase them, the retention proposals and the processing record (art. 30).
 */
import { z } from 'zod';
import { id, isoDate } from './fields';

const personName = z
  .string({ error: 'Nom invalide.' })
  .trim()
  .min(1, 'Nom obligatoire.')
  .max(200, 'Au plus 200 caractères.');

/** Whom a request is about. */
export const personRef = z.discriminatedUnion(
  'kind',
  [
    /** A Promeneur du Net of the directory. */
    z.object({ kind: z.literal('promeneur'), id }),
    /** Someone of a structure's team or an outside guest of events, by name and e-mail. */
    z.object({
      kind: z.literal('guest'),
      name: personName,
      email: z.string().trim().max(200, 'Au plus 200 caractères.').nullable(),
    }),
    /** A structure's legal representative or charter signatory, by name. */
    z.object({ kind: z.literal('contact'), name: personName }),
    /** A member of a committee (COPIL, COTECH). */
    z.object({ kind: z.literal('committee_member'), id }),
  ],
  { error: 'Personne invalide.' },
);
export type PersonRef = z.output<typeof personRef>;
export type PersonKind = PersonRef['kind'];

export const PERSON_KINDS: Record<PersonKind, string> = {
  promeneur: 'Promeneur du Net',
  guest: 'Invité ou équipe d’une structure',
  contact: 'Représentant ou signataire d’une structure',
  committee_member: 'Membre d’une instance (COPIL, COTECH)',
};

export const personFound = z.object({
  person: personRef,
  name: z.string(),
  /** E-mail, job and structure…: what tells two namesakes apart. */
  details: z.string().nullable(),
  /** Where the person appears, in words (« Invité à 3 évènements », « Représentant légal de … »). */
  appearances: z.array(z.string()),
});
export type PersonFound = z.output<typeof personFound>;

export const exportFormat = z.enum(['json', 'xlsx'], { error: 'Format : JSON ou Excel.' });

export const retentionProposal = z.object({
  id,
  name: z.string(),
  status: z.string(),
  /** Since when the Promeneur is « sorti » or « exclu » (YYYY-MM-DD). */
  since: z.string(),
});

export const registerSection = z.object({ heading: z.string(), lines: z.array(z.string()) });

export const rightsRoutes = {
  'rights.people': {
    input: z.object({ search: z.string().trim().max(200, 'Au plus 200 caractères.').default('') }),
    output: z.array(personFound),
  },
  'rights.export': {
    input: z.object({ person: personRef, format: exportFormat }),
    output: z.object({ fileName: z.string(), contentBase64: z.string() }),
  },
  'rights.erase': {
    input: z.object({
      person: personRef,
      /** The person's name typed back, as a strong confirmation. */
      confirm: z.string({ error: 'Confirmation obligatoire.' }).max(200),
    }),
    output: z.object({
      /** What was erased, in words (« 1 fiche, 2 profils, … »). */
      erased: z.array(z.string()),
    }),
  },
  'rights.retention': {
    input: z.object({ on: isoDate.optional() }),
    output: z.object({
      years: z.number().int(),
      before: z.string(),
      proposals: z.array(retentionProposal),
    }),
  },
  'rights.register': {
    input: z.object({}).strict(),
    output: z.object({ title: z.string(), sections: z.array(registerSection), text: z.string() }),
  },
};
