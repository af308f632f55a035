/**
 * The fictional department of the demo: Val-de-Balise. Every name here is invented and
 * reads as such; phone numbers come from the ranges ARCEP keeps for fiction, e-mails and
 * links use the `.example` top-level domain (RFC 2606), postal codes start with 99, which
 * no French department uses.
 */
import type {
  Job,
  LegalForm,
  Platform,
  PromeneurStatus,
  StructureType,
} from '../../shared/domain/directory';

export const DEPARTMENT_NAME = 'Val-de-Balise (département fictif)';

/** Fixed-line numbers ARCEP reserves for fiction (films, books, demos). 06 39 98 is left out: our phone rule reads 0639 as Mayotte. */
export const FICTION_PHONE_PREFIXES = [
  '01 99 00',
  '02 61 91',
  '03 53 01',
  '04 65 71',
  '05 36 49',
] as const;
/** The same prefixes as stored (E.164). */
export const FICTION_PHONE_STORED = /^\+33(19900|26191|35301|46571|53649)\d{4}$/;

export const TERRITORIES = {
  agglo: 'Balise Agglomération',
  vallons: 'Communauté de communes des Trois Vallons',
  plateau: 'Communauté de communes du Plateau Inventé',
  lande: 'Communauté de communes Cœur de Lande Imaginaire',
} as const;
type TerritoryKey = keyof typeof TERRITORIES;

export interface Commune {
  name: string;
  postalCode: string;
  territory: TerritoryKey;
}

export const COMMUNES = {
  balise: { name: 'Balise-la-Ville', postalCode: '99000', territory: 'agglo' },
  fauxbourg: { name: 'Fauxbourg-sur-Balise', postalCode: '99100', territory: 'agglo' },
  saintFictif: { name: 'Saint-Fictif-sur-Loire', postalCode: '99210', territory: 'vallons' },
  preFactice: { name: 'Pré-Factice', postalCode: '99220', territory: 'vallons' },
  villefictive: { name: 'Villefictive', postalCode: '99300', territory: 'plateau' },
  montimaginaire: { name: 'Montimaginaire', postalCode: '99310', territory: 'plateau' },
  sainteDemo: { name: 'Sainte-Démo-des-Champs', postalCode: '99400', territory: 'lande' },
  lavallee: { name: 'Lavallée-Inventée', postalCode: '99410', territory: 'lande' },
} as const satisfies Record<string, Commune>;
export type CommuneKey = keyof typeof COMMUNES;

/**
 * How a structure reached its network status; the seeding replays the steps so the status
 * history and the audit log look like real use.
 */
export type StructurePath =
  /** Entered the network some years ago, created as such. */
  | 'in_network'
  /** Went through interest → selection → network, one update each. */
  | 'selected_then_in'
  /** Interested, then selected by the COPIL this year. */
  | 'selected'
  | 'interested'
  /** Was in the network, left it last year. */
  | 'left';

export interface StructureSpec {
  name: string;
  type: StructureType;
  legalForm: LegalForm;
  commune: CommuneKey;
  address: string;
  /** Its `.example` domain, for the e-mail and website. */
  domain: string;
  qpv: boolean;
  path: StructurePath;
  /** The charter is not recorded yet (gives the home page a next step). */
  charterMissing?: boolean;
  /** The legal representative changed once (an update in the history). */
  newRepresentative?: boolean;
  notes?: string;
}

