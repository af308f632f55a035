import type { PromeneurFields } from '../../shared/api/promeneurs';

/** The French name of every Promeneur field: form labels, detail pages and history agree. */
export const PROMENEUR_LABELS: Record<
  keyof PromeneurFields | 'archivedAt' | 'structureName',
  string
> = {
  firstName: 'Prénom',
  lastName: 'Nom',
  job: 'Métier',
  structureId: 'Structure employeuse',
  structureName: 'Structure employeuse',
  email: 'E-mail professionnel',
  phone: 'Téléphone professionnel',
  startDate: 'Entrée dans le dispositif le',
  charterSignedOn: 'Charte signée le',
  status: 'Statut',
  statusSince: 'Statut depuis le',
  profiles: 'Profils professionnels',
  dutySlots: 'Permanences en ligne',
  compliance: 'Conformité du profil',
  complianceCheckedOn: 'Dernier contrôle du profil',
  publication: 'Publication dans l’annuaire',
  notes: 'Notes',
  archivedAt: 'Archivé le',
};
