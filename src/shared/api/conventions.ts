/**
 * Funding agreements (conventions): the agreement itself and its status, supporting
 * documents with their scans, yearly obligations, payments and amendments.
 */
import { z } from 'zod';
import {
  ATTACHMENT_TYPES,
  CONVENTION_KINDS,
  CONVENTION_STATUSES,
  DOCUMENT_CATEGORIES,
  ENDING_STATUSES,
  MAX_ATTACHMENT_BYTES,
  OBLIGATION_KINDS,
  PAYMENT_KINDS,
} from '../domain/conventions';
import { coveredYears } from '../rules/conventions';
import {
  enumOf,
  id,
  isoDate,
  optionalDate,
  optionalText,
  requiredText,
  sortDirection,
  year,
} from './fields';
import { legalForm, statusChange } from './structures';

export const conventionStatus = enumOf(CONVENTION_STATUSES, 'Statut');
export const conventionKind = enumOf(CONVENTION_KINDS, 'Première convention ou renouvellement');
export const documentCategory = enumOf(DOCUMENT_CATEGORIES, 'Nature de la pièce');
export const obligationKind = enumOf(OBLIGATION_KINDS, 'Obligation');
export const paymentKind = enumOf(PAYMENT_KINDS, 'Nature du versement');
export const attachmentType = enumOf(ATTACHMENT_TYPES, 'Type de fichier');

/** The longest agreement accepted, in years (the guide speaks of one to three). */
export const MAX_CONVENTION_YEARS = 6;

/** An amount in whole cents (12 345,60 € is 1234560). */
export const amountCents = z
  .number({ error: 'Montant invalide.' })
  .int('Montant en centimes entiers.')
  .min(0, 'Le montant ne peut pas être négatif.')
  .max(100_000_000_00, 'Montant trop élevé.');

export const yearAmount = z.object({ year, amountCents });

const fundedPromeneurs = z
  .number({ error: 'Nombre de Promeneurs financés : champ obligatoire.' })
  .int('Nombre entier.')
  .min(1, 'Au moins 1 Promeneur financé.')
  .max(200, 'Au plus 200 Promeneurs.');

/** Subsidy years must be covered by the period, each once. */
function checkSubsidies(
  subsidies: { year: number }[],
  startDate: string,
  endDate: string,
  ctx: z.RefinementCtx,
  path: (string | number)[] = ['subsidies'],
): void {
  const years = new Set(coveredYears(startDate, endDate));
  const seen = new Set<number>();
  subsidies.forEach((s, i) => {
    if (!years.has(s.year))
      ctx.addIssue({
        code: 'custom',
        path: [...path, i, 'year'],
        message: `L’année ${s.year} n’est pas couverte par la période de la convention.`,
      });
    if (seen.has(s.year))
      ctx.addIssue({
        code: 'custom',
        path: [...path, i, 'year'],
        message: `L’année ${s.year} apparaît deux fois.`,
      });
    seen.add(s.year);
  });
}

/** What a person fills in for an agreement (its status changes through its own route). */
export const conventionFields = z
  .object({
    structureId: id,
    reference: requiredText('Référence', 100),
    withMsa: z.boolean().default(false),
    kind: conventionKind,
    /** The agreement this one renews, when it is recorded in Balise. */
    previousId: id.nullable().default(null),
    startDate: isoDate,
    endDate: isoDate,
    fundedPromeneurs,
    subsidies: z
      .array(yearAmount)
      .max(MAX_CONVENTION_YEARS + 1)
      .default([]),
    notes: optionalText(5000),
  })
  .superRefine((c, ctx) => {
    if (c.endDate <= c.startDate) {
      ctx.addIssue({
        code: 'custom',
        path: ['endDate'],
        message: 'La date de fin doit suivre la date de début.',
      });
      return;
    }
    if (Number(c.endDate.slice(0, 4)) - Number(c.startDate.slice(0, 4)) > MAX_CONVENTION_YEARS)
      ctx.addIssue({
        code: 'custom',
        path: ['endDate'],
        message: `Une convention couvre au plus ${MAX_CONVENTION_YEARS} ans.`,
      });
    if (c.previousId !== null && c.kind !== 'renouvellement')
      ctx.addIssue({
        code: 'custom',
        path: ['previousId'],
        message: 'Seul un renouvellement renvoie à une convention précédente.',
      });
    checkSubsidies(c.subsidies, c.startDate, c.endDate, ctx);
  });
export type ConventionFields = z.output<typeof conventionFields>;
export type ConventionFieldsInput = z.input<typeof conventionFields>;

