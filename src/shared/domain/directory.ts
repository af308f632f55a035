/**
 * The directory's vocabulary: every value list of DOMAIN.md with the words the users say.
 * Keys are stable identifiers stored in the database; labels are what the interface shows.
 */

export const STRUCTURE_TYPES = {
  centre_social: 'Centre social',
  fjt: 'Foyer de jeunes travailleurs',
  maison_ados: 'Maison des adolescents',
  accueil_jeunes: 'Accueil de jeunes',
  mjc: 'MJC',
  epn: 'Espace public numérique',
  mission_locale: 'Mission locale',
  pij: 'Point information jeunesse',
  association_jep: 'Association de jeunesse et d’éducation populaire',
  service_jeunesse: 'Service jeunesse d’une collectivité',
  prevention_specialisee: 'Prévention spécialisée',
  autre: 'Autre',
} as const;
export type StructureType = keyof typeof STRUCTURE_TYPES;

export const LEGAL_FORMS = {
  association: 'Association',
  collectivite: 'Collectivité territoriale / établissement public',
} as const;
export type LegalForm = keyof typeof LEGAL_FORMS;

export const STRUCTURE_STATUSES = {
  interessee: 'Intéressée',
  retenue: 'Retenue par le COPIL',
  dans_le_reseau: 'Dans le réseau',
  sortie: 'Sortie du réseau',
} as const;
export type StructureStatus = keyof typeof STRUCTURE_STATUSES;

export const JOBS = {
  educateur: 'Éducateur',
  animateur: 'Animateur',
  conseiller_insertion: 'Conseiller en insertion',
  infirmier: 'Infirmier',
  psychologue: 'Psychologue',
  mediateur_numerique: 'Médiateur numérique',
  informateur_jeunesse: 'Informateur jeunesse',
  autre: 'Autre',
} as const;
export type Job = keyof typeof JOBS;

export const PROMENEUR_STATUSES = {
  en_preparation: 'En préparation',
  actif: 'Actif',
  suspendu: 'Suspendu',
  sorti: 'Sorti',
  exclu: 'Exclu',
} as const;
export type PromeneurStatus = keyof typeof PROMENEUR_STATUSES;

export const PLATFORMS = {
  facebook: 'Facebook',
  instagram: 'Instagram',
  snapchat: 'Snapchat',
  tiktok: 'TikTok',
  discord: 'Discord',
  twitch: 'Twitch',
  whatsapp: 'WhatsApp',
  youtube: 'YouTube',
  x: 'X',
  jeux_en_ligne: 'Jeux en ligne',
  forums: 'Forums',
  autre: 'Autre',
} as const;
export type Platform = keyof typeof PLATFORMS;

export const WEEKDAYS = {
  1: 'Lundi',
  2: 'Mardi',
  3: 'Mercredi',
  4: 'Jeudi',
  5: 'Vendredi',
  6: 'Samedi',
  7: 'Dimanche',
} as const;

/** Charter, article 3: what a Promeneur's professional profile must show. */
export const COMPLIANCE_POINTS = {
  firstNameAndStructure: 'Le profil affiche le prénom et le nom de la structure',
  photo: 'Une photo (personnelle ou de la structure)',
  logo: 'Le logo ou la bannière Promeneurs du Net',
  essentials: 'Les éléments essentiels du dispositif',
  contact: 'Les moyens d’entrer en contact',
  directoryLink: 'Un lien vers l’annuaire départemental',
} as const;
export type CompliancePoint = keyof typeof COMPLIANCE_POINTS;

/**
 * What the public departmental directory may show beyond first name, photo, job and
 * structure (always public): each needs the Promeneur's consent.
 */
export const PUBLICATION_FIELDS = {
  lastName: 'Nom de famille',
  email: 'E-mail professionnel',
  phone: 'Téléphone professionnel',
  profiles: 'Profils en ligne',
  dutySlots: 'Permanences en ligne',
} as const;
export type PublicationField = keyof typeof PUBLICATION_FIELDS;

/** Months after which a profile check is due again. */
export const COMPLIANCE_CHECK_MONTHS = 6;

export const keysOf = <T extends Record<string, string>>(o: T) =>
  Object.keys(o) as [keyof T & string, ...(keyof T & string)[]];
