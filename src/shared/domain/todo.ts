/** The kinds of item of the to-do list (À faire), with their French labels. */
export const TO_DO_KINDS = {
  document_missing: 'Pièce justificative manquante',
  obligation_due: 'Obligation annuelle',
  payment_planned: 'Versement prévu',
  convention_ending: 'Fin de convention',
  notice_deadline: 'Date limite de préavis',
  cadence_gap: 'Objectif annuel de réunions',
  attendance_missing: 'Présences à saisir',
  activity_missing: 'Chiffres d’activité manquants',
  committee_action: 'Action d’une instance (COPIL, COTECH)',
} as const;
export type TodoKind = keyof typeof TO_DO_KINDS;