export const STRUCTURES: readonly StructureSpec[] = [
  {
    name: 'Centre social des Trois Vallons',
    type: 'centre_social',
    legalForm: 'association',
    commune: 'saintFictif',
    address: '4 place de l’Exemple',
    domain: 'cs-trois-vallons.example',
    qpv: false,
    path: 'in_network',
  },
  {
    name: 'Centre social Les Tilleuls Imaginaires',
    type: 'centre_social',
    legalForm: 'association',
    commune: 'balise',
    address: '12 rue du Prototype',
    domain: 'tilleuls-imaginaires.example',
    qpv: true,
    path: 'in_network',
    newRepresentative: true,
  },
  {
    name: 'Foyer de jeunes travailleurs Le Phare Fictif',
    type: 'fjt',
    legalForm: 'association',
    commune: 'balise',
    address: '27 avenue des Maquettes',
    domain: 'fjt-phare-fictif.example',
    qpv: true,
    path: 'in_network',
  },
  {
    name: 'Maison des adolescents du Val-de-Balise',
    type: 'maison_ados',
    legalForm: 'collectivite',
    commune: 'fauxbourg',
    address: '3 allée des Songes',
    domain: 'mda-val-de-balise.example',
    qpv: false,
    path: 'in_network',
  },
  {
    name: 'Accueil jeunes de Villefictive',
    type: 'accueil_jeunes',
    legalForm: 'collectivite',
    commune: 'villefictive',
    address: 'Mairie, 1 place de la Fable',
    domain: 'villefictive.example',
    qpv: false,
    path: 'selected_then_in',
  },
  {
    name: 'MJC de Montimaginaire',
    type: 'mjc',
    legalForm: 'association',
    commune: 'montimaginaire',
    address: '8 chemin des Brouillons',
    domain: 'mjc-montimaginaire.example',
    qpv: false,
    path: 'in_network',
  },
  {
    name: 'Espace public numérique de Pré-Factice',
    type: 'epn',
    legalForm: 'collectivite',
    commune: 'preFactice',
    address: 'Médiathèque, 2 rue de l’Ébauche',
    domain: 'pre-factice.example',
    qpv: false,
    path: 'selected_then_in',
    charterMissing: true,
  },
  {
    name: 'Mission locale Val-de-Balise Sud',
    type: 'mission_locale',
    legalForm: 'association',
    commune: 'sainteDemo',
    address: '15 boulevard de l’Esquisse',
    domain: 'ml-val-de-balise-sud.example',
    qpv: false,
    path: 'in_network',
  },
  {
    name: 'Point information jeunesse de Lavallée-Inventée',
    type: 'pij',
    legalForm: 'collectivite',
    commune: 'lavallee',
    address: '6 rue du Canevas',
    domain: 'lavallee-inventee.example',
    qpv: false,
    path: 'in_network',
  },
  {
    name: 'Prévention spécialisée Horizon Factice',
    type: 'prevention_specialisee',
    legalForm: 'association',
    commune: 'fauxbourg',
    address: '21 rue du Simulacre',
    domain: 'horizon-factice.example',
    qpv: true,
    path: 'in_network',
  },
  {
    name: 'Association Jeunesse et Découvertes Fictives',
    type: 'association_jep',
    legalForm: 'association',
    commune: 'sainteDemo',
    address: '9 impasse du Gabarit',
    domain: 'ajdf.example',
    qpv: false,
    path: 'selected',
  },
  {
    name: 'Service jeunesse de Balise Agglomération',
    type: 'service_jeunesse',
    legalForm: 'collectivite',
    commune: 'balise',
    address: 'Hôtel d’agglomération, 1 esplanade du Modèle',
    domain: 'balise-agglo.example',
    qpv: false,
    path: 'selected',
  },
  {
    name: 'Ludothèque La Toupie Factice',
    type: 'autre',
    legalForm: 'association',
    commune: 'montimaginaire',
    address: '5 place du Mirliton',
    domain: 'toupie-factice.example',
    qpv: false,
    path: 'interested',
    notes:
      'Candidature reçue ; rencontre à prévoir avec l’équipe avant le prochain appel à projets.',
  },
  {
    name: 'MJC des Coteaux Imaginaires',
    type: 'mjc',
    legalForm: 'association',
    commune: 'preFactice',
    address: '18 route de la Chimère',
    domain: 'mjc-coteaux-imaginaires.example',
    qpv: false,
    path: 'left',
    notes: 'Sortie du réseau à l’échéance de sa convention, sans demande de renouvellement.',
  },
  {
    name: 'Maison de quartier Les Mirages',
    type: 'centre_social',
    legalForm: 'collectivite',
    commune: 'fauxbourg',
    address: '2 square du Semblant',
    domain: 'fauxbourg-sur-balise.example',
    qpv: true,
    path: 'interested',
  },
];

/** Legal representatives and signatories: invented too. */
export const REPRESENTATIVES: readonly { name: string; female: boolean }[] = [
  { name: 'Dominique Prétexte', female: false },
  { name: 'Michel Parabole', female: false },
  { name: 'Sylvie Allégorie', female: true },
  { name: 'Patrick Métaphore', female: false },
  { name: 'Nadine Conjecture', female: true },
  { name: 'Hervé Supposition', female: false },
  { name: 'Brigitte Anecdote', female: true },
  { name: 'Alain Apologue', female: false },
  { name: 'Catherine Fabliau', female: true },
  { name: 'Jean-Marc Songeur', female: false },
  { name: 'Françoise Paradoxe', female: true },
  { name: 'Yves Hyperbole', female: false },
  { name: 'Martine Parodie', female: true },
  { name: 'Gilles Allusion', female: false },
  { name: 'Odile Périphrase', female: true },
  { name: 'Bernard Litote', female: false },
];

export interface PromeneurSpec {
  firstName: string;
  lastName: string;
  status: PromeneurStatus;
}

/**
 * The Promeneurs: a first name and an invented last name. Some names carry accents
 * (Éloïse, Jérôme, Maëlle…) so accent-insensitive search can be tried.
 */
