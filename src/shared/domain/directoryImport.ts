/**
 * The directory import's vocabulary: which fields of a structure and of a Promeneur a
 * coordinator's spreadsheet can fill, what each is called on screen, and the column headings
 * people really write for it (any case, accents or punctuation: they are compared folded).
 */

/** What a sheet of the file holds, as the coordinator says it. */
export const SHEET_ROLES = {
  both: 'Des Promeneurs du Net, chacun avec sa structure',
  promeneurs: 'Des Promeneurs du Net (leur structure existe déjà)',
  structures: 'Des structures',
  ignore: 'Rien à importer (feuille ignorée)',
} as const;
export type SheetRole = keyof typeof SHEET_ROLES;

export type ImportEntity = 'structure' | 'promeneur';

/** How a cell becomes a field's value (see rules/directoryImport.ts). */
export type ValueKind =
  | 'text'
  | 'date'
  | 'phone'
  | 'email'
  | 'siret'
  | 'postalCode'
  | 'url'
  | 'boolean'
  | 'structureType'
  | 'legalForm'
  | 'structureStatus'
  | 'job'
  | 'promeneurStatus';

export interface ImportField {
  entity: ImportEntity;
  /** The record's field it fills. */
  key: string;
  label: string;
  kind: ValueKind;
  /** Headings that name this field exactly. */
  synonyms: readonly string[];
  /**
   * Headings that name it only when nothing more precise claims the column: « Téléphone » is
   * a Promeneur's phone in a sheet of Promeneurs, the structure's in a sheet of structures.
   */
  loose?: readonly string[];
}

const PHONE = ['telephone', 'tel', 'tel.', 'telephone portable', 'portable', 'mobile', 'tel pro'];
const EMAIL = ['mail', 'e-mail', 'email', 'courriel', 'adresse mail', 'adresse e-mail'];

