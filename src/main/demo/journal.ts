/**
 * The demo coordinator's log (journal d'activité): about forty entries over the past twelve
 * months, of every kind and channel, about the demo's Promeneurs, structures and partners.
 * Built through the service, like real use.
 */
import { logFields, type LogFieldsInput } from '../../shared/api/journal';
import {
  LOG_CHANNELS,
  LOG_KINDS,
  type LogChannel,
  type LogKind,
} from '../../shared/domain/calendar';
import { addDays } from '../../shared/rules/conventions';
import type { Db } from '../db/connection';
import { createEntry } from '../services/journal';
import type { Random } from './random';

const ENTRIES = 40;

/** What an entry of each kind is about, and how it usually happens. */
const KIND_SPECS: Record<
  LogKind,
  {
    summaries: readonly string[];
    channels: readonly LogChannel[];
    minutes: readonly number[];
    /** Who it concerns. */
    about: 'promeneur' | 'structure' | 'partner' | 'none';
  }
> = {
  accompagnement_pdn: {
    summaries: [
      'Point sur la présence en ligne et les horaires de permanence',
      'Aide à la création du profil professionnel sur Instagram',
      'Échange sur une situation préoccupante repérée en ligne',
      'Reprise après une absence : remise à niveau sur la charte',
    ],
    channels: ['telephone', 'visio', 'presentiel', 'messagerie'],
    minutes: [15, 30, 45, 60],
    about: 'promeneur',
  },
  visite_structure: {
    summaries: [
      'Visite de la structure et rencontre avec la direction',
      'Bilan annuel de la convention avec la structure',
      'Présentation de la démarche à la nouvelle équipe',
    ],
    channels: ['presentiel', 'visio', 'telephone'],
    minutes: [60, 90, 120],
    about: 'structure',
  },
  partenariat: {
    summaries: [
      'Réunion de coordination avec les partenaires jeunesse',
      'Présentation du réseau aux élus de la commune',
      'Échange sur le repérage des jeunes en rupture',
    ],
    channels: ['presentiel', 'visio'],
    minutes: [60, 90, 120, 180],
    about: 'partner',
  },
  animation_reseau: {
    summaries: [
      'Préparation de la rencontre départementale',
      'Animation du groupe d’échange entre Promeneurs',
      'Relance des Promeneurs pour la journée départementale',
    ],
    channels: ['email', 'messagerie', 'presentiel', 'visio'],
    minutes: [30, 60, 120, 240],
    about: 'none',
  },
  instances: {
    summaries: [
      'Préparation du COPIL : bilan d’activité et ordre du jour',
      'Compte rendu du COTECH',
      'Préparation des dossiers présentés au comité technique',
    ],
    channels: ['presentiel', 'email', 'visio'],
    minutes: [60, 120, 180, 240],
    about: 'partner',
  },
  communication: {
    summaries: [
      'Mise à jour de la carte des Promeneurs sur le site',
      'Rédaction de la lettre d’information du réseau',
      'Stand de présentation lors du forum jeunesse',
    ],
    channels: ['autre', 'email', 'presentiel'],
    minutes: [60, 120, 240, 420],
    about: 'none',
  },
  formation: {
    summaries: [
      'Formation initiale des nouveaux Promeneurs',
      'Participation au séminaire national des coordinateurs',
      'Atelier sur la sécurité numérique et les réseaux sociaux',
    ],
    channels: ['presentiel', 'visio'],
    minutes: [180, 240, 420],
    about: 'none',
  },
  veille: {
    summaries: [
      'Lecture des nouvelles pratiques numériques des adolescents',
      'Veille sur les plateformes utilisées par les jeunes',
    ],
    channels: ['autre'],
    minutes: [30, 60, 90],
    about: 'none',
  },
  administratif: {
    summaries: [
      'Suivi des pièces justificatives des conventions',
      'Préparation des demandes de versement',
      'Mise à jour des tableaux de suivi du réseau',
    ],
    channels: ['autre', 'email'],
    minutes: [30, 60, 120, 180],
    about: 'none',
  },
  autre: {
    summaries: ['Réunion d’équipe au service', 'Entretien annuel avec la responsable de service'],
    channels: ['presentiel', 'telephone'],
    minutes: [15, 45, 60],
    about: 'none',
  },
};

const PARTNERS = [
  'CAF',
  'MSA',
  'Conseil départemental',
  'Mission locale',
  'Maison des adolescents',
  'Éducation nationale',
  'Protection judiciaire de la jeunesse',
];

/** Fills the demo's log; the same random sequence always gives the same entries. */
export async function seedJournal(
  db: Db,
  random: Random,
  today: string,
  structureIds: readonly number[],
  promeneurIds: readonly number[],
): Promise<void> {
  const kinds = Object.keys(LOG_KINDS) as LogKind[];
  const channels = Object.keys(LOG_CHANNELS) as LogChannel[];
  for (let i = 0; i < ENTRIES; i++) {
    // Every kind, then every channel (with a kind that fits it), appears at least once.
    const forcedChannel = channels[i - kinds.length];
    const kind =
      i < kinds.length
        ? kinds[i]!
        : random.pick(
            forcedChannel
              ? kinds.filter((k) => KIND_SPECS[k].channels.includes(forcedChannel))
              : kinds,
          );
    const spec = KIND_SPECS[kind];
    const channel = forcedChannel ?? random.pick(spec.channels);
    const fields: LogFieldsInput = {
      date: addDays(today, -random.int(1, 360)),
      kind,
      channel,
      durationMinutes: random.pick(spec.minutes),
      summary: random.pick(spec.summaries),
    };
    if (spec.about === 'promeneur' && promeneurIds.length > 0)
      fields.promeneurIds = random.sample(promeneurIds, random.chance(0.2) ? 2 : 1);
    if (spec.about === 'structure' && structureIds.length > 0)
      fields.structureIds = random.sample(structureIds, 1);
    if (spec.about === 'partner')
      fields.partners = random.sample(PARTNERS, random.int(1, 3)).join(', ');
    await createEntry(db, logFields.parse(fields));
  }
}
