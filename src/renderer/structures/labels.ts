import type { StructureFields } from '../../shared/api/structures';

/** The French name of every structure field: form labels, detail pages and history agree. */
export const STRUCTURE_LABELS: Record<keyof StructureFields | 'archivedAt', string> = {
  name: 'Nom',
  type: 'Type de structure',
  legalForm: 'Forme juridique',
  siret: 'SIRET',
  address: 'Adresse',
  postalCode: 'Code postal',
  commune: 'Commune',
  territory: 'Territoire (EPCI)',
  qpv: 'Quartier prioritaire (QPV)',
  phone: 'Téléphone',
  email: 'E-mail',
  website: 'Site web',
  representativeName: 'Nom du représentant légal',
  representativeTitle: 'Qualité du représentant légal',
  networkStatus: 'Statut dans le réseau',
  statusSince: 'Statut depuis le',
  selectionYear: 'Année de sélection par le COPIL',
  charterSignedOn: 'Charte signée le',
  charterSignatory: 'Signataire de la charte',
  notes: 'Notes',
  archivedAt: 'Archivée le',
};