/** A change of status; ending statuses (résiliée, résolue) need a reason. */
export const statusInput = z
  .object({
    id,
    status: conventionStatus,
    /** The day the status took effect (for a termination, the day it takes effect). */
    since: isoDate,
    reason: optionalText(2000),
  })
  .superRefine((s, ctx) => {
    if ((ENDING_STATUSES as readonly string[]).includes(s.status) && s.reason === null)
      ctx.addIssue({
        code: 'custom',
        path: ['reason'],
        message: 'Indiquez le motif de la résiliation ou de la résolution.',
      });
  });

export const documentFields = z
  .object({
    receivedOn: optionalDate,
    validatedOn: optionalDate,
    comment: optionalText(1000),
  })
  .superRefine((d, ctx) => {
    if (d.validatedOn !== null && d.receivedOn === null)
      ctx.addIssue({
        code: 'custom',
        path: ['receivedOn'],
        message: 'Une pièce validée doit avoir été reçue : indiquez la date de réception.',
      });
    if (d.validatedOn !== null && d.receivedOn !== null && d.validatedOn < d.receivedOn)
      ctx.addIssue({
        code: 'custom',
        path: ['validatedOn'],
        message: 'La validation ne peut pas précéder la réception.',
      });
  });

export const attachmentInput = z.object({
  documentId: id,
  fileName: requiredText('Nom du fichier', 200),
  mimeType: attachmentType,
  /** The file's bytes, base64-encoded. */
  contentBase64: z
    .string()
    .min(1, 'Le fichier est vide.')
    .max(Math.ceil(MAX_ATTACHMENT_BYTES / 3) * 4, 'Fichier trop volumineux (20 Mo au plus).')
    .regex(/^[A-Za-z0-9+/]+={0,2}$/, 'Contenu du fichier illisible.'),
});

export const obligationFields = z.object({
  receivedOn: optionalDate,
  comment: optionalText(1000),
});

export const paymentFields = z
  .object({
    year,
    kind: paymentKind,
    amountCents: amountCents.refine((v) => v > 0, 'Le montant doit être positif.'),
    plannedOn: optionalDate,
    /** Null while the payment is only planned. */
    paidOn: optionalDate,
    comment: optionalText(1000),
  })
  .superRefine((p, ctx) => {
    if (p.plannedOn === null && p.paidOn === null)
      ctx.addIssue({
        code: 'custom',
        path: ['plannedOn'],
        message: 'Indiquez la date prévue ou la date du versement.',
      });
  });
export type PaymentFields = z.output<typeof paymentFields>;

export const amendmentFields = z
  .object({
    signedOn: isoDate,
    object: requiredText('Objet de l’avenant', 1000),
    /** The new end date, or null when the amendment keeps it. */
    endDate: optionalDate,
    fundedPromeneurs: fundedPromeneurs.nullable().default(null),
    /** New subsidy amounts for the years listed. */
    subsidies: z
      .array(yearAmount)
      .max(MAX_CONVENTION_YEARS + 1)
      .default([]),
  })
  .superRefine((a, ctx) => {
    const seen = new Set<number>();
    a.subsidies.forEach((s, i) => {
      if (seen.has(s.year))
        ctx.addIssue({
          code: 'custom',
          path: ['subsidies', i, 'year'],
          message: `L’année ${s.year} apparaît deux fois.`,
        });
      seen.add(s.year);
    });
  });
export type AmendmentFields = z.output<typeof amendmentFields>;

const terms = z.object({
  startDate: z.string(),
  endDate: z.string(),
  fundedPromeneurs: z.number().int(),
  subsidies: z.array(yearAmount),
});

const attachment = z.object({
  id,
  fileName: z.string(),
  mimeType: attachmentType,
  size: z.number().int(),
  addedAt: z.string(),
});

const conventionDocument = z.object({
  id,
  /** The annex item it comes from; null for a document added by hand. */
  key: z.string().nullable(),
  category: documentCategory,
  label: z.string(),
  receivedOn: z.string().nullable(),
  validatedOn: z.string().nullable(),
  comment: z.string().nullable(),
  attachments: z.array(attachment),
});

const obligation = z.object({
  key: z.string(),
  kind: obligationKind,
  year: z.number().int(),
  label: z.string(),
  dueOn: z.string(),
  receivedOn: z.string().nullable(),
  comment: z.string().nullable(),
  /**
   * False for an obligation that was marked received and that the terms no longer
   * generate (after an amendment or a termination): kept, never lost.
   */
  inForce: z.boolean(),
});

const payment = z.object({
  id,
  year: z.number().int(),
  kind: paymentKind,
  amountCents: z.number().int(),
  plannedOn: z.string().nullable(),
  paidOn: z.string().nullable(),
  comment: z.string().nullable(),
});