export const IMPORT_FIELDS = {
  'structure.name': {
    entity: 'structure',
    key: 'name',
    label: 'Nom de la structure',
    kind: 'text',
    synonyms: [
      'nom de la structure',
      'structure',
      'structure porteuse',
      'structure employeuse',
      'employeur',
      'nom structure',
      'raison sociale',
      'etablissement',
      'organisme',
    ],
    loose: ['nom'],
  },
  'structure.type': {
    entity: 'structure',
    key: 'type',
    label: 'Type de structure',
    kind: 'structureType',
    synonyms: ['type de structure', 'type', 'type structure', 'nature de la structure'],
  },
  'structure.legalForm': {
    entity: 'structure',
    key: 'legalForm',
    label: 'Forme juridique',
    kind: 'legalForm',
    synonyms: ['forme juridique', 'statut juridique', 'nature juridique'],
  },
  'structure.siret': {
    entity: 'structure',
    key: 'siret',
    label: 'SIRET',
    kind: 'siret',
    synonyms: ['siret', 'n siret', 'numero siret', 'siret structure'],
  },
  'structure.address': {
    entity: 'structure',
    key: 'address',
    label: 'Adresse',
    kind: 'text',
    synonyms: ['adresse', 'adresse postale', 'adresse de la structure', 'rue'],
  },
  'structure.postalCode': {
    entity: 'structure',
    key: 'postalCode',
    label: 'Code postal',
    kind: 'postalCode',
    synonyms: ['code postal', 'cp', 'c p'],
  },
  'structure.commune': {
    entity: 'structure',
    key: 'commune',
    label: 'Commune',
    kind: 'text',
    synonyms: ['commune', 'ville', 'localite', 'commune de la structure'],
  },
  'structure.territory': {
    entity: 'structure',
    key: 'territory',
    label: 'Territoire (EPCI)',
    kind: 'text',
    synonyms: [
      'epci',
      'territoire',
      'intercommunalite',
      'communaute de communes',
      'com com',
      'agglomeration',
    ],
  },
  'structure.qpv': {
    entity: 'structure',
    key: 'qpv',
    label: 'Quartier prioritaire (QPV)',
    kind: 'boolean',
    synonyms: ['qpv', 'quartier prioritaire', 'politique de la ville'],
  },
  'structure.phone': {
    entity: 'structure',
    key: 'phone',
    label: 'Téléphone de la structure',
    kind: 'phone',
    synonyms: ['telephone structure', 'tel structure', 'telephone de la structure', 'standard'],
    loose: PHONE,
  },
  'structure.email': {
    entity: 'structure',
    key: 'email',
    label: 'E-mail de la structure',
    kind: 'email',
    synonyms: ['mail structure', 'e-mail structure', 'courriel structure', 'email de la structure'],
    loose: EMAIL,
  },
  'structure.website': {
    entity: 'structure',
    key: 'website',
    label: 'Site web',
    kind: 'url',
    synonyms: ['site web', 'site internet', 'site', 'url'],
  },
  'structure.representativeName': {
    entity: 'structure',
    key: 'representativeName',
    label: 'Représentant légal',
    kind: 'text',
    synonyms: ['representant legal', 'representant', 'president', 'nom du representant'],
  },
  'structure.representativeTitle': {
    entity: 'structure',
    key: 'representativeTitle',
    label: 'Qualité du représentant',
    kind: 'text',
    synonyms: ['qualite du representant', 'fonction du representant', 'qualite'],
  },
  'structure.networkStatus': {
    entity: 'structure',
    key: 'networkStatus',
    label: 'Statut dans le réseau',
    kind: 'structureStatus',
    synonyms: ['statut dans le reseau', 'statut reseau', 'statut de la structure'],
    loose: ['statut'],
  },
  'promeneur.firstName': {
    entity: 'promeneur',
    key: 'firstName',
    label: 'Prénom',
    kind: 'text',
    synonyms: ['prenom', 'prenom du promeneur', 'prenom pdn'],
  },
  'promeneur.lastName': {
    entity: 'promeneur',
    key: 'lastName',
    label: 'Nom',
    kind: 'text',
    synonyms: ['nom', 'nom de famille', 'nom du promeneur', 'nom pdn', 'nom d usage'],
  },
  'promeneur.job': {
    entity: 'promeneur',
    key: 'job',
    label: 'Métier',
    kind: 'job',
    synonyms: ['metier', 'fonction', 'poste', 'profession', 'emploi'],
  },
  'promeneur.email': {
    entity: 'promeneur',
    key: 'email',
    label: 'E-mail professionnel',
    kind: 'email',
    synonyms: [...EMAIL, 'e-mail pro', 'mail pro', 'email professionnel', 'courriel pro'],
  },
  'promeneur.phone': {
    entity: 'promeneur',
    key: 'phone',
    label: 'Téléphone professionnel',
    kind: 'phone',
    synonyms: [...PHONE, 'telephone professionnel', 'portable pro'],
  },
  'promeneur.startDate': {
    entity: 'promeneur',
    key: 'startDate',
    label: 'Date d’entrée',
    kind: 'date',
    synonyms: [
      'date d entree',
      'date entree',
      'entree',
      'date d arrivee',
      'date de debut',
      'debut',
      'entree dans le dispositif',
    ],
  },
  'promeneur.charterSignedOn': {
    entity: 'promeneur',
    key: 'charterSignedOn',
    label: 'Charte signée le',
    kind: 'date',
    synonyms: ['charte signee le', 'date de signature de la charte', 'signature charte'],
  },
  'promeneur.status': {
    entity: 'promeneur',
    key: 'status',
    label: 'Statut du Promeneur',
    kind: 'promeneurStatus',
    synonyms: ['statut', 'statut du promeneur', 'statut pdn', 'etat'],
  },
} as const satisfies Record<string, ImportField>;

export type ImportFieldKey = keyof typeof IMPORT_FIELDS;
export const IMPORT_FIELD_KEYS = Object.keys(IMPORT_FIELDS) as [
  ImportFieldKey,
  ...ImportFieldKey[],
];

/** The fields a sheet of each kind offers in the mapping step. */
export function fieldsForRole(role: SheetRole): ImportFieldKey[] {
  if (role === 'ignore') return [];
  if (role === 'structures')
    return IMPORT_FIELD_KEYS.filter((k) => IMPORT_FIELDS[k].entity === 'structure');
  if (role === 'promeneurs')
    // The structure's name (and commune) only to find it among those already recorded.
    return IMPORT_FIELD_KEYS.filter(
      (k) =>
        IMPORT_FIELDS[k].entity === 'promeneur' ||
        k === 'structure.name' ||
        k === 'structure.commune',
    );
  return [...IMPORT_FIELD_KEYS];
}

/** Limits of an imported file: the size is checked before anything is read. */
export const MAX_DIRECTORY_FILE_BYTES = 10 * 1024 * 1024;
export const MAX_DIRECTORY_ROWS = 10_000;
export const MAX_DIRECTORY_COLUMNS = 100;
export const MAX_DIRECTORY_SHEETS = 20;
