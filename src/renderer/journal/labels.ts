/** The journal's field names, as the form and the history say them. */
export const JOURNAL_LABELS = {
  date: 'Date',
  kind: 'Nature',
  channel: 'Moyen',
  durationMinutes: 'Durée (minutes)',
  summary: 'Objet',
  promeneurIds: 'Promeneurs concernés',
  structureIds: 'Structures concernées',
  partners: 'Partenaires',
} as const;