const amendment = z.object({
  id,
  /** 1 for the first amendment by date of signature, and so on. */
  number: z.number().int(),
  signedOn: z.string(),
  object: z.string(),
  endDate: z.string().nullable(),
  fundedPromeneurs: z.number().int().nullable(),
  subsidies: z.array(yearAmount),
});

const conventionLink = z.object({ id, reference: z.string() });

export const convention = z.object({
  id,
  structure: z.object({ id, name: z.string(), legalForm }),
  reference: z.string(),
  withMsa: z.boolean(),
  kind: conventionKind,
  previous: conventionLink.nullable(),
  /** The agreements that renew this one. */
  renewals: z.array(conventionLink),
  /** The terms as signed. */
  signed: terms,
  /** The terms as amended (equal to `signed` without amendments). */
  terms,
  status: conventionStatus,
  statusHistory: z.array(statusChange),
  /** The day a termination or rescission took effect, and why. */
  endedOn: z.string().nullable(),
  endReason: z.string().nullable(),
  notes: z.string().nullable(),
  notices: z.array(z.object({ anniversary: z.string(), noticeBy: z.string() })),
  documents: z.array(conventionDocument),
  obligations: z.array(obligation),
  payments: z.array(payment),
  totals: z.array(
    z.object({
      year: z.number().int(),
      committedCents: z.number().int(),
      paidCents: z.number().int(),
      plannedCents: z.number().int(),
      remainingCents: z.number().int(),
    }),
  ),
  amendments: z.array(amendment),
  createdAt: z.string(),
  updatedAt: z.string(),
});
export type Convention = z.output<typeof convention>;

export const conventionSummary = z.object({
  id,
  reference: z.string(),
  structureId: id,
  structureName: z.string(),
  kind: conventionKind,
  withMsa: z.boolean(),
  startDate: z.string(),
  /** As amended. */
  endDate: z.string(),
  fundedPromeneurs: z.number().int(),
  totalCents: z.number().int(),
  status: conventionStatus,
  /** Documents not yet received. */
  missingDocuments: z.number().int(),
});
export type ConventionSummary = z.output<typeof conventionSummary>;

export const conventionSort = z.enum(['reference', 'structure', 'startDate', 'endDate', 'status']);

export const conventionListQuery = z.object({
  search: z.string().max(200).default(''),
  statuses: z.array(conventionStatus).default([]),
  structureId: id.nullable().default(null),
  sort: conventionSort.default('endDate'),
  direction: sortDirection,
});
export type ConventionListQuery = z.input<typeof conventionListQuery>;

const byId = z.object({ id });
const done = z.object({ id });

export const conventionsRoutes = {
  'conventions.list': { input: conventionListQuery, output: z.array(conventionSummary) },
  'conventions.get': { input: byId, output: convention },
  'conventions.create': { input: z.object({ fields: conventionFields }), output: done },
  'conventions.update': { input: z.object({ id, fields: conventionFields }), output: done },
  'conventions.setStatus': { input: statusInput, output: done },
  'conventions.remove': { input: byId, output: done },
  'conventions.documents.add': {
    input: z.object({
      conventionId: id,
      label: requiredText('Intitulé de la pièce', 300),
      category: documentCategory.default('autre'),
    }),
    output: done,
  },
  'conventions.documents.update': {
    input: z.object({ id, fields: documentFields }),
    output: done,
  },
  'conventions.documents.remove': { input: byId, output: done },
  'conventions.attachments.add': { input: attachmentInput, output: done },
  'conventions.attachments.open': {
    input: byId,
    output: z.object({
      id,
      fileName: z.string(),
      mimeType: attachmentType,
      contentBase64: z.string(),
    }),
  },
  'conventions.attachments.remove': { input: byId, output: done },
  'conventions.obligations.update': {
    input: z.object({
      conventionId: id,
      key: z.string().min(1).max(100),
      fields: obligationFields,
    }),
    output: z.object({ key: z.string() }),
  },
  'conventions.payments.create': {
    input: z.object({ conventionId: id, fields: paymentFields }),
    output: done,
  },
  'conventions.payments.update': { input: z.object({ id, fields: paymentFields }), output: done },
  'conventions.payments.remove': { input: byId, output: done },
  'conventions.amendments.create': {
    input: z.object({ conventionId: id, fields: amendmentFields }),
    output: done,
  },
  'conventions.amendments.update': {
    input: z.object({ id, fields: amendmentFields }),
    output: done,
  },
  'conventions.amendments.remove': { input: byId, output: done },
};
