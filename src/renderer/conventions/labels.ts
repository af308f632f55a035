/**
 * The French name of every convention field: forms, detail page and history agree. The
 * fields of a convention's parts (document, payment, amendment, attachment) are here too,
 * since the history of a convention shows their changes.
 */
export const CONVENTION_LABELS = {
  structureId: 'Structure',
  reference: 'Référence',
  withMsa: 'Signée aussi avec la MSA',
  kind: 'Première convention ou renouvellement',
  previousId: 'Convention précédente',
  startDate: 'Début',
  endDate: 'Fin',
  fundedPromeneurs: 'Promeneurs financés',
  subsidies: 'Subventions par année',
  notes: 'Notes',
  status: 'Statut',
  endedOn: 'Fin anticipée le',
  endReason: 'Motif de la fin anticipée',
  receivedOn: 'Reçue le',
  validatedOn: 'Validée le',
  comment: 'Commentaire',
  year: 'Année',
  amountCents: 'Montant',
  plannedOn: 'Prévu le',
  paidOn: 'Versé le',
  signedOn: 'Signé le',
  object: 'Objet',
  fileName: 'Fichier',
  label: 'Intitulé',
  category: 'Nature de la pièce',
} as const satisfies Record<string, string>;

/** A payment's `kind` is its nature (avance, solde), not the convention's kind. */
export const PAYMENT_FIELD_LABELS: Record<string, string> = {
  ...CONVENTION_LABELS,
  kind: 'Nature du versement',
};
