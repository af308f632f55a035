/**
 * The processing record (registre des traitements, GDPR art. 30) of the network's directory,
 * filled from the vault's settings and from the kinds of data it actually holds.
 */
import type { Db } from '../../db/connection';
import { readSettings } from '../settings';

const count = async (db: Db, query: Promise<{ n: number | string | bigint }>) =>
  Number((await query).n);

export async function processingRecord(db: Db) {
  const settings = await readSettings(db);
  const department =
    settings.departmentName.trim() || '(nom du département à renseigner dans Paramètres)';
  const n = (
    table: 'promeneurs' | 'promeneurProfiles' | 'dutySlots' | 'journalEntries' | 'events',
  ) =>
    count(
      db,
      db
        .selectFrom(table)
        .select((eb) => eb.fn.countAll<number>().as('n'))
        .executeTakeFirstOrThrow(),
    );
  const promeneurs = await n('promeneurs');
  const profiles = await n('promeneurProfiles');
  const slots = await n('dutySlots');
  const journal = await n('journalEntries');
  const guests = await count(
    db,
    db
      .selectFrom('eventInvitees')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .where('kind', 'in', ['structure', 'invite'])
      .executeTakeFirstOrThrow(),
  );
  const contacts = await count(
    db,
    db
      .selectFrom('structures')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .where((eb) =>
        eb.or([eb('representativeName', 'is not', null), eb('charterSignatory', 'is not', null)]),
      )
      .executeTakeFirstOrThrow(),
  );

  const categories: string[] = [];
  if (promeneurs > 0)
    categories.push(
      `Promeneurs du Net (${promeneurs}) : identité (prénom, nom), métier, structure employeuse, coordonnées professionnelles (e-mail, téléphone), dates d’entrée et de signature de la charte, statut dans le réseau et son historique, consentements de publication dans l’annuaire, notes.`,
    );
  if (profiles > 0)
    categories.push(
      `Profils professionnels en ligne des Promeneurs (${profiles}) : plateforme, nom du profil, adresse.`,
    );
  if (slots > 0)
    categories.push(`Permanences en ligne des Promeneurs (${slots}) : jour et horaires.`);
  if (contacts > 0)
    categories.push(
      `Représentants légaux et signataires de la charte des structures (${contacts} structure${contacts > 1 ? 's' : ''}) : nom et qualité.`,
    );
  if (guests > 0)
    categories.push(
      `Personnes invitées aux évènements du réseau, équipes des structures et invités extérieurs (${guests} invitations) : nom, organisation, e-mail, présence.`,
    );
  const members = await count(
    db,
    db
      .selectFrom('committeeMembers')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .executeTakeFirstOrThrow(),
  );
  if (members > 0)
    categories.push(
      `Membres des instances, COPIL et COTECH (${members}) : nom, organisation, rôle, siège (titulaire ou suppléant), coordonnées professionnelles, dates de mandat, présences aux réunions ; leurs noms dans les ordres du jour, comptes rendus, décisions et actions.`,
    );
  if (journal > 0)
    categories.push(
      `Journal d’activité du coordinateur (${journal} entrées) : date, nature et durée des échanges, Promeneurs et structures concernés.`,
    );
  if (categories.length === 0)
    categories.push('Aucune donnée personnelle n’est encore enregistrée.');

  const sections = [
    {
      heading: 'Responsable du traitement',
      lines: [
        `Coordination départementale Promeneurs du Net — ${department}.`,
        'Traitement tenu par le coordinateur ou la coordinatrice départementale du réseau, avec l’application Balise.',
      ],
    },
    {
      heading: 'Finalités',
      lines: [
        'Animer et coordonner le réseau départemental des Promeneurs du Net : annuaire des structures et des Promeneurs, suivi de la charte et de la conformité des profils professionnels.',
        'Gérer les conventions de financement avec la CAF (et la MSA) : pièces justificatives, obligations annuelles, versements.',
        'Organiser les rencontres, formations et instances du réseau (invitations, feuilles d’émargement, présences) et rendre compte de l’activité (journal, bilans au COPIL).',
      ],
    },
    {
      heading: 'Base légale',
      lines: [
        'Mission d’intérêt public confiée par la convention d’objectifs et de gestion de la CAF et la charte nationale Promeneurs du Net (art. 6.1.e du RGPD) ; consentement des Promeneurs pour la publication dans l’annuaire départemental (art. 6.1.a).',
      ],
    },
    {
      heading: 'Personnes concernées et catégories de données',
      lines: [
        ...categories,
        'Aucun jeune accompagné n’est enregistré individuellement. Aucune donnée sensible (art. 9 du RGPD) n’est collectée.',
      ],
    },
    {
      heading: 'Destinataires',
      lines: [
        'Le coordinateur ou la coordinatrice départementale, seul utilisateur du coffre.',
        'La CAF (et la MSA quand elle est signataire) reçoit les documents de suivi des conventions et les bilans que le coordinateur choisit de lui transmettre.',
        'Le public, pour l’annuaire départemental : uniquement les champs que chaque Promeneur a accepté de publier.',
        'Aucun transfert hors de l’Union européenne.',
      ],
    },
    {
      heading: 'Durées de conservation',
      lines: [
        'Promeneurs en activité et structures du réseau : pendant la participation au réseau.',
        `Promeneurs sortis ou exclus du réseau : ${settings.retentionYears} an${settings.retentionYears > 1 ? 's' : ''} après la sortie ; Balise propose alors leur effacement (Données personnelles › Conservation).`,
        'Conventions et pièces justificatives : la durée exigée par les règles de contrôle du financeur.',
      ],
    },
    {
      heading: 'Mesures de sécurité',
      lines: [
        'Coffre chiffré (SQLCipher, AES-256) sur le poste du coordinateur, ouvert uniquement par la phrase de passe ou la clé de secours ; la clé de la base n’est jamais écrite en clair.',
        `Verrouillage automatique après ${settings.autoLockMinutes} minute${settings.autoLockMinutes > 1 ? 's' : ''} d’inactivité, à la mise en veille et au verrouillage de l’écran.`,
        'Sauvegardes chiffrées comme le coffre lui-même, qui ne s’ouvrent qu’avec la même phrase de passe ou clé de secours.',
        'Aucune donnée personnelle écrite en clair sur le disque (fichiers temporaires et journaux compris) ; fonctionnement hors ligne, sans serveur.',
        'Journal des modifications de chaque fiche ; les effacements n’y laissent pas les valeurs effacées.',
      ],
    },
    {
      heading: 'Droits des personnes',
      lines: [
        'Accès et portabilité : export de toutes les données d’une personne en Excel ou JSON (Données personnelles).',
        'Rectification : modification des fiches. Effacement : suppression de la personne et de ses traces dans le coffre.',
        'Les demandes sont adressées au coordinateur ou à la coordinatrice départementale.',
      ],
    },
  ];
  const title = `Registre des traitements — Réseau Promeneurs du Net — ${department}`;
  const text = [
    title,
    '',
    ...sections.flatMap((s) => [s.heading, ...s.lines.map((l) => `- ${l}`), '']),
  ]
    .join('\n')
    .trimEnd();
  return { title, sections, text };
}
