/**
 * Fictional names for the synthetic nation: departments, territories, communes, people.
 * Invented words only (as in the department demo), so nothing names a real place or person;
 * postal codes use the 99xxx range, which no French commune has.
 */
import type { Random } from '../random';

export const FIRST_NAMES = [
  'Camille',
  'Yanis',
  'Inès',
  'Éloïse',
  'Jérôme',
  'Maëlle',
  'Lucas',
  'Chloé',
  'Mehdi',
  'Léa',
  'Hugo',
  'Sarah',
  'Karim',
  'Manon',
  'Théo',
  'Aïcha',
  'Julien',
  'Nora',
  'Bastien',
  'Lina',
  'Antoine',
  'Zoé',
  'Samir',
  'Clara',
  'Romain',
  'Jade',
  'Nicolas',
  'Louise',
  'Bilal',
  'Emma',
  'Quentin',
  'Anaïs',
  'Maxime',
  'Sofia',
  'Thomas',
  'Lou',
  'Adrien',
  'Yasmine',
  'Florian',
  'Elsa',
  'Kevin',
  'Margaux',
  'Rayan',
  'Pauline',
  'Alexis',
  'Mathilde',
  'Sofiane',
  'Justine',
  'Loïc',
  'Amel',
  'Gaël',
  'Océane',
  'Nathan',
  'Céline',
  'Dylan',
  'Hélène',
  'Malik',
  'Audrey',
  'Victor',
  'Salomé',
] as const;

/** Surnames that say they are made up. */
export const LAST_NAMES = [
  'Fictif',
  'Démo',
  'Exemplaire',
  'Songe',
  'Factice',
  'Chimère',
  'Maquette',
  'Prototype',
  'Esquisse',
  'Brouillon',
  'Mirage',
  'Fable',
  'Pastiche',
  'Ébauche',
  'Simulacre',
  'Gabarit',
  'Modèle',
  'Canevas',
  'Croquis',
  'Épure',
  'Patron',
  'Reflet',
  'Fiction',
  'Légende',
  'Chimérique',
  'Illusion',
  'Fantaisie',
  'Rêverie',
  'Utopie',
  'Conte',
  'Parabole',
  'Saynète',
  'Postiche',
  'Trompe',
  'Leurre',
  'Apparence',
  'Ombre',
  'Semblant',
  'Copie',
  'Calque',
  'Décor',
  'Figurant',
  'Masque',
  'Costume',
  'Coulisse',
  'Répétition',
  'Essai',
  'Ébauchée',
  'Hypothèse',
  'Supposé',
  'Virtuel',
  'Inventé',
  'Imaginaire',
  'Feinte',
  'Mimique',
  'Parodie',
  'Variante',
  'Scénario',
  'Synopsis',
  'Storyboard',
] as const;

const ROOTS = [
  'Balise',
  'Lorette',
  'Sorgeline',
  'Vermance',
  'Aubrelle',
  'Celmont',
  'Dravenne',
  'Ferlande',
  'Gironce',
  'Hautmoor',
  'Isarde',
  'Joncelle',
  'Kervallon',
  'Lisandre',
  'Morvelle',
  'Noirance',
  'Orbelle',
  'Perlande',
  'Quirelle',
  'Rosemonde',
  'Sablenne',
  'Tormance',
  'Ursanne',
  'Valombre',
  'Wisselle',
  'Yvrande',
  'Zéphire',
  'Argilane',
  'Brumelle',
  'Cendrane',
  'Dunelle',
  'Estrande',
] as const;
const DEPARTMENT_PATTERNS = [
  (r: string) => r,
  (r: string) => `Haute-${r}`,
  (r: string) => `Basse-${r}`,
  (r: string) => `Val-de-${r}`,
  (r: string) => `${r}-Maritime`,
] as const;
const COMMUNE_PATTERNS = [
  (r: string) => `${r}-la-Ville`,
  (r: string) => `Saint-${r}`,
  (r: string) => `${r}-sur-${r === 'Balise' ? 'Lorette' : 'Balise'}`,
  (r: string) => `Pré-${r}`,
  (r: string) => `${r}-les-Bains`,
  (r: string) => `Mont-${r}`,
  (r: string) => `Sainte-${r}-des-Champs`,
  (r: string) => `${r}ville`,
  (r: string) => `Le Petit-${r}`,
  (r: string) => `Bourg-${r}`,
] as const;
const TERRITORY_PATTERNS = [
  (r: string) => `${r} Agglomération`,
  (r: string) => `Communauté de communes du Pays de ${r}`,
  (r: string) => `Communauté de communes des Vallons de ${r}`,
  (r: string) => `Communauté de communes Cœur de ${r}`,
  (r: string) => `Métropole de ${r}`,
] as const;

/** `count` distinct department names (« Haute-Sorgeline (fictif) »), in a drawn order. */
export function departmentNames(random: Random, count: number): string[] {
  const all = DEPARTMENT_PATTERNS.flatMap((p) => ROOTS.map((r) => p(r)));
  if (count > all.length) throw new Error(`at most ${all.length} departments`);
  return random.shuffle(all).slice(0, count);
}

export const communeName = (random: Random) => random.pick(COMMUNE_PATTERNS)(random.pick(ROOTS));
export const territoryName = (random: Random, root: string) =>
  random.pick(TERRITORY_PATTERNS)(root);
export const rootOf = (random: Random) => random.pick(ROOTS);

/** ASCII, lower case, dashes: for e-mail addresses, domains and handles. */
export const slug = (value: string) =>
  value
    .normalize('NFD')
    .replace(/\p{Diacritic}/gu, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-|-$/g, '');
