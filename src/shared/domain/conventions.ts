/**
 * The vocabulary of funding agreements (conventions) between the CAF (and possibly the MSA)
 * and a host structure, with the words the users say. Keys are stored; labels are shown.
 */
import type { LegalForm } from './directory';

export const CONVENTION_STATUSES = {
  brouillon: 'Brouillon',
  envoyee: 'Envoyée pour signature',
  signee: 'Signée',
  en_cours: 'En cours',
  echue: 'Échue',
  resiliee: 'Résiliée',
  resolue: 'Résolue',
} as const;
export type ConventionStatus = keyof typeof CONVENTION_STATUSES;

/** Statuses that end an agreement before its term: they need a date and a reason. */
export const ENDING_STATUSES = ['resiliee', 'resolue'] as const satisfies ConventionStatus[];

export const CONVENTION_KINDS = {
  premiere: 'Première convention',
  renouvellement: 'Renouvellement',
} as const;
export type ConventionKind = keyof typeof CONVENTION_KINDS;

/** What each supporting document justifies (guide, annex 2). */
export const DOCUMENT_CATEGORIES = {
  existence: 'Existence légale',
  vocation: 'Vocation',
  paiement: 'Destinataire du paiement',
  capacite: 'Capacité du contractant',
  finances: 'Éléments financiers',
  activite: 'Activité',
  autre: 'Autre pièce',
} as const;
export type DocumentCategory = keyof typeof DOCUMENT_CATEGORIES;

export interface RequiredDocument {
  /** Stable key: the same document keeps its state when the checklist is generated again. */
  key: string;
  category: DocumentCategory;
  label: string;
}

const NO_CHANGE = 'Attestation de non-changement de situation';

/** The guide's annex 2 table: the documents required to sign, by legal form and kind. */
export const REQUIRED_DOCUMENTS: Record<LegalForm, Record<ConventionKind, RequiredDocument[]>> = {
  association: {
    premiere: [
      {
        key: 'recepisse_prefecture',
        category: 'existence',
        label: 'Récépissé de déclaration en préfecture',
      },
      { key: 'siret', category: 'existence', label: 'Numéro SIREN / SIRET' },
      { key: 'statuts', category: 'vocation', label: 'Statuts' },
      { key: 'rib', category: 'paiement', label: 'Relevé d’identité bancaire (RIB)' },
      {
        key: 'liste_ca',
        category: 'capacite',
        label: 'Liste datée des membres du conseil d’administration et du bureau',
      },
      {
        key: 'comptes_n1',
        category: 'finances',
        label: 'Compte de résultat et bilan de l’année précédente (N-1)',
      },
      { key: 'projet_educatif', category: 'activite', label: 'Projet éducatif de la structure' },
      { key: 'reglement_interieur', category: 'activite', label: 'Règlement intérieur' },
      {
        key: 'plaquettes',
        category: 'activite',
        label: 'Plaquettes de présentation et autres documents de communication',
      },
      {
        key: 'labels_agrements',
        category: 'activite',
        label: 'Copie des labels et agréments (jeunesse et éducation populaire)',
      },
    ],
    renouvellement: [
      {
        key: 'non_changement',
        category: 'existence',
        label: `${NO_CHANGE} (existence légale, statuts, activité)`,
      },
      {
        key: 'liste_ca',
        category: 'capacite',
        label: 'Liste datée des membres du conseil d’administration et du bureau',
      },
      {
        key: 'comptes_n1',
        category: 'finances',
        label: 'Compte de résultat et bilan de l’année précédente (N-1)',
      },
    ],
  },
  collectivite: {
    premiere: [
      {
        key: 'arrete_creation',
        category: 'existence',
        label: 'Arrêté préfectoral de création (SIVU, SIVOM, EPCI…) détaillant les compétences',
      },
      { key: 'siret', category: 'existence', label: 'Numéro SIREN / SIRET' },
      {
        key: 'statuts_epci',
        category: 'vocation',
        label: 'Statuts (pour un EPCI), détaillant les champs de compétence',
      },
      { key: 'rib', category: 'paiement', label: 'Relevé d’identité bancaire (RIB)' },
      { key: 'projet_educatif', category: 'activite', label: 'Projet éducatif' },
      { key: 'reglement_interieur', category: 'activite', label: 'Règlement intérieur' },
      {
        key: 'plaquettes',
        category: 'activite',
        label: 'Plaquettes de présentation et autres documents de communication',
      },
      { key: 'labels_agrements', category: 'activite', label: 'Copie des labels et agréments' },
    ],
    renouvellement: [
      {
        key: 'non_changement',
        category: 'existence',
        label: `${NO_CHANGE} (existence légale, statuts, activité)`,
      },
    ],
  },
};

/** The yearly obligations of a covered year N (guide, convention template articles 3.6 and 4, annex 2). */
export const OBLIGATION_KINDS = {
  attestation_service_fait: 'Attestation de service fait',
  budget_previsionnel: 'Budget prévisionnel',
  compte_resultat: 'Compte de résultat',
  bilan_qualitatif: 'Bilan qualitatif et quantitatif',
  bilan_anniversaire: 'Bilan d’activité et compte de résultat annuels',
} as const;
export type ObligationKind = keyof typeof OBLIGATION_KINDS;

export const PAYMENT_KINDS = {
  avance: 'Avance',
  solde: 'Solde',
} as const;
export type PaymentKind = keyof typeof PAYMENT_KINDS;

/** Months of notice before an anniversary to terminate an agreement (convention, article 7.1). */
export const NOTICE_MONTHS = 3;
/** The largest accepted upload for a scanned document, in bytes. */
export const MAX_ATTACHMENT_BYTES = 20 * 1024 * 1024;
/** The file types a scanned document may have, and how they are shown. */
export const ATTACHMENT_TYPES = {
  'application/pdf': 'PDF',
  'image/jpeg': 'Image JPEG',
  'image/png': 'Image PNG',
} as const;
export type AttachmentType = keyof typeof ATTACHMENT_TYPES;
