/**
 * Realistic, fictional committee documents for the document writers' tests: a spring COPIL
 * whose minutes run over several pages (headings, nested lists, links, accents), with an
 * excused and a represented member, decisions and actions.
 */
import type {
  ActionLine,
  AttendanceLine,
  DecisionRegisterRow,
  ExclusionLetter,
  MinutesDocument,
  PreparationPack,
} from '../../src/main/services/committees/documents/model';
import type { RichBlock, RichDoc, RichInline } from '../../src/shared/domain/richText';

const text = (value: string, ...marks: ('bold' | 'italic')[]): RichInline => ({
  type: 'text',
  text: value,
  ...(marks.length > 0 ? { marks: marks.map((type) => ({ type })) } : {}),
});
const link = (value: string, href: string): RichInline => ({
  type: 'text',
  text: value,
  marks: [{ type: 'link', attrs: { href } }],
});
const p = (...content: RichInline[]): RichBlock => ({ type: 'paragraph', content });
const h = (level: 2 | 3, value: string): RichBlock => ({
  type: 'heading',
  attrs: { level },
  content: [text(value)],
});
const item = (...content: RichBlock[]) => ({ type: 'listItem' as const, content });
const bullets = (...items: ReturnType<typeof item>[]): RichBlock => ({
  type: 'bulletList',
  content: items,
});
const numbers = (...items: ReturnType<typeof item>[]): RichBlock => ({
  type: 'orderedList',
  attrs: { start: 1 },
  content: items,
});
const doc = (...content: RichBlock[]): RichDoc => ({ type: 'doc', content });

/** A long, plausible paragraph, varied by `n` so page after page differs. */
export function filler(n: number): string {
  return (
    `Échange n° ${n} : les membres soulignent que la présence éducative en ligne des ` +
    'Promeneurs du Net s’est renforcée sur Instagram, Snapchat et Discord, notamment ' +
    'auprès des 15–17 ans. Plusieurs structures évoquent la difficulté de dégager du temps ' +
    'de travail dédié ; la CAF rappelle que la subvention forfaitaire couvre ce temps, ' +
    'à condition qu’il soit inscrit dans la fiche de poste et suivi par la direction.'
  );
}

export const attendance: AttendanceLine[] = [
  {
    name: 'Claire Martin',
    organisation: 'CAF du Val-de-Balise',
    role: 'Président·e, Titulaire',
    attendance: 'present',
    representedBy: null,
  },
  {
    name: 'Hélène Lefèvre',
    organisation: 'Conseil départemental',
    role: 'Membre, Titulaire',
    attendance: 'present',
    representedBy: null,
  },
  {
    name: 'Noël Garçon',
    organisation: 'Service de l’État chargé de la jeunesse (SDJES)',
    role: 'Membre, Titulaire',
    attendance: 'present',
    representedBy: null,
  },
  {
    name: 'Anaïs Béranger',
    organisation: 'MSA Alpes-Vallées',
    role: 'Membre, Titulaire',
    attendance: 'present',
    representedBy: null,
  },
  {
    name: 'Jérôme Œillet',
    organisation: 'Communauté de communes du Haut-Balise',
    role: 'Membre, Titulaire',
    attendance: 'excuse',
    representedBy: null,
  },
  {
    name: 'François Dubœuf',
    organisation: 'Fédération des centres sociaux',
    role: 'Membre, Titulaire',
    attendance: 'represente',
    representedBy: 'Maëlle Ricard',
  },
  {
    name: 'Loïc Péan',
    organisation: 'Commune de Valbourg',
    role: 'Invité·e',
    attendance: 'absent',
    representedBy: null,
  },
];

export const actions: ActionLine[] = [
  {
    who: 'Coordination départementale',
    what: 'Envoyer le projet de compte rendu aux membres du COPIL',
    dueOn: '2027-03-26',
    status: 'a_faire',
  },
  {
    who: 'Hélène Lefèvre',
    what: 'Proposer une date pour la formation « Présence éducative en ligne » avec le CNFPT',
    dueOn: '2027-04-30',
    status: 'en_cours',
  },
  {
    who: 'Claire Martin',
    what: 'Informer la MJC de Saint-Étienne-la-Forêt de sa sélection',
    dueOn: null,
    status: 'a_faire',
  },
];

export const previousActions: ActionLine[] = [
  {
    who: 'Coordination départementale',
    what: 'Lancer l’appel à projets 2027',
    dueOn: '2026-12-15',
    status: 'faite',
  },
  {
    who: 'Noël Garçon',
    what: 'Transmettre la liste des structures labellisées Information Jeunesse',
    dueOn: '2027-01-31',
    status: 'en_cours',
  },
  {
    who: 'Anaïs Béranger',
    what: 'Étudier un cofinancement MSA pour les territoires ruraux',
    dueOn: '2027-02-28',
    status: 'abandonnee',
  },
];

const LONG_DECISION =
  'Le comité de pilotage retient la candidature de la Maison des Jeunes et de la Culture ' +
  'de Saint-Étienne-la-Forêt pour deux Promeneurs du Net, sous réserve de la signature de ' +
  'la convention avant le 30 avril 2027. ' +
  'La structure s’engage à inscrire le temps de présence en ligne dans les fiches de poste. '.repeat(
    3,
  );