export const PROMENEURS: readonly PromeneurSpec[] = [
  { firstName: 'Camille', lastName: 'Fictif', status: 'actif' },
  { firstName: 'Yanis', lastName: 'Démo', status: 'actif' },
  { firstName: 'Inès', lastName: 'Exemplaire', status: 'actif' },
  { firstName: 'Éloïse', lastName: 'Songe', status: 'actif' },
  { firstName: 'Jérôme', lastName: 'Factice', status: 'actif' },
  { firstName: 'Maëlle', lastName: 'Chimère', status: 'actif' },
  { firstName: 'Lucas', lastName: 'Maquette', status: 'actif' },
  { firstName: 'Chloé', lastName: 'Prototype', status: 'actif' },
  { firstName: 'Mehdi', lastName: 'Esquisse', status: 'actif' },
  { firstName: 'Léa', lastName: 'Brouillon', status: 'actif' },
  { firstName: 'Hugo', lastName: 'Mirage', status: 'actif' },
  { firstName: 'Sarah', lastName: 'Fable', status: 'actif' },
  { firstName: 'Karim', lastName: 'Pastiche', status: 'suspendu' },
  { firstName: 'Manon', lastName: 'Ébauche', status: 'actif' },
  { firstName: 'Théo', lastName: 'Simulacre', status: 'actif' },
  { firstName: 'Aïcha', lastName: 'Gabarit', status: 'actif' },
  { firstName: 'Nathan', lastName: 'Canevas', status: 'actif' },
  { firstName: 'Zoé', lastName: 'Spécimen', status: 'actif' },
  { firstName: 'Rayan', lastName: 'Placebo', status: 'en_preparation' },
  { firstName: 'Jade', lastName: 'Hypothèse', status: 'en_preparation' },
  { firstName: 'Baptiste', lastName: 'Scénario', status: 'en_preparation' },
  { firstName: 'Fatou', lastName: 'Échantillon', status: 'actif' },
  { firstName: 'Antoine', lastName: 'Postiche', status: 'actif' },
  { firstName: 'Lina', lastName: 'Illusion', status: 'actif' },
  { firstName: 'Julien', lastName: 'Fantaisie', status: 'actif' },
  { firstName: 'Océane', lastName: 'Légende', status: 'suspendu' },
  { firstName: 'Samir', lastName: 'Virtuel', status: 'exclu' },
  { firstName: 'Clémence', lastName: 'Semblant', status: 'sorti' },
  { firstName: 'Kévin', lastName: 'Feinte', status: 'sorti' },
  { firstName: 'Anaïs', lastName: 'Imaginaire', status: 'actif' },
  { firstName: 'Bruno', lastName: 'Apocryphe', status: 'sorti' },
  { firstName: 'Noémie', lastName: 'Mirliton', status: 'en_preparation' },
  { firstName: 'Thibault', lastName: 'Faux-Semblant', status: 'actif' },
  { firstName: 'Héloïse', lastName: 'Utopie', status: 'actif' },
  { firstName: 'Malik', lastName: 'Inventé', status: 'en_preparation' },
];

/** The jobs a structure of each type usually employs as Promeneurs. */
export const JOBS_BY_TYPE: Record<StructureType, readonly Job[]> = {
  centre_social: ['animateur', 'animateur', 'educateur'],
  fjt: ['animateur', 'educateur'],
  maison_ados: ['psychologue', 'infirmier', 'educateur'],
  accueil_jeunes: ['animateur', 'animateur', 'informateur_jeunesse'],
  mjc: ['animateur', 'mediateur_numerique'],
  epn: ['mediateur_numerique'],
  mission_locale: ['conseiller_insertion'],
  pij: ['informateur_jeunesse'],
  association_jep: ['animateur', 'autre'],
  service_jeunesse: ['animateur', 'informateur_jeunesse'],
  prevention_specialisee: ['educateur'],
  autre: ['animateur', 'autre'],
};

/** Where a profile on each platform lives in the demo: `.example` hosts, or no link. */
export const PLATFORM_LINKS: Record<Platform, ((handle: string) => string) | null> = {
  facebook: (h) => `https://facebook.example/${h}`,
  instagram: (h) => `https://instagram.example/${h}`,
  snapchat: (h) => `https://snapchat.example/add/${h}`,
  tiktok: (h) => `https://tiktok.example/@${h}`,
  discord: null,
  twitch: (h) => `https://twitch.example/${h}`,
  whatsapp: null,
  youtube: (h) => `https://youtube.example/@${h}`,
  x: (h) => `https://x.example/${h}`,
  jeux_en_ligne: null,
  forums: (h) => `https://forum-ados.example/membres/${h}`,
  autre: (h) => `https://mastodon.example/@${h}`,
};

/** Platforms weighted by how often Promeneurs use them. */
export const PLATFORM_WEIGHTS: readonly Platform[] = [
  'instagram',
  'instagram',
  'instagram',
  'snapchat',
  'snapchat',
  'snapchat',
  'tiktok',
  'tiktok',
  'discord',
  'discord',
  'facebook',
  'facebook',
  'whatsapp',
  'twitch',
  'youtube',
  'x',
  'jeux_en_ligne',
  'forums',
  'autre',
];

/** Usual online duty slots: after school, early evening, evening, Wednesday and Saturday afternoons. */
export const SLOT_TIMES: readonly [string, string][] = [
  ['10:00', '12:00'],
  ['13:30', '15:00'],
  ['14:00', '16:00'],
  ['16:30', '18:00'],
  ['17:00', '19:00'],
  ['18:00', '19:30'],
  ['20:00', '21:30'],
];