export function minutesDocument(overrides: Partial<MinutesDocument> = {}): MinutesDocument {
  const agendaMinutes: RichDoc[] = [
    doc(p(text('Les actions de la réunion précédente sont passées en revue.'))),
    doc(
      h(2, 'Sélection des structures'),
      p(
        text('Trois candidatures ont été reçues pour l’appel à projets '),
        text('2027', 'bold'),
        text('. Le dossier complet est en ligne sur '),
        link('le site du réseau', 'https://www.promeneursdunet.fr/appel-2027'),
        text('.'),
      ),
      h(3, 'Critères d’évaluation'),
      numbers(
        item(p(text('Projet éducatif '), text('en ligne', 'italic'))),
        item(
          p(text('Moyens humains dédiés')),
          bullets(
            item(p(text('temps de travail identifié'))),
            item(
              p(text('encadrement par la direction')),
              bullets(item(p(text('entretien annuel'))), item(p(text('analyse de pratiques')))),
            ),
          ),
        ),
        item(p(text('Ancrage territorial', 'bold', 'italic'))),
      ),
      p(
        text('Contact : '),
        link('coordination@pdn-balise.fr', 'mailto:coordination@pdn-balise.fr'),
        { type: 'hardBreak' },
        text('Réponse attendue « sous huitaine » — merci !'),
      ),
      ...Array.from({ length: 12 }, (_, i) => p(text(filler(i + 1)))),
    ),
    doc(
      p(text('Budget 2027 : '), text('48 000 € engagés', 'bold'), text(' pour 24 Promeneurs.')),
      bullets(...Array.from({ length: 25 }, (_, i) => item(p(text(`${filler(100 + i)}`))))),
    ),
    doc(),
  ];
  return {
    meeting: {
      committee: 'copil',
      departmentName: 'Val-de-Balise',
      title: 'COPIL de printemps',
      start: '2027-03-12T14:00',
      end: '2027-03-12T17:00',
      place: 'Hôtel du Département, salle Jean-Moulin',
    },
    status: 'brouillon',
    approvedOn: null,
    circulatedOn: null,
    quorum: { required: 4, present: 4 },
    attendance,
    agenda: [
      {
        position: 1,
        title: 'Suivi des actions de la réunion précédente',
        presenter: null,
        durationMinutes: 15,
        links: [],
        followUp: true,
      },
      {
        position: 2,
        title: 'Sélection des structures de l’appel à projets',
        presenter: 'Claire Martin',
        durationMinutes: 60,
        links: [
          'Structure : MJC de Saint-Étienne-la-Forêt',
          'Structure : Centre social Les Tilleuls',
        ],
        followUp: false,
      },
      {
        position: 3,
        title: 'Budget et financement 2027',
        presenter: 'Hélène Lefèvre',
        durationMinutes: 45,
        links: [],
        followUp: false,
      },
      {
        position: 4,
        title: 'Questions diverses',
        presenter: null,
        durationMinutes: null,
        links: [],
        followUp: false,
      },
    ].map((line, i) => ({ ...line, minutes: agendaMinutes[i]! })),
    decisions: [
      {
        reference: 'COPIL-2027-01',
        type: 'structure_retenue',
        title: 'Sélection de la MJC de Saint-Étienne-la-Forêt',
        subject: 'Structure : MJC de Saint-Étienne-la-Forêt',
        text: LONG_DECISION,
      },
      {
        reference: 'COPIL-2027-02',
        type: 'budget_valide',
        title: 'Budget prévisionnel 2027',
        subject: null,
        text: 'Enveloppe de 48 000 € validée.',
      },
      {
        reference: 'COPIL-2027-03',
        type: 'promeneur_exclu',
        title: 'Exclusion d’un Promeneur du Net',
        subject: 'Promeneur : Kévin Lœuvre',
        text: null,
      },
    ],
    actions,
    previousActions,
    ...overrides,
  };
}

export function preparationPack(overrides: Partial<PreparationPack> = {}): PreparationPack {
  const minutes = minutesDocument();
  return {
    meeting: minutes.meeting,
    agenda: minutes.agenda.map(({ minutes: _minutes, ...line }) => line),
    figures: {
      asOf: '2027-03-01',
      year: 2027,
      activePromeneurs: 37,
      activeStructures: 21,
      conventionsInForce: 19,
      committedCents: 4_560_000,
      paidCents: 1_234_560,
      meetingsHeld: [
        { label: 'Rencontre départementale', count: 1, target: 2 },
        { label: 'COPIL', count: 0, target: 2 },
        { label: 'COTECH', count: 2, target: 4 },
      ],
      overdueItems: 3,
    },
    openActions: previousActions.filter((a) => a.status === 'en_cours'),
    ...overrides,
  };
}

export function exclusionLetter(overrides: Partial<ExclusionLetter> = {}): ExclusionLetter {
  return {
    departmentName: 'Val-de-Balise',
    date: '2027-03-15',
    structure: {
      name: 'Centre social « Les Tilleuls »',
      address: '12, rue de l’Église',
      postalCode: '73200',
      commune: 'Saint-Étienne-la-Forêt',
      representativeName: 'Mme Françoise Aubépine',
      representativeTitle: 'Présidente',
    },
    promeneur: { firstName: 'Kévin', lastName: 'Lœuvre' },
    decision: {
      reference: 'COPIL-2027-03',
      meetingDate: '2027-03-12',
      text: 'Manquements répétés à la charte des Promeneurs du Net.',
    },
    ...overrides,
  };
}

export function registerRows(): DecisionRegisterRow[] {
  const minutes = minutesDocument();
  return [
    ...minutes.decisions.map((d) => ({
      ...d,
      committee: 'copil' as const,
      date: '2027-03-12',
      meetingTitle: minutes.meeting.title,
    })),
    {
      reference: 'COTECH-2027-01',
      type: 'autre',
      title: '=HYPERLINK("http://evil.example","Cliquez")',
      subject: '+33 6 12 34 56 78',
      text: '-2 structures en attente\n@équipe : relancer',
      committee: 'cotech',
      date: '2027-01-20',
      meetingTitle: '@COTECH de janvier',
    },
  ];
}
